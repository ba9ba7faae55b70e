import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { decodeToken } from '../../../../src/lib/jwt/decode';
import { listFindings } from '../../../../src/lib/jwt/findings';
import { recognizeProfile } from '../../../../src/lib/jwt/profiles';
import { NEAR_MISSES, RAISING } from './profiles.cases';
import { codes, describeFindingCases, findCode, jws, NOW } from './fixtures';
import { tokenProfiles } from '../../../../src/lib/jwt/profiles';

const rfc9449 = JSON.parse(
	readFileSync(new URL('../../../vectors/rfc9449/dpop_examples.json', import.meta.url), 'utf8'),
) as { jwt_access_token_with_jkt: { jwt: string; payload: { exp: number } } };
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

describe('the RFC 9449 Figure 8 access token (no typ, cnf.jkt)', () => {
	const token = rfc9449.jwt_access_token_with_jkt.jwt;
	const decoded = decodeToken(token);
	const payload = decoded.payload.mode === 'json' ? decoded.payload.root : undefined;

	test('is recognised from its claims as a DPoP-bound access token', () => {
		const recognition = recognizeProfile(decoded.header?.root, payload);
		expect(recognition.profile.id).toBe('dpop-access-token');
		expect(recognition.byTyp).toBe(false);
		expect(recognition.evidence).toContain('"jkt"');
	});

	test('says only that typ at+jwt is missing, naming RFC 9068 for it', () => {
		const found = listFindings(decoded, { now: rfc9449.jwt_access_token_with_jkt.payload.exp - 60 });
		expect(found.map((f) => f.code)).toEqual(['typ-generic']);
		expect(found[0]).toMatchObject({ severity: 'info', part: 'header', member: 'typ' });
		expect(found[0]?.detail).toContain('"at+jwt"');
		expect(found[0]?.detail).toContain('RFC 9068 §2.1');
	});
});
