// Generates keys in the browser (HMAC secrets, RSA, EC, Ed25519) and shows them as PEM and JWK, private and public.

import { encodeBase64url } from '../encoding/base64url';
import { toPem } from './pem';

/** The kinds of key a person can generate, with the `alg` each suits. */
export const keyKinds = Object.freeze([
	{ id: 'HS256', label: 'HMAC secret, 256 bits (HS256)', alg: 'HS256' },
	{ id: 'HS384', label: 'HMAC secret, 384 bits (HS384)', alg: 'HS384' },
	{ id: 'HS512', label: 'HMAC secret, 512 bits (HS512)', alg: 'HS512' },
	{ id: 'RSA-2048', label: 'RSA 2048 (RS256)', alg: 'RS256' },
	{ id: 'RSA-3072', label: 'RSA 3072 (RS384)', alg: 'RS384' },
	{ id: 'RSA-4096', label: 'RSA 4096 (RS512)', alg: 'RS512' },
	{ id: 'P-256', label: 'EC P-256 (ES256)', alg: 'ES256' },
	{ id: 'P-384', label: 'EC P-384 (ES384)', alg: 'ES384' },
	{ id: 'P-521', label: 'EC P-521 (ES512)', alg: 'ES512' },
	{ id: 'Ed25519', label: 'Ed25519 (EdDSA)', alg: 'EdDSA' },
] as const);

export type KeyKindId = (typeof keyKinds)[number]['id'];

/** A generated key in every form a person may need. */
export interface GeneratedKey {
	readonly kind: KeyKindId;
	readonly alg: string;
	/** An HMAC secret as base64url (read it with "Secret is base64url encoded" ticked). */
	readonly secret?: string;
	readonly privatePem?: string;
	readonly publicPem?: string;
	readonly privateJwk?: string;
	readonly publicJwk?: string;
}

/** Generates a key of `kind` with WebCrypto; nothing leaves the page. */
export async function generateKey(
	kind: KeyKindId,
	subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<GeneratedKey> {
	const alg = keyKinds.find((k) => k.id === kind)!.alg;
	if (kind === 'HS256' || kind === 'HS384' || kind === 'HS512') {
		const bits = Number(kind.slice(2));
		const key = await subtle.generateKey({ name: 'HMAC', hash: `SHA-${bits}`, length: bits }, true, ['sign']);
		const raw = new Uint8Array(await subtle.exportKey('raw', key));
		const secret = encodeBase64url(raw);
		return { kind, alg, secret, privateJwk: JSON.stringify({ kty: 'oct', k: secret, alg }, null, 2) };
	}
	const params: RsaHashedKeyGenParams | EcKeyGenParams | AlgorithmIdentifier = kind.startsWith('RSA-')
		? {
				name: 'RSASSA-PKCS1-v1_5',
				modulusLength: Number(kind.slice(4)),
				publicExponent: new Uint8Array([1, 0, 1]),
				hash: `SHA-${alg.slice(2)}`,
			}
		: kind === 'Ed25519'
			? { name: 'Ed25519' }
			: { name: 'ECDSA', namedCurve: kind };
	const pair = (await subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
	const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey));
	const spki = new Uint8Array(await subtle.exportKey('spki', pair.publicKey));
	const privateJwk = cleanJwk(await subtle.exportKey('jwk', pair.privateKey), alg);
	const publicJwk = cleanJwk(await subtle.exportKey('jwk', pair.publicKey), alg);
	return {
		kind,
		alg,
		privatePem: toPem('PRIVATE KEY', pkcs8),
		publicPem: toPem('PUBLIC KEY', spki),
		privateJwk: JSON.stringify(privateJwk, null, 2),
		publicJwk: JSON.stringify(publicJwk, null, 2),
	};
}

/** A JWK as people share it: key members, then `use` and the JOSE `alg` (WebCrypto writes its own `alg` and `key_ops`). */
function cleanJwk(jwk: JsonWebKey, alg: string): Record<string, unknown> {
	const { key_ops: _ops, ext: _ext, alg: _alg, ...members } = jwk;
	return { ...members, use: 'sig', alg };
}
