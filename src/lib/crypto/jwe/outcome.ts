// What decrypting a JWE can end in, as data: the plaintext and the key that opened it, or a failure code with what lies behind it.

import type { PartName } from '../../jwt/errors';
import type { PlaintextView } from '../../jwt/jwe/plaintext';
import type { KeyCandidate, KeyProblem } from '../keys';

/** A browser feature some JWEs need and some browsers lack (Chromium: no 192-bit AES). */
export type BrowserFeature = 'aes-192' | 'x25519' | 'x448' | 'deflate-raw';

/** How a key was read for decryption, for the verdict's provenance. */
export type DecryptionKeySource =
	| KeyCandidate['source']
	/** PBES2: the text as a UTF-8 password (RFC 7518 §4.8.1). */
	| 'password'
	/** `dir` or AES key wrap: base64url key bytes. */
	| 'key-base64url'
	/** `dir` or AES key wrap: the text's UTF-8 bytes, because they are exactly the size needed. */
	| 'key-text';

/** A key that can be tried: where it came from, what a person reads about it, and the material for jose. */
export interface DecryptionKey {
	readonly source: DecryptionKeySource;
	/** E.g. "JWK kid=enc-1 (RSA 2048, private)", "key of 16 bytes (base64url)". Never the key itself. */
	readonly label: string;
	readonly kid?: string;
	/** The parsed key, for PEM and JWK input. */
	readonly candidate?: KeyCandidate;
	/**
	 * What jose is given: a private JWK, a CryptoKey imported from PEM, or raw bytes (AES key, CEK for `dir`,
	 * password for PBES2). Kept in memory only, like `Secret or key`; re-encryption derives the public key from it.
	 */
	readonly material: JsonWebKey | CryptoKey | Uint8Array;
}

/** Why one key cannot decrypt this JWE, before anything is tried. */
export type KeyMismatch =
	| { readonly code: 'key-is-public'; readonly key: string }
	| { readonly code: 'wrong-key-type'; readonly key: string; readonly needs: string }
	| { readonly code: 'wrong-key-size'; readonly key: string; readonly bytes: number; readonly needs: number }
	| { readonly code: 'rsa-key-too-small'; readonly key: string; readonly bits: number }
	| {
			readonly code: 'key-not-for-alg';
			readonly key: string;
			readonly member: 'use' | 'alg' | 'key_ops';
			readonly value: string;
	  };

/** Every way decryption can fail, each with the data its message needs (messages.ts). */
export type DecryptionFailure =
	| { readonly code: 'key-unreadable'; readonly problem: KeyProblem }
	| { readonly code: 'not-a-jwe' }
	| { readonly code: 'header-unreadable' }
	| { readonly code: 'unknown-alg'; readonly alg?: string }
	| { readonly code: 'unknown-enc'; readonly enc?: string }
	| { readonly code: 'rsa1-5' }
	| { readonly code: 'unsupported-zip'; readonly zip: string }
	| { readonly code: 'p2c-over-cap'; readonly p2c: number; readonly cap: number }
	| { readonly code: 'bad-header-member'; readonly member: string; readonly expected: string }
	| { readonly code: 'bad-part'; readonly part: PartName; readonly bytes: number; readonly expected: string }
	| { readonly code: 'browser-lacks'; readonly feature: BrowserFeature; readonly needed: string }
	| { readonly code: 'no-kid-match'; readonly kid: string; readonly available: readonly string[] }
	| KeyMismatch
	| { readonly code: 'no-fitting-key'; readonly mismatches: readonly KeyMismatch[] }
	| {
			readonly code: 'tag-mismatch';
			readonly tried: readonly string[];
			/** Fitting keys left untried (over MAX_KEYS_TRIED). */
			readonly untried?: number;
	  }
	| { readonly code: 'zip-too-large'; readonly limit: number }
	| { readonly code: 'zip-invalid' }
	| { readonly code: 'crypto-refused'; readonly key: string; readonly errorName: string };

/** The outcome behind the `Decryption` status (ui-contract.md "JWE"). */
export type Decryption =
	| { readonly status: 'not-decrypted' }
	| {
			readonly status: 'decrypted';
			readonly key: DecryptionKey;
			readonly plaintext: Uint8Array;
			readonly view: PlaintextView;
	  }
	| { readonly status: 'failed'; readonly failure: DecryptionFailure };

/** Every failure code, for tests and for the messages table to be complete. */
export type DecryptionFailureCode = DecryptionFailure['code'];
