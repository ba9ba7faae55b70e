import { describe, expect, test } from 'vitest';
import { recognizeProfile } from '../../../../src/lib/jwt/profiles';
import { parseJson, type JsonNode } from '../../../../src/lib/jwt/json';
import { NEAR_MISSES, RAISING } from './claims.cases';
import { describeFindingCases, codes, find, findCode, FRESH, HOUR, HS, jws, NOW } from './fixtures';

const tree = (value: unknown): JsonNode => {
	const parsed = parseJson(JSON.stringify(value));
	if (!parsed.ok) throw new Error('test JSON should parse');
	return parsed.root;
};

describeFindingCases(
	{ raised: 'claim findings are raised', notRaised: 'claim findings are not raised just across the line' },
	RAISING,
	NEAR_MISSES,
);

describe('recognizeProfile keeps the access-token and ID-token evidence', () => {
	test.each([
		[{ alg: 'RS256', typ: 'at+jwt' }, { sub: 'x' }, 'access-token'],
		[{ alg: 'RS256', typ: 'Application/At+JWT' }, { sub: 'x' }, 'access-token'],
		[{ alg: 'RS256' }, { scope: 'a', iss: 'https://as.example' }, 'access-token'],
		[{ alg: 'RS256' }, { scp: ['a'], exp: 1 }, 'access-token'],
		[{ alg: 'RS256' }, { client_id: 'c', iss: 'https://as.example' }, 'access-token'],
		[{ alg: 'RS256' }, { client_id: 'c', scope: 'a', iss: 'i', exp: 1 }, 'access-token'],
		[{ alg: 'RS256' }, { token_use: 'access' }, 'access-token'],
		// Keycloak access tokens carry azp and auth_time too: access-token evidence wins.
		[{ alg: 'RS256' }, { azp: 'web', auth_time: 1, scope: 'openid', iss: 'i', exp: 1 }, 'access-token'],
		// An RFC 9068-shaped token bound to a DPoP key is still an RFC 9068 token.
		[{ alg: 'RS256' }, { client_id: 'c', exp: 1, cnf: { jkt: 'x' } }, 'access-token'],
		// RFC 9449 Figure 8: no typ, no scope or client_id, bound by cnf.jkt.
		[{ alg: 'ES256' }, { sub: 's', iss: 'i', exp: 1, cnf: { jkt: 'x' } }, 'dpop-access-token'],
		[{ alg: 'ES256', typ: 'JWT' }, { cnf: { jkt: 'x' } }, 'dpop-access-token'],
		[{ alg: 'ES256', typ: 'at+jwt' }, { cnf: { jkt: 'x' } }, 'access-token'],
		[{ alg: 'ES256', typ: 'kb+jwt' }, { iat: 1 }, 'kb-jwt'],
		[{ alg: 'ES256' }, { sd_hash: 'x', nonce: 'n', aud: 'a', iat: 1 }, 'kb-jwt'],
		// Near misses: one access-token claim alone is any application's claim, and cnf without jkt binds no DPoP key.
		[{ alg: 'RS256' }, { scope: 'a' }, 'jwt'],
		[{ alg: 'RS256' }, { scope: 'a', sub: 'u' }, 'jwt'],
		[{ alg: 'RS256' }, { scp: ['a'], aud: 'api' }, 'jwt'],
		[{ alg: 'RS256' }, { client_id: 'c' }, 'jwt'],
		[{ alg: 'RS256' }, { azp: 'web', auth_time: 1, scope: 'openid' }, 'id-token'],
		[{ alg: 'ES256' }, { cnf: { jwk: { kty: 'EC' } }, exp: 1 }, 'jwt'],
		[{ alg: 'ES256' }, { cnf: { jkt: 7 }, exp: 1 }, 'jwt'],
		[{ alg: 'ES256' }, { jkt: 'x', exp: 1 }, 'jwt'],
		// An SD-JWT's issuer JWT binds its holder by cnf.jkt as a credential.
		[{ alg: 'ES256', typ: 'example+sd-jwt' }, { _sd_alg: 'sha-256', cnf: { jkt: 'x' }, exp: 1 }, 'jwt'],
		[{ alg: 'ES256' }, { _sd: [], iss: 'i', cnf: { jkt: 'x' } }, 'jwt'],
		[{ alg: 'RS256' }, { nonce: 'n' }, 'id-token'],
		[{ alg: 'RS256' }, { at_hash: 'x' }, 'id-token'],
		[{ alg: 'RS256' }, { c_hash: 'x' }, 'id-token'],
		[{ alg: 'RS256' }, { auth_time: 1 }, 'id-token'],
		[{ alg: 'RS256' }, { azp: 'c' }, 'id-token'],
		[{ alg: 'RS256' }, { token_use: 'id' }, 'id-token'],
		[{ alg: 'HS256', typ: 'JWT' }, { sub: 'x', exp: 1 }, 'jwt'],
		[{ alg: 'HS256', typ: 'JWT' }, { iss: 'i', aud: 'a', roles: ['admin'] }, 'jwt'],
	])('header %j and payload %j: %s', (header, payload, kind) => {
		expect(recognizeProfile(tree(header), tree(payload)).profile.id).toBe(kind);
	});
});

