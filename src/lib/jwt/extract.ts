// Find the compact tokens (JWS, JWE, SD-JWT) in whatever people paste: bare tokens, headers, URLs, cookies, JSON, logs.

import { decodeBase64url } from '../encoding/base64url';

/** Where a token was found, which decides how the picker names it. */
export type TokenSource =
	| 'token'
	| 'bearer'
	| 'authorization-header'
	| 'url-fragment'
	| 'url-query'
	| 'cookie'
	| 'json-field'
	| 'text';

/** One token found in pasted text; `start`/`end` are offsets into that text. */
export interface TokenCandidate {
	/** The compact token, whitespace removed and `%xx` escapes decoded. */
	readonly token: string;
	/** Offset in the text of the token's first character. */
	readonly start: number;
	/** Offset just past the token's last character. */
	readonly end: number;
	readonly source: TokenSource;
	/** What a person reads in a picker: `id_token (URL fragment)`, `Cookie "session"`, `Token 2`. */
	readonly label: string;
	/** Whitespace inside the token in the text was removed from `token`. */
	readonly hasInnerWhitespace: boolean;
	/** `%xx` escapes were decoded, so `token` differs from `text.slice(start, end)`. */
	readonly percentDecoded: boolean;
}

/** Character code → 1 for the base64url alphabet (RFC 4648 §5). */
const BASE64URL = (() => {
	const table = new Uint8Array(128);
	for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')
		table[c.charCodeAt(0)] = 1;
	return table;
})();

const NONE = 0;
const DATA = 1;
const DOT = 2;
const PAD = 3;
/** `~`, which joins an SD-JWT's issuer-signed JWT, disclosures and KB-JWT (RFC 9901 §4). */
const TILDE = 4;

/** Characters that mean the input is structured text (URL, JSON, header), not one damaged token. */
const STRUCTURE = new Set(':?#&;,"\'`{}[]()<>\\|@');
const QUOTES = '"\'`';
const AUTHORIZATION_PREFIX = /authorization[ \t]*:\s*/iy;
const BEARER_PREFIX = /bearer\s+/iy;
const INNER_SPACE = /[ \t\r\n]+/g;
/** Base64url parts joined by dots and nothing else. */
const PLAIN_TOKEN = /^[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*)*$/;

/**
 * Finds every JWS (3 parts, RFC 7515 §7.1), JWE (5 parts, RFC 7516 §7.1) and SD-JWT (a JWS followed
 * by `~`-separated disclosures and an optional KB-JWT, RFC 9901 §4) in `text`, in order of position,
 * never overlapping. Runs in linear time.
 *
 * When the whole input (trimmed, unquoted, without `Bearer ` or `Authorization:`) is nothing but
 * base64url, dots and line breaks, it is returned as the only candidate even if it will not decode,
 * so the decoder can name the bad part; this is also the only way a 2-part `header.payload` counts.
 * Elsewhere a dotted base64url sequence counts only when its first part decodes to text starting
 * with `{`, unless its context names it a token (`Bearer`, `id_token=`, `"access_token":`).
 */
export function findTokens(text: string): TokenCandidate[] {
	const whole = readWholeInput(text);
	if (whole !== undefined && whole.kind !== 'joined') return [whole.candidate];
	const found = scanText(text);
	// Two tokens on two lines also join into a dotted string; they are two tokens, not one wrapped one.
	return whole !== undefined && found.length < 2 ? [whole.candidate] : found;
}

interface WholeInput {
	readonly kind: 'exact' | 'joined' | 'lenient';
	readonly candidate: TokenCandidate;
}

