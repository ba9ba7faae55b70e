// Verifies a DPoP proof with the public key in its own header (RFC 9449 §4.3), the one case where a token's own key is the key to use.

import type { DecodedToken } from '../jwt/decode';
import { toPlainValue, getMember } from '../jwt/json';
import { recognizeProfile } from '../jwt/profiles';
import { parseKeyInput } from './keys';
import { publicJwk, verifyToken, type Verdict } from './verify';

/** What the page says about a verdict reached with a DPoP proof's own key (ui-contract.md "Token profiles and related tokens"). */
export const dpopVerdictText = Object.freeze({
	verified:
		'Verified with the proof\'s own public key (its header "jwk"), as RFC 9449 §4.3 says to check a DPoP proof. This proves possession, not identity: whoever sent the proof holds the matching private key, but anyone can make a key pair and sign a proof. Who the key belongs to is shown only by an access token bound to it ("cnf.jkt").',
	invalid:
		'The signature does not match the proof\'s own public key (its header "jwk"): the proof was not signed with the key it carries, and a server rejects it (RFC 9449 §4.3).',
	noKey: 'The proof has no usable public key in its header "jwk", so it cannot be verified (RFC 9449 §4.2).',
});

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
 * the token is not a DPoP proof by its `typ`; otherwise a verdict whose text says what it proves.
 * `signingInput` is the token's `header.payload` bytes, when a worker has them.
 */
export async function verifyDpopProof(
	decoded: DecodedToken,
	signingInput?: Uint8Array,
	subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<Verdict | undefined> {
	if (!isDpopProof(decoded)) return undefined;
	const jwk = decoded.header?.root && getMember(decoded.header.root, 'jwk');
	if (jwk?.kind !== 'object') return { status: 'invalid', reason: dpopVerdictText.noKey };
	const key = parseKeyInput(JSON.stringify(publicJwk(toPlainValue(jwk) as Record<string, unknown>)));
	if (key.kind !== 'keys') return { status: 'invalid', reason: dpopVerdictText.noKey };
	const verdict = await verifyToken({ decoded, key, signingInput }, subtle);
	if (verdict.status === 'verified')
		return { ...verdict, detail: dpopVerdictText.verified, origin: 'dpop-jwk' };
	if (verdict.status === 'invalid')
		return { ...verdict, reason: `${dpopVerdictText.invalid} ${verdict.reason}`, origin: 'dpop-jwk' };
	return verdict;
}
