// verifyToken refusing keys it cannot use, and diagnosing a secret typed in the wrong encoding.

import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { parseKeyInput } from '../../../src/lib/crypto/keys';
import {
	unsigned,
	makeToken,
	verifyWith,
	reasonOf,
	pem,
	jwkOf,
	json,
	KEYS,
	SECRET_BYTES,
	b64url,
} from './verify-fixtures';

describe('verifyToken: why a key cannot be used', () => {
	const rsa = KEYS.rsa[0];
	const p256 = KEYS['P-256'][0];
	const rs256 = makeToken('RS256', rsa.privateKey);
	const es256 = makeToken('ES256', p256.privateKey);

	test.each([
		[
			'RS256 with an EC P-256 key',
			rs256,
			pem(p256.publicKey, 'spki'),
			/^This token is RS256, which needs an RSA key; the key is an EC P-256 public key\b/,
		],
		[
			'ES256 with an RSA key',
			es256,
			json(jwkOf(rsa.publicKey)),
			/^This token is ES256, which needs an EC P-256 key; the key is an RSA 2048 public key\b/,
		],
		[
			'ES256 with a P-384 key (wrong curve)',
			es256,
			pem(KEYS['P-384'][0].publicKey, 'spki'),
			/^This token is ES256, which needs an EC P-256 key; the key is an EC P-384 public key\b/,
		],
		[
			'ES512 with a P-256 private key (wrong curve)',
			makeToken('ES512', KEYS['P-521'][0].privateKey),
			pem(p256.privateKey, 'sec1'),
			/^This token is ES512, which needs an EC P-521 key; the key is an EC P-256 private key\b/,
		],
		[
			'EdDSA with an EC key',
			makeToken('EdDSA', KEYS.ed25519[0].privateKey),
			pem(p256.publicKey, 'spki'),
			/^This token is EdDSA, which needs an Ed25519 or Ed448 key; the key is an EC P-256 public key\b/,
		],
		[
			'HS256 with an RSA public key as the secret (key confusion)',
			makeToken('HS256', Buffer.from(pem(rsa.publicKey, 'spki'))),
			pem(rsa.publicKey, 'spki'),
			/^This token is HS256, which needs a shared HMAC secret; the key is an RSA 2048 public key\..*CVE-2016-10555/,
		],
		[
			'a JWK whose "use" is "enc"',
			rs256,
			json({ ...jwkOf(rsa.publicKey), use: 'enc' }),
			/"use" is "enc", not "sig"/,
		],
		[
			'a JWK whose "alg" is another',
			rs256,
			json({ ...jwkOf(rsa.publicKey), alg: 'RS512' }),
			/^The key's "alg" is "RS512" but the token's is "RS256"\.$/,
		],
		[
			'a PS256 token and a JWK for RS256',
			makeToken('PS256', rsa.privateKey),
			json({ ...jwkOf(rsa.publicKey), alg: 'RS256' }),
			/"alg" is "RS256" but the token's is "PS256"/,
		],
		[
			'a JWK whose "key_ops" lacks "verify"',
			rs256,
			json({ ...jwkOf(rsa.publicKey), key_ops: ['sign'] }),
			/^The key's "key_ops" \(sign\) does not allow "verify"\.$/,
		],
		[
			'a JWK with an empty "key_ops"',
			rs256,
			json({ ...jwkOf(rsa.publicKey), key_ops: [] }),
			/"key_ops" \(empty\) does not allow "verify"/,
		],
	])('%s', async (_name, token, keyText, reason) => {
		const verdict = await verifyWith(token, keyText);
		expect(verdict.status).toBe('invalid');
		expect(reasonOf(verdict)).toMatch(reason);
	});

	test.each([
		[
			'an ES256 signature in DER form',
			`${unsigned('ES256').slice(0, -1)}.${sign('sha256', Buffer.from(unsigned('ES256').slice(0, -1)), p256.privateKey).toString('base64url')}`,
			pem(p256.publicKey, 'spki'),
			/ES256 signatures are exactly 64 \(r‖s\)\. It looks DER-encoded/,
		],
		[
			'an HS256 signature one byte short',
			((token: string) => {
				const dot = token.lastIndexOf('.') + 1;
				return (
					token.slice(0, dot) + Buffer.from(token.slice(dot), 'base64url').subarray(1).toString('base64url')
				);
			})(makeToken('HS256', SECRET_BYTES)),
			b64url(SECRET_BYTES),
			/HS256 signatures are exactly 32/,
		],
		['an empty signature', unsigned('RS256'), pem(rsa.publicKey, 'spki'), /^The signature part is empty\.$/],
		[
			'a padded signature',
			`${makeToken('HS256', Buffer.from('secret'))}=`,
			'secret',
			/signature part is not canonical base64url \(padding\)/,
		],
		[
			'a header without "alg"',
			unsigned('HS256').replace(/^[^.]+/, Buffer.from('{"typ":"JWT"}').toString('base64url')),
			'secret',
			/no "alg"/,
		],
		[
			'an unknown alg',
			makeToken('HS256', Buffer.from('secret')).replace(
				/^[^.]+/,
				Buffer.from('{"alg":"HS999"}').toString('base64url'),
			),
			'secret',
			/"HS999" is not a JWS algorithm/,
		],
		[
			'an EdDSA token signed with Ed25519 and an Ed448 key',
			makeToken('EdDSA', KEYS.ed25519[0].privateKey),
			pem(generateKeyPairSync('ed448').publicKey, 'spki'),
			/^The signature does not match the Ed448 public key/,
		],
	])('%s is invalid, and says why', async (_name, token, keyText, reason) => {
		const verdict = await verifyWith(token, keyText, false);
		expect(verdict.status).toBe('invalid');
		expect(reasonOf(verdict)).toMatch(reason);
	});

	test('alg "Ed25519" (RFC 9864) verifies like EdDSA', async () => {
		const token = makeToken('Ed25519', KEYS.ed25519[0].privateKey);
		expect(await verifyWith(token, pem(KEYS.ed25519[0].publicKey, 'spki'))).toMatchObject({
			status: 'verified',
		});
	});

	test('ES256K (secp256k1, absent from WebCrypto) verifies in the bundled library, and says so', async () => {
		const k1 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
		const verdict = await verifyWith(makeToken('ES256K', k1.privateKey), pem(k1.publicKey, 'spki'));
		expect(verdict).toMatchObject({
			status: 'verified',
			library: { library: 'noble-curves', algorithm: 'secp256k1' },
		});
	});

	test('a JWE and an undecodable token are "not-verified"', async () => {
		const jwe = `${Buffer.from('{"alg":"RSA-OAEP","enc":"A128GCM"}').toString('base64url')}.AAAA.AAAA.AAAA.AAAA`;
		expect(await verifyWith(jwe, 'secret')).toMatchObject({
			status: 'not-verified',
			reason: expect.stringMatching(/JWE/),
		});
		expect((await verifyWith('not a token', 'secret')).status).toBe('not-verified');
		expect((await verifyWith(unsigned('HS256').slice(0, -1), 'secret')).status).toBe('not-verified');
	});

	test('a JWK whose "key_ops" has "verify" and whose "use" is "sig" verifies', async () => {
		const jwk = { ...jwkOf(rsa.publicKey), use: 'sig', alg: 'RS256', key_ops: ['verify'] };
		expect(await verifyWith(rs256, json(jwk))).toMatchObject({ status: 'verified' });
	});

	test('a kid the JWKS lacks: the reason lists what the set holds', async () => {
		const set = json({
			keys: [
				{ ...jwkOf(rsa.publicKey), kid: 'a', alg: 'RS256' },
				{ ...jwkOf(p256.publicKey), kid: 'b', use: 'sig' },
			],
		});
		const verdict = await verifyWith(makeToken('RS256', rsa.privateKey, { kid: 'zzz' }), set);
		expect(verdict.status).toBe('invalid');
		const reason = reasonOf(verdict);
		expect(reason).toMatch(/^The JWKS has no key with kid "zzz"\. It holds: /);
		expect(reason).toContain('kid=a (RSA 2048, alg RS256)');
		expect(reason).toContain('kid=b (EC P-256, use sig)');
	});

	test('a JWKS with no fitting key names each key and why', async () => {
		const set = json({ keys: [jwkOf(p256.publicKey), { ...jwkOf(rsa.publicKey), use: 'enc' }] });
		const reason = reasonOf(await verifyWith(rs256, set));
		expect(reason).toMatch(/^No key in the set fits RS256: /);
		expect(reason).toContain('JWKS key #1 (EC P-256): this token is RS256, which needs an RSA key');
		expect(reason).toContain('JWKS key #2 (RSA 2048): the key\'s "use" is "enc"');
	});

	test('an empty key is "not-verified"', async () => {
		expect(await verifyWith(rs256, '')).toMatchObject({
			status: 'not-verified',
			reason: expect.stringMatching(/enter/i),
		});
	});

	const NONE_KEYS = [
		['no key', ''],
		['a text secret', 'secret'],
		['a base64 secret', b64url(SECRET_BYTES)],
		['a PEM public key', pem(rsa.publicKey, 'spki')],
		['a JWK', json(jwkOf(p256.publicKey))],
		['a JWKS', json({ keys: [jwkOf(p256.publicKey)] })],
		['an unreadable key', '{"kty":'],
	];
	test.each(
		['none', 'None', 'NONE', 'nOnE'].flatMap((alg) =>
			NONE_KEYS.map(([name, keyText]) => [alg, name!, keyText!] as const),
		),
	)('alg "%s" with %s is "not-verified"', async (alg, _name, keyText) => {
		for (const signature of ['', 'c2lnbmF0dXJl']) {
			const token = `${unsigned(alg)}${signature}`;
			const verdict = await verifyWith(token, keyText);
			expect(verdict.status).toBe('not-verified');
			expect(reasonOf(verdict)).toMatch(/unsigned|nothing to verify/);
		}
	});

	test.each([
		['PEM whose base64 is broken', '-----BEGIN PUBLIC KEY-----\nMIIB!!!\n-----END PUBLIC KEY-----'],
		['PEM without its END line', '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQ'],
		['PEM that is not a key', '-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----'],
		['PEM SPKI holding garbage DER', '-----BEGIN PUBLIC KEY-----\nAAECAwQ=\n-----END PUBLIC KEY-----'],
		[
			'an encrypted private key',
			'-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----',
		],
		['JSON that does not parse', '{"kty":"RSA",'],
		['JSON that is not a key', '{"hello":"world"}'],
		['an RSA JWK without "n"', '{"kty":"RSA","e":"AQAB"}'],
		['an EC JWK on an unknown curve', '{"kty":"EC","crv":"P-192","x":"AA","y":"AA"}'],
		['a JWK of unknown "kty"', '{"kty":"DSA"}'],
		['an oct JWK with an empty "k"', '{"kty":"oct","k":""}'],
		['a JWKS with no keys', '{"keys":[]}'],
		['a JWKS of unusable keys', '{"keys":[{"kty":"RSA"},42]}'],
	])('an unreadable key (%s) is "invalid", and parseKeyInput says why', async (_name, keyText) => {
		const verdict = await verifyWith(rs256, keyText);
		expect(verdict.status).toBe('invalid');
		expect(reasonOf(verdict)).toMatch(/^The key cannot be read\b/);
		// The alert under the key shows this message (ui-contract.md "Errors").
		expect(parseKeyInput(keyText)).toMatchObject({
			kind: 'error',
			message: expect.stringMatching(/^The \S.{10,}/),
		});
	});

	test('a secret typed as base64 with the box ticked that is not base64 is unreadable', async () => {
		const verdict = await verifyWith(makeToken('HS256', SECRET_BYTES), 'not base64 at all!', true);
		expect(verdict.status).toBe('invalid');
		expect(reasonOf(verdict)).toMatch(/^The key cannot be read\b/);
		expect(parseKeyInput('not base64 at all!', true)).toMatchObject({
			kind: 'error',
			// Whitespace is skipped when decoding, but the position counts it, as the person sees it.
			message: expect.stringMatching(/not valid base64: '!' at position 18 /),
		});
	});
});

