// Verifies a compact JWS with the key a person gave, over WebCrypto, and says which key did it or why none could.

import { findJwsAlgorithm, isNoneAlgorithm, type JwsAlgorithm } from '../jwt/algorithms';
import { decodeBase64url } from '../encoding/base64url';
import { signingInput, type DecodedToken } from '../jwt/decode';
import { getMember } from '../jwt/json';
import { describeKeyInfo, type KeyCandidate, type ParsedKey } from './keys';
import { isDerEcdsaSignature } from '../encoding/ecdsa';

/**
 * Where the key behind a verdict came from: `Secret or key` (the default when absent), a key the
 * token carries and the person chose to try (`embedded`), or a DPoP proof's own `jwk` (`dpop-jwk`).
 */
export type KeyOrigin = 'key-input' | 'embedded' | 'dpop-jwk';

/** The verdict behind the `Signature` status (ui-contract.md "Verdict"). */
export type Verdict =
	| { readonly status: 'not-verified'; readonly reason: string }
	| {
			readonly status: 'verified';
			readonly key: KeyCandidate;
			readonly detail: string;
			readonly origin?: KeyOrigin;
	  }
	| {
			readonly status: 'invalid';
			readonly reason: string;
			readonly origin?: KeyOrigin;
			/** A way to make it verify that was found by trying (the secret's encoding, say). */
			readonly hint?: string;
			readonly key?: KeyCandidate;
	  };

/** The WebCrypto parameters of one JWS algorithm (RFC 7518 §3). */
interface WebCryptoAlgorithm {
	readonly importParams: AlgorithmIdentifier | RsaHashedImportParams | EcKeyImportParams | HmacImportParams;
	readonly signParams: AlgorithmIdentifier | RsaPssParams | EcdsaParams;
}

/** How `alg` maps onto WebCrypto; undefined for algorithms WebCrypto does not have (ES256K, none). */
export function webCryptoAlgorithm(alg: JwsAlgorithm): WebCryptoAlgorithm | undefined {
	const hash = `SHA-${alg.hashBytes * 8}`;
	switch (alg.family) {
		case 'hmac':
			return { importParams: { name: 'HMAC', hash }, signParams: { name: 'HMAC' } };
		case 'rsa-pkcs1':
			return {
				importParams: { name: 'RSASSA-PKCS1-v1_5', hash },
				signParams: { name: 'RSASSA-PKCS1-v1_5' },
			};
		case 'rsa-pss':
			// RFC 7518 §3.5: the salt is as long as the hash output.
			return {
				importParams: { name: 'RSA-PSS', hash },
				signParams: { name: 'RSA-PSS', saltLength: alg.hashBytes },
			};
		case 'ecdsa':
			if (alg.curve === 'secp256k1') return undefined;
			return { importParams: { name: 'ECDSA', namedCurve: alg.curve! }, signParams: { name: 'ECDSA', hash } };
		case 'eddsa':
			return { importParams: { name: 'Ed25519' }, signParams: { name: 'Ed25519' } };
		default:
			return undefined;
	}
}

