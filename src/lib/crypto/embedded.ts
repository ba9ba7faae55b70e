// Keys a token names or carries itself (`jwk`, `x5c`, `jku`, `x5u`): shown and explained, never fetched, never trusted.

import { decodeBase64url } from '../encoding/base64url';
import type { DecodedToken } from '../jwt/decode';
import { getMember, toPlainValue } from '../jwt/json';
import { toPem } from './pem';
import { isDpopProof } from './dpop';

/** One key reference found in the header. */
export interface EmbeddedKey {
	readonly member: 'jwk' | 'x5c' | 'jku' | 'x5u';
	/** What it is and why it cannot be trusted, in a sentence. */
	readonly explanation: string;
	/** Key text `parseKeyInput` reads (a JWK as JSON, or the first certificate as PEM); absent for URLs. */
	readonly keyText?: string;
	/** The URL exactly as written, for `jku` and `x5u`: shown as text, never requested. */
	readonly url?: string;
	/** Why the carried key cannot be read, when it cannot. */
	readonly problem?: string;
}

/** Lists the header's `jwk`, `x5c`, `jku` and `x5u` (RFC 7515 §4.1.2–4.1.6; RFC 8725 §3.10). */
export function findEmbeddedKeys(decoded: DecodedToken): EmbeddedKey[] {
	const root = decoded.header?.root;
	if (!root || root.kind !== 'object') return [];
	const keys: EmbeddedKey[] = [];
	const jwk = getMember(root, 'jwk');
	if (jwk) {
		// A DPoP proof is the one token whose own key is the intended key (RFC 9449 §4.3).
		const explanation = isDpopProof(decoded)
			? 'The DPoP proof carries its public key ("jwk"), as RFC 9449 requires; with no key given, the verdict uses it. It proves the sender holds the private key, not who the sender is.'
			: 'The header carries its own public key ("jwk"). A verifier that uses it accepts any token signed by anyone with any key (CVE-2018-0114).';
		keys.push(
			jwk.kind === 'object'
				? { member: 'jwk', explanation, keyText: JSON.stringify(toPlainValue(jwk)) }
				: { member: 'jwk', explanation, problem: '"jwk" is not a JSON object' },
		);
	}
	const x5c = getMember(root, 'x5c');
	if (x5c) {
		const explanation =
			'The header carries a certificate chain ("x5c"). It proves nothing unless the chain leads to a root the verifier already trusts.';
		const first = x5c.kind === 'array' ? x5c.items[0] : undefined;
		// x5c holds standard base64 DER (RFC 7515 §4.1.6); the lenient decoder reads it.
		const der = first?.kind === 'string' ? decodeBase64url(first.value.replace(/\s+/g, '')) : undefined;
		keys.push(
			der?.ok
				? { member: 'x5c', explanation, keyText: toPem('CERTIFICATE', der.bytes) }
				: { member: 'x5c', explanation, problem: '"x5c" does not start with a base64 certificate' },
		);
	}
	for (const member of ['jku', 'x5u'] as const) {
		const node = getMember(root, member);
		if (!node) continue;
		keys.push({
			member,
			url: node.kind === 'string' ? node.value : JSON.stringify(toPlainValue(node)),
			explanation:
				member === 'jku'
					? 'The header names a URL to fetch keys from ("jku"). A server that follows it lets the token choose its own key; this page never fetches it.'
					: 'The header names a URL to fetch a certificate from ("x5u"). A server that follows it lets the token choose its own key; this page never fetches it.',
		});
	}
	return keys;
}
