// The page's list of algorithms: every signing row of the table, with verify, sign, generate and what computes it.

import { describe, expect, test } from 'vitest';
import { listAlgorithmSupport } from '../../../src/lib/crypto/algorithm-support';
import { jwsAlgorithms } from '../../../src/lib/jwt/algorithms';

const rows = listAlgorithmSupport();
const row = (alg: string) => rows.find((r) => r.alg === alg);

describe('listAlgorithmSupport', () => {
	test('lists every algorithm of the table but none, each verifying and signing', () => {
		expect(rows.map((r) => r.alg).sort()).toEqual(
			Object.keys(jwsAlgorithms)
				.filter((alg) => alg !== 'none')
				.sort(),
		);
		for (const r of rows) expect(r).toMatchObject({ verify: true, sign: true });
	});

	test.each([
		['ES256K', true, /@noble\/curves/],
		['Ed25519', true, /^By WebCrypto, else by this page's @noble\/curves$/],
		['Ed448', true, /@noble\/curves/],
		['EdDSA', true, /^Ed25519 keys by WebCrypto, else .*; Ed448 keys by this page's @noble\/curves/],
		['ML-DSA-44', true, /^By WebCrypto, else by this page's @noble\/post-quantum$/],
		['ML-DSA-65', true, /@noble\/post-quantum/],
		['ML-DSA-87', true, /@noble\/post-quantum/],
		// An RSA key generated for RS256 signs PS256 too.
		['PS256', true, /^By WebCrypto$/],
		['ES256', true, /^By WebCrypto$/],
	])('%s: generate %s, computed by %s', (alg, generate, computedBy) => {
		expect(row(alg)).toMatchObject({ generate });
		expect(row(alg)?.computedBy).toMatch(computedBy);
	});
});