function readWholeInput(text: string): WholeInput | undefined {
	let start = skipSpace(text, 0, 1);
	let end = skipSpace(text, text.length, -1);
	let source: TokenSource = 'token';
	for (let changed = true; changed && start < end;) {
		changed = false;
		const first = text[start] ?? '';
		if (end - start >= 2 && QUOTES.includes(first) && text[end - 1] === first) {
			start = skipSpace(text, start + 1, 1);
			end = skipSpace(text, end - 1, -1);
			changed = true;
		}
		const header = matchAt(AUTHORIZATION_PREFIX, text, start);
		if (header > 0) {
			start += header;
			source = 'authorization-header';
			changed = true;
		}
		const bearer = matchAt(BEARER_PREFIX, text, start);
		if (bearer > 0) {
			start += bearer;
			if (source === 'token') source = 'bearer';
			changed = true;
		}
	}
	if (start >= end) return undefined;
	let raw = text.slice(start, end);
	let token = raw.replace(INNER_SPACE, '');
	let shape = measureShape(token);
	// A full stop after a pasted token ends the sentence: `h.p.s.` is `h.p.s`, as in free text.
	if ((shape.parts === 4 || shape.parts === 6) && token.endsWith('.') && end - 1 > start) {
		end = skipSpace(text, end - 1, -1);
		raw = text.slice(start, end);
		token = token.slice(0, -1);
		shape = measureShape(token);
	}
	const hasInnerWhitespace = token.length !== raw.length;
	if (shape.parts < 2) return undefined;
	const candidate: TokenCandidate = {
		token,
		start,
		end,
		source,
		label: source === 'token' ? 'Token' : source === 'bearer' ? 'Bearer token' : 'Authorization header',
		hasInnerWhitespace,
		percentDecoded: false,
	};
	if (shape.strict) {
		if (!hasInnerWhitespace) return { kind: 'exact', candidate };
		// A sentence of words and full stops is also base64url and dots once its spaces go: ask for a header.
		const header = token.slice(0, token.indexOf('.'));
		return shape.parts <= 5 && isHeaderLike(header) ? { kind: 'joined', candidate } : undefined;
	}
	// One damaged token (`eyJ….e$$.sig`): mostly base64url, no structure, and starting `e[w-z]`, as any
	// text beginning with `{` encodes, so stray file names and paths are left alone.
	const damaged =
		!hasInnerWhitespace && !shape.structured && shape.parts <= 5 && shape.foreign * 4 <= token.length;
	return damaged && /^e[w-z]/.test(token) ? { kind: 'lenient', candidate } : undefined;
}

/** Counts parts and sorts characters: base64url with end-of-part padding, structure, or anything else. */
function measureShape(token: string): {
	parts: number;
	strict: boolean;
	structured: boolean;
	foreign: number;
} {
	// The common case, a JWS or JWE with nothing else, told by the regular expression engine: far faster than the
	// loop below on a fresh page, where that loop is not optimised yet (docs/performance.md).
	if (PLAIN_TOKEN.test(token)) {
		let dots = 1;
		for (let i = token.indexOf('.'); i >= 0; i = token.indexOf('.', i + 1)) dots++;
		return { parts: dots, strict: true, structured: false, foreign: 0 };
	}
	let parts = 1;
	let foreign = 0;
	let structured = false;
	let issuerParts = 0;
	for (let i = 0; i < token.length; i++) {
		const code = token.charCodeAt(i);
		if (code === 46) parts++;
		else if (code === 126) {
			// An SD-JWT's `~` counts only after an issuer JWT of at least two parts (RFC 9901 §4).
			if (issuerParts === 0) issuerParts = parts;
			if (issuerParts < 2) foreign++;
		} else if (code === 61) {
			const next = token.charCodeAt(i + 1);
			// `=` is padding only at the end of a part; before more data it is `name=value`.
			if (!(Number.isNaN(next) || next === 46 || next === 61)) structured = true;
		} else if (!(code < 128 && BASE64URL[code])) {
			foreign++;
			if (STRUCTURE.has(token[i] as string)) structured = true;
		}
	}
	return { parts, strict: foreign === 0 && !structured, structured, foreign };
}

/** What the forward scan has seen that gives a later token its context. */
interface ScanState {
	lineStart: number;
	urlBreak: number;
	urlMark: number;
	urlKind: 'url-query' | 'url-fragment';
	cookieColon: number;
	authorizationColon: number;
}

