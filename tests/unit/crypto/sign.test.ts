// signToken, checked by node:crypto's own verification.

import { describe, expect, test } from 'vitest';
import { parseKeyInput } from '../../../src/lib/crypto/keys';
import { signToken } from '../../../src/lib/crypto/sign';
import {
	unsigned,
	makeToken,
	verifyWith,
	pem,
	jwkOf,
	json,
	KEYS,
	CERTIFICATES,
	type Kind,
	SECRET_BYTES,
	SECRET_TEXT,
	b64url,
	asymmetricForms,
	ALGS,
} from './verify-fixtures';

describe('signToken', () => {
	/** Signs `token` with `keyText`, failing with the core's reason when it refuses. */
	async function signWith(token: string, keyText: string, base64 = false): Promise<string> {
		const result = await signToken(token, parseKeyInput(keyText, base64));
		if (!result.ok) throw new Error(result.code);
		return result.token;
	}

	test.each(['HS256', 'HS384', 'HS512'])(
		'%s with a text secret and a base64 secret: as node:crypto signs',
		async (alg) => {
			expect(await signWith(unsigned(alg), SECRET_TEXT)).toBe(makeToken(alg, Buffer.from(SECRET_TEXT)));
			expect(await signWith(unsigned(alg), b64url(SECRET_BYTES), true)).toBe(makeToken(alg, SECRET_BYTES));
			expect(await signWith(unsigned(alg), json({ kty: 'oct', k: b64url(SECRET_BYTES) }))).toBe(
				makeToken(alg, SECRET_BYTES),
			);
		},
	);

	/** Every private-key format, with the algs its key suits. */
	const PRIVATE_FORMS = ALGS.filter(([, kind]) => kind !== 'oct').flatMap(([alg, kind]) =>
		asymmetricForms(kind as Kind)
			.filter((form) => form.format.includes('private'))
			.map((form) => [alg, form.format, kind as Kind, form.keyText] as const),
	);
	const PRIVATE_SETS = ALGS.filter(([, kind]) => kind !== 'oct').map(([alg, kind]) => {
		const [right, decoy] = KEYS[kind as Kind];
		const set = json({
			keys: [
				{ ...jwkOf(decoy.privateKey), kid: 'other' },
				{ ...jwkOf(right.privateKey), kid: 'abc' },
			],
		});
		return [alg, 'private JWKS picked by kid', kind as Kind, set] as const;
	});

	test('each private format is covered', () => {
		const formats = (alg: string) => PRIVATE_FORMS.filter(([a]) => a === alg).map(([, format]) => format);
		expect(formats('RS256')).toEqual(['PEM PKCS#8 private', 'PEM PKCS#1 private', 'private JWK']);
		expect(formats('ES256')).toEqual(['PEM PKCS#8 private', 'PEM SEC1 private', 'private JWK']);
		expect(formats('EdDSA')).toEqual(['PEM PKCS#8 private', 'private JWK']);
	});

	test.each([...PRIVATE_FORMS, ...PRIVATE_SETS])(
		'%s with a %s: the token verifies with the public key',
		async (alg, format, kind, keyText) => {
			const header = format.includes('JWKS') ? { kid: 'abc' } : {};
			const token = await signWith(unsigned(alg, header), keyText);
			const publicPem = pem(KEYS[kind][0].publicKey, 'spki');
			expect(await verifyWith(token, publicPem)).toMatchObject({ status: 'verified' });
			expect(await verifyWith(token, keyText)).toMatchObject({ status: 'verified' });
			// PKCS#1 v1.5 and Ed25519 are deterministic: the very signature node:crypto makes.
			if (alg.startsWith('RS') || alg === 'EdDSA')
				expect(token).toBe(makeToken(alg, KEYS[kind][0].privateKey, header));
		},
	);

	test('the private JWKS key is picked by the header kid', async () => {
		const [a, b] = KEYS['P-384'];
		const set = json({
			keys: [
				{ ...jwkOf(a.privateKey), kid: 'a' },
				{ ...jwkOf(b.privateKey), kid: 'b' },
			],
		});
		const result = await signToken(unsigned('ES384', { kid: 'b' }), parseKeyInput(set));
		expect(result).toMatchObject({ ok: true, key: { kid: 'b', index: 1 } });
		if (!result.ok) return;
		expect(await verifyWith(result.token, pem(b.publicKey, 'spki'))).toMatchObject({ status: 'verified' });
		expect(await verifyWith(result.token, pem(a.publicKey, 'spki'))).toMatchObject({ status: 'invalid' });
	});

	test('refuses when the private JWKS has no key with the header kid, and names the kid', async () => {
		const set = json({ keys: [{ ...jwkOf(KEYS['P-256'][0].privateKey), kid: 'a' }] });
		const result = await signToken(unsigned('ES256', { kid: 'zzz' }), parseKeyInput(set));
		expect(result).toEqual({ ok: false, code: 'kid-not-found', kid: 'zzz' });
	});

	test('signs a two-part header.payload as pasted', async () => {
		const input = unsigned('HS256').slice(0, -1);
		expect(await signWith(input, SECRET_TEXT)).toBe(makeToken('HS256', Buffer.from(SECRET_TEXT)));
	});

	test.each([
		['PEM SPKI', pem(KEYS.rsa[0].publicKey, 'spki')],
		['PEM PKCS#1 public', pem(KEYS.rsa[0].publicKey, 'pkcs1')],
		['X.509 certificate', CERTIFICATES.rsa.pem],
		['public JWK', json(jwkOf(KEYS.rsa[0].publicKey))],
		['public JWKS', json({ keys: [jwkOf(KEYS.rsa[0].publicKey)] })],
	])('refuses to sign RS256 with a public key (%s): a private key is needed', async (_format, keyText) => {
		const result = await signToken(unsigned('RS256'), parseKeyInput(keyText));
		expect(result).toMatchObject({
			ok: false,
			code: 'key-misfit',
			matches: [{ key: { info: { kty: 'RSA', bits: 2048 } }, misfits: [{ code: 'not-private' }] }],
		});
	});

	test.each([
		['alg none', unsigned('none'), 'secret', { code: 'unsigned', alg: 'none' }],
		[
			'a key of the wrong type',
			unsigned('ES256'),
			pem(KEYS.rsa[0].privateKey, 'pkcs8'),
			{
				code: 'key-misfit',
				matches: [{ misfits: [{ code: 'key-type', needs: [{ kty: 'EC', crv: ['P-256'] }] }] }],
			},
		],
		['no key', unsigned('HS256'), '', { code: 'no-key' }],
		[
			'an unreadable key',
			unsigned('HS256'),
			'{"kty":"oct"}',
			{ code: 'key-unreadable', problem: { code: 'jwk-unusable', fault: { code: 'members-missing' } } },
		],
		[
			'a JWK whose key_ops lacks sign',
			unsigned('HS256'),
			json({ kty: 'oct', k: 'c2VjcmV0', key_ops: ['verify'] }),
			{ code: 'key-misfit', matches: [{ misfits: [{ code: 'key-ops', operation: 'sign' }] }] },
		],
	] as [string, string, string, object][])(
		'refuses to sign with %s',
		async (_name, token, keyText, refusal) => {
			expect(await signToken(token, parseKeyInput(keyText))).toMatchObject({ ok: false, ...refusal });
		},
	);
});
