// Re-encode a token after its header or payload was edited (RFC 7515 §7.1), keeping every literal as the person wrote it.

import { encodeBase64urlText } from '../encoding/base64url';
import { minifyJson, parseJson, type JsonSyntaxError } from './json';
import { splitToken } from './segments';

/** The new token, or why the edited text cannot be encoded yet. */
export type EncodeResult = { ok: true; token: string } | { ok: false; error: JsonSyntaxError };

/**
 * Replaces the header or payload of `token` with `text`. JSON is minified (whitespace only, so big
 * numbers and escapes stay as written); a payload that was plain text may stay plain text. The
 * other parts, the signature included, are kept: signing is a separate step. An SD-JWT's
 * disclosures and KB-JWT are kept after the issuer-signed JWT.
 */
export function replacePart(
	token: string,
	part: 'header' | 'payload',
	text: string,
	allowText = false,
): EncodeResult {
	const parsed = parseJson(text);
	let encoded: string;
	if (parsed.ok) encoded = encodeBase64urlText(minifyJson(text));
	else if (allowText && part === 'payload') encoded = encodeBase64urlText(text);
	else return { ok: false, error: parsed.error };

	const { kind, parts, sdJwt } = splitToken(token);
	// An SD-JWT keeps its disclosures and KB-JWT: only the issuer-signed JWT is edited (RFC 9901 §4).
	const suffix = sdJwt ? token.slice(sdJwt.issuerEnd) : '';
	const texts = parts.filter((p) => p.name !== 'disclosure' && p.name !== 'key-binding').map((p) => p.text);
	if (kind === 'malformed' || texts.length === 0)
		return { ok: true, token: (part === 'header' ? `${encoded}..` : `.${encoded}.`) + suffix };
	if (part === 'header') texts[0] = encoded;
	else if (kind === 'jwe') return { ok: true, token };
	else texts[1] = encoded;
	if (kind === 'unsecured-fragment') texts.push('');
	return { ok: true, token: texts.join('.') + suffix };
}

/**
 * `token` without its payload, where `replacePart(token, 'payload', …)` does not read it: a JWS or
 * `header.payload` (`h..s`, `h.`). A JWE or malformed token comes back as it is. Posting a huge edit to a
 * worker then copies the edited text once, not the old payload as well.
 */
export function withoutPayload(token: string): string {
	if (token.includes('~')) return token;
	const first = token.indexOf('.');
	if (first < 0) return token;
	const second = token.indexOf('.', first + 1);
	if (second < 0) return token.slice(0, first + 1);
	return token.indexOf('.', second + 1) < 0 ? token.slice(0, first + 1) + token.slice(second) : token;
}
