// Signs a token's header and payload with an HMAC secret or a private key (RFC 7515 §5.1), as data.

import { findJwsAlgorithm, isNoneAlgorithm } from '../jwt/algorithms';
import { encodeBase64url } from '../encoding/base64url';
import { decodeHeader } from '../jwt/decode';
import { stringMember } from '../jwt/json';
import type { KeyCandidate, KeyProblem, ParsedKey } from './keys';
import { withThumbprints } from './key-thumbprint';
import { loadProvider } from './providers';
import { selectKeys, type KeyMatch } from './select-keys';
import { KeyImportError } from './signature-provider';

/** Why the key at hand cannot sign the token; describeSignResult (messages.ts) words it. */
export type SignRefusal =
	| { readonly code: 'not-jws' }
	| { readonly code: 'header-not-json' }
	| { readonly code: 'unsigned'; readonly alg: string }
	| { readonly code: 'no-alg' }
	| { readonly code: 'alg-unavailable'; readonly alg: string }
	| { readonly code: 'no-key' }
	| { readonly code: 'key-unreadable'; readonly problem: KeyProblem }
	| { readonly code: 'kid-not-found'; readonly kid: string }
	| { readonly code: 'key-misfit'; readonly alg: string; readonly matches: readonly KeyMatch[] }
	/** The browser refused the key (its numbers do not fit together) or lacks the algorithm (`unsupported`). */
	| { readonly code: 'key-rejected'; readonly key: KeyCandidate; readonly unsupported: boolean };

/** A signed token, or why the key at hand cannot sign it. */
export type SignResult =
	| { readonly ok: true; readonly token: string; readonly key: KeyCandidate }
	| ({ readonly ok: false } & SignRefusal);

/** How to sign: `signingInput` is the token's `header.payload` as bytes when a worker has encoded them already. */
export interface SignOptions {
	readonly signingInput?: Uint8Array;
	readonly subtle?: SubtleCrypto;
}

/**
 * Re-signs `token` (header and payload as they are) with the key that fits its `alg`: the secret,
 * or a private key (from a JWKS, the one whose `kid` matches). Never throws.
 */
export async function signToken(
	token: string,
	key: ParsedKey,
	{ signingInput, subtle = globalThis.crypto.subtle }: SignOptions = {},
): Promise<SignResult> {
	const decoded = decodeHeader(token);
	if (decoded.kind !== 'jws' && decoded.kind !== 'unsecured-fragment') return { ok: false, code: 'not-jws' };
	const root = decoded.header?.root;
	if (!root) return { ok: false, code: 'header-not-json' };
	const algName = stringMember(root, 'alg');
	const [header, payload] = decoded.parts;
	const input = `${header?.text ?? ''}.${payload?.text ?? ''}`;
	if (algName !== undefined && isNoneAlgorithm(algName)) return { ok: false, code: 'unsigned', alg: algName };
	if (algName === undefined) return { ok: false, code: 'no-alg' };
	const alg = findJwsAlgorithm(algName);
	if (!alg || alg.implementation.kind === 'unavailable')
		return { ok: false, code: 'alg-unavailable', alg: algName };
	// The note names the key by its thumbprint (RFC 7638), which only an async digest gives.
	const named = await withThumbprints(key, subtle);
	const selection = selectKeys(named, { kid: stringMember(root, 'kid'), alg: alg.name, operation: 'sign' });
	switch (selection.code) {
		case 'no-key':
			return { ok: false, code: 'no-key' };
		case 'kid-not-found':
			return { ok: false, code: 'kid-not-found', kid: selection.kid };
		case 'no-fitting-key':
			return { ok: false, code: 'key-misfit', alg: alg.name, matches: selection.matches };
		case 'selected':
			break;
		default:
			return key.kind === 'error'
				? { ok: false, code: 'key-unreadable', problem: key.problem }
				: { ok: false, code: 'no-key' };
	}
	const chosen = selection.keys[0]!;
	const provider = await loadProvider(alg, chosen, subtle);
	if (!provider) return { ok: false, code: 'alg-unavailable', alg: alg.name };
	try {
		const signature = await provider.sign({
			alg,
			key: chosen,
			// Bytes given for another token (a length that differs) are not used.
			data: signingInput?.length === input.length ? signingInput : new TextEncoder().encode(input),
		});
		// An SD-JWT's disclosures and KB-JWT stay after the re-signed issuer JWT (RFC 9901 §4).
		const suffix = decoded.sdJwt ? token.slice(decoded.sdJwt.issuerEnd) : '';
		return { ok: true, token: `${input}.${encodeBase64url(signature)}${suffix}`, key: chosen };
	} catch (error) {
		if (!(error instanceof KeyImportError)) throw error;
		return { ok: false, code: 'key-rejected', key: chosen, unsupported: error.reason === 'unsupported' };
	}
}
