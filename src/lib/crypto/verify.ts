// Verifies a compact JWS with the key a person gave, over WebCrypto, and says which key did it or why none could.

import { findJwsAlgorithm, implementationFor, isNoneAlgorithm, type JwsAlgorithm } from '../jwt/algorithms';
import { decodeBase64url } from '../encoding/base64url';
import { signingInput, type DecodedToken } from '../jwt/decode';
import { stringMember } from '../jwt/json';
import { describeKeyInfo, type KeyCandidate, type ParsedKey } from './keys';
import { isDerEcdsaSignature } from '../encoding/ecdsa';
import { describeKeyMisfit, describeLibraryUse } from './messages';
import { loadProvider } from './providers';
import { KeyImportError, type LibraryUse } from './signature-provider';
import { selectKeys } from './select-keys';

/** The verdict behind the `Signature` status (ui-contract.md "Verdict"). */
export type Verdict =
	| { readonly status: 'not-verified'; readonly reason: string }
	| {
			readonly status: 'verified';
			readonly key: KeyCandidate;
			readonly detail: string;
			/** The library that checked the signature, when it was not the browser's WebCrypto. */
			readonly library?: LibraryUse;
	  }
	| {
			readonly status: 'invalid';
			readonly reason: string;
			/** A way to make it verify that was found by trying (the secret's encoding, say). */
			readonly hint?: string;
			readonly key?: KeyCandidate;
	  };

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
	const algName = stringMember(decoded.header.root, 'alg');
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
	if (alg.implementation.kind === 'unavailable')
		return notVerified(
			`This page has no implementation of ${alg.name}, so it cannot verify this token.`,
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

	const kid = stringMember(decoded.header.root, 'kid');
	const selection = selectKeys(key, { kid, alg: alg.name, operation: 'verify' });
	if (selection.code === 'kid-not-found')
		return {
			status: 'invalid',
			reason: `The JWKS has no key with kid "${selection.kid}". It holds: ${listKeys(selection.keys)}.`,
		};
	if (selection.code === 'no-fitting-key') {
		const { matches } = selection;
		const reasons = matches.map((m) => describeKeyMisfit(m.misfits[0]!, m.key));
		if (matches.length === 1)
			return { status: 'invalid', reason: `${capitalize(reasons[0]!)}.`, key: matches[0]!.key };
		return {
			status: 'invalid',
			reason: `No key in the set fits ${alg.name}: ${matches.map((m, i) => `${m.key.label}: ${reasons[i]}`).join('; ')}.`,
		};
	}
	if (selection.code !== 'selected')
		return { status: 'invalid', reason: 'The key cannot be read, so it verifies nothing.' };
	const fitting = selection.keys;

	const data = input.signingInput ?? signingInput(decoded);
	let lastError: string | undefined;
	for (const candidate of fitting) {
		try {
			const provider = await loadProvider(alg, candidate, subtle);
			if (!provider)
				return notVerified(`This page has no implementation of ${alg.name} for the ${candidate.label}.`);
			if (await provider.verify({ alg, key: candidate, signature, data })) {
				const library = await provider.libraryFor?.(candidate);
				const detail = `Verified with the ${candidate.label}${library ? `, ${describeLibraryUse(library)}` : ''}.`;
				return { status: 'verified', key: candidate, detail, ...(library ? { library } : {}) };
			}
		} catch (error) {
			if (error instanceof KeyImportError && error.reason === 'unsupported')
				return notVerified(
					`This browser's WebCrypto does not support ${alg.family === 'eddsa' ? 'Ed25519' : alg.name}, so it cannot verify this token.`,
				);
			lastError = `the ${candidate.label} cannot be imported: ${error instanceof Error ? error.message : String(error)}`;
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
	const implementation = implementationFor(alg);
	if (implementation.kind !== 'webcrypto') return undefined;
	const params = implementation.import as AlgorithmIdentifier;
	const signParams = implementation.sign as AlgorithmIdentifier;
	const signature = input.decoded.bytes.signature!;
	const data = input.signingInput ?? signingInput(input.decoded);
	for (const [hint, bytes] of attempts) {
		if (!bytes || bytes.length === 0) continue;
		const cryptoKey = await subtle.importKey('raw', bytes as BufferSource, params, false, ['verify']);
		if (await subtle.verify(signParams, cryptoKey, signature as BufferSource, data as BufferSource))
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

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
