// Adapts the raw-key providers to JWS: reads the key's raw bytes, picks WebCrypto or the library, and says which did it.

import { isKeyError } from '../../key-faults';
import type { KeyCandidate } from '../../keys';
import { readRawKey, type RawKey, type RawKeyAlgorithm } from '../../raw-keys';
import { KeyImportError, type LibraryUse, type SignatureProvider } from '../../signature-provider';
import { loadProvider } from './load';
import type { SignatureProvider as RawProvider } from './types';

/** Each key's raw bytes, read once: verifying, naming the library and signing with one key read it once. */
const rawKeys = new WeakMap<KeyCandidate, RawKey>();

/** The raw key of `key`, or a {@link KeyImportError} saying why it has none that `algorithms` take. */
function rawKeyOf(key: KeyCandidate, algorithms: readonly RawKeyAlgorithm[]): RawKey {
	let raw = rawKeys.get(key);
	if (!raw)
		try {
			raw = readRawKey(key);
			rawKeys.set(key, raw);
		} catch (error) {
			if (isKeyError(error)) throw new KeyImportError('rejected', error.message, { cause: error });
			throw error;
		}
	if (!algorithms.includes(raw.algorithm))
		throw new KeyImportError('rejected', `the key is a ${raw.algorithm} key, not ${algorithms.join(' or ')}`);
	return raw;
}

async function publicKeyOf(raw: RawKey, provider: RawProvider): Promise<Uint8Array> {
	try {
		const publicKey = raw.publicKey ?? (await provider.publicKeyOf(raw.privateKey!));
		if (provider.isValidPublicKey && !(await provider.isValidPublicKey(publicKey)))
			throw new KeyImportError('rejected', `the public key is not a point on ${raw.algorithm}`);
		return publicKey;
	} catch (error) {
		if (error instanceof KeyImportError) throw error;
		throw new KeyImportError('rejected', `the ${raw.algorithm} private key is not valid`, { cause: error });
	}
}

/** The raw provider of `algorithm`; a library chunk that cannot be fetched (offline, never cached) is `unsupported`. */
async function load(algorithm: RawKeyAlgorithm, subtle: SubtleCrypto | undefined): Promise<RawProvider> {
	try {
		return await loadProvider(algorithm, subtle);
	} catch (error) {
		throw new KeyImportError('unsupported', `the ${algorithm} code could not be loaded`, { cause: error });
	}
}

/**
 * A JWS signature provider for keys of `algorithms`, computing with the browser's WebCrypto where it has the
 * algorithm and with the bundled library otherwise (raw/load.ts decides, once per algorithm).
 */
export function rawKeyProvider(
	algorithms: readonly RawKeyAlgorithm[],
	subtle: () => SubtleCrypto | undefined = () => globalThis.crypto?.subtle,
): SignatureProvider {
	return Object.freeze({
		async verify({ key, signature, data }) {
			const raw = rawKeyOf(key, algorithms);
			const provider = await load(raw.algorithm, subtle());
			return provider.verify(await publicKeyOf(raw, provider), data, signature);
		},
		async sign({ key, data }) {
			const raw = rawKeyOf(key, algorithms);
			if (!raw.privateKey) throw new KeyImportError('rejected', 'a public key cannot sign');
			const provider = await load(raw.algorithm, subtle());
			return provider.sign(raw.privateKey, data);
		},
		async prepare() {
			await Promise.all(algorithms.map((algorithm) => load(algorithm, subtle()).catch(() => undefined)));
		},
		async libraryFor(key: KeyCandidate): Promise<LibraryUse | undefined> {
			const raw = rawKeyOf(key, algorithms);
			const provider = await load(raw.algorithm, subtle());
			if (provider.implementation === 'webcrypto') return undefined;
			return {
				library: provider.implementation,
				algorithm: raw.algorithm.startsWith('ML-DSA') ? 'ML-DSA' : raw.algorithm,
			};
		},
	} satisfies SignatureProvider);
}
