import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { decodeToken } from '../../../../src/lib/jwt/decode';
import { listFindings } from '../../../../src/lib/jwt/findings';
import { recognizeProfile, type ProfileId } from '../../../../src/lib/jwt/profiles';
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

/** A complete token of each profile: every claim its table requires, and the shape its spec wants. */
const COMPLETE: Record<ProfileId, [header: Record<string, unknown>, payload: Record<string, unknown>]> = {
	'dpop-proof': [
		{ typ: 'dpop+jwt', alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256', x: 'eA', y: 'eQ' } },
		{ jti: 'j', htm: 'GET', htu: 'https://rs.example/r', iat: NOW },
	],
	'access-token': [
		{ typ: 'at+jwt', alg: 'RS256' },
		{ iss: 'https://as.example', aud: 'api', sub: 'u', client_id: 'c', iat: NOW, jti: 'a', exp: NOW + 60 },
	],
	// No typ of its own: recognised by its cnf.jkt (with "at+jwt" it would be an RFC 9068 access token).
	'dpop-access-token': [{ alg: 'ES256' }, { iss: 'https://as.example', exp: NOW + 60, cnf: { jkt: 'x' } }],
	'id-token': [
		{ alg: 'RS256' },
		{ iss: 'https://op.example', aud: 'c', sub: 'u', iat: NOW, exp: NOW + 60, nonce: 'n' },
	],
	'logout-token': [
		{ typ: 'logout+jwt', alg: 'RS256' },
		{
			iss: 'https://op.example',
			aud: 'c',
			sid: 's',
			iat: NOW,
			exp: NOW + 60,
			jti: 'l',
			events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
		},
	],
	'request-object': [
		{ typ: 'oauth-authz-req+jwt', alg: 'RS256' },
		{ iss: 'c', aud: 'https://as.example', client_id: 'c', response_type: 'code', exp: NOW + 60 },
	],
	'client-assertion': [
		{ typ: 'client-authentication+jwt', alg: 'RS256' },
		{ iss: 'c', sub: 'c', aud: 'https://as.example/token', jti: 'x', exp: NOW + 60 },
	],
	'security-event': [
		{ typ: 'secevent+jwt', alg: 'RS256' },
		{ iss: 'https://idp.example', iat: NOW, jti: 's', aud: 'rp', events: { 'urn:x': {} } },
	],
	'sd-jwt-vc': [
		{ typ: 'dc+sd-jwt', alg: 'ES256' },
		{ iss: 'https://i.example', vct: 'urn:v', exp: NOW + 60 },
	],
	'kb-jwt': [
		{ typ: 'kb+jwt', alg: 'ES256' },
		{ iat: NOW, aud: 'v', nonce: 'n', sd_hash: 'x' },
	],
	jwt: [
		{ typ: 'JWT', alg: 'HS256' },
		{ sub: 'u', exp: NOW + 60 },
	],
};

/** Every rule of the profiles table: each required claim raises its code when missing, and not when present. */
describe.each(Object.values(tokenProfiles).map((p) => [p.id, p] as const))(
	'profile %s, rule by rule',
	(id, profile) => {
		const [header, payload] = COMPLETE[id];
		const complete = jws(header, payload);

		test('its complete token is recognised and raises none of the codes its table names', () => {
			const decoded = decodeToken(complete);
			const root = decoded.payload.mode === 'json' ? decoded.payload.root : undefined;
			expect(recognizeProfile(decoded.header?.root, root).profile.id).toBe(id);
			const found = codes(complete);
			const named = [...Object.values(profile.required), ...profile.suppressed, ...profile.extra];
			// typ-generic is the one note a profile recognised only by its claims always carries.
			const expected = id === 'dpop-access-token' ? ['typ-generic'] : [];
			expect(found.filter((code) => named.includes(code))).toEqual(expected);
		});

		test.each(Object.entries(profile.required).map(([claim, code]) => [claim, code] as const))(
			'without "%s" it raises %s',
			(claim, code) => {
				const rest = Object.fromEntries(Object.entries(payload).filter(([name]) => name !== claim));
				// Recognised by typ (an ID token by the nonce that stays), so it stays what it is.
				expect(codes(jws(header, rest))).toContain(code);
			},
		);

		test.each(profile.suppressed.map((code) => [code] as const))('never raises %s', (code) => {
			const token = jws(header, payload);
			const withoutExp = jws(
				header,
				Object.fromEntries(Object.entries(payload).filter(([n]) => n !== 'exp')),
			);
			expect(codes(token)).not.toContain(code);
			expect(codes(withoutExp)).not.toContain(code);
		});
	},
);
