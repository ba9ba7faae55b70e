// Lossless JSON (RFC 8259): a parse tree that keeps key order, duplicates and every literal as written, with positions.

/** Offsets of a value in the JSON text: `start` inclusive, `end` exclusive (UTF-16 code units). */
export interface Span {
	readonly start: number;
	readonly end: number;
}

/** One member of an object, in the order written; duplicates are kept. */
export interface JsonEntry {
	/** The key with escapes resolved. */
	readonly key: string;
	/** The key exactly as written, quotes included. */
	readonly rawKey: string;
	readonly keyStart: number;
	readonly keyEnd: number;
	readonly value: JsonNode;
}

/** A JSON value. Strings and numbers keep their `raw` text, so nothing is lost when shown. */
export type JsonNode =
	| ({ readonly kind: 'object'; readonly entries: readonly JsonEntry[] } & Span)
	| ({ readonly kind: 'array'; readonly items: readonly JsonNode[] } & Span)
	| ({ readonly kind: 'string'; readonly raw: string; readonly value: string } & Span)
	| ({ readonly kind: 'number'; readonly raw: string; readonly value: number } & Span)
	| ({ readonly kind: 'boolean'; readonly value: boolean } & Span)
	| ({ readonly kind: 'null' } & Span);

/** A key that appears more than once in one object (RFC 8259 §4: behaviour is then unpredictable). */
export interface DuplicateKey {
	readonly key: string;
	/** Where the object is, e.g. `$` or `$.address` or `$.list[2]`. */
	readonly path: string;
	/** Offset of the repeated key. */
	readonly offset: number;
}

/** Why a text is not JSON, and where: `line` and `column` start at 1. */
export interface JsonSyntaxError {
	readonly message: string;
	readonly offset: number;
	readonly line: number;
	readonly column: number;
}

/** The outcome of {@link parseJson}. */
export type JsonParseResult =
	| { readonly ok: true; readonly root: JsonNode; readonly duplicates: readonly DuplicateKey[] }
	| { readonly ok: false; readonly error: JsonSyntaxError };

/** Options for {@link parseJson}. */
export interface JsonParseOptions {
	/** Deepest nesting accepted; deeper input is a syntax error, never a stack overflow. */
	readonly maxDepth?: number;
}

type MutableObject = { kind: 'object'; entries: JsonEntry[]; start: number; end: number };
type MutableArray = { kind: 'array'; items: JsonNode[]; start: number; end: number };

interface ObjectFrame {
	readonly node: MutableObject;
	readonly path: string;
	readonly seen: Set<string>;
	key?: { key: string; rawKey: string; keyStart: number; keyEnd: number };
}
interface ArrayFrame {
	readonly node: MutableArray;
	readonly path: string;
}
type Frame = ObjectFrame | ArrayFrame;

