// PEM blocks (RFC 7468): finding them in pasted text, reading their headers and base64, and writing them.
// The key formats inside are read by key-formats.ts, certificates by certificate.ts.

/** Why a PEM text cannot be read, as data (lines and columns are 1-based); messages.ts words it for people. */
export type PemFault =
	| {
			readonly code: 'no-end-before-begin';
			readonly label: string;
			readonly line: number;
			readonly nextLine: number;
	  }
	| {
			readonly code: 'wrong-end';
			readonly label: string;
			readonly line: number;
			readonly endLabel: string;
			readonly endLine: number;
	  }
	| { readonly code: 'no-end'; readonly label: string; readonly line: number }
	| {
			readonly code: 'bad-character';
			readonly codePoint: number;
			readonly line: number;
			readonly column: number;
	  }
	| { readonly code: 'after-padding'; readonly line: number; readonly column: number }
	| { readonly code: 'lone-character'; readonly line: number; readonly column: number }
	| { readonly code: 'bad-padding'; readonly line: number; readonly column: number };

/**
 * A PEM text that cannot be read. `offset` is the character offset in the text given to parsePem, `fault` the
 * reason as data; `message` is for developers.
 */
export class PemError extends Error {
	constructor(
		message: string,
		readonly offset: number,
		readonly fault: PemFault,
		options?: ErrorOptions,
	) {
		super(message, options);
		this.name = new.target.name;
	}
}

/** One RFC 1421 header line inside a PEM block, such as `DEK-Info: AES-128-CBC,…`. */
export interface PemHeader {
	name: string;
	value: string;
}

/** One `-----BEGIN label-----` … `-----END label-----` block. */
export interface PemBlock {
	label: string;
	der: Uint8Array;
	/** Character offset of the BEGIN line's first dash. */
	start: number;
	/** Character offset just past the END line's last dash. */
	end: number;
	/** Whether the key inside is passphrase-encrypted (PKCS#8 `ENCRYPTED PRIVATE KEY` or `Proc-Type: 4,ENCRYPTED`). */
	encrypted: boolean;
	/** RFC 1421 headers before the base64, in order; empty for RFC 7468 blocks. */
	headers: PemHeader[];
}

// RFC 7468 §3: a label is printable ASCII other than '-', with single spaces or hyphens inside.
const LABEL = String.raw`(?:[\x21-\x2c\x2e-\x7e](?:[- ]?[\x21-\x2c\x2e-\x7e])*)?`;
const BOUNDARY = new RegExp(`-----(BEGIN|END) (${LABEL})-----`, 'g');

/**
 * Finds every PEM block in `text` and decodes its base64 (RFC 7468 §2). Boundaries may sit anywhere,
 * even on one line; line breaks (`\n`, `\r\n`, `\r`), indentation, whitespace between characters and
 * text outside the blocks are ignored. RFC 1421 headers (`Proc-Type:`, `DEK-Info:`) are kept in
 * `headers`. An END with no BEGIN before it is ignored; no BEGIN at all gives `[]`.
 *
 * @throws {PemError} for a BEGIN without its END, an END whose label differs from its BEGIN, or
 * base64 that is invalid (the message names the character, line and column).
 */
export function parsePem(text: string): PemBlock[] {
	const blocks: PemBlock[] = [];
	let open: { label: string; start: number; bodyStart: number } | undefined;
	for (const match of text.matchAll(BOUNDARY)) {
		const [marker, kind, label = ''] = match;
		const at = match.index;
		if (kind === 'BEGIN') {
			if (open)
				throw new PemError(
					`"BEGIN ${open.label}" at line ${lineOf(text, open.start)} has no "END ${open.label}" before the next BEGIN at line ${lineOf(text, at)}`,
					open.start,
					{
						code: 'no-end-before-begin',
						label: open.label,
						line: lineOf(text, open.start),
						nextLine: lineOf(text, at),
					},
				);
			open = { label, start: at, bodyStart: at + marker.length };
		} else if (open) {
			if (label !== open.label)
				throw new PemError(
					`"BEGIN ${open.label}" at line ${lineOf(text, open.start)} is closed by "END ${label}" at line ${lineOf(text, at)}`,
					at,
					{
						code: 'wrong-end',
						label: open.label,
						line: lineOf(text, open.start),
						endLabel: label,
						endLine: lineOf(text, at),
					},
				);
			const { headers, dataStart } = readHeaders(text, open.bodyStart, at);
			const procType = headers.find((header) => header.name.toLowerCase() === 'proc-type');
			blocks.push({
				label,
				der: decodeBase64Body(text, dataStart, at),
				start: open.start,
				end: at + marker.length,
				encrypted: label === 'ENCRYPTED PRIVATE KEY' || /\bENCRYPTED\b/i.test(procType?.value ?? ''),
				headers,
			});
			open = undefined;
		}
	}
	if (open)
		throw new PemError(
			`"BEGIN ${open.label}" at line ${lineOf(text, open.start)} has no matching "END ${open.label}"`,
			open.start,
			{ code: 'no-end', label: open.label, line: lineOf(text, open.start) },
		);
	return blocks;
}

