// The error of DER bytes that are not the key or certificate structure a function expected, with what and where as data.

import { DerError, type DerProblem } from './der';
import { FaultError } from './fault-error';

/**
 * The structures read from DER, for saying which one is wrong: SubjectPublicKeyInfo (RFC 5280 §4.1.2.7),
 * PKCS#8 (RFC 5208 §5, RFC 5958 §2), PKCS#1 RSAPublicKey and RSAPrivateKey (RFC 8017 App. A.1), SEC1
 * ECPrivateKey (RFC 5915 §3), an AlgorithmIdentifier (RFC 5280 §4.1.1.2), a certificate and its parts
 * (RFC 5280 §4.1), a CurvePrivateKey (RFC 8410 §7), an ML-DSA private key (RFC 9881 §6); `der` when none is known.
 */
export type KeyStructure =
	| 'spki'
	| 'pkcs8'
	| 'rsa-public'
	| 'rsa-private'
	| 'sec1'
	| 'algorithm'
	| 'certificate'
	| 'tbs-certificate'
	| 'validity'
	| 'name'
	| 'curve-private'
	| 'ml-dsa-private'
	| 'der';

/**
 * Why DER bytes are not the structure expected, as data; messages.ts (crypto) says it in words. Offsets count bytes
 * from the start of the DER that was read (a PEM block's, or the key inside a PKCS#8 `privateKey`); tags are
 * identifier bytes (X.690 §8.1.2).
 */
export type FormatFault =
	/** The bytes end before the structure does: the key was cut. */
	| { readonly code: 'der-cut'; readonly structure: KeyStructure; readonly offset: number }
	/** `bytes` more bytes follow the structure, from `offset`. */
	| {
			readonly code: 'der-trailing';
			readonly structure: KeyStructure;
			readonly offset: number;
			readonly bytes: number;
	  }
	/** A DER rule broken at `offset` (X.690 §10): an indefinite length, a negative INTEGER… */
	| {
			readonly code: 'der-encoding';
			readonly structure: KeyStructure;
			readonly offset: number;
			readonly problem: Exclude<DerProblem, 'cut' | 'trailing'>;
	  }
	/** The element for `field` has tag `found` where `expected` belongs (undefined: nothing belongs there). */
	| {
			readonly code: 'unexpected-element';
			readonly structure: KeyStructure;
			readonly field: string;
			readonly offset: number;
			readonly expected?: number;
			readonly found: number;
	  }
	/** A SEQUENCE with `found` elements where it has from `min` to `max`. */
	| {
			readonly code: 'element-count';
			readonly structure: KeyStructure;
			readonly offset: number;
			readonly found: number;
			readonly min: number;
			readonly max: number;
	  }
	/** A version this page does not read; `found` when it is small enough to show. */
	| {
			readonly code: 'bad-version';
			readonly structure: KeyStructure;
			readonly found?: number;
			readonly expected: readonly number[];
	  }
	/** A key part of the wrong size for its algorithm (FIPS 204 Table 2, RFC 8032 §5.1.5, SEC 1 §2.3). */
	| {
			readonly code: 'field-length';
			readonly algorithm: string;
			readonly field: 'publicKey' | 'privateKey' | 'seed' | 'expandedKey';
			readonly bytes: number;
			readonly expected: readonly number[];
	  }
	/** An EC private key that names no curve, or spells out the curve's parameters (`explicit`; RFC 5480 §2.1.1). */
	| { readonly code: 'curve-missing'; readonly structure: KeyStructure; readonly explicit: boolean }
	/** A certificate's validity time that is not a date (RFC 5280 §4.1.2.5). */
	| {
			readonly code: 'bad-date';
			readonly structure: KeyStructure;
			readonly field: 'notBefore' | 'notAfter';
			readonly offset: number;
	  };

/** DER bytes that are not the key or certificate structure a function expected; `fault` says what and where. */
export class KeyFormatError extends FaultError<FormatFault> {}

/**
 * The fault of a DerError met while reading `structure` from `total` bytes (the count of trailing bytes comes from
 * it); `shift` moves the error's offset to count from the structure's start, for a reader given an element's content.
 */
export function derFault(error: DerError, structure: KeyStructure, total: number, shift = 0): FormatFault {
	const offset = Math.max(0, error.offset) + shift;
	switch (error.problem) {
		case 'cut':
			return { code: 'der-cut', structure, offset };
		case 'trailing':
			// readDer reports the first trailing byte; everything after it is trailing too.
			return { code: 'der-trailing', structure, offset, bytes: total - offset };
		default:
			return { code: 'der-encoding', structure, offset, problem: error.problem };
	}
}