class SyntaxFault {
	constructor(
		readonly message: string,
		readonly offset: number,
	) {}
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
/** Characters a string holds as they are: anything but `"`, `\\` and control characters (RFC 8259 §7). */
const PLAIN_RUN = /[^"\\\u0000-\u001f]*/y;
/** Whitespace between tokens (RFC 8259 §2). */
const SPACE_RUN = /[ \t\n\r]*/y;
const ESCAPES: Readonly<Record<string, string>> = Object.freeze({
	'"': '"',
	'\\': '\\',
	'/': '/',
	b: '\b',
	f: '\f',
	n: '\n',
	r: '\r',
	t: '\t',
});
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Parses JSON text strictly (RFC 8259) into a lossless tree. Iterative, so deep nesting cannot
 * overflow the stack. Never throws: a syntax error comes back with its line and column.
 */
export function parseJson(text: string, options: JsonParseOptions = {}): JsonParseResult {
	try {
		return new Parser(text, options.maxDepth ?? 100_000).parse();
	} catch (error) {
		if (!(error instanceof SyntaxFault)) throw error;
		return { ok: false, error: locate(text, error.message, error.offset) };
	}
}

class Parser {
	#pos = 0;
	readonly #duplicates: DuplicateKey[] = [];

	constructor(
		readonly text: string,
		readonly maxDepth: number,
	) {}

	parse(): JsonParseResult {
		const stack: Frame[] = [];
		let root: JsonNode | undefined;
		// Each turn reads one value (or opens a container) and then the punctuation after it.
		for (;;) {
			const frame = stack[stack.length - 1];
			let value: JsonNode | undefined;
			if (frame && 'seen' in frame && frame.key === undefined) {
				// Inside an object, expecting a key (or `}` right after `{`).
				this.#skipSpace();
				if (this.text[this.#pos] === '}' && frame.node.entries.length === 0) {
					value = this.#close(stack);
				} else {
					this.#readKey(frame);
					continue;
				}
			} else if (
				frame &&
				!('seen' in frame) &&
				frame.node.items.length === 0 &&
				this.#peekNonSpace() === ']'
			) {
				value = this.#close(stack);
			} else {
				this.#skipSpace();
				const opened = this.#readValueOrOpen(stack);
				if (opened === undefined) continue;
				value = opened;
			}
			// A complete value: attach it and read what follows, closing containers as they end.
			for (;;) {
				const parent = stack[stack.length - 1];
				if (!parent) {
					root = value;
					break;
				}
				this.#attach(parent, value);
				this.#skipSpace();
				const next = this.text[this.#pos];
				const closer = 'seen' in parent ? '}' : ']';
				if (next === ',') {
					this.#pos++;
					if ('seen' in parent) this.#expectKeyAfterComma();
					else if (this.#peekNonSpace() === ']') throw new SyntaxFault('trailing comma before ]', this.#pos);
					break;
				}
				if (next === closer) {
					value = this.#close(stack);
					continue;
				}
				if (next === undefined)
					throw new SyntaxFault(`unexpected end of input: expected ',' or '${closer}'`, this.#pos);
				throw new SyntaxFault(`expected ',' or '${closer}' but found ${describeChar(next)}`, this.#pos);
			}
			if (root) break;
		}
		this.#skipSpace();
		if (this.#pos < this.text.length) {
			throw new SyntaxFault(
				`unexpected ${describeChar(this.text[this.#pos]!)} after the JSON value`,
				this.#pos,
			);
		}
		return { ok: true, root, duplicates: this.#duplicates };
	}

	#expectKeyAfterComma(): void {
		const next = this.#peekNonSpace();
		if (next === '}') throw new SyntaxFault('trailing comma before }', this.#pos);
	}

	#peekNonSpace(): string | undefined {
		this.#skipSpace();
		return this.text[this.#pos];
	}

	#attach(parent: Frame, value: JsonNode): void {
		if (!('seen' in parent)) {
			parent.node.items.push(value);
			return;
		}
		const key = parent.key!;
		parent.key = undefined;
		if (parent.seen.has(key.key)) {
			this.#duplicates.push({ key: key.key, path: parent.path, offset: key.keyStart });
		}
		parent.seen.add(key.key);
		parent.node.entries.push({ ...key, value });
	}

	#close(stack: Frame[]): JsonNode {
		const frame = stack.pop()!;
		this.#pos++;
		frame.node.end = this.#pos;
		return frame.node;
	}

	#readKey(frame: ObjectFrame): void {
		const keyStart = this.#pos;
		const ch = this.text[keyStart];
		if (ch !== '"') {
			if (ch === undefined)
				throw new SyntaxFault("unexpected end of input: expected a key in double quotes or '}'", keyStart);
			throw new SyntaxFault(`expected a key in double quotes but found ${describeChar(ch)}`, keyStart);
		}
		const key = this.#readString();
		const keyEnd = this.#pos;
		this.#skipSpace();
		if (this.text[this.#pos] !== ':') {
			const found = this.text[this.#pos];
			throw new SyntaxFault(
				found === undefined
					? "unexpected end of input: expected ':'"
					: `expected ':' after the key but found ${describeChar(found)}`,
				this.#pos,
			);
		}
		this.#pos++;
		frame.key = { key, rawKey: this.text.slice(keyStart, keyEnd), keyStart, keyEnd };
	}

	/** Reads a scalar and returns it, or opens a container, pushes its frame and returns undefined. */
	#readValueOrOpen(stack: Frame[]): JsonNode | undefined {
		const start = this.#pos;
		const ch = this.text[start];
		if (ch === '{' || ch === '[') {
			if (stack.length >= this.maxDepth)
				throw new SyntaxFault(`nested deeper than ${this.maxDepth} levels`, start);
			this.#pos++;
			const path = this.#childPath(stack);
			if (ch === '{')
				stack.push({ node: { kind: 'object', entries: [], start, end: start }, path, seen: new Set() });
			else stack.push({ node: { kind: 'array', items: [], start, end: start }, path });
			return undefined;
		}
		if (ch === '"') {
			const value = this.#readString();
			return { kind: 'string', raw: this.text.slice(start, this.#pos), value, start, end: this.#pos };
		}
		if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.#readNumber(start);
		for (const [word, node] of LITERALS) {
			if (this.text.startsWith(word, start)) {
				this.#pos += word.length;
				return { ...node, start, end: this.#pos } as JsonNode;
			}
		}
		if (ch === undefined) throw new SyntaxFault('unexpected end of input: expected a value', start);
		if (ch === '}' || ch === ']')
			throw new SyntaxFault(`expected a value but found ${describeChar(ch)}`, start);
		if (ch === "'") throw new SyntaxFault('strings must use double quotes, not single quotes', start);
		throw new SyntaxFault(`unexpected ${describeChar(ch)}: expected a value`, start);
	}

	#childPath(stack: Frame[]): string {
		const parent = stack[stack.length - 1];
		if (!parent) return '$';
		if ('seen' in parent) {
			const key = parent.key!.key;
			return IDENTIFIER.test(key) ? `${parent.path}.${key}` : `${parent.path}[${JSON.stringify(key)}]`;
		}
		return `${parent.path}[${parent.node.items.length}]`;
	}

	#readNumber(start: number): JsonNode {
		NUMBER.lastIndex = start;
		const match = NUMBER.exec(this.text);
		if (!match || match[0] === '-') throw new SyntaxFault('invalid number', start);
		const raw = match[0];
		this.#pos = start + raw.length;
		const next = this.text[this.#pos];
		if (next !== undefined && /[0-9.eE+\-A-Za-z]/.test(next)) {
			throw new SyntaxFault(`invalid number: unexpected ${describeChar(next)}`, this.#pos);
		}
		return { kind: 'number', raw, value: Number(raw), start, end: this.#pos };
	}

	/** Reads a string starting at the opening quote; returns its value and leaves `#pos` after the closing quote. */
	#readString(): string {
		const text = this.text;
		const open = this.#pos;
		let i = open + 1;
		let out = '';
		let chunk = i;
		for (;;) {
			// The run of plain characters, found by the regular expression engine: on a fresh page it is many
			// times faster than a loop of charCodeAt that has not been optimised yet (docs/performance.md).
			PLAIN_RUN.lastIndex = i;
			PLAIN_RUN.test(text);
			i = PLAIN_RUN.lastIndex;
			const code = text.charCodeAt(i);
			if (Number.isNaN(code)) throw new SyntaxFault('unterminated string: missing closing "', open);
			if (code === 0x22) break;
			if (code < 0x20)
				throw new SyntaxFault('control character in string: write it as an escape like \\n', i);
			if (code === 0x5c) {
				out += text.slice(chunk, i);
				const escape = text[i + 1];
				if (escape === 'u') {
					const hex = text.slice(i + 2, i + 6);
					if (!/^[0-9A-Fa-f]{4}$/.test(hex))
						throw new SyntaxFault('invalid \\u escape: needs four hex digits', i);
					out += String.fromCharCode(parseInt(hex, 16));
					i += 6;
				} else if (escape !== undefined && escape in ESCAPES) {
					out += ESCAPES[escape];
					i += 2;
				} else {
					throw new SyntaxFault(`invalid escape \\${escape ?? ''} in string`, i);
				}
				chunk = i;
				continue;
			}
			i++;
		}
		out += text.slice(chunk, i);
		this.#pos = i + 1;
		return out;
	}

	#skipSpace(): void {
		SPACE_RUN.lastIndex = this.#pos;
		SPACE_RUN.test(this.text);
		this.#pos = SPACE_RUN.lastIndex;
	}
}

const LITERALS: readonly [string, { kind: 'boolean'; value: boolean } | { kind: 'null' }][] = [
	['true', { kind: 'boolean', value: true }],
	['false', { kind: 'boolean', value: false }],
	['null', { kind: 'null' }],
];

function describeChar(ch: string): string {
	const code = ch.codePointAt(0) ?? 0;
	if (code < 0x20 || code === 0x7f || code === 0xfeff)
		return `character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
	return `'${ch}'`;
}

function locate(text: string, message: string, offset: number): JsonSyntaxError {
	let line = 1;
	let lineStart = 0;
	for (let i = 0; i < offset && i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
			line++;
			lineStart = i + 1;
		}
	}
	return { message, offset, line, column: offset - lineStart + 1 };
}

/** Nesting depth up to which formatJson breaks lines and indents. */
export const MAX_INDENTED_DEPTH = 64;

/**
 * Re-indents valid JSON, changing only whitespace outside strings, so every key, its order and
 * every literal stay exactly as written. Text that is not JSON is returned unchanged.
 */
export function formatJson(text: string, indent = '  '): string {
	return parseJson(text).ok ? formatParsedJson(text, indent) : text;
}

/**
 * One token of JSON text for formatting: a string (the closing quote optional, as at the end of a text), an
 * empty container, one structural character, a run of whitespace, or a literal. The string is written as
 * runs of plain characters between escapes, which V8 matches without a backtracking entry per character.
 */
const FORMAT_TOKEN =
	/"[^"\\]*(?:\\[\s\S][^"\\]*)*"?|[{[][ \n\r\t]*[}\]]|[{}[\],:]|[ \n\r\t]+|[^"{}[\],: \n\r\t]+/y;

/**
 * formatJson for text that parseJson has already accepted (a decoded part carries its parse): the same
 * output without parsing it again. It goes token by token rather than character by character, so a
 * 100 KB payload is formatted in a few hundred steps of script even before the engine has optimised it
 * (docs/performance.md).
 */
export function formatParsedJson(text: string, indent = '  '): string {
	const out: string[] = [];
	let depth = 0;
	// Deeper than this, values stay on one line: 100 000 nested arrays must not become 10¹⁰ spaces.
	const newline = (): string => (depth <= MAX_INDENTED_DEPTH ? `\n${indent.repeat(depth)}` : '');
	FORMAT_TOKEN.lastIndex = 0;
	for (let match = FORMAT_TOKEN.exec(text); match; match = FORMAT_TOKEN.exec(text)) {
		const token = match[0];
		switch (token.charCodeAt(0)) {
			case 0x7b: // {
			case 0x5b: // [
				if (token.length > 1) {
					out.push(token[0]!, token[token.length - 1]!);
				} else {
					depth++;
					out.push(token, newline());
				}
				break;
			case 0x7d: // }
			case 0x5d: // ]
				depth--;
				out.push(newline(), token);
				break;
			case 0x2c: // ,
				out.push(',', newline());
				break;
			case 0x3a: // :
				out.push(': ');
				break;
			case 0x20:
			case 0x0a:
			case 0x0d:
			case 0x09:
				break;
			default: // a string or a literal, as written
				out.push(token);
		}
	}
	return out.join('');
}

/** Removes all whitespace outside strings; everything else stays as written. */
export function minifyJson(text: string): string {
	const out: string[] = [];
	let i = 0;
	let chunk = 0;
	while (i < text.length) {
		const ch = text[i]!;
		if (ch === '"') {
			i = stringEnd(text, i);
			continue;
		}
		if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') {
			out.push(text.slice(chunk, i));
			while (i < text.length && /[ \n\r\t]/.test(text[i]!)) i++;
			chunk = i;
			continue;
		}
		i++;
	}
	out.push(text.slice(chunk));
	return out.join('');
}

/** Offset just past the string that opens at `open` (or the end of the text if it never closes). */
function stringEnd(text: string, open: number): number {
	let i = open + 1;
	while (i < text.length) {
		const code = text.charCodeAt(i);
		if (code === 0x5c) i += 2;
		else if (code === 0x22) return i + 1;
		else i++;
	}
	return text.length;
}

/**
 * The value of an object's member. With duplicate keys the last one counts, as in ECMAScript's
 * `JSON.parse` (RFC 7515 §5.2 lets parsers reject or take the last). Undefined for non-objects.
 */
export function getMember(node: JsonNode, key: string): JsonNode | undefined {
	if (node.kind !== 'object') return undefined;
	for (let i = node.entries.length - 1; i >= 0; i--) {
		const entry = node.entries[i]!;
		if (entry.key === key) return entry.value;
	}
	return undefined;
}

/** The value of `key` in `node` when it is a string (the last one, if repeated); undefined otherwise. */
export function stringMember(node: JsonNode | undefined, key: string): string | undefined {
	const member = node && getMember(node, key);
	return member?.kind === 'string' ? member.value : undefined;
}

/**
 * Converts a tree to plain JavaScript values (numbers become doubles). Objects have a null
 * prototype, so keys like `__proto__` are plain data. Iterative, so deep trees are safe.
 */
export function toPlainValue(node: JsonNode): unknown {
	const holder: { value?: unknown } = {};
	const work: [JsonNode, (value: unknown) => void][] = [[node, (value) => (holder.value = value)]];
	while (work.length > 0) {
		const [current, assign] = work.pop()!;
		switch (current.kind) {
			case 'object': {
				const target = Object.create(null) as Record<string, unknown>;
				assign(target);
				// Pushed in reverse so they are assigned in order and the last duplicate wins.
				for (let i = current.entries.length - 1; i >= 0; i--) {
					const entry = current.entries[i]!;
					work.push([entry.value, (value) => (target[entry.key] = value)]);
				}
				break;
			}
			case 'array': {
				const target: unknown[] = new Array(current.items.length);
				assign(target);
				current.items.forEach((item, index) => work.push([item, (value) => (target[index] = value)]));
				break;
			}
			case 'null':
				assign(null);
				break;
			default:
				assign(current.value);
		}
	}
	return holder.value;
}
