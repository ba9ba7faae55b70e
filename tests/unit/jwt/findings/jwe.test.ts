import { describe, expect, test } from 'vitest';
import { describeFindingCases, findCode, jwe } from './fixtures';
import { NEAR_MISSES, RAISING } from './jwe.cases';

describeFindingCases(
	{ raised: 'JWE findings are raised', notRaised: 'JWE findings are not raised just across the line' },
	RAISING,
	NEAR_MISSES,
);

describe('JWE findings explain themselves', () => {
	test('jwe-weak-p2c quotes the count and the recommended minimum', () => {
		const finding = findCode(jwe({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2c: 10 }), 'jwe-weak-p2c');
		expect(finding).toMatchObject({ severity: 'warning', part: 'header', member: 'p2c' });
		expect(finding?.detail).toContain('"p2c": 10');
		expect(finding?.detail).toContain('1000');
	});

	test('a missing p2c points at alg', () => {
		const finding = findCode(jwe({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' }), 'jwe-weak-p2c');
		expect(finding?.member).toBe('alg');
		expect(finding?.detail).toMatch(/no "p2c"/);
	});

	test('jwe-zip quotes the zip value; jwe-rsa1-5 names the alg', () => {
		expect(findCode(jwe({ alg: 'dir', enc: 'A128GCM', zip: 'DEF' }), 'jwe-zip')?.detail).toContain('"DEF"');
		expect(findCode(jwe({ alg: 'RSA1_5', enc: 'A128GCM' }), 'jwe-rsa1-5')).toMatchObject({
			part: 'header',
			member: 'alg',
		});
	});
});
