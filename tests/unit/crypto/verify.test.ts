// verifyToken with keys made by node:crypto, in every format `Secret or key` accepts, and the key it names.

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
			key: { source: form.source, label: form.label },
		});
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
	test('a 32-byte text secret is "HMAC secret (UTF-8, 32 bytes)"', async () => {
		const secret = 'a-string-secret-at-least-256-bit';
		expect(Buffer.byteLength(secret)).toBe(32);
		const verdict = await verifyWith(makeToken('HS256', Buffer.from(secret)), secret);
		expect(verdict).toMatchObject({ status: 'verified', key: { source: 'secret-text' } });
		if (verdict.status === 'verified') expect(verdict.key.label).toBe('HMAC secret (UTF-8, 32 bytes)');
	});

	test.each([
		['RS256', 'rsa', 'RSA 2048 public key from certificate CN=test.example'],
		['ES256', 'P-256', 'EC P-256 public key from certificate CN=test.example'],
		['ES512', 'P-521', 'EC P-521 public key from certificate CN=test.example'],
		['EdDSA', 'ed25519', 'Ed25519 public key from certificate CN=test.example'],
	] as const)('%s with a certificate: "%s … %s"', async (alg, kind, label) => {
		const verdict = await verifyWith(makeToken(alg, CERTIFICATES[kind].key), CERTIFICATES[kind].pem);
		expect(verdict).toMatchObject({ status: 'verified', key: { subject: 'CN=test.example' } });
		if (verdict.status === 'verified') expect(verdict.key.label).toBe(label);
	});

	test('a JWKS key picked by kid is "JWKS key kid=abc (EC P-256)"', async () => {
		const [right, decoy] = KEYS['P-256'];
		const set = json({
			keys: [
				{ ...jwkOf(decoy.publicKey), kid: 'xyz' },
				{ ...jwkOf(right.publicKey), kid: 'abc' },
			],
		});
		const verdict = await verifyWith(makeToken('ES256', right.privateKey, { kid: 'abc' }), set);
		expect(verdict).toMatchObject({ status: 'verified', key: { kid: 'abc', index: 1 } });
		if (verdict.status === 'verified') expect(verdict.key.label).toBe('JWKS key kid=abc (EC P-256)');
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
