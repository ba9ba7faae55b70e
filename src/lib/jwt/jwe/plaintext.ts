// How a decrypted JWE plaintext is shown: re-indented JSON, text, or hex, and whether it is itself a token (a nested JWT).

import { toHex } from '../../encoding/base64url';
import { decodeUtf8 } from '../../encoding/utf8';
import { decodeToken, type DecodedToken } from '../decode';
import { formatJson, parseJson, type JsonNode } from '../json';
import { nestedTokenKind } from '../nested';

/** A token found inside a plaintext: RFC 7519 §5.2 ("Nested JWT"), or any compact JWS or JWE. */
export interface NestedToken {
	readonly kind: 'jws' | 'jwe';
	/** The compact token, exactly as in the plaintext (surrounding whitespace removed). */
	readonly token: string;
	readonly decoded: DecodedToken;
}

/** The plaintext as a person sees it in `Payload`. */
export type PlaintextView =
	| {
			readonly mode: 'json';
			/** The JSON re-indented, every literal kept as written (json.ts `formatJson`). */
			readonly text: string;
			/** The JSON exactly as decrypted; `root`'s offsets point into it. */
			readonly raw: string;
			readonly root: JsonNode;
			readonly byteLength: number;
	  }
	| {
			readonly mode: 'text';
			readonly text: string;
			readonly byteLength: number;
			readonly nested?: NestedToken;
	  }
	| { readonly mode: 'hex'; readonly text: string; readonly byteLength: number };

/**
 * Reads decrypted bytes (RFC 7516 §5.2 step 16): UTF-8 JSON is re-indented with its literals kept, other UTF-8 is
 * text, and bytes that are not UTF-8 are shown as hex. Text that is a compact JWS or JWE whose header is a JSON
 * object with a string `alg` is a nested token, whether or not the JWE says `cty: "JWT"`.
 */
export function readPlaintext(bytes: Uint8Array): PlaintextView {
	const utf8 = decodeUtf8(bytes);
	if (!utf8.ok) return { mode: 'hex', text: toHex(bytes, ' '), byteLength: bytes.length };
	const parsed = parseJson(utf8.text);
	if (parsed.ok)
		return {
			mode: 'json',
			text: formatJson(utf8.text),
			raw: utf8.text,
			root: parsed.root,
			byteLength: bytes.length,
		};
	const nested = findNestedToken(utf8.text);
	return { mode: 'text', text: utf8.text, byteLength: bytes.length, ...(nested ? { nested } : {}) };
}

/** The compact JWS or JWE that `text` is, if it is one. */
export function findNestedToken(text: string): NestedToken | undefined {
	if (!nestedTokenKind(text)) return undefined;
	const token = text.trim();
	const decoded = decodeToken(token);
	if (decoded.kind !== 'jws' && decoded.kind !== 'jwe') return undefined;
	return { kind: decoded.kind, token, decoded };
}
