// Algorithm-name cases for the findings suites: EdDSA, which RFC 9864 deprecates, and the names that replace it.

import { FRESH, jwe, jws, type FindingCase } from './fixtures';

/** 64 zero bytes, an Ed25519-sized signature. */
const SIG64 = 'A'.repeat(86);

/** Each case raises its code. */
export const RAISING: FindingCase[] = [
	['an EdDSA token', jws({ alg: 'EdDSA', typ: 'JWT' }, FRESH, SIG64), {}, 'eddsa-deprecated'],
	['an EdDSA token without a signature yet', jws({ alg: 'EdDSA' }, FRESH, ''), {}, 'eddsa-deprecated'],
];

/** Each case stays just clear of the code. */
export const NEAR_MISSES: FindingCase[] = [
	['the fully-specified Ed25519', jws({ alg: 'Ed25519' }, FRESH, SIG64), {}, 'eddsa-deprecated'],
	['the fully-specified Ed448', jws({ alg: 'Ed448' }, FRESH, SIG64), {}, 'eddsa-deprecated'],
	[
		'"eddsa" in another casing, which is no registered alg',
		jws({ alg: 'eddsa' }, FRESH, SIG64),
		{},
		'eddsa-deprecated',
	],
	['an ML-DSA-65 token', jws({ alg: 'ML-DSA-65' }, FRESH, SIG64), {}, 'eddsa-deprecated'],
	['a JWE whose header says EdDSA', jwe({ alg: 'EdDSA', enc: 'A256GCM' }), {}, 'eddsa-deprecated'],
];
