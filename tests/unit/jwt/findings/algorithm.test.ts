// Algorithm-name findings: EdDSA is noted as deprecated (RFC 9864), as a note on the alg member, and its replacements are not.

import { describe, expect, test } from 'vitest';
import { describeFindingCases, findCode, FRESH, jws } from './fixtures';
import { NEAR_MISSES, RAISING } from './algorithm.cases';

describeFindingCases(
	{
		raised: 'algorithm-name findings are raised',
		notRaised: 'algorithm-name findings are not raised just across the line',
	},
	RAISING,
	NEAR_MISSES,
);

describe('eddsa-deprecated', () => {
	test('is a note on the header alg, naming both fully-specified replacements', () => {
		const finding = findCode(jws({ alg: 'EdDSA' }, FRESH, 'A'.repeat(86)), 'eddsa-deprecated');
		expect(finding).toMatchObject({ severity: 'info', part: 'header', member: 'alg', spec: 'RFC 9864 §2.2' });
		expect(finding?.detail).toMatch(/"Ed25519" and "Ed448"/);
	});
});
