// The RFC 7638 thumbprint of each key a person gave, for naming it: from its JWK, or from the JWK form of a PEM key.

import { KeyFormatError } from '../encoding/key-format-error';
import { spkiPublicJwk } from './key-formats';
import type { KeyCandidate, ParsedKey } from './keys';
import { encodeJwk, rawKeyAlgorithm, readRawKey } from './raw-keys';
import { KeyImportError } from './signature-provider';
import { jwkThumbprint } from './thumbprint';

/** Keys of a set that get a thumbprint: a set of thousands is named by kid or place beyond these. */
const MAX_THUMBPRINTS = 256;

/** Each candidate with its thumbprint, once per candidate: the key text is read again only when it changes. */
const named = new WeakMap<KeyCandidate, Promise<KeyCandidate>>();

/**
 * `parsed` with the RFC 7638 thumbprint (SHA-256, base64url) set on every key that has a JWK form: RSA, EC, OKP
 * and AKP keys (RFC 9964 §4 names AKP's members), whether given as JWK or PEM. Secrets get none: a thumbprint of an
 * `oct` key is a hash of the secret, which lets anyone test guesses of it offline. Never throws for a key the
 * browser refuses; that key simply has no thumbprint.
 */
export async function withThumbprints(
	parsed: ParsedKey,
	subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<ParsedKey> {
	if (parsed.kind !== 'keys') return parsed;
	const keys = await Promise.all(
		parsed.keys.map((key, i) => (i < MAX_THUMBPRINTS ? withThumbprint(key, subtle) : key)),
	);
	return { ...parsed, keys };
}

/** `key` with its thumbprint, when it has one (see {@link withThumbprints}). */
export function withThumbprint(
	key: KeyCandidate,
	subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<KeyCandidate> {
	if (key.thumbprint !== undefined || key.info.kty === 'oct' || key.info.kty === 'unknown')
		return Promise.resolve(key);
	let result = named.get(key);
	if (!result) {
		result = keyThumbprint(key, subtle).then((thumbprint) =>
			thumbprint === undefined ? key : { ...key, thumbprint },
		);
		named.set(key, result);
	}
	return result;
}

/**
 * The RFC 7638 §3 thumbprint of `key`'s public JWK; undefined for secrets, keys of unknown type, and keys whose
 * public part cannot be had (a compressed secp256k1 point, a key the browser refuses).
 */
export async function keyThumbprint(
	key: KeyCandidate,
	subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<string | undefined> {
	if (key.info.kty === 'oct' || key.info.kty === 'unknown') return undefined;
	try {
		const jwk = key.jwk ?? (await publicJwkOf(key, subtle));
		return jwk && (await jwkThumbprint(jwk, subtle));
	} catch (error) {
		if (isRefusal(error)) return undefined;
		throw error;
	}
}

/** The public JWK of a PEM key: from its raw bytes for the algorithms WebCrypto may lack, else WebCrypto's export. */
async function publicJwkOf(
	key: KeyCandidate,
	subtle: SubtleCrypto,
): Promise<Record<string, unknown> | undefined> {
	const raw = rawKeyAlgorithm(key.info);
	if (raw) {
		const bytes = readRawKey(key);
		let publicKey = bytes.publicKey;
		if (!publicKey && bytes.privateKey) {
			// A PKCS#8 key without its public key (RFC 5958 §2 makes it optional): derive it with the provider,
			// whose chunk the verdict loads anyway.
			const { loadProvider } = await import('./providers/raw/load');
			publicKey = await (await loadProvider(raw, subtle)).publicKeyOf(bytes.privateKey);
		}
		return publicKey && encodeJwk(raw, publicKey);
	}
	// RSA and uncompressed EC public keys are read from their DER: no WebCrypto import and export to wait for.
	const fromDer = key.spki && spkiPublicJwk(key.spki);
	if (fromDer) return fromDer;
	const params = importParams(key.info);
	if (!params) return undefined;
	const cryptoKey = key.spki
		? await subtle.importKey('spki', key.spki as BufferSource, params.algorithm, true, params.publicUsages)
		: key.pkcs8
			? await subtle.importKey(
					'pkcs8',
					key.pkcs8 as BufferSource,
					params.algorithm,
					true,
					params.privateUsages,
				)
			: undefined;
	return cryptoKey && ((await subtle.exportKey('jwk', cryptoKey)) as Record<string, unknown>);
}

/** How WebCrypto imports each remaining key type; any of its algorithms exports the same JWK members. */
function importParams(info: KeyCandidate['info']):
	| {
			algorithm: AlgorithmIdentifier | RsaHashedImportParams | EcKeyImportParams;
			publicUsages: KeyUsage[];
			privateUsages: KeyUsage[];
	  }
	| undefined {
	switch (info.kty) {
		case 'RSA':
			return {
				algorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
				publicUsages: ['verify'],
				privateUsages: ['sign'],
			};
		case 'EC':
			return {
				algorithm: { name: 'ECDSA', namedCurve: info.crv },
				publicUsages: ['verify'],
				privateUsages: ['sign'],
			};
		case 'OKP':
			// X25519 and X448 (Ed25519 and Ed448 are raw-key algorithms, above).
			return { algorithm: { name: info.crv }, publicUsages: [], privateUsages: ['deriveBits'] };
		default:
			return undefined;
	}
}

/** A key the browser or our readers refuse, or a provider chunk that cannot load: the key has no thumbprint. */
function isRefusal(error: unknown): boolean {
	if (error instanceof KeyFormatError || error instanceof KeyImportError) return true;
	// WebCrypto §14.3.9: DataError and friends for key material it refuses, NotSupportedError for an algorithm it
	// lacks; a failed dynamic import is a TypeError.
	return (
		error instanceof Error &&
		/^(DataError|InvalidAccessError|NotSupportedError|TypeError|SyntaxError|OperationError)$/.test(error.name)
	);
}
