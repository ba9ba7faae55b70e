// JWS signatures over the browser's WebCrypto (`crypto.subtle`), with the parameters the algorithm table gives.

import type { Implementation } from '../jwt/algorithms';
import type { KeyCandidate } from './keys';
import { KeyImportError, type SignatureProvider } from './signature-provider';

type WebCrypto = Extract<Implementation, { kind: 'webcrypto' }>;

/** A provider that verifies and signs with `subtle`, importing keys with `implementation.import`. */
export function webCryptoProvider(subtle: SubtleCrypto, implementation: WebCrypto): SignatureProvider {
	const params = implementation.sign as AlgorithmIdentifier;
	return {
		verify: ({ key, signature, data }) =>
			refusing(async () => {
				const cryptoKey = await importVerifyKey(subtle, key, implementation.import);
				return subtle.verify(params, cryptoKey, signature as BufferSource, data as BufferSource);
			}),
		sign: ({ key, data }) =>
			refusing(async () => {
				const cryptoKey = await importSignKey(subtle, key, implementation.import);
				return new Uint8Array(await subtle.sign(params, cryptoKey, data as BufferSource));
			}),
	};
}

/** Runs a WebCrypto call, turning its refusal of the key into a {@link KeyImportError}. */
async function refusing<T>(run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (error) {
		if (error instanceof KeyImportError) throw error;
		// WebCrypto §14.3.9: NotSupportedError for an algorithm the browser lacks; DataError (or a TypeError
		// for a malformed JWK) for key material it refuses.
		if (error instanceof Error && error.name === 'NotSupportedError')
			throw new KeyImportError('unsupported', error.message, { cause: error });
		if (
			error instanceof Error &&
			/^(DataError|InvalidAccessError|TypeError|SyntaxError|OperationError)$/.test(error.name)
		)
			throw new KeyImportError('rejected', error.message || error.name, { cause: error });
		throw error;
	}
}

/** Imports the public half of `key` (or the secret) for verifying. */
async function importVerifyKey(
	subtle: SubtleCrypto,
	key: KeyCandidate,
	params: WebCrypto['import'],
): Promise<CryptoKey> {
	const algorithm = params as AlgorithmIdentifier;
	if (key.secret) return subtle.importKey('raw', key.secret as BufferSource, algorithm, false, ['verify']);
	if (key.spki) return subtle.importKey('spki', key.spki as BufferSource, algorithm, false, ['verify']);
	if (key.pkcs8) {
		// A private key verifies through its public part: export it as a JWK and drop the private members.
		const privateKey = await subtle.importKey('pkcs8', key.pkcs8 as BufferSource, algorithm, true, ['sign']);
		const jwk = await subtle.exportKey('jwk', privateKey);
		return subtle.importKey('jwk', publicJwk(jwk as Record<string, unknown>), algorithm, false, ['verify']);
	}
	if (key.jwk) return subtle.importKey('jwk', publicJwk(key.jwk), algorithm, false, ['verify']);
	throw new KeyImportError('rejected', 'the key has no material to import');
}

/** Imports the secret or private key of `key` for signing. */
async function importSignKey(
	subtle: SubtleCrypto,
	key: KeyCandidate,
	params: WebCrypto['import'],
): Promise<CryptoKey> {
	const algorithm = params as AlgorithmIdentifier;
	if (key.secret) return subtle.importKey('raw', key.secret as BufferSource, algorithm, false, ['sign']);
	if (key.pkcs8) return subtle.importKey('pkcs8', key.pkcs8 as BufferSource, algorithm, false, ['sign']);
	if (key.jwk) {
		// Only the key's own members: "alg", "use" and "key_ops" were already checked by selectKeys.
		const { alg: _alg, use: _use, key_ops: _ops, ext: _ext, ...jwk } = key.jwk;
		return subtle.importKey('jwk', jwk as JsonWebKey, algorithm, false, ['sign']);
	}
	throw new KeyImportError('rejected', 'a public key cannot sign');
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
