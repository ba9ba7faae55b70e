// Picks and loads the provider of an algorithm: the browser's WebCrypto when it has it, else the bundled library, imported on demand.

import { once } from '../../signature-provider';
import type { ProviderAlgorithm, SignatureProvider } from './types';
import { hasNativeAlgorithm, webCryptoProvider } from './webcrypto';

/** The library provider of each algorithm, each in its own lazily loaded chunk, imported once. */
const libraries: Readonly<Record<ProviderAlgorithm, () => Promise<SignatureProvider>>> = Object.freeze({
	secp256k1: once(() => import('./secp256k1').then((m) => m.secp256k1Provider)),
	Ed25519: once(() => import('./ed25519').then((m) => m.ed25519Provider)),
	Ed448: once(() => import('./ed448').then((m) => m.ed448Provider)),
	'ML-DSA-44': once(() => import('./ml-dsa').then((m) => m.mlDsaProviders['ML-DSA-44'])),
	'ML-DSA-65': once(() => import('./ml-dsa').then((m) => m.mlDsaProviders['ML-DSA-65'])),
	'ML-DSA-87': once(() => import('./ml-dsa').then((m) => m.mlDsaProviders['ML-DSA-87'])),
});

/** The WebCrypto provider of each algorithm per `subtle`, made once the probe has said the browser has it. */
const natives = new WeakMap<SubtleCrypto, Map<ProviderAlgorithm, SignatureProvider>>();

/** Algorithms some browsers implement in WebCrypto; secp256k1 and Ed448 are in none. */
const nativeCandidates = new Set<ProviderAlgorithm>(['Ed25519', 'ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87']);

/**
 * The provider for `algorithm`: WebCrypto's when `subtle` implements it (probed once), else the
 * library's. Pass `subtle: undefined` to force the library.
 */
export async function loadProvider(
	algorithm: ProviderAlgorithm,
	subtle: SubtleCrypto | undefined = globalThis.crypto?.subtle,
): Promise<SignatureProvider> {
	const library = libraries[algorithm];
	if (subtle && nativeCandidates.has(algorithm)) {
		const native = algorithm as 'Ed25519' | 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87';
		if (await hasNativeAlgorithm(native, subtle)) {
			let made = natives.get(subtle);
			if (!made) natives.set(subtle, (made = new Map()));
			let provider = made.get(native);
			if (!provider) made.set(native, (provider = webCryptoProvider(native, subtle, library)));
			return provider;
		}
	}
	return library();
}

/** Loads the library provider, bypassing WebCrypto (tests compare both). */
export function loadLibraryProvider(algorithm: ProviderAlgorithm): Promise<SignatureProvider> {
	return libraries[algorithm]();
}
