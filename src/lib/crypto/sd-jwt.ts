// SD-JWT work that needs WebCrypto: digests, salts, the key binding signature check and signing a KB-JWT (RFC 9901 §4.3, §7.3).

import { encodeBase64url, encodeBase64urlText } from '../encoding/base64url';
import type { KeyBindingReport } from '../jwt/sd-jwt/key-binding';
import { digestText, type Digest, type SdHashAlgorithm } from '../jwt/sd-jwt/hash';
import { withoutKeyBinding } from '../jwt/sd-jwt/present';
import { parseKeyInput, type KeyCandidate, type ParsedKey } from './keys';
import { describeKeyProblem, describeSignResult, describeVerdict } from './messages';
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

/** The status `Key binding` (ui-contract.md): which of the three phrases, and the text that begins with it. */
export interface KeyBindingVerdict {
	readonly status: 'verified' | 'invalid' | 'none';
	/** Begins with `Key binding verified`, `Invalid key binding` or `No key binding`, then says why. */
	readonly text: string;
	/** The KB-JWT signature's verdict, when it was checked with the `cnf` key. */
	readonly signature?: Verdict;
}

/**
 * Verifies the KB-JWT's signature with the credential's `cnf.jwk` (through `verifyToken`, as any JWS) and
 * joins it with the checks of `report`: verified only when the KB-JWT decodes, its `typ` is `kb+jwt`, its
 * signature verifies with the `cnf` key and its `sd_hash` matches (and `aud`, `nonce` are the expected
 * ones when given). A `cnf` naming its key by `kid` or `jkt` cannot be resolved here, and says so.
 */
export async function verifyKeyBinding(
	report: KeyBindingReport,
	subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<KeyBindingVerdict> {
	if (!report.present) {
		const text =
			report.holderKey.kind === 'none'
				? 'No key binding: the SD-JWT ends with "~", and the credential names no holder key.'
				: 'No key binding: the SD-JWT ends with "~", though the credential has a "cnf" key; anyone holding it can present it.';
		return { status: 'none', text };
	}
	const reasons = report.problems.filter((p) => p.problem !== 'no-cnf').map((p) => p.detail);
	let signature: Verdict | undefined;
	const key = report.holderKey;
	if (key.kind === 'jwk' && report.decoded) {
		const parsed = parseKeyInput(JSON.stringify(key.jwk));
		signature = await verifyToken({ decoded: report.decoded, key: parsed }, subtle);
		if (signature.status !== 'verified')
			reasons.unshift(
				`its signature does not verify with the "cnf" key: ${describeVerdict(signature).explanation}`,
			);
	} else if (key.kind === 'kid') {
		reasons.unshift(
			`the credential's "cnf" names the holder's key by "kid" ${JSON.stringify(key.kid)}, which this page cannot resolve, so the signature is not checked`,
		);
	} else if (key.kind === 'jkt') {
		reasons.unshift(
			`the credential's "cnf" names the holder's key only by its thumbprint ("jkt"), so the page has no key to check the signature with`,
		);
	} else if (key.kind === 'other') {
		reasons.unshift(
			`the credential's "cnf" has ${key.members.map((m) => `"${m}"`).join(', ') || 'no members'}, not a "jwk", so the page has no key to check the signature with`,
		);
	} else {
		reasons.unshift(
			'the credential has no "cnf", so nothing says which key must have signed the key binding JWT',
		);
	}
	if (reasons.length === 0)
		return {
			status: 'verified',
			text: `Key binding verified: the KB-JWT is typed "kb+jwt", signed with the credential's "cnf" key, and its "sd_hash" matches the presented SD-JWT.`,
			signature,
		};
	return {
		status: 'invalid',
		text: `Invalid key binding: ${reasons.map(stripFinalStop).join('; ')}.`,
		signature,
	};
}

/** What a new KB-JWT says besides `sd_hash` (RFC 9901 §4.3). */
export interface KeyBindingClaims {
	/** Seconds since the epoch: a fresh `iat`. */
	readonly now: number;
	readonly aud: string;
	readonly nonce: string;
}

/** A presentation with a freshly signed KB-JWT, or why it could not be signed. */
export type KeyBindingSignResult =
	| { readonly ok: true; readonly token: string; readonly kbJwt: string }
	| { readonly ok: false; readonly reason: string };

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
	if (!presented.endsWith('~')) return { ok: false, reason: 'This is not an SD-JWT: it has no "~".' };
	// Issue 19: a key that cannot be read says why, in the words `Secret or key` uses.
	if (holderKey.kind === 'error')
		return {
			ok: false,
			reason: `The holder's private key cannot be used. ${describeKeyProblem(holderKey.problem)}`,
		};
	if (holderKey.kind !== 'keys' || holderKey.keys.length === 0)
		return { ok: false, reason: "Enter the holder's private key (PEM or JWK) to sign the key binding JWT." };
	const sdHash = await digestText(presented, alg, digest);
	if (sdHash === undefined)
		return { ok: false, reason: `The page cannot compute "${alg.name}" for sd_hash.` };
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
	if (!signed.ok) return { ok: false, reason: describeSignResult(signed) };
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

function stripFinalStop(text: string): string {
	const trimmed = text.endsWith('.') ? text.slice(0, -1) : text;
	return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}