interface Context {
	readonly source: TokenSource;
	readonly label?: string;
	/** The context names a token, so the value need not start with a JSON header. */
	readonly trusted: boolean;
}

function scanText(text: string): TokenCandidate[] {
	const state: ScanState = {
		lineStart: 0,
		urlBreak: -1,
		urlMark: -1,
		urlKind: 'url-query',
		cookieColon: -1,
		authorizationColon: -1,
	};
	const found: TokenCandidate[] = [];
	let plain = 0;
	const sequence: Sequence = { end: 0, dotCount: 0, firstDot: -1, lastDot: -1, lastTilde: -1 };
	let i = 0;
	while (i < text.length) {
		const code = text.charCodeAt(i);
		if ((code < 128 && BASE64URL[code] === 1) || (code === 37 && unitAt(text, i) === DATA)) {
			readSequence(text, i, sequence);
			let { end, dotCount } = sequence;
			const sdJwt = sequence.lastTilde >= 0;
			// An SD-JWT's dots after its issuer JWT are its KB-JWT's: none or two (RFC 9901 §4).
			let tailDots = sdJwt ? dotCount - 2 : dotCount;
			// A full stop after a token ends the sentence, not the token.
			if (
				(tailDots === 3 || (!sdJwt && tailDots === 5) || (sdJwt && tailDots === 1)) &&
				end === sequence.lastDot + unitWidth(text, sequence.lastDot)
			) {
				end = sequence.lastDot;
				dotCount--;
				tailDots--;
			}
			// What follows the last `~` is not a KB-JWT's shape: the SD-JWT ends at that `~`.
			if (sdJwt && tailDots !== 0 && tailDots !== 2) {
				end = sequence.lastTilde + unitWidth(text, sequence.lastTilde);
				dotCount = 2;
			}
			if (sdJwt || dotCount === 2 || dotCount === 4) {
				const context = describeContext(text, i, end, state);
				const header = decodeEscapes(text.slice(i, sequence.firstDot));
				if (context.trusted || isHeaderLike(header)) {
					const raw = text.slice(i, end);
					const token = decodeEscapes(raw);
					found.push({
						token,
						start: i,
						end,
						source: context.source,
						label: context.label ?? `Token ${++plain}`,
						hasInnerWhitespace: false,
						percentDecoded: token !== raw,
					});
				}
			}
			i = sequence.end;
			continue;
		}
		noteMarker(text, i, code, state);
		i++;
	}
	return found;
}

/** Records line starts, URL `?`/`#` marks and `Cookie:`/`Authorization:` header names as the scan passes them. */
function noteMarker(text: string, i: number, code: number, state: ScanState): void {
	if (code === 10) state.lineStart = i + 1;
	if (isSpace(code) || code === 34 || code === 39 || code === 60 || code === 62) state.urlBreak = i;
	else if (code === 35) {
		state.urlMark = i;
		state.urlKind = 'url-fragment';
	} else if (code === 63) {
		// A `?` inside a fragment is part of the fragment (RFC 3986 §3.5).
		if (!(state.urlMark > state.urlBreak && state.urlKind === 'url-fragment')) state.urlKind = 'url-query';
		state.urlMark = i;
	} else if (code === 58) {
		let at = skipSpace(text, i, -1);
		if (QUOTES.includes(text[at - 1] ?? '.')) at--;
		if (endsWithWord(text, at, 'cookie')) state.cookieColon = i;
		if (endsWithWord(text, at, 'authorization')) state.authorizationColon = i;
	}
}

/** Where a dotted sequence ends, where its first and last dots are and its last `~`; reused across the scan. */
interface Sequence {
	end: number;
	dotCount: number;
	firstDot: number;
	lastDot: number;
	/** The last `~` of an SD-JWT, or -1. */
	lastTilde: number;
}

/**
 * Reads base64url parts joined by dots from `start`; `%xx` escapes of those characters count (URLs).
 * A `~` continues the sequence as an SD-JWT (RFC 9901 §4) right after a three-part JWS, or after a
 * disclosure (no dots since the previous `~`); anywhere else it ends the sequence.
 */
