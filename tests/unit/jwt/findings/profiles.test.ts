import { describe, expect, test } from 'vitest';
import { NEAR_MISSES, RAISING } from './profiles.cases';
import { codes, describeFindingCases, findCode, jws, NOW } from './fixtures';
import { tokenProfiles } from '../../../../src/lib/jwt/profiles';
import { findingInfo } from '../../../../src/lib/jwt/messages';

describeFindingCases(
	{
		raised: 'profile findings are raised',
		notRaised: 'profile findings are not raised just across the line',
	},
	RAISING,
	NEAR_MISSES,
);

describe('the profiles table', () => {
	test.each(Object.values(tokenProfiles))('$id names only known codes', (profile) => {
		for (const code of [...profile.suppressed, ...profile.extra, ...Object.values(profile.required)])
			expect(Object.hasOwn(findingInfo, code)).toBe(true);
	});

	test('a DPoP proof raises none of the generic findings the contract lists for it', () => {
		const proof = jws(
			{
				typ: 'dpop+jwt',
				alg: 'ES256',
				jwk: {
					kty: 'EC',
					crv: 'P-256',
					x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
					y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
				},
			},
			{ jti: 'j', htm: 'GET', htu: 'https://rs.example/r', iat: NOW },
		);
		const found = codes(proof);
		for (const code of [
			'no-exp',
			'embedded-jwk',
			'missing-iss',
			'missing-aud',
			'missing-sub',
			'typ-generic',
		] as const)
			expect(found).not.toContain(code);
	});

	test('dpop-claims lists every missing claim in one finding', () => {
		const proof = jws({ typ: 'dpop+jwt', alg: 'ES256', jwk: { kty: 'EC' } }, { htu: 'https://x' });
		const found = codes(proof).filter((c) => c === 'dpop-claims');
		expect(found).toHaveLength(1);
		const finding = findCode(proof, 'dpop-claims');
		for (const claim of ['"htm"', '"iat"', '"jti"']) expect(finding?.detail).toContain(claim);
	});

	test('dpop-iat-window says how old the proof is', () => {
		const proof = jws(
			{ typ: 'dpop+jwt', alg: 'ES256', jwk: { kty: 'EC' } },
			{ jti: 'j', htm: 'GET', htu: 'https://x', iat: NOW - 7200 },
		);
		expect(findCode(proof, 'dpop-iat-window')).toMatchObject({ part: 'payload', member: 'iat' });
		expect(findCode(proof, 'dpop-iat-window')?.detail).toContain('2 hours ago');
	});
});