/** Why `key` cannot verify or sign `alg`, in words; undefined when it fits (RFC 7518 §3, RFC 7517 §4.2–4.4). */
export function keyMismatch(
	alg: JwsAlgorithm,
	key: KeyCandidate,
	operation: 'verify' | 'sign' = 'verify',
): string | undefined {
	const info = key.info;
	const what = `the key is ${article(describeKeyInfo(info))}`;
	const needs = (expected: string) => `this token is ${alg.name}, which needs ${expected}; ${what}`;
	if (alg.family === 'hmac' && info.kty !== 'oct')
		return `${needs('a shared HMAC secret')}. Using a public key as an HMAC secret is the key-confusion attack (CVE-2016-10555)`;
	if ((alg.family === 'rsa-pkcs1' || alg.family === 'rsa-pss') && info.kty !== 'RSA')
		return needs('an RSA key');
	if (alg.family === 'ecdsa' && (info.kty !== 'EC' || info.crv !== alg.curve))
		return needs(`an EC ${alg.curve} key`);
	if (alg.family === 'eddsa') {
		if (info.kty !== 'OKP' || (info.crv !== 'Ed25519' && info.crv !== 'Ed448'))
			return needs('an Ed25519 key');
		if (info.crv === 'Ed448') return 'the key is an Ed448 key, which WebCrypto in this browser cannot use';
	}
	if (key.use !== undefined && key.use !== 'sig')
		return `the key's "use" is "${key.use}", not "sig": it is meant for encryption, not signatures`;
	if (key.alg !== undefined && key.alg !== alg.name)
		return `the key's "alg" is "${key.alg}" but the token's is "${alg.name}"`;
	if (key.keyOps !== undefined && !key.keyOps.includes(operation))
		return `the key's "key_ops" (${key.keyOps.join(', ') || 'empty'}) does not allow "${operation}"`;
	if (operation === 'sign' && !info.private) return `${what}; signing needs the private key`;
	return undefined;
}

/** Imports the public half of `key` (or the secret) for verifying `alg`. */
export async function importVerifyKey(
	subtle: SubtleCrypto,
	key: KeyCandidate,
	params: WebCryptoAlgorithm['importParams'],
): Promise<CryptoKey> {
	if (key.secret) return subtle.importKey('raw', key.secret as BufferSource, params, false, ['verify']);
	if (key.spki) return subtle.importKey('spki', key.spki as BufferSource, params, false, ['verify']);
	if (key.pkcs8) {
		// A private key verifies through its public part: export it as a JWK and drop the private members.
		const privateKey = await subtle.importKey('pkcs8', key.pkcs8 as BufferSource, params, true, ['sign']);
		const jwk = await subtle.exportKey('jwk', privateKey);
		return subtle.importKey('jwk', publicJwk(jwk as Record<string, unknown>), params, false, ['verify']);
	}
	if (key.jwk) return subtle.importKey('jwk', publicJwk(key.jwk), params, false, ['verify']);
	throw new Error('the key has no material to import');
}

/** Only the members WebCrypto needs for a public key (RFC 7518 §6.2.1, §6.3.1; RFC 8037 §2). */
export function publicJwk(jwk: Readonly<Record<string, unknown>>): JsonWebKey {
	const pick = (...names: string[]) =>
		Object.fromEntries(names.filter((n) => typeof jwk[n] === 'string').map((n) => [n, jwk[n]])) as JsonWebKey;
	switch (jwk.kty) {
		case 'RSA':
			return pick('kty', 'n', 'e');
		case 'EC':
			return pick('kty', 'crv', 'x', 'y');
		default:
			return pick('kty', 'crv', 'x');
	}
}

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
 * Verifies the token's signature with the given key(s). A JWKS key is chosen by the token's `kid`;
 * without one, every fitting key is tried. Never throws: every outcome is a verdict with a reason.
 */
