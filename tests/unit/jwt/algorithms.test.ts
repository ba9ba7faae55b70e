// The curve orders in algorithms.ts, checked against node:crypto: for a valid ECDSA signature (r, s), (r, n − s)
// is valid too, and only with the true n.
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
	curveOrders,
	findJwsAlgorithm,
	implementationFor,
	jweAlgorithms,
	jweKeyRequirements,
	jwsAlgorithms,
} from '../../../src/lib/jwt/algorithms';

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

describe('the algorithm table', () => {
	const rows = Object.values(jwsAlgorithms);

	test.each(rows.map((row) => [row.name, row] as const))('%s is keyed by its own name', (name, row) => {
		expect(findJwsAlgorithm(name)).toBe(row);
	});

	test('rows and their nested values are frozen', () => {
		for (const row of rows) {
			expect(Object.isFrozen(row)).toBe(true);
			expect(Object.isFrozen(row.keys)).toBe(true);
			expect(Object.isFrozen(row.implementation)).toBe(true);
		}
	});

	test.each([
		[
			'HS256',
			[{ kty: 'oct' }],
			{ kind: 'webcrypto', import: { name: 'HMAC', hash: 'SHA-256' }, sign: { name: 'HMAC' } },
		],
		[
			'RS384',
			[{ kty: 'RSA' }],
			{
				kind: 'webcrypto',
				import: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' },
				sign: { name: 'RSASSA-PKCS1-v1_5' },
			},
		],
		[
			'PS512',
			[{ kty: 'RSA' }],
			{
				kind: 'webcrypto',
				import: { name: 'RSA-PSS', hash: 'SHA-512' },
				sign: { name: 'RSA-PSS', saltLength: 64 },
			},
		],
		[
			'ES512',
			[{ kty: 'EC', crv: ['P-521'] }],
			{
				kind: 'webcrypto',
				import: { name: 'ECDSA', namedCurve: 'P-521' },
				sign: { name: 'ECDSA', hash: 'SHA-512' },
			},
		],
		['ES256K', [{ kty: 'EC', crv: ['secp256k1'] }], { kind: 'provider', id: 'secp256k1' }],
		['Ed25519', [{ kty: 'OKP', crv: ['Ed25519'] }], { kind: 'provider', id: 'ed25519' }],
		['Ed448', [{ kty: 'OKP', crv: ['Ed448'] }], { kind: 'provider', id: 'ed448' }],
		['ML-DSA-44', [{ kty: 'AKP', alg: 'ML-DSA-44' }], { kind: 'provider', id: 'ml-dsa' }],
		['ML-DSA-65', [{ kty: 'AKP', alg: 'ML-DSA-65' }], { kind: 'provider', id: 'ml-dsa' }],
		['ML-DSA-87', [{ kty: 'AKP', alg: 'ML-DSA-87' }], { kind: 'provider', id: 'ml-dsa' }],
		['none', [], { kind: 'unavailable', why: 'no-signature' }],
	])('%s: keys and implementation', (name, keys, implementation) => {
		const row = findJwsAlgorithm(name)!;
		expect(row.keys).toEqual(keys);
		expect(row.implementation).toEqual(implementation);
	});

	test('an ECDSA row is bound to the one curve its keys take, and its curve has an order', () => {
		for (const row of rows.filter((r) => r.family === 'ecdsa')) {
			expect(row.keys).toEqual([{ kty: 'EC', crv: [row.curve] }]);
			expect(curveOrders[row.curve!]).toBeDefined();
		}
	});

	test.each([
		['Ed25519', 'provider'],
		['Ed448', 'provider'],
		[undefined, 'unavailable'],
		['__proto__', 'unavailable'],
	])('EdDSA with a %s key resolves to %s', (crv, kind) => {
		expect(implementationFor(findJwsAlgorithm('EdDSA')!, crv).kind).toBe(kind);
	});

	// select-keys.ts has no "curve unavailable" misfit: a key on a curve its row names always has an implementation.
	test('every curve a JWS row takes keys on has an implementation', () => {
		for (const row of rows)
			for (const crv of row.keys.flatMap((need) => need.crv ?? []))
				expect(implementationFor(row, crv).kind, `${row.name} ${crv}`).not.toBe('unavailable');
	});

	test('every JWE key-management alg says which keys fit', () => {
		for (const alg of jweAlgorithms) expect(jweKeyRequirements[alg]?.length).toBeGreaterThan(0);
		expect(jweKeyRequirements['RSA-OAEP-256']).toEqual([{ kty: 'RSA' }]);
		expect(jweKeyRequirements['A128KW']).toEqual([{ kty: 'oct' }]);
		expect(jweKeyRequirements['ECDH-ES+A256KW']?.map((r) => r.kty)).toEqual(['EC', 'OKP']);
	});
});
