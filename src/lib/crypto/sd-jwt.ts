// SD-JWT work that needs WebCrypto: digests, salts, the key binding signature check and signing a KB-JWT (RFC 9901 §4.3, §7.3).

import { encodeBase64url, encodeBase64urlText } from '../encoding/base64url';
import type { KeyBindingReport } from '../jwt/sd-jwt/key-binding';
import { digestText, type Digest, type SdHashAlgorithm } from '../jwt/sd-jwt/hash';
import { withoutKeyBinding } from '../jwt/sd-jwt/present';
import { parseKeyInput, type KeyCandidate, type ParsedKey } from './keys';
import type { KeyBindingFailure, KeyBindingSignResult, KeyBindingVerdict } from './key-binding-verdict';
import { signToken } from './sign';
import { verifyToken, type Verdict } from './verify';

const WEBCRYPTO_HASH = Object.freeze({ 'sha-256': 'SHA-256', 'sha-384': 'SHA-384', 'sha-512': 'SHA-512' });

/** Hashes with WebCrypto (`crypto.subtle.digest`), for the SD-JWT core. */
export function webCryptoDigest(subtle: SubtleCrypto = globalThis.crypto.subtle): Digest {
	return async (alg, bytes) =>
		new Uint8Array(await subtle.digest(WEBCRYPTO_HASH[alg], bytes as BufferSource));
}

/** A salt of 128 random bits, base64url (RFC 9901 §4.2.1 recommends at least 128). */
export function randomSalt(): string {
	return encodeBase64url(globalThis.crypto.getRandomValues(new Uint8Array(16)));
}

/**
 * Verifies the KB-JWT's signature with the credential's `cnf.jwk` (through `verifyToken`, as any JWS) and
 * joins it with the checks of `report` (RFC 9901 §7.3 step 5): verified only when the KB-JWT decodes, its
 * `typ` is `kb+jwt`, its signature verifies with the `cnf` key and its `sd_hash` matches (and `aud`,
 * `nonce` are the expected ones when given). A `cnf` naming its key by `kid` or `jkt` cannot be resolved
 * here: a `holder-key` failure.
 */
export async function verifyKeyBinding(
	report: KeyBindingReport,
	subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<KeyBindingVerdict> {
	if (!report.present)
		return { status: 'none', code: report.holderKey.kind === 'none' ? 'absent' : 'absent-bound' };
	// `no-cnf` is said once, as the holder key the signature cannot be checked with.
	const failures: KeyBindingFailure[] = report.problems.filter((p) => p.check !== 'no-cnf');
	let signature: Verdict | undefined;
	const key = report.holderKey;
	if (key.kind !== 'jwk') failures.unshift({ check: 'holder-key', holderKey: key });
	else if (report.decoded) {
		const parsed = parseKeyInput(JSON.stringify(key.jwk));
		signature = await verifyToken({ decoded: report.decoded, key: parsed }, subtle);
		if (signature.status !== 'verified') failures.unshift({ check: 'signature', signature });
	}
	const iat = report.iatProblem;
	if (failures.length === 0 && signature)
		return { status: 'verified', code: 'verified', signature, ...(iat && { iat }) };
	return {
		status: 'invalid',
		code: 'invalid',
		failures,
		...(signature && { signature }),
		...(iat && { iat }),
	};
}

/** What a new KB-JWT says besides `sd_hash` (RFC 9901 §4.3). */
export interface KeyBindingClaims {
	/** Seconds since the epoch: a fresh `iat`. */
	readonly now: number;
	readonly aud: string;
	readonly nonce: string;
}

/**
 * Signs a KB-JWT for the presentation `sdJwt` (any KB-JWT already at its end is dropped) with the
 * holder's private key: header `{"typ":"kb+jwt","alg"}` (the algorithm the key suggests), payload
 * `{"iat","aud","nonce","sd_hash"}` with `sd_hash` the `_sd_alg` digest of the presentation up to and
 * including its last `~` (RFC 9901 §4.3.1). Signing goes through `signToken`.
 */
export async function signKeyBinding(
	sdJwt: string,
	holderKey: ParsedKey,
	claims: KeyBindingClaims,
	alg: SdHashAlgorithm,
	digest: Digest,
	subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<KeyBindingSignResult> {
	const presented = withoutKeyBinding(sdJwt);
	if (!presented.endsWith('~')) return { ok: false, code: 'not-sd-jwt' };
	// Issue 19: a key that cannot be read says why, in the words `Secret or key` uses.
	if (holderKey.kind === 'error') return { ok: false, code: 'key-unreadable', problem: holderKey.problem };
	if (holderKey.kind !== 'keys' || holderKey.keys.length === 0) return { ok: false, code: 'no-key' };
	const sdHash = await digestText(presented, alg, digest);
	if (sdHash === undefined) return { ok: false, code: 'digest-unavailable', alg: alg.name };
	const signer = holderKey.keys.find((k) => k.info.private) ?? holderKey.keys[0]!;
	const header = encodeBase64urlText(JSON.stringify({ alg: signingAlgorithm(signer), typ: 'kb+jwt' }));
	const payload = encodeBase64urlText(
		JSON.stringify({ iat: Math.floor(claims.now), aud: claims.aud, nonce: claims.nonce, sd_hash: sdHash }),
	);
	const signed = await signToken(
		`${header}.${payload}.`,
		{ kind: 'keys', keys: [signer], isSet: false },
		{ subtle },
	);
	if (!signed.ok) return { ok: false, code: 'sign-failed', result: signed };
	return { ok: true, token: presented + signed.token, kbJwt: signed.token };
}

/**
 * The JWS algorithm a holder key signs with: its own `alg`, else the one its type and curve imply. Read from
 * the key itself, since a JWK whose `key_ops` is only "sign" fits no algorithm for verifying.
 */
function signingAlgorithm(key: KeyCandidate): string {
	if (key.alg !== undefined) return key.alg;
	const info = key.info as { kty: string; crv?: string };
	if (info.kty === 'EC') return info.crv === 'P-384' ? 'ES384' : info.crv === 'P-521' ? 'ES512' : 'ES256';
	if (info.kty === 'OKP') return 'EdDSA';
	return info.kty === 'RSA' ? 'RS256' : 'HS256';
}

export { describeKeyBinding, describeKeyBindingSigning, KEY_BINDING_HEADLINES } from './key-binding-messages';
export type {
	KeyBindingFailure,
	KeyBindingSignResult,
	KeyBindingVerdict,
	UnresolvedHolderKey,
} from './key-binding-verdict';