function readSequence(text: string, start: number, into: Sequence): void {
	into.dotCount = 0;
	into.firstDot = into.lastDot = into.lastTilde = -1;
	let dotsAtTilde = -1;
	let i = start;
	for (;;) {
		let kind = unitAt(text, i);
		while (kind === DATA) {
			i += unitWidth(text, i);
			kind = unitAt(text, i);
		}
		const beforePadding = i;
		for (let pads = 0; pads < 2 && kind === PAD; pads++) {
			i += unitWidth(text, i);
			kind = unitAt(text, i);
		}
		if (kind === DOT) {
			if (into.dotCount++ === 0) into.firstDot = i;
			into.lastDot = i;
			i += unitWidth(text, i);
			continue;
		}
		if (kind === TILDE && (dotsAtTilde < 0 ? into.dotCount === 2 : into.dotCount === dotsAtTilde)) {
			dotsAtTilde = into.dotCount;
			into.lastTilde = i;
			i += unitWidth(text, i);
			continue;
		}
		// `name=value`: the `=` separates, so the sequence ends before it.
		if (i > beforePadding && (kind === DATA || kind === PAD)) i = beforePadding;
		into.end = i;
		return;
	}
}

function unitAt(text: string, i: number): number {
	const code = text.charCodeAt(i);
	if (code !== 37) return classify(code);
	const high = hexValue(text.charCodeAt(i + 1));
	const low = hexValue(text.charCodeAt(i + 2));
	return high >= 0 && low >= 0 ? classify(high * 16 + low) : NONE;
}

function unitWidth(text: string, i: number): number {
	return text.charCodeAt(i) === 37 ? 3 : 1;
}

function classify(code: number): number {
	if (code < 128 && BASE64URL[code]) return DATA;
	return code === 46 ? DOT : code === 61 ? PAD : code === 126 ? TILDE : NONE;
}

function hexValue(code: number): number {
	if (code >= 48 && code <= 57) return code - 48;
	if (code >= 65 && code <= 70) return code - 55;
	if (code >= 97 && code <= 102) return code - 87;
	return -1;
}