describe('verifyToken: a secret in the wrong encoding is diagnosed', () => {
	test('a base64 secret typed without ticking the box: invalid, with a hint to tick it', async () => {
		const token = makeToken('HS256', SECRET_BYTES);
		for (const text of [b64url(SECRET_BYTES), Buffer.from(SECRET_BYTES).toString('base64')]) {
			const verdict = await verifyWith(token, text, false);
			expect(verdict).toMatchObject({ status: 'invalid', hint: expect.stringMatching(/base64.*tick/) });
			expect(await verifyWith(token, text, true)).toMatchObject({ status: 'verified' });
		}
	});

	test('a text secret that looks like base64, read as base64: invalid, with a hint to untick', async () => {
		const text = 'c2VjcmV0LXRoYXQtbG9va3MtbGlrZS1iYXNlNjQ';
		const token = makeToken('HS384', Buffer.from(text));
		const verdict = await verifyWith(token, text, true);
		expect(verdict).toMatchObject({ status: 'invalid', hint: expect.stringMatching(/plain text.*untick/) });
		expect(await verifyWith(token, text, false)).toMatchObject({ status: 'verified' });
	});

	test('a hex secret: the hint says to convert it', async () => {
		const hex = Buffer.from(SECRET_BYTES).toString('hex');
		const verdict = await verifyWith(makeToken('HS512', SECRET_BYTES), hex);
		expect(verdict).toMatchObject({ status: 'invalid', hint: expect.stringMatching(/hex/) });
	});

	test('a secret with a stray line break: the hint says so', async () => {
		const verdict = await verifyWith(makeToken('HS256', Buffer.from('my-secret')), 'my-secret\n');
		expect(verdict).toMatchObject({
			status: 'invalid',
			hint: expect.stringMatching(/spaces or line breaks/),
		});
	});

	test('a wrong secret gets no hint', async () => {
		const verdict = await verifyWith(makeToken('HS256', SECRET_BYTES), 'another-secret');
		expect(verdict).toMatchObject({ status: 'invalid' });
		expect(verdict.status === 'invalid' && verdict.hint).toBeFalsy();
	});
});
