// verifyToken refusing keys it cannot use, and diagnosing a secret typed in the wrong encoding.

import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { parseKeyInput } from '../../../src/lib/crypto/keys';
import {
	unsigned,
	makeToken,
	verifyWith,
	pem,
	jwkOf,
	json,
	KEYS,
	SECRET_BYTES,
	b64url,
} from './verify-fixtures';

/** A key-misfit verdict about the one key given, with its first misfit and, optionally, the key's info. */
function misfit(alg: string, first: object, info?: object) {
	return {
		status: 'invalid',
		code: 'key-misfit',
		alg,
		matches: [{ misfits: [first], key: info ? { info } : {} }],
	};
}

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
			misfit(
				'RS256',
				{ code: 'key-type', needs: [{ kty: 'RSA' }] },
				{ kty: 'EC', crv: 'P-256', private: false },
			),
		],
		[
			'ES256 with an RSA key',
			es256,
			json(jwkOf(rsa.publicKey)),
			misfit(
				'ES256',
				{ code: 'key-type', needs: [{ kty: 'EC', crv: ['P-256'] }] },
				{ kty: 'RSA', bits: 2048 },
			),
		],
		[
			'ES256 with a P-384 key (wrong curve)',
			es256,
			pem(KEYS['P-384'][0].publicKey, 'spki'),
			misfit(
				'ES256',
				{ code: 'key-type', needs: [{ kty: 'EC', crv: ['P-256'] }] },
				{ kty: 'EC', crv: 'P-384' },
			),
		],
		[
			'ES512 with a P-256 private key (wrong curve)',
			makeToken('ES512', KEYS['P-521'][0].privateKey),
			pem(p256.privateKey, 'sec1'),
			misfit(
				'ES512',
				{ code: 'key-type', needs: [{ kty: 'EC', crv: ['P-521'] }] },
				{ crv: 'P-256', private: true },
			),
		],
		[
			'EdDSA with an EC key',
			makeToken('EdDSA', KEYS.ed25519[0].privateKey),
			pem(p256.publicKey, 'spki'),
			misfit(
				'EdDSA',
				{ code: 'key-type', needs: [{ kty: 'OKP', crv: ['Ed25519', 'Ed448'] }] },
				{ kty: 'EC' },
			),
		],
		[
			'HS256 with an RSA public key as the secret (key confusion)',
			makeToken('HS256', Buffer.from(pem(rsa.publicKey, 'spki'))),
			pem(rsa.publicKey, 'spki'),
			misfit('HS256', { code: 'key-type', needs: [{ kty: 'oct' }] }, { kty: 'RSA', bits: 2048 }),
		],
		[
			'a JWK whose "use" is "enc"',
			rs256,
			json({ ...jwkOf(rsa.publicKey), use: 'enc' }),
			misfit('RS256', { code: 'key-use', use: 'enc', expected: 'sig' }),
		],
		[
			'a JWK whose "alg" is another',
			rs256,
			json({ ...jwkOf(rsa.publicKey), alg: 'RS512' }),
			misfit('RS256', { code: 'key-alg', keyAlg: 'RS512', alg: 'RS256' }),
		],
		[
			'a PS256 token and a JWK for RS256',
			makeToken('PS256', rsa.privateKey),
			json({ ...jwkOf(rsa.publicKey), alg: 'RS256' }),
			misfit('PS256', { code: 'key-alg', keyAlg: 'RS256', alg: 'PS256' }),
		],
		[
			'a JWK whose "key_ops" lacks "verify"',
			rs256,
			json({ ...jwkOf(rsa.publicKey), key_ops: ['sign'] }),
			misfit('RS256', { code: 'key-ops', keyOps: ['sign'], operation: 'verify' }),
		],
		[
			'a JWK with an empty "key_ops"',
			rs256,
			json({ ...jwkOf(rsa.publicKey), key_ops: [] }),
			misfit('RS256', { code: 'key-ops', keyOps: [], operation: 'verify' }),
		],
	])('%s', async (_name, token, keyText, expected) => {
		expect(await verifyWith(token, keyText)).toMatchObject(expected);
	});

	test.each([
		[
			'an ES256 signature in DER form',
			`${unsigned('ES256').slice(0, -1)}.${sign('sha256', Buffer.from(unsigned('ES256').slice(0, -1)), p256.privateKey).toString('base64url')}`,
			pem(p256.publicKey, 'spki'),
			{ code: 'signature-length', alg: { name: 'ES256', signatureBytes: 64 }, der: true },
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
			{ code: 'signature-length', alg: { name: 'HS256' }, bytes: 31, der: false },
		],
		['an empty signature', unsigned('RS256'), pem(rsa.publicKey, 'spki'), { code: 'signature-empty' }],
		[
			'a padded signature',
			`${makeToken('HS256', Buffer.from('secret'))}=`,
			'secret',
			{ code: 'non-canonical', part: 'signature', deviations: ['padding'] },
		],
		[
			'a header without "alg"',
			unsigned('HS256').replace(/^[^.]+/, Buffer.from('{"typ":"JWT"}').toString('base64url')),
			'secret',
			{ code: 'no-alg' },
		],
		[
			'an unknown alg',
			makeToken('HS256', Buffer.from('secret')).replace(
				/^[^.]+/,
				Buffer.from('{"alg":"HS999"}').toString('base64url'),
			),
			'secret',
			{ code: 'unknown-alg', alg: 'HS999' },
		],
		[
			'an EdDSA token signed with Ed25519 and an Ed448 key',
			makeToken('EdDSA', KEYS.ed25519[0].privateKey),
			pem(generateKeyPairSync('ed448').publicKey, 'spki'),
			{ code: 'mismatch' },
		],
	])('%s is invalid, and says why', async (_name, token, keyText, expected) => {
		expect(await verifyWith(token, keyText, false)).toMatchObject({ status: 'invalid', ...expected });
	});

	test('alg "Ed25519" (RFC 9864) verifies like EdDSA', async () => {
		const token = makeToken('Ed25519', KEYS.ed25519[0].privateKey);
		expect(await verifyWith(token, pem(KEYS.ed25519[0].publicKey, 'spki'))).toMatchObject({
			status: 'verified',
		});
	});

	test('ES256K (secp256k1, absent from WebCrypto) verifies in the bundled library, which the verdict names', async () => {
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
			code: 'jwe',
		});
		expect(await verifyWith('not a token', 'secret')).toMatchObject({
			status: 'not-verified',
			code: 'undecodable',
		});
		expect(await verifyWith(unsigned('HS256').slice(0, -1), 'secret')).toMatchObject({
			status: 'not-verified',
			code: 'undecodable',
		});
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
		expect(verdict).toMatchObject({
			status: 'invalid',
			code: 'kid-not-found',
			kid: 'zzz',
			keys: [
				{ kid: 'a', alg: 'RS256', info: { kty: 'RSA', bits: 2048 } },
				{ kid: 'b', use: 'sig', info: { kty: 'EC', crv: 'P-256' } },
			],
		});
	});

	test('a JWKS with no fitting key names each key and why', async () => {
		const set = json({ keys: [jwkOf(p256.publicKey), { ...jwkOf(rsa.publicKey), use: 'enc' }] });
		const verdict = await verifyWith(rs256, set);
		expect(verdict).toMatchObject({
			status: 'invalid',
			code: 'key-misfit',
			alg: 'RS256',
			matches: [
				{ key: { index: 0, info: { kty: 'EC' } }, misfits: [{ code: 'key-type' }] },
				{ key: { index: 1, info: { kty: 'RSA' } }, misfits: [{ code: 'key-use', use: 'enc' }] },
			],
		});
		expect(verdict.status === 'invalid' && verdict.key).toBeFalsy();
	});

	test('an empty key is "not-verified"', async () => {
		expect(await verifyWith(rs256, '')).toMatchObject({
			status: 'not-verified',
			code: 'no-key',
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
			expect(verdict).toMatchObject({ status: 'not-verified', code: 'unsigned', alg });
		}
	});

	test.each([
		[
			'PEM whose base64 is broken',
			'-----BEGIN PUBLIC KEY-----\nMIIB!!!\n-----END PUBLIC KEY-----',
			{ code: 'pem-malformed', fault: { code: 'bad-character', codePoint: 0x21, line: 2, column: 5 } },
		],
		[
			'PEM without its END line',
			'-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQ',
			{ code: 'pem-malformed', fault: { code: 'no-end', label: 'PUBLIC KEY', line: 1 } },
		],
		[
			'PEM that is not a key',
			'-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----',
			{ code: 'pem-no-key', blocks: [{ label: 'CERTIFICATE REQUEST', fault: { code: 'not-a-key' } }] },
		],
		[
			'PEM SPKI holding garbage DER',
			'-----BEGIN PUBLIC KEY-----\nAAECAwQ=\n-----END PUBLIC KEY-----',
			{
				code: 'pem-no-key',
				blocks: [
					{ label: 'PUBLIC KEY', fault: { code: 'der-trailing', structure: 'spki', offset: 3, bytes: 2 } },
				],
			},
		],
		[
			'an encrypted private key',
			'-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----',
			{ code: 'pem-no-key', blocks: [{ fault: { code: 'encrypted' } }] },
		],
		['JSON that does not parse', '{"kty":"RSA",', { code: 'json-invalid', line: 1 }],
		['JSON that is not a key', '{"hello":"world"}', { code: 'json-not-key' }],
		[
			'an RSA JWK without "n"',
			'{"kty":"RSA","e":"AQAB"}',
			{ code: 'jwk-unusable', fault: { code: 'members-missing', members: ['n'] } },
		],
		[
			'an EC JWK on an unknown curve',
			'{"kty":"EC","crv":"P-192","x":"AA","y":"AA"}',
			{ code: 'jwk-unusable', fault: { code: 'unknown-curve', kty: 'EC', crv: '"P-192"' } },
		],
		[
			'a JWK of unknown "kty"',
			'{"kty":"DSA"}',
			{ code: 'jwk-unusable', fault: { code: 'unknown-kty', kty: '"DSA"' } },
		],
		[
			'an oct JWK with an empty "k"',
			'{"kty":"oct","k":""}',
			{ code: 'jwk-unusable', fault: { code: 'member-empty', member: 'k' } },
		],
		['a JWKS with no keys', '{"keys":[]}', { code: 'jwks-empty' }],
		[
			'a JWKS of unusable keys',
			'{"keys":[{"kty":"RSA"},42]}',
			{
				code: 'jwks-no-key',
				keys: [
					{ index: 0, fault: { code: 'members-missing', members: ['n', 'e'] } },
					{ index: 1, fault: { code: 'not-object' } },
				],
			},
		],
	] as [string, string, object][])(
		'an unreadable key (%s) is "invalid", and parseKeyInput says why',
		async (_name, keyText, problem) => {
			expect(await verifyWith(rs256, keyText)).toMatchObject({ status: 'invalid', code: 'key-unreadable' });
			// The alert under the key shows describeKeyProblem of this (ui-contract.md "Errors").
			expect(parseKeyInput(keyText)).toMatchObject({ kind: 'error', problem });
		},
	);

	test('a secret typed as base64 with the box ticked that is not base64 is unreadable', async () => {
		const verdict = await verifyWith(makeToken('HS256', SECRET_BYTES), 'not base64 at all!', true);
		expect(verdict).toMatchObject({ status: 'invalid', code: 'key-unreadable' });
		expect(parseKeyInput('not base64 at all!', true)).toMatchObject({
			kind: 'error',
			// Whitespace is skipped when decoding, but the position counts it, as the person sees it.
			problem: { code: 'secret-not-base64', reason: 'bad-character', character: '!', position: 18 },
		});
	});
});

