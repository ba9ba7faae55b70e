import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, test } from 'vitest';
import {
	checkBindings,
	expectedAtHash,
	jwkThumbprint,
	listBindingFindings,
	sha256Base64url,
	type Binding,
} from '../../../src/lib/crypto/bindings';
import { decodeToken } from '../../../src/lib/jwt/decode';

interface Rfc9449 {
	dpop_public_jwk: Record<string, string>;
	dpop_public_jwk_thumbprint: string;
	proofs: { jwt: string; access_token?: string }[];
	access_token: { access_token: string; ath: string };
	jwt_access_token_with_jkt: { jwt: string };
}
const rfc = JSON.parse(
	readFileSync(new URL('../../vectors/rfc9449/dpop_examples.json', import.meta.url), 'utf8'),
) as Rfc9449;
const side = (text: string) => ({ text, decoded: decodeToken(text) });
const kinds = (bindings: Binding[]) => bindings.map((b) => [b.kind, b.holds]);
const NOW = 1_767_225_600;

describe('RFC 9449 examples bind', () => {
	const proof13 = rfc.proofs[2]!;
	test('the published thumbprint is the RFC 7638 thumbprint of the proof key', async () => {
		expect(await jwkThumbprint(rfc.dpop_public_jwk)).toBe(rfc.dpop_public_jwk_thumbprint);
	});

	test('ath is the SHA-256 of the Figure 6 access token', async () => {
		expect(await sha256Base64url(rfc.access_token.access_token)).toBe(rfc.access_token.ath);
	});

	test('the Figure 13 proof and the opaque access token: ath holds, either order', async () => {
		const at = { text: rfc.access_token.access_token, decoded: decodeToken(rfc.access_token.access_token) };
		expect(kinds(await checkBindings(side(proof13.jwt), at))).toEqual([['dpop-ath', true]]);
		expect(kinds(await checkBindings(at, side(proof13.jwt)))).toEqual([['dpop-ath', true]]);
	});

	test('the proof and the Figure 8 JWT access token: cnf.jkt holds', async () => {
		const bindings = await checkBindings(side(rfc.proofs[0]!.jwt), side(rfc.jwt_access_token_with_jkt.jwt));
		expect(kinds(bindings)).toEqual([['dpop-jkt', true]]);
		expect(listBindingFindings(bindings)).toEqual([]);
	});

	test('the Figure 13 proof with the JWT access token: ath does not hold (another token), jkt does', async () => {
		const bindings = await checkBindings(side(proof13.jwt), side(rfc.jwt_access_token_with_jkt.jwt));
		expect(kinds(bindings)).toEqual([
			['dpop-ath', false],
			['dpop-jkt', true],
		]);
		expect(listBindingFindings(bindings).map((f) => f.code)).toEqual(['dpop-ath-mismatch']);
	});
});

describe('RFC 7638 thumbprints agree with jose', () => {
	test.each([['ES256'], ['ES384'], ['ES512'], ['RS256'], ['EdDSA']])('%s keys', async (alg) => {
		const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
		const pub = await exportJWK(publicKey);
		// A private JWK has the same thumbprint: only the public members count (RFC 7638 §3.2).
		const priv = await exportJWK(privateKey);
		const expected = await calculateJwkThumbprint(pub, 'sha256');
		expect(await jwkThumbprint(pub as Record<string, unknown>)).toBe(expected);
		expect(await jwkThumbprint({ ...priv, kid: 'x', use: 'sig' } as Record<string, unknown>)).toBe(expected);
	});

	test('an oct key, and keys that cannot be thumbprinted', async () => {
		const oct = { kty: 'oct', k: 'c2VjcmV0' };
		expect(await jwkThumbprint(oct)).toBe(await calculateJwkThumbprint(oct, 'sha256'));
		expect(await jwkThumbprint({ kty: 'EC', crv: 'P-256', x: 'AA' })).toBeUndefined();
		expect(await jwkThumbprint({ kty: 'XYZ' })).toBeUndefined();
		expect(await jwkThumbprint({ kty: 'RSA', n: 1, e: 'AQAB' })).toBeUndefined();
	});

	test('member order does not change the thumbprint', async () => {
		const jwk = rfc.dpop_public_jwk;
		await fc.assert(
			fc.asyncProperty(
				fc.shuffledSubarray(Object.keys(jwk), { minLength: 4, maxLength: 4 }),
				async (order) => {
					const shuffled = Object.fromEntries(order.map((k) => [k, jwk[k]]));
					expect(await jwkThumbprint(shuffled)).toBe(rfc.dpop_public_jwk_thumbprint);
				},
			),
			{ numRuns: 24 },
		);
	});
});