/** Reads RFC 1421 §4.4 headers at the start of a block body; they end at a blank line or the base64. */
function readHeaders(text: string, from: number, to: number): { headers: PemHeader[]; dataStart: number } {
	const headers: PemHeader[] = [];
	const lineBreak = /\r\n|\r|\n/g;
	lineBreak.lastIndex = from;
	let lineStart = from;
	let headerIndent = -1;
	while (lineStart < to) {
		const next = lineBreak.exec(text);
		const lineEnd = next && next.index < to ? next.index : to;
		const line = text.slice(lineStart, lineEnd);
		const trimmed = line.trim();
		const indent = line.length - line.trimStart().length;
		const header = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/.exec(trimmed);
		if (header) {
			headers.push({ name: header[1] as string, value: header[2] as string });
			headerIndent = indent;
		} else if (trimmed === '') {
			// A blank line ends the headers; before any header it is just the BEGIN line's end.
			if (headers.length > 0) return { headers, dataStart: lineEnd };
		} else if (headers.length > 0 && indent > headerIndent) {
			const last = headers[headers.length - 1] as PemHeader;
			last.value += trimmed;
		} else {
			return { headers, dataStart: lineStart };
		}
		if (!next || next.index >= to) break;
		lineStart = next.index + next[0].length;
	}
	return { headers, dataStart: headers.length > 0 ? to : from };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUES = (() => {
	const table = new Int8Array(128).fill(-1);
	for (let i = 0; i < BASE64.length; i++) table[BASE64.charCodeAt(i)] = i;
	return table;
})();

/** Decodes the base64 between `from` and `to` (RFC 4648 §4), skipping whitespace; `=` padding is optional. */
function decodeBase64Body(text: string, from: number, to: number): Uint8Array {
	const out = new Uint8Array(Math.ceil(((to - from) * 3) / 4));
	let length = 0;
	let buffer = 0;
	let bits = 0;
	let count = 0;
	let padding = 0;
	let paddingAt = -1;
	for (let i = from; i < to; i++) {
		const code = text.charCodeAt(i);
		if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) continue;
		if (code === 0x3d /* = */) {
			if (paddingAt < 0) paddingAt = i;
			padding++;
			continue;
		}
		const value = code < 128 ? (BASE64_VALUES[code] ?? -1) : -1;
		if (value < 0)
			throw new PemError(
				`invalid base64 character ${describeChar(text, i)} at ${describePosition(text, i)}`,
				i,
				{ code: 'bad-character', codePoint: text.codePointAt(i) ?? 0, ...positionOf(text, i) },
			);
		if (paddingAt >= 0)
			throw new PemError(
				`base64 continues after "=" padding at ${describePosition(text, paddingAt)}`,
				paddingAt,
				{ code: 'after-padding', ...positionOf(text, paddingAt) },
			);
		buffer = ((buffer << 6) | value) & 0xffffff;
		bits += 6;
		count++;
		if (bits >= 8) {
			bits -= 8;
			out[length++] = (buffer >> bits) & 0xff;
		}
	}
	const rest = count % 4;
	const at = paddingAt >= 0 ? paddingAt : to;
	if (rest === 1)
		throw new PemError(`base64 ends with a lone character at ${describePosition(text, at)}`, at, {
			code: 'lone-character',
			...positionOf(text, at),
		});
	if (padding > 0 && padding !== 4 - rest)
		throw new PemError(`wrong number of "=" padding characters at ${describePosition(text, at)}`, at, {
			code: 'bad-padding',
			...positionOf(text, at),
		});
	return out.slice(0, length);
}

function describeChar(text: string, index: number): string {
	return describeCodePoint(text.codePointAt(index) ?? 0);
}

/**
 * A character as a person can find it: `"!"`, `"é" (U+00E9)`, or the code point alone for invisible ones
 * (`U+00A0`), with a note for the base64url characters `-` and `_` (RFC 4648 §5).
 */
export function describeCodePoint(codePoint: number): string {
	const char = String.fromCodePoint(codePoint);
	const code = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
	// Invisible characters (no-break spaces, zero-width spaces, controls) are named by code point only.
	const shown =
		codePoint >= 0x21 && codePoint <= 0x7e
			? `"${char}"`
			: /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(char)
				? `"${char}" (${code})`
				: code;
	// The URL-safe alphabet is a common mix-up with a JWT debugger open (RFC 4648 §5).
	return char === '-' || char === '_' ? `${shown} (base64url, not base64)` : shown;
}

/** 1-based line of `offset`, counting `\r\n`, `\r` and `\n` as line breaks. */
function lineOf(text: string, offset: number): number {
	return positionOf(text, offset).line;
}

function positionOf(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	for (let i = 0; i < offset; i++) {
		const code = text.charCodeAt(i);
		if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
			line++;
			lineStart = i + 1;
		}
	}
	return { line, column: offset - lineStart + 1 };
}

function describePosition(text: string, offset: number): string {
	const { line, column } = positionOf(text, offset);
	return `line ${line}, column ${column}`;
}

/**
 * Wraps DER in a PEM block (RFC 7468 §2): base64 in 64-character lines and a trailing newline.
 * @throws {RangeError} when `label` is not a valid RFC 7468 label.
 * @example toPem('PUBLIC KEY', spki) // '-----BEGIN PUBLIC KEY-----\nMFkw…\n-----END PUBLIC KEY-----\n'
 */
export function toPem(label: string, der: Uint8Array): string {
	if (!new RegExp(`^${LABEL}$`).test(label)) throw new RangeError(`"${label}" is not a valid PEM label`);
	const base64 = encodeBase64(der);
	const lines = [`-----BEGIN ${label}-----`];
	for (let i = 0; i < base64.length; i += 64) lines.push(base64.slice(i, i + 64));
	lines.push(`-----END ${label}-----`, '');
	return lines.join('\n');
}

function encodeBase64(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const a = bytes[i] as number;
		const b = bytes[i + 1];
		const c = bytes[i + 2];
		const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
		out += BASE64[triple >> 18];
		out += BASE64[(triple >> 12) & 63];
		out += b === undefined ? '=' : BASE64[(triple >> 6) & 63];
		out += c === undefined ? '=' : BASE64[triple & 63];
	}
	return out;
}