describe('claim findings explain themselves', () => {
	test('long-lifetime gives the lifetime and the threshold, in words and seconds', () => {
		const finding = findCode(jws(HS, { iat: NOW, exp: NOW + 30 * 86400 }), 'long-lifetime');
		expect(finding).toMatchObject({ part: 'payload', member: 'exp' });
		expect(finding?.detail).toContain('30 days');
		expect(finding?.detail).toContain('2592000 seconds');
		expect(finding?.detail).toContain('24 hours');
	});

	test('the lifetime threshold can be set, and a bad value falls back to 24 hours', () => {
		const token = jws(HS, { iat: NOW, exp: NOW + 2 * HOUR });
		expect(codes(token, { lifetimeThreshold: HOUR })).toContain('long-lifetime');
		expect(codes(token, { lifetimeThreshold: Number.NaN })).not.toContain('long-lifetime');
		expect(codes(token, { lifetimeThreshold: -1 })).not.toContain('long-lifetime');
		expect(codes(token, { lifetimeThreshold: 0 })).toContain('long-lifetime');
	});

	test('missing-* say why the token is held to the rule', () => {
		const finding = findCode(jws(HS, { scope: 'read', exp: NOW + HOUR }), 'missing-aud');
		expect(finding?.detail).toContain('access token');
		expect(finding?.detail).toContain('"scope"');
		expect(finding?.detail).toContain('RFC 9068');
		const id = findCode(jws(HS, { nonce: 'n', exp: NOW + HOUR }), 'missing-iss');
		expect(id?.detail).toContain('ID token');
		expect(id?.detail).toContain('"nonce"');
	});

	test('a plain token with only sub and exp raises none of the profile findings', () => {
		const found = codes(jws(HS, { sub: 'x', exp: NOW + HOUR }));
		for (const code of [
			'missing-iss',
			'missing-aud',
			'missing-sub',
			'typ-generic',
			'id-token-rules',
		] as const)
			expect(found).not.toContain(code);
	});

	test('typ-generic is about the header typ, and info only', () => {
		const finding = findCode(
			jws({ alg: 'RS256', typ: 'JWT' }, { scope: 'a', exp: NOW + HOUR }),
			'typ-generic',
		);
		expect(finding).toMatchObject({ severity: 'info', part: 'header', member: 'typ' });
		expect(finding?.detail).toContain('"JWT"');
		expect(finding?.detail).toContain('at+jwt');
	});

	test('id-token-rules names the claim and the expected hash length', () => {
		const finding = findCode(
			jws({ alg: 'RS256' }, { nonce: 'n', at_hash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }),
			'id-token-rules',
		);
		expect(finding).toMatchObject({ part: 'payload', member: 'at_hash' });
		expect(finding?.detail).toMatch(/32 bytes/);
		expect(finding?.detail).toMatch(/RS256 is 16/);
	});

	test('the fresh HS256 token still has no findings with every check on', () => {
		expect(find(jws(HS, FRESH), { lifetimeThreshold: 86400 })).toEqual([]);
	});
});
