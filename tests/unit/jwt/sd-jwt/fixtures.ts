// Builds SD-JWTs for tests: disclosures with their digests, an unsigned issuer JWT, and KB-JWTs signed with a fresh holder key.

import { parseKeyInput, type ParsedKey } from '../../../../src/lib/crypto/keys';
import { webCryptoDigest } from '../../../../src/lib/crypto/sd-jwt';
import { signToken } from '../../../../src/lib/crypto/sign';
import { encodeBase64urlText as b64 } from '../../../../src/lib/encoding/base64url';
import { decodeToken } from '../../../../src/lib/jwt/decode';
import {
	analyzeSdJwt,
	createDisclosure,
	digestText,
	findSdHashAlgorithm,
	type KeyBindingOptions,
} from '../../../../src/lib/jwt/sd-jwt';

export const digest = webCryptoDigest();
export const SHA256 = findSdHashAlgorithm('sha-256')!;
export const NOW = 1_750_000_000;

/** A disclosure of `name` (or an array element without) and its SHA-256 digest. */
export async function disclose(
	name: string | undefined,
	value: unknown,
	salt = `salt-${name ?? 'element'}`,
): Promise<{ disclosure: string; digest: string }> {
	const disclosure = createDisclosure(salt, name, JSON.stringify(value));
	return { disclosure, digest: (await digestText(disclosure, SHA256, digest))! };
}

/** `<header>.<payload>.c2ln~<disclosures>~` (signature not checked by processing). */
export function sdJwt(header: unknown, payload: unknown, disclosures: readonly string[], kb = ''): string {
	return `${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}.c2ln~${disclosures.map((d) => `${d}~`).join('')}${kb}`;
}

/** A P-256 holder key pair: the public JWK for `cnf`, the private JWK, and the private key as the page parses it. */
export async function holderKey(): Promise<{
	publicJwk: JsonWebKey;
	privateJwk: JsonWebKey;
	privateKey: ParsedKey;
}> {
	const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
		'sign',
		'verify',
	])) as CryptoKeyPair;
	const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
	const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
	return { publicJwk: { kty, crv, x, y }, privateJwk, privateKey: parseKeyInput(JSON.stringify(privateJwk)) };
}

/** Signs a KB-JWT with any header and payload (ES256). */
export async function signKb(header: unknown, payload: unknown, key: ParsedKey): Promise<string> {
	const signed = await signToken(`${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}.`, key);
	if (!signed.ok) throw new Error(`cannot sign the KB-JWT: ${signed.code}`);
	return signed.token;
}

/** The sd_hash of a presentation without KB-JWT. */
export async function sdHashOf(presentation: string): Promise<string> {
	return (await digestText(presentation, SHA256, digest))!;
}

/** Every finding code an SD-JWT raises, sorted. */
export async function codesOf(token: string, options: Partial<KeyBindingOptions> = {}): Promise<string[]> {
	const analysis = await analyzeSdJwt(decodeToken(token), digest, { now: NOW, ...options });
	return analysis!.findings.map((f) => f.code).sort();
}
