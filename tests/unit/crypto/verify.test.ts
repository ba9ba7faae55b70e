// verifyToken with keys made by node:crypto, in every format `Secret or key` accepts, and the key it names.

import { calculateJwkThumbprint } from 'jose';
import { describe, expect, test } from 'vitest';
import {
	makeToken,
	verifyWith,
	pem,
	json,
	KEYS,
	CERTIFICATES,
	hmacForms,
	strangerOf,
	MATRIX,
	jwkOf,
} from './verify-fixtures';

describe('verifyToken: every alg with the right key in every accepted format', () => {
	test('the matrix covers each alg and format', () => {
		expect(new Set(MATRIX.map(([alg]) => alg)).size).toBe(13);
		const formats = (alg: string) => MATRIX.filter(([a]) => a === alg).map(([, format]) => format);
		expect(formats('HS256')).toHaveLength(7);
		expect(formats('RS256')).toEqual([
			'PEM SPKI',
			'PEM PKCS#1 public',
			'X.509 certificate',
			'PEM PKCS#8 private',
			'PEM PKCS#1 private',
			'public JWK',
			'private JWK',
			'JWKS picked by kid',
			'JWKS without kid, each fitting key tried',
		]);
		expect(formats('ES384')).toContain('PEM SEC1 private');
		expect(formats('EdDSA')).toHaveLength(7);
		const standard = hmacForms()[2]!.keyText;
		expect(standard).toMatch(/[+/]/);
		expect(standard.endsWith('==')).toBe(true);
	});

	test.each(MATRIX)('%s verifies with the key as %s', async (alg, _format, _kind, form) => {
		const verdict = await verifyWith(makeToken(alg, form.signer, form.header), form.keyText, form.base64);
		expect(verdict).toMatchObject({
			status: 'verified',
			code: 'verified',
			key: { source: form.source, ...form.name },
		});
		// The verdict names the key by its RFC 7638 thumbprint, as jose computes it; a secret has none.
		const expected = form.thumbprintOf && (await calculateJwkThumbprint(jwkOf(form.thumbprintOf)));
		expect(verdict.status === 'verified' && verdict.key.thumbprint).toBe(expected);
	});

	test.each(MATRIX)(
		'%s signed by another key is invalid with the key as %s',
		async (alg, _format, kind, form) => {
			const verdict = await verifyWith(
				makeToken(alg, strangerOf(kind), form.header),
				form.keyText,
				form.base64,
			);
			expect(verdict).toMatchObject({ status: 'invalid', code: 'mismatch' });
		},
	);

	test.each(MATRIX)(
		'%s with a changed payload is invalid with the key as %s',
		async (alg, _format, _kind, form) => {
			const [header, , signature] = makeToken(alg, form.signer, form.header).split('.');
			const forged = `${header}.${Buffer.from('{"sub":"admin"}').toString('base64url')}.${signature}`;
			expect((await verifyWith(forged, form.keyText, form.base64)).status).toBe('invalid');
		},
	);
});

describe('verifyToken: the verdict names the key that verified', () => {
	test('a 32-byte text secret is named by its length and encoding, with no thumbprint', async () => {
		const secret = 'a-string-secret-at-least-256-bit';
		expect(Buffer.byteLength(secret)).toBe(32);
		const verdict = await verifyWith(makeToken('HS256', Buffer.from(secret)), secret);
		expect(verdict).toMatchObject({
			status: 'verified',
			key: { source: 'secret-text', info: { kty: 'oct', bytes: 32 } },
		});
		expect(verdict.status === 'verified' && 'thumbprint' in verdict.key).toBe(false);
	});

	test.each([
		['RS256', 'rsa', { kty: 'RSA', bits: 2048, private: false }],
		['ES256', 'P-256', { kty: 'EC', crv: 'P-256', private: false }],
		['ES512', 'P-521', { kty: 'EC', crv: 'P-521', private: false }],
		['EdDSA', 'ed25519', { kty: 'OKP', crv: 'Ed25519', private: false }],
	] as const)('%s with a certificate: the %s key and its subject', async (alg, kind, info) => {
		const verdict = await verifyWith(makeToken(alg, CERTIFICATES[kind].key), CERTIFICATES[kind].pem);
		expect(verdict).toMatchObject({
			status: 'verified',
			key: { source: 'pem-certificate', subject: 'CN=test.example', info },
		});
	});

	test('a JWKS key picked by kid is named by its kid and place in the set', async () => {
		const [right, decoy] = KEYS['P-256'];
		const set = json({
			keys: [
				{ ...jwkOf(decoy.publicKey), kid: 'xyz' },
				{ ...jwkOf(right.publicKey), kid: 'abc' },
			],
		});
		const verdict = await verifyWith(makeToken('ES256', right.privateKey, { kid: 'abc' }), set);
		expect(verdict).toMatchObject({
			status: 'verified',
			key: { source: 'jwks', kid: 'abc', index: 1, info: { kty: 'EC', crv: 'P-256', private: false } },
		});
	});

	test('a PEM holding a certificate and a key: the fitting one verifies', async () => {
		const text = `${CERTIFICATES['P-256'].pem}\n${pem(KEYS.rsa[0].publicKey, 'spki')}`;
		expect(await verifyWith(makeToken('RS256', KEYS.rsa[0].privateKey), text)).toMatchObject({
			status: 'verified',
			key: { source: 'pem-spki' },
		});
		expect(await verifyWith(makeToken('ES256', CERTIFICATES['P-256'].key), text)).toMatchObject({
			status: 'verified',
			key: { source: 'pem-certificate' },
		});
	});
});