function decodeEscapes(raw: string): string {
	if (!raw.includes('%')) return raw;
	return raw.replace(/%([0-9A-Fa-f]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Names the token from what precedes it: `Bearer`, `name=` in a URL or cookie, `"name":` in JSON. */
function describeContext(text: string, start: number, end: number, state: ScanState): Context {
	const beforeSpace = skipSpace(text, start, -1);
	// RFC 6750 §2.1: `Authorization: Bearer <token>`.
	if (beforeSpace < start && endsWithWord(text, beforeSpace, 'bearer')) {
		return state.authorizationColon >= state.lineStart
			? { source: 'authorization-header', label: 'Authorization header', trusted: true }
			: { source: 'bearer', label: 'Bearer token', trusted: true };
	}
	const named = readName(text, start);
	if (named === undefined) return { source: 'text', trusted: false };
	const { name, separator, nameQuote, valueQuote, before } = named;
	const trusted = isTokenName(name);
	if (separator === ':' && name.toLowerCase() === 'authorization' && !valueQuote) {
		return { source: 'authorization-header', label: 'Authorization header', trusted: true };
	}
	if (separator === ':' && nameQuote === '"' && valueQuote === '"' && text[end] === '"') {
		return { source: 'json-field', label: `${name} (JSON field)`, trusted };
	}
	if (separator === '=' && !nameQuote && state.cookieColon >= state.lineStart && /^[\s;:"']?$/.test(before)) {
		return { source: 'cookie', label: `Cookie "${name}"`, trusted };
	}
	if (separator === '=' && !nameQuote && !valueQuote && '?#&'.includes(before) && before !== '') {
		const source = state.urlMark > state.urlBreak ? state.urlKind : 'url-query';
		return { source, label: `${name} (URL ${source === 'url-query' ? 'query' : 'fragment'})`, trusted };
	}
	if (/^[A-Za-z_$]/.test(name)) return { source: 'text', label: name, trusted };
	return { source: 'text', trusted: false };
}

/** Reads `name=`, `name: `, `"name":` or `"name": "` just before `start`; undefined when there is none. */
function readName(
	text: string,
	start: number,
): { name: string; separator: string; nameQuote: string; valueQuote: string; before: string } | undefined {
	let i = start;
	const valueQuote = QUOTES.includes(text[i - 1] ?? '.') ? (text[i - 1] as string) : '';
	if (valueQuote) i--;
	i = skipSpace(text, i, -1);
	const separator = text[i - 1];
	if (separator !== ':' && separator !== '=') return undefined;
	i = skipSpace(text, i - 1, -1);
	const nameQuote = QUOTES.includes(text[i - 1] ?? '.') ? (text[i - 1] as string) : '';
	const nameEnd = nameQuote ? i - 1 : i;
	i = nameEnd;
	// Names are short; the bound keeps the whole scan linear.
	while (i > 0 && nameEnd - i < 128) {
		const code = text.charCodeAt(i - 1);
		const inName = nameQuote ? text[i - 1] !== nameQuote && code !== 10 : isNameChar(code);
		if (!inName) break;
		i--;
	}
	if (i === nameEnd) return undefined;
	const name = text.slice(i, nameEnd);
	if (nameQuote) {
		if (text[i - 1] !== nameQuote) return undefined;
		i--;
	}
	return { name, separator, nameQuote, valueQuote, before: text[i - 1] ?? '' };
}

function isNameChar(code: number): boolean {
	return (code < 128 && BASE64URL[code] === 1) || code === 46 || code === 36;
}

/** `id_token`, `accessToken`, `jwt`, `assertion`, `id_token_hint`…: names whose value is a token by design. */
function isTokenName(name: string): boolean {
	const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
	return (
		key.endsWith('token') ||
		key.endsWith('jwt') ||
		key.endsWith('assertion') ||
		key === 'idtokenhint' ||
		key === 'logouthint'
	);
}

/**
 * Whether a first part decodes to text starting with `{` (after optional whitespace), as a JOSE
 * header does (RFC 7515 §4). Only a bounded prefix is decoded, so a damaged tail does not matter.
 */
function isHeaderLike(part: string): boolean {
	let length = 0;
	while (length < part.length && length < 64 && BASE64URL[part.charCodeAt(length)] === 1) length++;
	if (length >= 4) length -= length % 4;
	const decoded = decodeBase64url(part.slice(0, length));
	if (!decoded.ok) return false;
	for (const byte of decoded.bytes) {
		if (byte === 0x7b) return true;
		if (!(byte === 32 || byte === 9 || byte === 10 || byte === 13)) return false;
	}
	return false;
}

/** The sticky regex's match length at `at`, or 0. */
function matchAt(pattern: RegExp, text: string, at: number): number {
	pattern.lastIndex = at;
	return pattern.exec(text)?.[0].length ?? 0;
}

/** Whether `word` (any case) ends at `end` and does not continue a longer word. */
function endsWithWord(text: string, end: number, word: string): boolean {
	const from = end - word.length;
	if (from < 0) return false;
	for (let i = 0; i < word.length; i++) {
		// ASCII letters only: setting bit 5 lower-cases them.
		if ((text.charCodeAt(from + i) | 32) !== word.charCodeAt(i)) return false;
	}
	const code = text.charCodeAt(from - 1);
	return !(code < 128 && BASE64URL[code] === 1 && code !== 45);
}

/** Moves from `at` past whitespace in `direction`; backwards it returns the index just after the last non-space. */
function skipSpace(text: string, at: number, direction: 1 | -1): number {
	let i = at;
	if (direction === 1) {
		while (i < text.length && isSpace(text.charCodeAt(i))) i++;
	} else {
		while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
	}
	return i;
}

function isSpace(code: number): boolean {
	return code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0xfeff;
}
