// Strict base64url (RFC 4648 §5) as JWS requires (RFC 7515 §2), reporting where and how a part deviates.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Character code → 6-bit value; -1 for characters outside both base64 alphabets. `+` and `/` map too. */
const VALUES = (() => {
	const table = new Int8Array(128).fill(-1);
	for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
	table['+'.charCodeAt(0)] = 62;
	table['/'.charCodeAt(0)] = 63;
	return table;
})();

/** Ways a part can be decodable yet not canonical base64url (RFC 7515 §2: no padding, URL-safe alphabet). */
export type Base64Deviation = 'padding' | 'standard-alphabet' | 'stray-bits';

/** The result of decoding one part: its bytes, or where it fails. */
export type Base64urlResult =
	| { ok: true; bytes: Uint8Array; deviations: Base64Deviation[] }
	| { ok: false; reason: 'bad-character' | 'bad-length' | 'bad-padding'; index: number; character?: string };

/**
 * Decodes base64url leniently enough to show what people paste: `=` padding and the standard
 * alphabet's `+` and `/` are accepted but reported as deviations, as are non-zero unused bits in the
 * last character. Anything else fails with the 0-based index of the first offending character.
 */
export function decodeBase64url(text: string): Base64urlResult {
	return decodeNatively(text) ?? decodeHere(text);
}

/** `Uint8Array.fromBase64` (ES2026), where the browser has it: native code, no warm-up. */
type FromBase64 = (
	text: string,
	options: { alphabet: 'base64url'; lastChunkHandling: 'loose' },
) => Uint8Array;
const fromBase64 = (Uint8Array as unknown as { fromBase64?: FromBase64 }).fromBase64;

/**
 * The browser's own decoder for the common case, canonical base64url: a 100 KB part decodes in a fraction of
 * the time a script loop takes on a fresh page (docs/performance.md). Undefined when the decoder is missing or
 * the text deviates in any way (padding, `+` or `/`, a stray character, an impossible length, unused bits
 * set), so that `decodeHere` names the deviation and where it is.
 */
export function decodeNatively(
	text: string,
	decode: FromBase64 | undefined = fromBase64,
): Base64urlResult | undefined {
	if (!decode || text.length % 4 === 1 || text.charCodeAt(text.length - 1) === 61 /* = */) return undefined;
	// Unused bits of the last character must be zero (RFC 4648 §3.5): 4 of them after 2 characters, 2 after 3.
	const unused = text.length % 4 === 2 ? 15 : text.length % 4 === 3 ? 3 : 0;
	const last = text.charCodeAt(text.length - 1);
	if (unused !== 0 && ((last < 128 ? (VALUES[last] ?? -1) : -1) & unused) !== 0) return undefined;
	let bytes: Uint8Array;
	try {
		bytes = decode(text, { alphabet: 'base64url', lastChunkHandling: 'loose' });
	} catch {
		return undefined;
	}
	// The native decoder skips ASCII whitespace, which a JWS part may not hold: fewer bytes than characters allow.
	return bytes.length === Math.floor((text.length * 3) / 4) ? { ok: true, bytes, deviations: [] } : undefined;
}

/** The decoder written out, which says how and where a part deviates. */
function decodeHere(text: string): Base64urlResult {
	const deviations = new Set<Base64Deviation>();
	let length = text.length;
	// Padding: at most two trailing '=' (RFC 4648 §3.2); anything after them is not base64.
	let padding = 0;
	while (length > 0 && text.charCodeAt(length - 1) === 61 /* = */) {
		length--;
		padding++;
	}

	// Characters are checked before the length: one stray character (a typo, a pasted `$`) usually
	// also makes the length impossible, and its position is what a person needs to find it.
	const bytes = new Uint8Array(Math.floor((length * 3) / 4));
	let buffer = 0;
	let bits = 0;
	let out = 0;
	for (let i = 0; i < length; i++) {
		const code = text.charCodeAt(i);
		const value = code < 128 ? (VALUES[code] ?? -1) : -1;
		if (value < 0)
			return {
				ok: false,
				reason: 'bad-character',
				index: i,
				character: String.fromCodePoint(text.codePointAt(i) ?? code),
			};
		if (code === 43 || code === 47) deviations.add('standard-alphabet');
		buffer = ((buffer << 6) | value) & 0xffffff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			bytes[out++] = (buffer >> bits) & 0xff;
		}
	}
	if (padding > 0) {
		if (padding > 2 || (length + padding) % 4 !== 0)
			return { ok: false, reason: 'bad-padding', index: length };
		deviations.add('padding');
	}
	if (length % 4 === 1) return { ok: false, reason: 'bad-length', index: length - 1 };
	// Leftover bits must be zero for the encoding to be the unique canonical one (RFC 4648 §3.5).
	if (bits > 0 && (buffer & ((1 << bits) - 1)) !== 0) deviations.add('stray-bits');
	return { ok: true, bytes, deviations: [...deviations] };
}

/** Encodes bytes as canonical base64url without padding (RFC 7515 §2). */
export function encodeBase64url(bytes: Uint8Array): string {
	const chunks: string[] = [];
	let chunk = '';
	let i = 0;
	for (; i + 2 < bytes.length; i += 3) {
		const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
		chunk += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
		if (chunk.length >= 8192) {
			chunks.push(chunk);
			chunk = '';
		}
	}
	const rest = bytes.length - i;
	if (rest === 1) {
		const n = (bytes[i] as number) << 16;
		chunk += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
	} else if (rest === 2) {
		const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8);
		chunk += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
	}
	chunks.push(chunk);
	return chunks.join('');
}

/** Encodes a string as UTF-8, then base64url. */
export function encodeBase64urlText(text: string): string {
	return encodeBase64url(new TextEncoder().encode(text));
}

/** Lower-case hex of bytes, for showing a signature or undecodable payload. */
export function toHex(bytes: Uint8Array, separator = ''): string {
	const out: string[] = new Array(bytes.length);
	for (let i = 0; i < bytes.length; i++) out[i] = (bytes[i] as number).toString(16).padStart(2, '0');
	return out.join(separator);
}