/** The at_hash node:crypto computes: the left half of the named hash, base64url. */
const nodeAtHash = (token: string, hash: string) => {
	const digest = createHash(hash).update(token).digest();
	return digest.subarray(0, digest.length / 2).toString('base64url');
};

describe('at_hash follows the alg of the ID token', () => {
	test.each([
		['RS256', 'sha256', 16],
		['ES256', 'sha256', 16],
		['ES384', 'sha384', 24],
		['PS384', 'sha384', 24],
		['PS512', 'sha512', 32],
		['RS512', 'sha512', 32],
		['EdDSA', 'sha512', 32],
	])('%s uses %s (%i bytes)', async (alg, hash, bytes) => {
		const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';
		const result = await expectedAtHash(token, alg);
		expect(result?.value).toBe(nodeAtHash(token, hash));
		expect(Buffer.from(result!.value, 'base64url')).toHaveLength(bytes);
		expect(result?.note !== undefined).toBe(alg === 'EdDSA');
	});

	test('no at_hash for none or an unknown alg', async () => {
		expect(await expectedAtHash('x', 'none')).toBeUndefined();
		expect(await expectedAtHash('x', 'HS257')).toBeUndefined();
	});
});

/** An ID token and an access token signed by jose with `alg`; the ID token's at_hash made by node:crypto. */
async function issuePair(
	alg: string,
	hash: string,
	options: { atHashOf?: string; iss?: string; sub?: string } = {},
) {
	const { privateKey } = await generateKeyPair(alg);
	const accessToken = await new SignJWT({ client_id: 'client-1', scope: 'openid', jti: 'at-1' })
		.setProtectedHeader({ alg, typ: 'at+jwt' })
		.setIssuer('https://op.example')
		.setSubject('user-1')
		.setAudience('https://api.example')
		.setIssuedAt(NOW)
		.setExpirationTime(NOW + 3600)
		.sign(privateKey);
	const idToken = await new SignJWT({
		nonce: 'n-0S6',
		at_hash: nodeAtHash(options.atHashOf ?? accessToken, hash),
	})
		.setProtectedHeader({ alg })
		.setIssuer(options.iss ?? 'https://op.example')
		.setSubject(options.sub ?? 'user-1')
		.setAudience('client-1')
		.setIssuedAt(NOW)
		.setExpirationTime(NOW + 3600)
		.sign(privateKey);
	return { accessToken, idToken };
}

describe('ID token and access token made by jose', () => {
	test.each([
		['RS256', 'sha256'],
		['ES384', 'sha384'],
		['PS512', 'sha512'],
	])('%s: the right pair holds every line', async (alg, hash) => {
		const { accessToken, idToken } = await issuePair(alg, hash);
		const bindings = await checkBindings(side(idToken), side(accessToken));
		expect(kinds(bindings)).toEqual([
			['at-hash', true],
			['same-iss', true],
			['same-sub', true],
			['client-audience', true],
		]);
		expect(listBindingFindings(bindings)).toEqual([]);
	});

	test.each([
		['RS256', 'sha256'],
		['ES384', 'sha384'],
		['PS512', 'sha512'],
	])('%s: another access token raises at-hash-mismatch', async (alg, hash) => {
		const { accessToken, idToken } = await issuePair(alg, hash, { atHashOf: 'another.access.token' });
		const bindings = await checkBindings(side(accessToken), side(idToken));
		expect(bindings.find((b) => b.kind === 'at-hash')?.holds).toBe(false);
		expect(listBindingFindings(bindings).map((f) => f.code)).toEqual(['at-hash-mismatch']);
	});

	test.each([
		['RS256', 'sha384'],
		['ES384', 'sha256'],
		['PS512', 'sha256'],
	])('%s with an at_hash of the wrong size (%s) does not hold', async (alg, hash) => {
		const { accessToken, idToken } = await issuePair(alg, hash);
		const bindings = await checkBindings(side(idToken), side(accessToken));
		expect(listBindingFindings(bindings).map((f) => f.code)).toEqual(['at-hash-mismatch']);
	});

	test('claims that disagree are lines that do not hold, with no finding', async () => {
		const { accessToken, idToken } = await issuePair('ES256', 'sha256', {
			iss: 'https://other.example',
			sub: 'user-2',
		});
		const bindings = await checkBindings(side(idToken), side(accessToken));
		expect(kinds(bindings)).toEqual([
			['at-hash', true],
			['same-iss', false],
			['same-sub', false],
			['client-audience', true],
		]);
		expect(listBindingFindings(bindings)).toEqual([]);
	});
});

