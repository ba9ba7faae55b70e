// The code the page loads after first paint, once for every token view: verification, the review, claim docs.

import type { ClaimDocs, FindingReview } from '$lib/jwt';
// Type-only: the crypto code loads after first paint (see loadCrypto).
import type * as CryptoModule from '$lib/crypto';
import type * as BesideModule from '$lib/jwt/beside';
// Type-only: findings and profiles load after first paint (see loadReview).
import type * as JudgeModule from '$lib/jwt/judge';
// Type-only: JWE decryption (and jose with it) loads only when a JWE appears (see loadJwe).
import type * as JweModule from '$lib/crypto/jwe';
// Type-only: the SD-JWT code loads only when a token with a `~` appears (see loadSdJwt).
import type * as SdJwtCore from '$lib/jwt/sd-jwt';
import type * as SdJwtCrypto from '$lib/crypto/sd-jwt';

export type Crypto = typeof CryptoModule;
export type Beside = typeof BesideModule;
export type Judge = typeof JudgeModule;
export type Jwe = typeof JweModule;
/** The SD-JWT core and its WebCrypto side, loaded only when a token with a `~` appears. */
export interface SdJwtModules {
	readonly core: typeof SdJwtCore;
	readonly crypto: typeof SdJwtCrypto;
}

/** Lazily loaded modules, each `undefined` until it has arrived; state derived from them follows when it does. */
export class Modules {
	/** Verification, signing and key parsing. */
	crypto = $state.raw<Crypto | undefined>();
	/** The findings engine with the whole review, and the token profiles: what judges a token. */
	judge = $state.raw<Judge | undefined>();
	/** The security review beyond the basic findings (part of `judge`). */
	review = $state.raw<FindingReview | undefined>();
	/** The claims reference, which documents the claims table's rows. */
	docs = $state.raw<ClaimDocs | undefined>();
	/** JWE decryption and re-encryption; jose comes with it on first decryption. */
	jwe = $state.raw<Jwe | undefined>();
	#jwe?: Promise<Jwe>;
	/**
	 * The diff, share links and report, for a related token and for sharing. DebuggerState.loadBeside sets it,
	 * loading it with the state built on it.
	 */
	beside = $state.raw<Beside | undefined>();
	#crypto?: Promise<Crypto>;
	/** SD-JWT processing, key binding and presentations. */
	sdJwt = $state.raw<SdJwtModules | undefined>();
	#sdJwt?: Promise<SdJwtModules>;
	#review?: Promise<FindingReview>;
	#docs?: Promise<ClaimDocs>;

	/** Loads verification, signing and key parsing (once); the page asks right after first paint. */
	loadCrypto(): Promise<Crypto> {
		this.#crypto ??= import('$lib/crypto').then((module) => (this.crypto = module));
		return this.#crypto;
	}

	/**
	 * Loads what judges a token (once): the findings with the whole review (header, signature, claims, sensitive
	 * data, JWE) and the token profiles. The page asks right after first paint; until then a token shows decoded,
	 * without findings.
	 */
	loadReview(): Promise<FindingReview> {
		this.#review ??= import('$lib/jwt/judge').then((module) => {
			this.judge = module;
			return (this.review = module.review);
		});
		return this.#review;
	}

	/** Loads JWE decryption (once), when a JWE is first shown: a page that never sees one never loads it. */
	loadJwe(): Promise<Jwe> {
		this.#jwe ??= import('$lib/crypto/jwe').then((module) => (this.jwe = module));
		return this.#jwe;
	}

	/** Loads the claims reference (once). */
	loadDocs(): Promise<ClaimDocs> {
		this.#docs ??= import('$lib/jwt/claim-docs').then((module) => (this.docs = module));
		return this.#docs;
	}

	/** Loads the SD-JWT code (once), when the first SD-JWT appears: it is no part of first load. */
	loadSdJwt(): Promise<SdJwtModules> {
		this.#sdJwt ??= Promise.all([import('$lib/jwt/sd-jwt'), import('$lib/crypto/sd-jwt')]).then(
			([core, crypto]) => (this.sdJwt = { core, crypto }),
		);
		return this.#sdJwt;
	}
}
