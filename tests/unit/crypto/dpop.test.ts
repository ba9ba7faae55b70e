import { readFileSync } from 'node:fs';
import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, test } from 'vitest';
import { isDpopProof, verifyDpopProof } from '../../../src/lib/crypto/dpop';
import { describeVerdict, dpopVerdictText } from '../../../src/lib/crypto/messages';
import { decodeToken } from '../../../src/lib/jwt/decode';
import { listFindings } from '../../../src/lib/jwt/findings';

interface Rfc9449 {
	proofs: { figure: string; jwt: string; payload: { iat: number } }[];
	jwt_access_token_with_jkt: { jwt: string };
}
const vectors = JSON.parse(
	readFileSync(new URL('../../vectors/rfc9449/dpop_examples.json', import.meta.url), 'utf8'),
) as Rfc9449;
/** 2026-01-01T00:00:00Z. */
const NOW = 1_767_225_600;

describe('RFC 9449 proofs verify with their own header jwk, with no key given', () => {
	test.each(vectors.proofs.map((p) => [p.figure, p.jwt] as const))('%s', async (_figure, jwt) => {
		const verdict = await verifyDpopProof(decodeToken(jwt));
		expect(verdict).toMatchObject({ status: 'verified', code: 'verified', origin: 'dpop-proof' });
		expect(describeVerdict(verdict!).explanation).toBe(dpopVerdictText.verified);
	});

	test.each(vectors.proofs.map((p) => [p.figure, p.jwt, p.payload.iat] as const))(
		'%s is from 2019: old now, and the findings say so',
		(_figure, jwt, iat) => {
			expect(new Date(iat * 1000).getUTCFullYear()).toBe(2019);
			const codes = listFindings(decodeToken(jwt), { now: NOW }).map((f) => f.code);
			expect(codes).toContain('dpop-iat-window');
			for (const code of [
				'no-exp',
				'embedded-jwk',
				'missing-iss',
				'missing-aud',
				'missing-sub',
				'typ-generic',
			])
				expect(codes).not.toContain(code);
		},
	);

	test.each(vectors.proofs.map((p) => [p.figure, p.jwt, p.payload.iat] as const))(
		'%s raises no finding at its own iat',
		(_figure, jwt, iat) => {
			expect(listFindings(decodeToken(jwt), { now: iat + 1 })).toEqual([]);
		},
	);
});

const flip = (jwt: string) => {
	const [h, p, s] = jwt.split('.') as [string, string, string];
	const last = s.at(-2) === 'A' ? 'B' : 'A';
	return `${h}.${p}.${s.slice(0, -2)}${last}${s.at(-1)}`;
};

describe('verifyDpopProof refuses what is not a good proof', () => {
	test('a changed signature is invalid, and the reason names the proof key', async () => {
		const verdict = await verifyDpopProof(decodeToken(flip(vectors.proofs[0]!.jwt)));
		expect(verdict).toMatchObject({ status: 'invalid', code: 'mismatch', origin: 'dpop-proof' });
		expect(describeVerdict(verdict!).explanation.startsWith(dpopVerdictText.invalid)).toBe(true);
	});

	test.each([
		['an access token with cnf.jkt (not a proof)', vectors.jwt_access_token_with_jkt.jwt],
		[
			'a token with htm and htu but typ "JWT"',
			'eyJ0eXAiOiJKV1QiLCJhbGciOiJFUzI1NiJ9.eyJodG0iOiJHRVQiLCJodHUiOiJodHRwczovL3gifQ.c2ln',
		],
	])('%s is not verified as a proof', async (_name, jwt) => {
		expect(isDpopProof(decodeToken(jwt))).toBe(false);
		expect(await verifyDpopProof(decodeToken(jwt))).toBeUndefined();
	});

	test('a proof without jwk is invalid with the no-key text', async () => {
		const header = Buffer.from(JSON.stringify({ typ: 'dpop+jwt', alg: 'ES256' })).toString('base64url');
		const payload = Buffer.from(
			JSON.stringify({ htm: 'GET', htu: 'https://x', jti: 'j', iat: NOW }),
		).toString('base64url');
		const verdict = await verifyDpopProof(decodeToken(`${header}.${payload}.c2ln`));
		expect(verdict).toEqual({ status: 'invalid', code: 'key-unreadable', origin: 'dpop-proof' });
		expect(describeVerdict(verdict!).explanation).toBe(dpopVerdictText.noKey);
	});
});

describe('proofs made by jose verify with their own key', () => {
	test.each([['ES256'], ['ES384'], ['RS256'], ['PS256'], ['EdDSA']])('%s', async (alg) => {
		const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
		const jwk = await exportJWK(publicKey);
		const payload = { jti: crypto.randomUUID(), htm: 'POST', htu: 'https://as.example/token', iat: NOW };
		const jwt = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
			.setProtectedHeader({ typ: 'dpop+jwt', alg, jwk })
			.sign(privateKey);
		expect(await verifyDpopProof(decodeToken(jwt))).toMatchObject({
			status: 'verified',
			origin: 'dpop-proof',
		});
		// Nothing a proof is meant to have is flagged; only the RFC 9864 note that "EdDSA" is deprecated.
		const codes = listFindings(decodeToken(jwt), { now: NOW }).map((f) => f.code);
		expect(codes).toEqual(alg === 'EdDSA' ? ['eddsa-deprecated'] : []);
	});

	test('a proof whose jwk also holds the private key verifies with the public part, and says the key leaked', async () => {
		const { privateKey } = await generateKeyPair('ES256', { extractable: true });
		const jwk = await exportJWK(privateKey);
		const payload = { jti: 'j', htm: 'POST', htu: 'https://as.example/token', iat: NOW };
		const jwt = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
			.setProtectedHeader({ typ: 'dpop+jwt', alg: 'ES256', jwk })
			.sign(privateKey);
		expect(await verifyDpopProof(decodeToken(jwt))).toMatchObject({ status: 'verified' });
		expect(listFindings(decodeToken(jwt), { now: NOW }).map((f) => f.code)).toEqual(['dpop-private-key']);
	});
});