describe.each([['RS256'], ['ES384'], ['PS512']])('DPoP proof and access token made by jose, %s', (alg) => {
	async function issue(options: { jktOf?: 'proof' | 'other'; athOf?: 'token' | 'other' } = {}) {
		const client = await generateKeyPair(alg, { extractable: true });
		const other = await generateKeyPair(alg, { extractable: true });
		const server = await generateKeyPair(alg);
		const proofJwk = await exportJWK(client.publicKey);
		const jkt = await calculateJwkThumbprint(
			options.jktOf === 'other' ? await exportJWK(other.publicKey) : proofJwk,
		);
		const accessToken = await new SignJWT({ client_id: 'c1', jti: 'a', cnf: { jkt } })
			.setProtectedHeader({ alg, typ: 'at+jwt' })
			.setIssuer('https://as.example')
			.setSubject('u1')
			.setAudience('https://rs.example')
			.setIssuedAt(NOW)
			.setExpirationTime(NOW + 300)
			.sign(server.privateKey);
		const ath = createHash('sha256')
			.update(options.athOf === 'other' ? `${accessToken}x` : accessToken)
			.digest('base64url');
		const proof = await new SignJWT({ htm: 'GET', htu: 'https://rs.example/r', jti: 'p', ath })
			.setProtectedHeader({ alg, typ: 'dpop+jwt', jwk: proofJwk })
			.setIssuedAt(NOW)
			.sign(client.privateKey);
		return { proof, accessToken };
	}

	test('the right pair: ath and jkt hold, either order', async () => {
		const { proof, accessToken } = await issue();
		const expected = [
			['dpop-ath', true],
			['dpop-jkt', true],
		];
		expect(kinds(await checkBindings(side(proof), side(accessToken)))).toEqual(expected);
		expect(kinds(await checkBindings(side(accessToken), side(proof)))).toEqual(expected);
	});

	test('ath of another token raises dpop-ath-mismatch', async () => {
		const { proof, accessToken } = await issue({ athOf: 'other' });
		const found = listBindingFindings(await checkBindings(side(proof), side(accessToken)));
		expect(found.map((f) => f.code)).toEqual(['dpop-ath-mismatch']);
	});

	test('cnf.jkt of another key raises dpop-jkt-mismatch', async () => {
		const { proof, accessToken } = await issue({ jktOf: 'other' });
		const found = listBindingFindings(await checkBindings(side(accessToken), side(proof)));
		expect(found.map((f) => f.code)).toEqual(['dpop-jkt-mismatch']);
	});

	test('two plain JWTs have nothing to bind', async () => {
		const { accessToken } = await issue();
		expect(await checkBindings(side(accessToken), side(accessToken))).toEqual([]);
	});
});

describe('a logout token against the ID token of the session', () => {
	const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
	const jwt = (header: object, payload: object) => `${b64(header)}.${b64(payload)}.c2ln`;
	const id = jwt(
		{ alg: 'RS256' },
		{ iss: 'https://op.example', sub: 'u1', aud: 'client-1', nonce: 'n', sid: 's1', iat: NOW, exp: NOW + 60 },
	);
	const logout = (claims: object) =>
		jwt(
			{ alg: 'RS256', typ: 'logout+jwt' },
			{
				iss: 'https://op.example',
				aud: 'client-1',
				sid: 's1',
				iat: NOW,
				jti: 'j',
				events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
				...claims,
			},
		);

	test.each([
		[
			'the same session',
			{},
			[
				['same-iss', true],
				['logout-audience', true],
				['logout-session', true],
			],
		],
		[
			'another session',
			{ sid: 's2' },
			[
				['same-iss', true],
				['logout-audience', true],
				['logout-session', false],
			],
		],
		[
			'another issuer and client',
			{ iss: 'https://evil.example', aud: 'client-2' },
			[
				['same-iss', false],
				['logout-audience', false],
				['logout-session', true],
			],
		],
	])('%s', async (_name, claims, expected) => {
		expect(kinds(await checkBindings(side(logout(claims)), side(id)))).toEqual(expected);
	});
});
