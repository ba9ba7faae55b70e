// How finding details show values taken from a token: quoted as inert text, escaped and shortened.

import type { JsonNode } from '../json';

/** Longest quoted value, in characters, before it is cut with "…". */
export const QUOTE_LIMIT = 60;

// Characters that could make a detail read differently than it is written: bidirectional overrides
// and isolates (CVE-2021-42574, "Trojan Source"), zero-width characters and the byte order mark.
const INVISIBLE = /[\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * Quotes text from a token for a finding's detail: JSON-escaped, so quotes, control characters and
 * NUL show as `\"`, `\n`, `\u0000`, and invisible or direction-changing characters as `\uXXXX`; cut
 * to `limit` characters (whole code points) with "…" when longer.
 * @example quoteText('a\u0000b') // "a\u0000b", with the escape visible
 */
export function quoteText(text: string, limit = QUOTE_LIMIT): string {
	// Slice before spreading so a megabyte string is never split into code points.
	// Past limit * 2 + 2 UTF-16 units there are always more than `limit` code points.
	const points = [...text.slice(0, limit * 2 + 2)];
	const cut = points.length > limit;
	const shown = cut ? points.slice(0, limit).join('') : text;
	const escaped = JSON.stringify(shown).replace(
		INVISIBLE,
		(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
	return cut ? `${escaped.slice(0, -1)}…"` : escaped;
}

/** A JSON value as it reads in a detail: strings quoted ({@link quoteText}), numbers as written, containers by kind. */
export function quoteValue(node: JsonNode): string {
	switch (node.kind) {
		case 'string':
			return quoteText(node.value);
		case 'number':
			return node.raw.length > QUOTE_LIMIT ? `${node.raw.slice(0, QUOTE_LIMIT)}…` : node.raw;
		case 'boolean':
			return String(node.value);
		default:
			return describeKind(node.kind);
	}
}

/** "an array", "a string", "null": the kind of a JSON value as a phrase. */
export function describeKind(kind: JsonNode['kind']): string {
	if (kind === 'null') return 'null';
	return `${kind === 'array' || kind === 'object' ? 'an' : 'a'} ${kind}`;
}

/** "a", "a and b", "a, b and c" (or "a, b or c"): phrases joined as a sentence lists them. */
export function joinPhrases(phrases: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
	if (phrases.length <= 1) return phrases.join('');
	return `${phrases.slice(0, -1).join(', ')} ${conjunction} ${phrases[phrases.length - 1]}`;
}
