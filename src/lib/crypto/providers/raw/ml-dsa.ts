// ML-DSA-44/65/87 (FIPS 204, RFC 9964) with @noble/post-quantum, for browsers whose WebCrypto lacks ML-DSA.

import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js';
import { safely, type ProviderAlgorithm, type SignatureProvider } from './types';

/** The byte sizes of one ML-DSA parameter set (FIPS 204 Table 2). */
export interface MlDsaSizes {
	readonly publicKey: number;
	readonly expandedKey: number;
	readonly signature: number;
}

const SEED_BYTES = 32;

/**
 * ML-DSA with the empty context string, as JOSE uses it (RFC 9964 §3, FIPS 204 §5.2). The private
 * key is the 32-byte seed, or the expanded `sk` when that is all a PKCS#8 key holds (RFC 9881 §6).
 */
function mlDsa(
	algorithm: ProviderAlgorithm,
	dsa: typeof ml_dsa44,
): SignatureProvider & { readonly sizes: MlDsaSizes } {
	const secretKeyOf = (privateKey: Uint8Array) =>
		privateKey.length === SEED_BYTES ? dsa.keygen(privateKey).secretKey : privateKey;
	return Object.freeze({
		algorithm,
		implementation: 'noble-post-quantum',
		sizes: Object.freeze({
			publicKey: dsa.lengths.publicKey!,
			expandedKey: dsa.lengths.secretKey!,
			signature: dsa.lengths.signature!,
		}),
		verify: (publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array) =>
			safely(() => dsa.verify(signature, data, publicKey)),
		sign: async (privateKey: Uint8Array, data: Uint8Array) => dsa.sign(data, secretKeyOf(privateKey)),
		publicKeyOf: async (privateKey: Uint8Array) =>
			privateKey.length === SEED_BYTES ? dsa.keygen(privateKey).publicKey : dsa.getPublicKey(privateKey),
		generate: async () => {
			const seed = globalThis.crypto.getRandomValues(new Uint8Array(SEED_BYTES));
			return { privateKey: seed, publicKey: dsa.keygen(seed).publicKey };
		},
	} satisfies SignatureProvider & { sizes: MlDsaSizes });
}

/** The three ML-DSA parameter sets of RFC 9964 §2. */
export const mlDsaProviders = Object.freeze({
	'ML-DSA-44': mlDsa('ML-DSA-44', ml_dsa44),
	'ML-DSA-65': mlDsa('ML-DSA-65', ml_dsa65),
	'ML-DSA-87': mlDsa('ML-DSA-87', ml_dsa87),
});
