// What an implementation of JWS signatures offers (WebCrypto or a provider module), how it refuses a key, and how
// provider code is loaded once.

import type { JwsAlgorithm } from '../jwt/algorithms';
import type { KeyCandidate } from './keys';

/** What verifying needs: the `alg`'s row, the key, the signature bytes and the JWS signing input (RFC 7515 §5.2). */
export interface VerifyRequest {
	readonly alg: JwsAlgorithm;
	readonly key: KeyCandidate;
	readonly signature: Uint8Array;
	readonly data: Uint8Array;
}

/** What signing needs (RFC 7515 §5.1). */
export interface SignRequest {
	readonly alg: JwsAlgorithm;
	readonly key: KeyCandidate;
	readonly data: Uint8Array;
}

/**
 * One implementation of JWS signatures. A key it cannot take throws {@link KeyImportError}; a signature that
 * does not match is `false`, not an error.
 */
export interface SignatureProvider {
	verify(request: VerifyRequest): Promise<boolean>;
	sign(request: SignRequest): Promise<Uint8Array>;
	/**
	 * The library bundled in this page that computes `key`'s signatures, when it is not the browser's WebCrypto
	 * (the verdict says so); undefined when WebCrypto does the work.
	 */
	libraryFor?(key: KeyCandidate): Promise<LibraryUse | undefined>;
	/**
	 * Does ahead of time what the first verification would otherwise wait for: finding out once whether the
	 * browser's WebCrypto has the algorithm, and loading the library when it has not. Never rejects.
	 */
	prepare?(): Promise<void>;
}

/** A library doing what the browser's WebCrypto cannot: which one, and for which algorithm (`ML-DSA`, `secp256k1`…). */
export interface LibraryUse {
	readonly library: 'noble-curves' | 'noble-post-quantum';
	/** The algorithm as people name it: `secp256k1`, `Ed25519`, `Ed448` or `ML-DSA`. */
	readonly algorithm: string;
}

/**
 * A key an implementation refused to take: `reason` says what is wrong with it as data. `unsupported` means
 * the implementation lacks the algorithm (a browser without Ed25519, say), not that the key is bad.
 */
export class KeyImportError extends Error {
	constructor(
		readonly reason: 'rejected' | 'unsupported',
		message: string,
		options?: ErrorOptions,
	) {
		super(message, options);
		this.name = new.target.name;
	}
}

/**
 * Provider code loaded once: `load` run once, its promise kept for every later call; a rejection (a chunk that could not be fetched) is not
 * kept, so the next call tries again.
 */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
	let promise: Promise<T> | undefined;
	return () =>
		(promise ??= load().catch((error: unknown) => {
			promise = undefined;
			throw error;
		}));
}
