// Verifies a DPoP proof with the public key in its own header (RFC 9449 §4.3), the one case where a token's own key is the key to use.

import type { DecodedToken } from '../jwt/decode';
import { getMember, toPlainValue } from '../jwt/json';
import { recognizeProfile } from '../jwt/profiles';
import { parseKeyInput } from './keys';
import { verifyToken, type Verdict } from './verify';
import { publicJwk } from './webcrypto';

/** Whether a decoded token is a DPoP proof by its `typ` (`dpop+jwt`), the only way RFC 9449 §4.3 accepts one. */
export function isDpopProof(decoded: DecodedToken): boolean {
	if (decoded.kind !== 'jws') return false;
	const payload = decoded.payload.mode === 'json' ? decoded.payload.root : undefined;
	const recognition = recognizeProfile(decoded.header?.root, payload);
	return recognition.byTyp && recognition.profile.id === 'dpop-proof';
}

/**
 * Verifies a DPoP proof with the public part of the `jwk` in its own header, with no key given
 * (RFC 9449 §4.3 checks 6–9). Private members in that `jwk` are never used. Returns undefined when
 * the token is not a DPoP proof by its `typ`; otherwise a verdict marked `origin: 'dpop-proof'`, which
 * `describeVerdict` words as possession, not identity. `signingInput` is the token's `header.payload`
 * bytes, when a worker has them.
 */
export async function verifyDpopProof(
	decoded: DecodedToken,
	signingInput?: Uint8Array,
	subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<Verdict | undefined> {
	if (!isDpopProof(decoded)) return undefined;
	const jwk = decoded.header?.root && getMember(decoded.header.root, 'jwk');
	const key =
		jwk?.kind === 'object'
			? parseKeyInput(JSON.stringify(publicJwk(toPlainValue(jwk) as Record<string, unknown>)))
			: undefined;
	if (key?.kind !== 'keys') return { status: 'invalid', code: 'key-unreadable', origin: 'dpop-proof' };
	const verdict = await verifyToken({ decoded, key, signingInput }, subtle);
	return verdict.status === 'not-verified' ? verdict : { ...verdict, origin: 'dpop-proof' };
}
