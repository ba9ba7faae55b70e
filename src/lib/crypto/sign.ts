// Signs a token's header and payload with an HMAC secret or a private key, over WebCrypto (RFC 7515 §5.1).

import { findJwsAlgorithm, isNoneAlgorithm } from '../jwt/algorithms';
import { encodeBase64url } from '../encoding/base64url';
import { decodeHeader } from '../jwt/decode';
import { getMember } from '../jwt/json';
import type { KeyCandidate, ParsedKey } from './keys';
import { keyMismatch, webCryptoAlgorithm } from './verify';

/** A signed token, or why the key at hand cannot sign it. */
export type SignResult =
	| { readonly ok: true; readonly token: string; readonly key: KeyCandidate }
	| { readonly ok: false; readonly reason: string };

/** How to sign: `signingInput` is the token's `header.payload` as bytes when a worker has encoded them already. */
export interface SignOptions {
	readonly signingInput?: Uint8Array;
	readonly subtle?: SubtleCrypto;
}

/**
 * Re-signs `token` (header and payload as they are) with the key that fits its `alg`: the secret,
 * or a private key (from a JWKS, the one whose `kid` matches). `alg` `none` gets an empty signature.
 */
export async function signToken(
	token: string,
	key: ParsedKey,
	{ signingInput, subtle = globalThis.crypto.subtle }: SignOptions = {},
): Promise<SignResult> {
	const decoded = decodeHeader(token);
	if (decoded.kind !== 'jws' && decoded.kind !== 'unsecured-fragment')
		return { ok: false, reason: 'Only a JWS (header.payload.signature) can be signed.' };
	const root = decoded.header?.root;
	if (!root) return { ok: false, reason: 'The header is not valid JSON, so the token cannot be signed.' };
	const algNode = getMember(root, 'alg');
	const algName = algNode?.kind === 'string' ? algNode.value : undefined;
	const [header, payload] = decoded.parts;
	const input = `${header?.text ?? ''}.${payload?.text ?? ''}`;
	if (isNoneAlgorithm(algName))
		return {
			ok: false,
			reason: 'The header says "alg": "none": an unsigned token has no signature to make.',
		};
	if (algName === undefined) return { ok: false, reason: 'The header has no "alg" to sign with.' };
	const alg = findJwsAlgorithm(algName);
	const crypto = alg && webCryptoAlgorithm(alg);
	if (!alg || !crypto) return { ok: false, reason: `This page cannot sign with "${algName}".` };
	if (key.kind === 'empty') return { ok: false, reason: 'Enter a secret or a private key to sign.' };
	if (key.kind === 'error') return { ok: false, reason: `The key cannot be read: ${key.message}` };

	const kidNode = getMember(root, 'kid');
	const kid = kidNode?.kind === 'string' ? kidNode.value : undefined;
	let candidates = key.kind === 'secret' ? [key.key] : key.keys;
	if (key.kind === 'keys' && key.isSet && kid !== undefined)
		candidates = candidates.filter((c) => c.kid === kid);
	if (candidates.length === 0)
		return { ok: false, reason: `Cannot sign: the JWKS has no key with kid "${kid}".` };
	const reasons = candidates.map((c) => keyMismatch(alg, c, 'sign'));
	const index = reasons.findIndex((r) => r === undefined);
	if (index < 0) {
		const reason = reasons.length === 1 ? reasons[0]! : `no key fits: ${reasons.join('; ')}`;
		return { ok: false, reason: `Cannot sign: ${reason}.` };
	}
	const chosen = candidates[index]!;
	try {
		const cryptoKey = await importSignKey(subtle, chosen, crypto.importParams);
		const signature = new Uint8Array(
			await subtle.sign(
				crypto.signParams,
				cryptoKey,
				// Bytes given for another token (a length that differs) are not used.
				(signingInput?.length === input.length
					? signingInput
					: new TextEncoder().encode(input)) as BufferSource,
			),
		);
		// An SD-JWT's disclosures and KB-JWT stay after the re-signed issuer JWT (RFC 9901 §4).
		const suffix = decoded.sdJwt ? token.slice(decoded.sdJwt.issuerEnd) : '';
		return { ok: true, token: `${input}.${encodeBase64url(signature)}${suffix}`, key: chosen };
	} catch (error) {
		return {
			ok: false,
			reason: `Cannot sign with the ${chosen.label}: ${error instanceof Error ? error.message : String(error)}.`,
		};
	}
}

/** Imports the secret or private key of `key` for signing. */
export async function importSignKey(
	subtle: SubtleCrypto,
	key: KeyCandidate,
	params: AlgorithmIdentifier | RsaHashedImportParams | EcKeyImportParams | HmacImportParams,
): Promise<CryptoKey> {
	if (key.secret) return subtle.importKey('raw', key.secret as BufferSource, params, false, ['sign']);
	if (key.pkcs8) return subtle.importKey('pkcs8', key.pkcs8 as BufferSource, params, false, ['sign']);
	if (key.jwk) {
		// Only the key's own members: "alg", "use" and "key_ops" were already checked by keyMismatch.
		const { alg: _alg, use: _use, key_ops: _ops, ext: _ext, ...jwk } = key.jwk;
		return subtle.importKey('jwk', jwk as JsonWebKey, params, false, ['sign']);
	}
	throw new Error('a public key cannot sign');
}
