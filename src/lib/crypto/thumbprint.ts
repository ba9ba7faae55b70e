// JWK thumbprints (RFC 7638): the SHA-256 of a key's required members, for naming a key by its content.

import { encodeBase64url } from '../encoding/base64url';

/** The members each key type's thumbprint covers, in lexicographic order (RFC 7638 §3.2; RFC 9964 §4 for AKP). */
const requiredMembers: Readonly<Record<string, readonly string[]>> = Object.freeze({
	EC: Object.freeze(['crv', 'kty', 'x', 'y']),
	OKP: Object.freeze(['crv', 'kty', 'x']),
	RSA: Object.freeze(['e', 'kty', 'n']),
	oct: Object.freeze(['k', 'kty']),
	AKP: Object.freeze(['alg', 'kty', 'pub']),
});

/**
 * The exact JSON a thumbprint hashes: the required members only, sorted, no whitespace (RFC 7638
 * §3.1–3.3); undefined when the `kty` is unknown or a required member is missing or not a string.
 */
export function thumbprintInput(jwk: Readonly<Record<string, unknown>>): string | undefined {
	const members = typeof jwk.kty === 'string' ? requiredMembers[jwk.kty] : undefined;
	if (!members || !Object.hasOwn(requiredMembers, jwk.kty as string)) return undefined;
	const entries: [string, string][] = [];
	for (const name of members) {
		const value = jwk[name];
		if (typeof value !== 'string') return undefined;
		entries.push([name, value]);
	}
	return `{${entries.map(([name, value]) => `${JSON.stringify(name)}:${JSON.stringify(value)}`).join(',')}}`;
}

/** The base64url SHA-256 thumbprint of `jwk` (RFC 7638 §3), or undefined when it has none. */
export async function jwkThumbprint(
	jwk: Readonly<Record<string, unknown>>,
	subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<string | undefined> {
	const input = thumbprintInput(jwk);
	if (input === undefined) return undefined;
	const digest = await subtle.digest('SHA-256', new TextEncoder().encode(input));
	return encodeBase64url(new Uint8Array(digest));
}