export async function verifyToken(
	input: VerifyInput,
	subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<Verdict> {
	const { decoded, key } = input;
	if (decoded.kind === 'jwe')
		return notVerified('This is an encrypted token (JWE); it has no signature to verify.');
	if (decoded.kind !== 'jws' || !decoded.header?.root)
		return notVerified('The token cannot be decoded, so there is nothing to verify.');
	// RFC 7515 §5.2 step 6: the payload must decode as base64url, even when a MAC over its characters
	// as received would match (Wycheproof json_web_signature #368).
	if (decoded.bytes.payload === undefined)
		return notVerified(
			'The payload is not valid base64url, so the token cannot be decoded and there is nothing to verify.',
		);
	const algNode = getMember(decoded.header.root, 'alg');
	const algName = algNode?.kind === 'string' ? algNode.value : undefined;
	if (isNoneAlgorithm(algName))
		return notVerified(
			`The token is unsigned ("alg": "${algName}"): there is nothing to verify, whatever the key.`,
		);
	if (key.kind === 'empty') return notVerified('Enter the secret or key to verify the signature.');
	// The alert under the key says why; the verdict only says that nothing was verified with it.
	if (key.kind === 'error')
		return { status: 'invalid', reason: 'The key cannot be read, so it verifies nothing.' };
	if (algName === undefined)
		return { status: 'invalid', reason: 'The header has no "alg", so no key can verify it.' };
	const alg = findJwsAlgorithm(algName);
	if (!alg) return { status: 'invalid', reason: `"${algName}" is not a JWS algorithm this page knows.` };
	const crypto = webCryptoAlgorithm(alg);
	if (!crypto)
		return notVerified(
			`${alg.name} uses a curve (secp256k1) that WebCrypto does not offer, so this browser cannot verify it.`,
		);

	const strictProblem = nonCanonicalPart(decoded);
	if (strictProblem) return { status: 'invalid', reason: strictProblem };
	const signature = decoded.bytes.signature;
	if (!signature) {
		const error = decoded.errors.find((e) => e.part === 'signature');
		return {
			status: 'invalid',
			reason: `The signature part is not valid base64url (${error?.message ?? 'signature'}).`,
		};
	}
	if (signature.length === 0) return { status: 'invalid', reason: 'The signature part is empty.' };
	if (alg.signatureBytes !== undefined && signature.length !== alg.signatureBytes) {
		const der = alg.family === 'ecdsa' && isDerEcdsaSignature(signature);
		return {
			status: 'invalid',
			reason: `The signature is ${signature.length} bytes; ${alg.name} signatures are exactly ${alg.signatureBytes}${alg.family === 'ecdsa' ? ' (r‖s)' : ''}.${der ? ' It looks DER-encoded: JOSE requires the fixed-length r‖s form (RFC 7518 §3.4).' : ''}`,
		};
	}

	const candidates = key.kind === 'secret' ? [key.key] : key.keys;
	const kidNode = getMember(decoded.header.root, 'kid');
	const kid = kidNode?.kind === 'string' ? kidNode.value : undefined;
	const isSet = key.kind === 'keys' && key.isSet;
	let chosen = candidates;
	if (isSet && kid !== undefined) {
		chosen = candidates.filter((c) => c.kid === kid);
		if (chosen.length === 0)
			return {
				status: 'invalid',
				reason: `The JWKS has no key with kid "${kid}". It holds: ${listKeys(candidates)}.`,
			};
	}
	const fitting = chosen.filter((c) => keyMismatch(alg, c) === undefined);
	if (fitting.length === 0) {
		const reasons = chosen.map((c) => keyMismatch(alg, c)!);
		if (chosen.length === 1)
			return { status: 'invalid', reason: `${capitalize(reasons[0]!)}.`, key: chosen[0] };
		return {
			status: 'invalid',
			reason: `No key in the set fits ${alg.name}: ${chosen.map((c, i) => `${c.label}: ${reasons[i]}`).join('; ')}.`,
		};
	}

	const data = input.signingInput ?? signingInput(decoded);
	let lastError: string | undefined;
	for (const candidate of fitting) {
		try {
			const cryptoKey = await importVerifyKey(subtle, candidate, crypto.importParams);
			if (
				await subtle.verify(crypto.signParams, cryptoKey, signature as BufferSource, data as BufferSource)
			) {
				return { status: 'verified', key: candidate, detail: `Verified with the ${candidate.label}.` };
			}
		} catch (error) {
			lastError = unsupported(error, alg) ?? `the ${candidate.label} cannot be imported: ${messageOf(error)}`;
			if (unsupported(error, alg)) return notVerified(`${capitalize(lastError)}.`);
		}
	}
	const tried =
		fitting.length === 1
			? `the ${fitting[0]!.label}`
			: `any of ${fitting.length} keys (${listKeys(fitting)})`;
	const reason =
		lastError && fitting.length === 1
			? `${capitalize(lastError)}.`
			: `The signature does not match ${tried}.`;
	const hint =
		key.kind === 'secret' && alg.family === 'hmac' ? await diagnoseSecret(input, alg, subtle) : undefined;
	return { status: 'invalid', reason, hint, key: fitting.length === 1 ? fitting[0] : undefined };
}

/** Secret encodings people mix up, tried when a text secret fails (the issue of "is my secret base64?"). */
async function diagnoseSecret(
	input: VerifyInput,
	alg: JwsAlgorithm,
	subtle: SubtleCrypto,
): Promise<string | undefined> {
	const { key } = input;
	if (key.kind !== 'secret') return undefined;
	const text = input.secretText ?? '';
	if (text === '') return undefined;
	const attempts: [string, Uint8Array | undefined][] = [];
	const utf8 = new TextEncoder().encode(text);
	if (key.key.source === 'secret-base64')
		attempts.push([
			'verifies if the secret is read as plain text: untick "Secret is base64url encoded"',
			utf8,
		]);
	else {
		const base64 = decodeBase64url(text.trim());
		if (base64.ok && base64.bytes.length > 0)
			attempts.push([
				'verifies if the secret is read as base64: tick "Secret is base64url encoded"',
				base64.bytes,
			]);
	}
	if (/^(?:[0-9a-fA-F]{2})+$/.test(text.trim()))
		attempts.push([
			'verifies if the secret is read as hex bytes: convert it from hex to base64url and tick "Secret is base64url encoded"',
			hexBytes(text.trim()),
		]);
	if (text !== text.trim())
		attempts.push([
			'verifies without the spaces or line breaks around the secret',
			new TextEncoder().encode(text.trim()),
		]);
	const crypto = webCryptoAlgorithm(alg)!;
	const signature = input.decoded.bytes.signature!;
	const data = input.signingInput ?? signingInput(input.decoded);
	for (const [hint, bytes] of attempts) {
		if (!bytes || bytes.length === 0) continue;
		const cryptoKey = await subtle.importKey('raw', bytes as BufferSource, crypto.importParams, false, [
			'verify',
		]);
		if (await subtle.verify(crypto.signParams, cryptoKey, signature as BufferSource, data as BufferSource))
			return `The signature ${hint}.`;
	}
	return undefined;
}

function hexBytes(hex: string): Uint8Array {
	const bytes = new Uint8Array(hex.length / 2);
	for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
	return bytes;
}

/** A strict verifier rejects non-canonical base64url (RFC 7515 §2); say which part is at fault. */
function nonCanonicalPart(decoded: DecodedToken): string | undefined {
	const deviation = decoded.deviations[0];
	if (!deviation) return undefined;
	return `The ${deviation.part} part is not canonical base64url (${deviation.deviations.join(', ')}); a strict verifier rejects the token as it is.`;
}

function unsupported(error: unknown, alg: JwsAlgorithm): string | undefined {
	if (error instanceof Error && error.name === 'NotSupportedError')
		return `this browser's WebCrypto does not support ${alg.family === 'eddsa' ? 'Ed25519' : alg.name}, so it cannot verify this token`;
	return undefined;
}

function listKeys(keys: readonly KeyCandidate[]): string {
	return keys
		.map(
			(k) =>
				`${k.kid !== undefined ? `kid=${k.kid}` : k.label} (${describeKeyInfo(k.info, false)}${k.use ? `, use ${k.use}` : ''}${k.alg ? `, alg ${k.alg}` : ''})`,
		)
		.join(', ');
}

function notVerified(reason: string): Verdict {
	return { status: 'not-verified', reason };
}

/** Every key phrase starts with a vowel sound: "an RSA…", "an EC…", "an Ed25519…", "an HMAC…", "an unknown…". */
function article(phrase: string): string {
	return `an ${phrase}`;
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message || error.name : String(error);
}
