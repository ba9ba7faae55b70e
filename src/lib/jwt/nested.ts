// Whether a text is itself a compact token (a nested JWT, RFC 7519 §5.2): read from the text alone, without decoding it whole.

import { decodeBase64url } from '../encoding/base64url';
import { decodeUtf8 } from '../encoding/utf8';
import { getMember, parseJson } from './json';

/** Base64url parts separated by dots: what a compact JWS (3 parts) or JWE (5 parts) looks like (RFC 7515 §7.1, RFC 7516 §7.1). */
const COMPACT = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*){2}(?:\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?$/;

/**
 * Which compact token `text` (surrounding whitespace aside) is, if it is one: three (JWS) or five (JWE) base64url
 * parts whose first decodes to a JSON object with a string `alg` (RFC 7515 §4.1.1, RFC 7516 §4.1.1). Plain text
 * with dots in it ("a.b.c") is none.
 */
export function nestedTokenKind(text: string): 'jws' | 'jwe' | undefined {
	const token = text.trim();
	if (!COMPACT.test(token)) return undefined;
	const bytes = decodeBase64url(token.slice(0, token.indexOf('.')));
	if (!bytes.ok) return undefined;
	const utf8 = decodeUtf8(bytes.bytes);
	if (!utf8.ok) return undefined;
	const parsed = parseJson(utf8.text);
	if (!parsed.ok || parsed.root.kind !== 'object' || getMember(parsed.root, 'alg')?.kind !== 'string')
		return undefined;
	return token.split('.').length === 5 ? 'jwe' : 'jws';
}