describe('verifyToken: a secret in the wrong encoding is diagnosed', () => {
	test('a base64 secret typed without ticking the box: invalid, with a hint to tick it', async () => {
		const token = makeToken('HS256', SECRET_BYTES);
		for (const text of [b64url(SECRET_BYTES), Buffer.from(SECRET_BYTES).toString('base64')]) {
			const verdict = await verifyWith(token, text, false);
			expect(verdict).toMatchObject({ status: 'invalid', hint: 'read-as-base64' });
			expect(await verifyWith(token, text, true)).toMatchObject({ status: 'verified' });
		}
	});

	test('a text secret that looks like base64, read as base64: invalid, with a hint to untick', async () => {
		const text = 'c2VjcmV0LXRoYXQtbG9va3MtbGlrZS1iYXNlNjQ';
		const token = makeToken('HS384', Buffer.from(text));
		const verdict = await verifyWith(token, text, true);
		expect(verdict).toMatchObject({ status: 'invalid', hint: 'read-as-text' });
		expect(await verifyWith(token, text, false)).toMatchObject({ status: 'verified' });
	});

	test('a hex secret: the hint says to convert it', async () => {
		const hex = Buffer.from(SECRET_BYTES).toString('hex');
		const verdict = await verifyWith(makeToken('HS512', SECRET_BYTES), hex);
		expect(verdict).toMatchObject({ status: 'invalid', hint: 'read-as-hex' });
	});

	test('a secret with a stray line break: the hint says so', async () => {
		const verdict = await verifyWith(makeToken('HS256', Buffer.from('my-secret')), 'my-secret\n');
		expect(verdict).toMatchObject({
			status: 'invalid',
			hint: 'trim-whitespace',
		});
	});

	test('a wrong secret gets no hint', async () => {
		const verdict = await verifyWith(makeToken('HS256', SECRET_BYTES), 'another-secret');
		expect(verdict).toMatchObject({ status: 'invalid' });
		expect(verdict.status === 'invalid' && verdict.hint).toBeFalsy();
	});
});
