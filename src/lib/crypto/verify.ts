// Verifies a compact JWS with the key a person gave, and says which key did it or why none could, as data.

import { decodeBase64url, type Base64Deviation } from '../encoding/base64url';
import { isDerEcdsaSignature } from '../encoding/ecdsa';
import { findJwsAlgorithm, implementationFor, isNoneAlgorithm, type JwsAlgorithm } from '../jwt/algorithms';
import { signingInput, type DecodedToken } from '../jwt/decode';
import type { PartName } from '../jwt/errors';
import { stringMember, type JsonNode } from '../jwt/json';
import type { KeyCandidate, ParsedKey } from './keys';
import { withThumbprints } from './key-thumbprint';
import { loadProvider } from './providers';
import { selectKeys, type KeyMatch } from './select-keys';
import { KeyImportError, type LibraryUse } from './signature-provider';

/** A way to make a failing HMAC secret verify, found by trying (RFC 7518 §3.2 keys are bytes, not text). */
export type SecretHint = 'read-as-text' | 'read-as-base64' | 'read-as-hex' | 'trim-whitespace';

/** Outcomes with nothing verified, and why (the `Not verified` headline, ui-contract.md "Verdict"). */
export type NotVerified = { readonly status: 'not-verified' } & (
	| { readonly code: 'jwe' }
	| { readonly code: 'undecodable' }
	| { readonly code: 'payload-not-base64url' }
	| { readonly code: 'unsigned'; readonly alg: string }
	| { readonly code: 'no-key' }
	/** Nothing on this page implements the `alg`. */
	| { readonly code: 'alg-unavailable'; readonly alg: string }
	/** The browser's WebCrypto lacks the algorithm (a browser without Ed25519). */
	| { readonly code: 'browser-unsupported'; readonly alg: string; readonly family: JwsAlgorithm['family'] }
	/** The verifier is loading, or no token is in: set by the page's state. */
	| { readonly code: 'loading' }
	| { readonly code: 'no-token' }
);

/** Outcomes where the token does not verify with the key given (the `Invalid signature` headline). */
export type Invalid = {
	readonly status: 'invalid';
	/** A way to make it verify that was found by trying (the secret's encoding, say). */
	readonly hint?: SecretHint;
	/** The one key the outcome is about, when there is one. */
	readonly key?: KeyCandidate;
	/** Set when the key came from the token's own header (`jwk`, `x5c`), which proves nothing. */
	readonly via?: string;
	/** Set when the key is a DPoP proof's own `jwk`, the key RFC 9449 §4.3 says to verify it with (dpop.ts). */
	readonly origin?: 'dpop-proof';
} & (
	| { readonly code: 'key-unreadable' }
	| { readonly code: 'no-alg' }
	| { readonly code: 'unknown-alg'; readonly alg: string }
	| {
			readonly code: 'non-canonical';
			readonly part: PartName;
			readonly deviations: readonly Base64Deviation[];
	  }
	| { readonly code: 'signature-not-base64url'; readonly detail?: string }
	| { readonly code: 'signature-empty' }
	| {
			readonly code: 'signature-length';
			readonly alg: JwsAlgorithm;
			readonly bytes: number;
			/** ECDSA signatures in DER form instead of r‖s (RFC 7518 §3.4). */
			readonly der: boolean;
	  }
	| { readonly code: 'kid-not-found'; readonly kid: string; readonly keys: readonly KeyCandidate[] }
	/** No key fits the `alg`: each key considered, with why. */
	| { readonly code: 'key-misfit'; readonly alg: string; readonly matches: readonly KeyMatch[] }
	/** The browser refused to import the key, though it read as a key: its numbers do not fit together. */
	| { readonly code: 'key-rejected'; readonly key: KeyCandidate }
	/** The signature does not match any of `keys` (each fits and imported). */
	| { readonly code: 'mismatch'; readonly keys: readonly KeyCandidate[] }
);

/** The verdict behind the `Signature` status (ui-contract.md "Verdict"); describeVerdict (messages.ts) words it. */
export type Verdict =
	| NotVerified
	| {
			readonly status: 'verified';
			readonly code: 'verified';
			readonly key: KeyCandidate;
			readonly via?: string;
			/** The library that checked the signature, when it was not the browser's WebCrypto. */
			readonly library?: LibraryUse;
			/** Set when the key is a DPoP proof's own `jwk` (dpop.ts): it proves possession, not identity. */
			readonly origin?: 'dpop-proof';
	  }
	| Invalid;

