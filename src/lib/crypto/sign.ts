// Signs a token's header and payload with an HMAC secret or a private key, over WebCrypto (RFC 7515 §5.1).

import { findJwsAlgorithm, isNoneAlgorithm } from '../jwt/algorithms';
import { encodeBase64url } from '../encoding/base64url';
import { decodeHeader } from '../jwt/decode';
import { stringMember } from '../jwt/json';
import type { KeyCandidate, ParsedKey } from './keys';
import { describeKeyMisfit } from './messages';
import { loadProvider } from './providers';
import { selectKeys } from './select-keys';

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
	const algName = stringMember(root, 'alg');
	const [header, payload] = decoded.parts;
	const input = `${header?.text ?? ''}.${payload?.text ?? ''}`;
	if (isNoneAlgorithm(algName))
		return {
			ok: false,
			reason: 'The header says "alg": "none": an unsigned token has no signature to make.',
		};
	if (algName === undefined) return { ok: false, reason: 'The header has no "alg" to sign with.' };
	const alg = findJwsAlgorithm(algName);
	if (!alg || alg.implementation.kind === 'unavailable')
		return { ok: false, reason: `This page cannot sign with "${algName}".` };
	if (key.kind === 'empty') return { ok: false, reason: 'Enter a secret or a private key to sign.' };
	if (key.kind === 'error') return { ok: false, reason: `The key cannot be read: ${key.message}` };

	const selection = selectKeys(key, { kid: stringMember(root, 'kid'), alg: alg.name, operation: 'sign' });
	if (selection.code === 'kid-not-found')
		return { ok: false, reason: `Cannot sign: the JWKS has no key with kid "${selection.kid}".` };
	if (selection.code === 'no-fitting-key') {
		const reasons = selection.matches.map((m) => describeKeyMisfit(m.misfits[0]!, m.key));
		const reason = reasons.length === 1 ? reasons[0]! : `no key fits: ${reasons.join('; ')}`;
		return { ok: false, reason: `Cannot sign: ${reason}.` };
	}
	if (selection.code !== 'selected') return { ok: false, reason: 'Enter a secret or a private key to sign.' };
	const chosen = selection.keys[0]!;
	try {
		const provider = await loadProvider(alg, chosen, subtle);
		if (!provider) return { ok: false, reason: `This page cannot sign with "${algName}".` };
		const signature = await provider.sign({
			alg,
			key: chosen,
			// Bytes given for another token (a length that differs) are not used.
			data: signingInput?.length === input.length ? signingInput : new TextEncoder().encode(input),
		});
		return { ok: true, token: `${input}.${encodeBase64url(signature)}`, key: chosen };
	} catch (error) {
		return {
			ok: false,
			reason: `Cannot sign with the ${chosen.label}: ${error instanceof Error ? error.message : String(error)}.`,
		};
	}
}
