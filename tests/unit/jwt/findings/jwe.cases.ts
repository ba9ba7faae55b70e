// JWE cases for the findings suites: RSA1_5, zip and PBES2 iteration counts, and near misses.

import { FRESH, jwe, jws, type FindingCase } from './fixtures';

const PBES2 = { alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2s: 'c2FsdHNhbHRzYWx0' };

/** Each case raises its code. */
export const RAISING: FindingCase[] = [
	['alg RSA1_5', jwe({ alg: 'RSA1_5', enc: 'A128CBC-HS256' }), {}, 'jwe-rsa1-5'],
	['zip DEF', jwe({ alg: 'RSA-OAEP', enc: 'A256GCM', zip: 'DEF' }), {}, 'jwe-zip'],
	['zip of an unknown kind', jwe({ alg: 'dir', enc: 'A256GCM', zip: 'GZIP' }), {}, 'jwe-zip'],
	['p2c of 999', jwe({ ...PBES2, p2c: 999 }), {}, 'jwe-weak-p2c'],
	['p2c of 1', jwe({ ...PBES2, alg: 'PBES2-HS512+A256KW', p2c: 1 }), {}, 'jwe-weak-p2c'],
	['no p2c', jwe(PBES2), {}, 'jwe-weak-p2c'],
	['p2c as a string', jwe({ ...PBES2, p2c: '100000' }), {}, 'jwe-weak-p2c'],
	['p2c of 1000.5', jwe({ ...PBES2, p2c: 1000.5 }), {}, 'jwe-weak-p2c'],
];

/** Each case must not raise its code. */
export const NEAR_MISSES: FindingCase[] = [
	['alg RSA-OAEP', jwe({ alg: 'RSA-OAEP', enc: 'A256GCM' }), {}, 'jwe-rsa1-5'],
	['alg RSA1_5 in a JWS (alg-unknown covers it)', jws({ alg: 'RSA1_5' }, FRESH), {}, 'jwe-rsa1-5'],
	['no zip', jwe({ alg: 'RSA-OAEP', enc: 'A256GCM' }), {}, 'jwe-zip'],
	['zip in a JWS header', jws({ alg: 'HS256', zip: 'DEF' }, FRESH), {}, 'jwe-zip'],
	['p2c of exactly 1000', jwe({ ...PBES2, p2c: 1000 }), {}, 'jwe-weak-p2c'],
	['p2c of 600000', jwe({ ...PBES2, p2c: 600_000 }), {}, 'jwe-weak-p2c'],
	['no p2c with a non-PBES2 alg', jwe({ alg: 'A128KW', enc: 'A128GCM' }), {}, 'jwe-weak-p2c'],
];