/** What verification needs from the token. */
export interface VerifyInput {
	readonly decoded: DecodedToken;
	readonly key: ParsedKey;
	/** The secret exactly as typed, to diagnose a wrong encoding when it fails. */
	readonly secretText?: string;
	/**
	 * `signingInput(decoded)`, when it is already at hand: a worker encodes a huge token's, since encoding
	 * megabytes here would block the page.
	 */
	readonly signingInput?: Uint8Array;
}

/**
 * Verifies the token's signature with the given key(s) (RFC 7515 §5.2). A JWKS key is chosen by the token's
 * `kid`; without one, every fitting key is tried. Never throws: every outcome is a verdict with a code.
 */
export async function verifyToken(
	input: VerifyInput,
	subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<Verdict> {
	const checked = checkPreconditions(input);
	if ('status' in checked) return checked;
	// The verdict names keys by their thumbprint (RFC 7638), which only an async digest gives: worked out beside
	// the verification rather than before it, then put on the keys the verdict names.
	const named = withThumbprints(input.key, subtle);
	const verdict = await verifyWith(input, checked, subtle);
	return nameKeys(verdict, input.key, await named);
}

/** verifyToken once the preconditions hold. */
async function verifyWith(
	input: VerifyInput,
	checked: { alg: JwsAlgorithm; signature: Uint8Array; header: JsonNode },
	subtle: SubtleCrypto,
): Promise<Verdict> {
	const { alg, signature } = checked;
	const key = input.key;
	const selection = selectKeys(key, {
		kid: stringMember(checked.header, 'kid'),
		alg: alg.name,
		operation: 'verify',
	});
	switch (selection.code) {
		case 'kid-not-found':
			return { status: 'invalid', code: 'kid-not-found', kid: selection.kid, keys: selection.keys };
		case 'no-fitting-key': {
			const only = selection.matches.length === 1 ? selection.matches[0]!.key : undefined;
			return { status: 'invalid', code: 'key-misfit', alg: alg.name, matches: selection.matches, key: only };
		}
		case 'selected':
			break;
		default:
			return { status: 'invalid', code: 'key-unreadable' };
	}
	const data = input.signingInput ?? signingInput(input.decoded);
	const verdict = await tryKeys(selection.keys, alg, signature, data, subtle);
	if (verdict.status !== 'invalid' || verdict.code !== 'mismatch') return verdict;
	const hint =
		key.kind === 'secret' && alg.family === 'hmac'
			? await diagnoseSecret(input, alg, signature, data, subtle)
			: undefined;
	return hint ? { ...verdict, hint } : verdict;
}

/** `verdict` with each key it names replaced by the same key with its thumbprint (`named` is `parsed`, thumbprinted). */
function nameKeys(verdict: Verdict, parsed: ParsedKey, named: ParsedKey): Verdict {
	if (parsed.kind !== 'keys' || named.kind !== 'keys' || parsed.keys === named.keys) return verdict;
	const byKey = new Map(parsed.keys.map((key, i) => [key, named.keys[i] ?? key]));
	const name = (key: KeyCandidate) => byKey.get(key) ?? key;
	const renamed: Record<string, unknown> = { ...verdict };
	if ('key' in verdict && verdict.key) renamed.key = name(verdict.key);
	if ('keys' in verdict) renamed.keys = verdict.keys.map(name);
	if ('matches' in verdict)
		renamed.matches = verdict.matches.map((match) => ({ ...match, key: name(match.key) }));
	return renamed as Verdict;
}

/**
 * What must hold before any key is tried (RFC 7515 §5.2 steps 1–7): a decoded JWS with a payload, an `alg` that is
 * signed and known, a key, and a signature of the right shape. Returns the verdict when one fails.
 */
function checkPreconditions(
	input: VerifyInput,
): Verdict | { alg: JwsAlgorithm; signature: Uint8Array; header: JsonNode } {
	const { decoded, key } = input;
	if (decoded.kind === 'jwe') return { status: 'not-verified', code: 'jwe' };
	const header = decoded.header?.root;
	if (decoded.kind !== 'jws' || !header) return { status: 'not-verified', code: 'undecodable' };
	// RFC 7515 §5.2 step 6: the payload must decode as base64url, even when a MAC over its characters
	// as received would match (Wycheproof json_web_signature #368).
	if (decoded.bytes.payload === undefined) return { status: 'not-verified', code: 'payload-not-base64url' };
	const algName = stringMember(header, 'alg');
	if (algName !== undefined && isNoneAlgorithm(algName))
		return { status: 'not-verified', code: 'unsigned', alg: algName };
	if (key.kind === 'empty') return { status: 'not-verified', code: 'no-key' };
	// The alert under the key says why; the verdict only says that nothing was verified with it.
	if (key.kind === 'error') return { status: 'invalid', code: 'key-unreadable' };
	if (algName === undefined) return { status: 'invalid', code: 'no-alg' };
	const alg = findJwsAlgorithm(algName);
	if (!alg) return { status: 'invalid', code: 'unknown-alg', alg: algName };
	if (alg.implementation.kind === 'unavailable')
		return { status: 'not-verified', code: 'alg-unavailable', alg: alg.name };
	const signatureShape = checkSignatureShape(decoded, alg);
	if ('status' in signatureShape) return signatureShape;
	return { alg, signature: signatureShape.signature, header };
}

/** A strict verifier rejects non-canonical base64url (RFC 7515 §2) and a signature of a length `alg` never makes. */
function checkSignatureShape(decoded: DecodedToken, alg: JwsAlgorithm): Invalid | { signature: Uint8Array } {
	const deviation = decoded.deviations[0];
	if (deviation)
		return {
			status: 'invalid',
			code: 'non-canonical',
			part: deviation.part,
			deviations: deviation.deviations,
		};
	const signature = decoded.bytes.signature;
	if (!signature) {
		const error = decoded.errors.find((e) => e.part === 'signature');
		return { status: 'invalid', code: 'signature-not-base64url', detail: error?.message };
	}
	if (signature.length === 0) return { status: 'invalid', code: 'signature-empty' };
	if (alg.signatureBytes !== undefined && signature.length !== alg.signatureBytes)
		return {
			status: 'invalid',
			code: 'signature-length',
			alg,
			bytes: signature.length,
			der: alg.family === 'ecdsa' && isDerEcdsaSignature(signature),
		};
	return { signature };
}

/** Tries each fitting key in turn with the implementation the algorithm table names for it. */
async function tryKeys(
	keys: readonly KeyCandidate[],
	alg: JwsAlgorithm,
	signature: Uint8Array,
	data: Uint8Array,
	subtle: SubtleCrypto,
): Promise<Verdict> {
	let rejected: KeyCandidate | undefined;
	for (const key of keys) {
		const provider = await loadProvider(alg, key, subtle);
		if (!provider) return { status: 'not-verified', code: 'alg-unavailable', alg: alg.name };
		try {
			if (await provider.verify({ alg, key, signature, data })) {
				const library = await provider.libraryFor?.(key);
				return { status: 'verified', code: 'verified', key, ...(library ? { library } : {}) };
			}
		} catch (error) {
			if (!(error instanceof KeyImportError)) throw error;
			if (error.reason === 'unsupported')
				return { status: 'not-verified', code: 'browser-unsupported', alg: alg.name, family: alg.family };
			rejected ??= key;
		}
	}
	// One key, and the browser refused it: that, not a mismatch, is the news.
	if (rejected && keys.length === 1) return { status: 'invalid', code: 'key-rejected', key: rejected };
	return { status: 'invalid', code: 'mismatch', keys, key: keys.length === 1 ? keys[0] : undefined };
}

/**
 * Secret encodings people mix up, tried when a secret fails (the issue of "is my secret base64?"): the first
 * reading of the typed text that verifies.
 */
async function diagnoseSecret(
	input: VerifyInput,
	alg: JwsAlgorithm,
	signature: Uint8Array,
	data: Uint8Array,
	subtle: SubtleCrypto,
): Promise<SecretHint | undefined> {
	const { key } = input;
	const text = input.secretText ?? '';
	const implementation = implementationFor(alg);
	if (key.kind !== 'secret' || text === '' || implementation.kind !== 'webcrypto') return undefined;
	const attempts: [SecretHint, Uint8Array | undefined][] = [];
	if (key.key.source === 'secret-base64') attempts.push(['read-as-text', new TextEncoder().encode(text)]);
	else {
		const base64 = decodeBase64url(text.trim());
		if (base64.ok) attempts.push(['read-as-base64', base64.bytes]);
	}
	if (/^(?:[0-9a-fA-F]{2})+$/.test(text.trim())) attempts.push(['read-as-hex', hexBytes(text.trim())]);
	if (text !== text.trim()) attempts.push(['trim-whitespace', new TextEncoder().encode(text.trim())]);
	const params = implementation.import as AlgorithmIdentifier;
	const signParams = implementation.sign as AlgorithmIdentifier;
	for (const [hint, bytes] of attempts) {
		if (!bytes || bytes.length === 0) continue;
		const cryptoKey = await subtle.importKey('raw', bytes as BufferSource, params, false, ['verify']);
		if (await subtle.verify(signParams, cryptoKey, signature as BufferSource, data as BufferSource))
			return hint;
	}
	return undefined;
}

function hexBytes(hex: string): Uint8Array {
	const bytes = new Uint8Array(hex.length / 2);
	for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
	return bytes;
}
