// What can be wrong with one key (a PEM block or a JWK), as codes and data; the words are in messages.ts.

import { DerError } from '../encoding/der';
import { derFault, KeyFormatError, type FormatFault } from '../encoding/key-format-error';
import { FaultError } from '../encoding/fault-error';

/** Why one PEM block or JWK cannot be used as a key. */
export type KeyFault =
	/** The DER inside is not the structure its label promises: which structure, which field, where, what was found. */
	| FormatFault
	| { readonly code: 'not-a-key'; readonly label: string }
	| { readonly code: 'encrypted' }
	| { readonly code: 'not-object' }
	| { readonly code: 'no-kty' }
	/** `kty` as written in JSON: `"rsa"`, `5`. */
	| { readonly code: 'unknown-kty'; readonly kty: string }
	/** JWK members that are missing or not base64url (RFC 7517 §4, RFC 7518 §6). */
	| { readonly code: 'members-missing'; readonly members: readonly string[] }
	| { readonly code: 'member-empty'; readonly member: string }
	/** `crv` as written in JSON (`"P-257"`), or undefined when the member is missing. */
	| { readonly code: 'unknown-curve'; readonly kty: 'EC' | 'OKP'; readonly crv?: string }
	/** A coordinate or private value of the wrong length for its curve (RFC 7518 §6.2.1.2, §6.2.2.1; RFC 8037 §2). */
	| {
			readonly code: 'member-length';
			readonly member: string;
			readonly crv: string;
			readonly bytes: number;
			readonly expected: number;
	  }
	/** RFC 8017 §3.1: e is odd and at least 3; `value` when small enough to show. */
	| { readonly code: 'rsa-exponent'; readonly value?: number }
	/** A modulus too small, or even, to be the product of two primes (RFC 8017 §3.1). */
	| { readonly code: 'rsa-modulus'; readonly bits: number; readonly even: boolean; readonly minimum: number }
	/** RFC 7518 §6.3.2: with any of p, q, dp, dq, qi present, all must be. */
	| { readonly code: 'rsa-private-incomplete'; readonly missing: readonly string[] }
	/** More than two primes (RFC 8017 §3.2 version 1), which WebCrypto does not take. */
	| { readonly code: 'rsa-multi-prime' }
	/** n ≠ p·q, or d, dP, dQ, qInv do not follow from them (RFC 8017 §3.2): the key was changed or cut. */
	| { readonly code: 'rsa-inconsistent' }
	/** An AKP key whose `alg` is not an ML-DSA parameter set (RFC 9964 §4: the key names its algorithm); as written in JSON. */
	| { readonly code: 'akp-alg'; readonly alg?: string }
	/** The public point is not on the curve (SEC 1 §3.2.2.1), or not a point encoding at all. */
	| { readonly code: 'ec-point-off-curve'; readonly crv: string }
	/** The private scalar is 0 or not below the curve order (SEC 1 §3.2.1). */
	| { readonly code: 'ec-private-range'; readonly crv: string }
	/** The public point is not d·G for the private scalar d: the key was changed or cut. */
	| { readonly code: 'ec-private-mismatch'; readonly crv: string }
	/** WebCrypto refused the key when it was used, for a reason the checks above did not see. */
	| { readonly code: 'rejected' };

/** A key whose numbers or members are wrong, with the fault as data; `message` is for developers. */
export class KeyFaultError extends FaultError<KeyFault> {}

/** Whether `error` is one a key reader throws for a person's key: KeyFaultError, KeyFormatError or DerError. */
export function isKeyError(error: unknown): error is KeyFaultError | KeyFormatError | DerError {
	return error instanceof KeyFaultError || error instanceof KeyFormatError || error instanceof DerError;
}

/** The fault behind an error a key reader threw; errors that are not ours are thrown on. */
export function faultOf(error: unknown): KeyFault {
	if (error instanceof KeyFaultError || error instanceof KeyFormatError) return error.fault;
	// Readers wrap DER errors with the structure they read and its length; an unwrapped one has neither, so
	// trailing bytes count as the one known.
	if (error instanceof DerError) return derFault(error, 'der', Math.max(error.offset, 0) + 1);
	throw error;
}
