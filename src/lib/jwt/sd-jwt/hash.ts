// The hash algorithms an SD-JWT may name in `_sd_alg` (RFC 9901 §4.1.1), and digests of disclosures and presentations.

import { encodeBase64url } from '../../encoding/base64url';

/** The hashes a digest function must compute: the ones WebCrypto has among the registered names. */
export type DigestAlgorithm = 'sha-256' | 'sha-384' | 'sha-512';

/**
 * Computes a hash; injected so the core stays free of WebCrypto (crypto/sd-jwt.ts passes
 * `crypto.subtle.digest`, tests may pass anything).
 */
export type Digest = (alg: DigestAlgorithm, bytes: Uint8Array) => Promise<Uint8Array>;

/** What the page knows of one `_sd_alg` value. */
export interface SdHashAlgorithm {
	readonly name: string;
	/** The hash computed, and how many of its bytes are kept (truncated names keep fewer). */
	readonly compute?: { readonly alg: DigestAlgorithm; readonly bytes: number };
	/** A digest this short, or a broken hash: a holder could find a second disclosure with the same digest. */
	readonly weak: boolean;
	/** In the IANA "Named Information Hash Algorithm" registry, which `_sd_alg` must name (RFC 9901 §4.1.1). */
	readonly registered: boolean;
}

const full = (name: DigestAlgorithm, bytes: number): SdHashAlgorithm =>
	Object.freeze({ name, compute: Object.freeze({ alg: name, bytes }), weak: false, registered: true });
const truncated = (bits: number): SdHashAlgorithm =>
	Object.freeze({
		name: `sha-256-${bits}`,
		compute: Object.freeze({ alg: 'sha-256' as const, bytes: bits / 8 }),
		weak: true,
		registered: true,
	});
const registeredOnly = (name: string): SdHashAlgorithm =>
	Object.freeze({ name, weak: false, registered: true });
const unregisteredWeak = (name: string): SdHashAlgorithm =>
	Object.freeze({ name, weak: true, registered: false });

/**
 * Every `_sd_alg` value the page recognises: the registry's names (RFC 6920 §9.4 and its IANA
 * registry), truncated SHA-256 among them, and the broken hashes people write by mistake.
 */
export const sdHashAlgorithms: Readonly<Record<string, SdHashAlgorithm>> = Object.freeze(
	Object.fromEntries(
		[
			full('sha-256', 32),
			full('sha-384', 48),
			full('sha-512', 64),
			...[128, 120, 96, 64, 32].map(truncated),
			...['sha3-224', 'sha3-256', 'sha3-384', 'sha3-512', 'blake2s-256', 'blake2b-256', 'blake2b-512'].map(
				registeredOnly,
			),
			...['k12-256', 'k12-512'].map(registeredOnly),
			...['sha-1', 'sha1', 'md5'].map(unregisteredWeak),
		].map((alg) => [alg.name, alg]),
	),
);

/** `_sd_alg` when absent (RFC 9901 §4.1.1). */
export const DEFAULT_SD_ALG = 'sha-256';

/** The table row for an `_sd_alg` value; undefined for names the page has never heard of (case matters). */
export function findSdHashAlgorithm(name: string): SdHashAlgorithm | undefined {
	return Object.hasOwn(sdHashAlgorithms, name) ? sdHashAlgorithms[name] : undefined;
}

/**
 * The base64url digest of `text`'s ASCII (a disclosure as presented, or the presented SD-JWT for
 * `sd_hash`), by `alg`; undefined when the page cannot compute `alg` (RFC 9901 §4.2.3, §4.3.1).
 */
export async function digestText(
	text: string,
	alg: SdHashAlgorithm,
	digest: Digest,
): Promise<string | undefined> {
	if (!alg.compute) return undefined;
	const hash = await digest(alg.compute.alg, new TextEncoder().encode(text));
	return encodeBase64url(hash.subarray(0, alg.compute.bytes));
}
