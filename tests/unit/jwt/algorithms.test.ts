// The curve orders in algorithms.ts, checked against node:crypto: for a valid ECDSA signature (r, s), (r, n − s)
// is valid too, and only with the true n.
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { curveOrders } from '../../../src/lib/jwt/algorithms';

const CURVES = [
	['P-256', 'prime256v1', 32],
	['P-384', 'secp384r1', 48],
	['P-521', 'secp521r1', 66],
	['secp256k1', 'secp256k1', 32],
] as const;

describe('curveOrders', () => {
	test.each(CURVES)(
		'%s: (r, n − s) verifies wherever (r, s) does, and (r, n + 1 − s) does not',
		(curve, namedCurve, size) => {
			const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve });
			const data = Buffer.from('header.payload');
			const signature = sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
			const n = BigInt(`0x${curveOrders[curve]}`);
			const s = BigInt(`0x${signature.subarray(size).toString('hex')}`);
			const withS = (value: bigint) =>
				Buffer.concat([
					signature.subarray(0, size),
					Buffer.from(value.toString(16).padStart(size * 2, '0'), 'hex'),
				]);
			const check = (candidate: Buffer) =>
				verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, candidate);
			expect(check(signature)).toBe(true);
			expect(check(withS(n - s))).toBe(true);
			expect(check(withS(n + 1n - s))).toBe(false);
			expect(curveOrders[curve]).toHaveLength(size * 2);
		},
	);
});
