// The JSON tokens the Header and Payload editors colour, without CodeMirror: the editor's highlighter and the
// text shown before the editor has loaded both read them from here.

/** JSON strings cannot span lines (RFC 8259 §7), so each line can be tokenized on its own. */
export const JSON_TOKEN =
	/"(?:[^"\\]|\\.)*"?|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\btrue\b|\bfalse\b|\bnull\b|[{}[\],:]/g;

/** The class of each kind of token; the page's CSS gives them the `--json-*` colours. */
export const tokenClasses = {
	key: 'tok-key',
	string: 'tok-string',
	number: 'tok-number',
	literal: 'tok-literal',
	punctuation: 'tok-punctuation',
} as const;

export type TokenKind = keyof typeof tokenClasses;

/** The kind of one token of JSON text (`rest` is the text after it), or undefined for text that is not a token. */
export function classifyToken(token: string, rest: string): TokenKind | undefined {
	const first = token.charCodeAt(0);
	if (first === 34 /* " */) return /^\s*:/.test(rest) ? 'key' : 'string';
	if (first === 45 /* - */ || (first >= 48 && first <= 57)) return 'number';
	if (token === 'true' || token === 'false' || token === 'null') return 'literal';
	return 'punctuation';
}
