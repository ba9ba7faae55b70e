// The shape of a signature provider: verify, sign and generate over raw key material, whoever implements them.

/** Who computes a signature: the browser's WebCrypto or a library bundled in this page. */
export type Implementation = 'webcrypto' | 'noble-curves' | 'noble-post-quantum';

/** The signature algorithms served by providers, named as their JOSE key types name them. */
export type ProviderAlgorithm = 'secp256k1' | 'Ed25519' | 'Ed448' | 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87';

/** A freshly generated key pair, as raw bytes. */
export interface RawKeyPair {
	readonly publicKey: Uint8Array;
	readonly privateKey: Uint8Array;
}

/**
 * One algorithm's signature operations over raw keys. Public keys: a SEC1 point for secp256k1
 * (SEC 1 §2.3.3), the RFC 8032 encoding for Ed25519/Ed448, the FIPS 204 `pk` for ML-DSA. Private
 * keys: the 32-byte scalar, the RFC 8032 seed, or the ML-DSA 32-byte seed `ξ` (FIPS 204 §6.1) or,
 * when only that is known, the expanded `sk`.
 */
export interface SignatureProvider {
	readonly algorithm: ProviderAlgorithm;
	readonly implementation: Implementation;
	/** Whether `signature` is valid for `data`; false for malformed keys or signatures, never a throw. */
	verify(publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): Promise<boolean>;
	/** The JOSE signature of `data` (r‖s for ECDSA, RFC 7518 §3.4). */
	sign(privateKey: Uint8Array, data: Uint8Array): Promise<Uint8Array>;
	/** The public key of a private key. */
	publicKeyOf(privateKey: Uint8Array): Promise<Uint8Array>;
	/** A new random key pair; the private key is in its shortest form (scalar or seed). */
	generate(): Promise<RawKeyPair>;
	/** Whether `publicKey` is a valid point, for algorithms whose verify would otherwise only say "no". */
	isValidPublicKey?(publicKey: Uint8Array): Promise<boolean>;
}

/** Runs a check that may throw on malformed input; any throw means "not valid". */
export function safely(check: () => boolean | Promise<boolean>): Promise<boolean> {
	try {
		return Promise.resolve(check()).catch(() => false);
	} catch {
		return Promise.resolve(false);
	}
}
