// verifyToken, signToken and generateKey with keys made by node:crypto, in every format `Secret or key` accepts.

import {
	constants,
	createHmac,
	createPrivateKey,
	createPublicKey,
	generateKeyPairSync,
	sign,
	type JsonWebKey as NodeJwk,
	type KeyObject,
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { generateKey, keyKinds } from '../../../src/lib/crypto/keygen';
import { parseKeyInput, type KeySource } from '../../../src/lib/crypto/keys';
import { signToken } from '../../../src/lib/crypto/sign';
import { verifyToken, type Verdict } from '../../../src/lib/crypto/verify';
import { decodeToken } from '../../../src/lib/jwt/decode';

type Jwk = NodeJwk & Record<string, unknown>;
type Signer = KeyObject | Uint8Array;

const PAYLOAD = { sub: '1234567890', name: 'Zoë Ångström', iat: 1767225600 };

/** `header.payload.` for `alg`, encoded by Node rather than by the code under test. */
function unsigned(alg: string, header: Record<string, unknown> = {}): string {
	const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
	return `${part({ alg, typ: 'JWT', ...header })}.${part(PAYLOAD)}.`;
}

/** The signature node:crypto makes for `alg` (RFC 7518 §3.2–3.5, RFC 8037 §3.1). */
function signBytes(alg: string, key: Signer, data: Buffer): Buffer {
	const hash = `sha${alg.slice(2, 5)}`;
	if (alg.startsWith('HS'))
		return createHmac(hash, key as Uint8Array)
			.update(data)
			.digest();
	const keyObject = key as KeyObject;
	if (alg.startsWith('RS')) return sign(hash, data, keyObject);
	if (alg.startsWith('PS'))
		return sign(hash, data, {
			key: keyObject,
			padding: constants.RSA_PKCS1_PSS_PADDING,
			saltLength: Number(alg.slice(2)) / 8,
		});
	if (alg.startsWith('ES')) return sign(hash, data, { key: keyObject, dsaEncoding: 'ieee-p1363' });
	return sign(null, data, keyObject);
}

/** A compact JWS signed by node:crypto, independently of signToken. */
function makeToken(alg: string, key: Signer, header: Record<string, unknown> = {}): string {
	const input = unsigned(alg, header).slice(0, -1);
	return `${input}.${signBytes(alg, key, Buffer.from(input)).toString('base64url')}`;
}

/** The verdict for `token` with `keyText` in `Secret or key` and the base64 box as given. */
function verifyWith(token: string, keyText: string, base64 = false): Promise<Verdict> {
	return verifyToken({
		decoded: decodeToken(token),
		key: parseKeyInput(keyText, base64),
		secretText: keyText,
	});
}

/** The reason of a verdict that is not `verified`, or a failure naming the verdict. */
function reasonOf(verdict: Verdict): string {
	if (verdict.status === 'verified') throw new Error(`expected a reason, got: ${verdict.detail}`);
	return verdict.reason;
}

const pem = (key: KeyObject, type: 'spki' | 'pkcs1' | 'pkcs8' | 'sec1') =>
	key.export({ type, format: 'pem' }) as string;
const jwkOf = (key: KeyObject) => key.export({ format: 'jwk' }) as Jwk;
const json = (value: unknown) => JSON.stringify(value, null, 2);

const fixture = (name: string) =>
	readFileSync(new URL(`../../vectors/x509/${name}`, import.meta.url), 'utf8');
/** A self-signed certificate for CN=test.example and its private key (tests/vectors/SOURCE.md, x509/). */
const certificate = (name: string) => ({
	pem: fixture(`${name}.cert.pem`),
	key: createPrivateKey(fixture(`${name}.key.pem`)),
});

/** Three keys of each kind: the one that signs, a decoy beside it in key sets, and a stranger. */
const rsaKeys = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const ecKeys = (namedCurve: string) => generateKeyPairSync('ec', { namedCurve });
const KEYS = {
	rsa: [rsaKeys(), rsaKeys(), rsaKeys()],
	'P-256': [ecKeys('P-256'), ecKeys('P-256'), ecKeys('P-256')],
	'P-384': [ecKeys('P-384'), ecKeys('P-384'), ecKeys('P-384')],
	'P-521': [ecKeys('P-521'), ecKeys('P-521'), ecKeys('P-521')],
	ed25519: [generateKeyPairSync('ed25519'), generateKeyPairSync('ed25519'), generateKeyPairSync('ed25519')],
} as const;
const CERTIFICATES = {
	rsa: certificate('rsa-2048'),
	'P-256': certificate('ec-p256'),
	'P-384': certificate('ec-p384'),
	'P-521': certificate('ec-p521'),
	ed25519: certificate('ed25519'),
};
type Kind = keyof typeof KEYS;
const INFO: Record<Kind, string> = {
	rsa: 'RSA 2048',
	'P-256': 'EC P-256',
	'P-384': 'EC P-384',
	'P-521': 'EC P-521',
	ed25519: 'Ed25519',
};

/** 64 bytes whose standard base64 has `+`, `/` and `==`, so each base64 spelling differs. */
const SECRET_BYTES = Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 251) & 0xff);
const DECOY_BYTES = SECRET_BYTES.map((b) => b ^ 0x5a);
const WRONG_BYTES = SECRET_BYTES.map((b) => b ^ 0xa5);
const SECRET_TEXT = 'pässwörd → a secret typed as text, long enough for HS512: 0123456789';
const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** One way of typing the key into `Secret or key`, and what the verdict must say about it. */
interface KeyForm {
	readonly format: string;
	readonly keyText: string;
	readonly base64?: boolean;
	/** The key that signs the token; the key pair's private key when absent. */
	readonly signer: Signer;
	readonly header?: Record<string, unknown>;
	readonly source: KeySource;
	readonly label: string;
}

function hmacForms(): KeyForm[] {
	const secret = { signer: SECRET_BYTES, base64: true, source: 'secret-base64' } as const;
	const label = 'HMAC secret (base64-decoded, 64 bytes)';
	const oct = (bytes: Uint8Array, kid?: string) => ({ kty: 'oct', ...(kid && { kid }), k: b64url(bytes) });
	return [
		{
			format: 'secret text (UTF-8)',
			keyText: SECRET_TEXT,
			signer: Buffer.from(SECRET_TEXT),
			source: 'secret-text',
			label: `HMAC secret (UTF-8, ${Buffer.byteLength(SECRET_TEXT)} bytes)`,
		},
		{ format: 'base64url secret, box ticked', keyText: b64url(SECRET_BYTES), ...secret, label },
		{
			format: 'standard base64 with padding, box ticked',
			keyText: Buffer.from(SECRET_BYTES).toString('base64'),
			...secret,
			label,
		},
		{
			format: 'standard base64 without padding, box ticked',
			keyText: Buffer.from(SECRET_BYTES).toString('base64').replace(/=+$/, ''),
			...secret,
			label,
		},
		{
			format: 'oct JWK',
			keyText: json(oct(SECRET_BYTES)),
			signer: SECRET_BYTES,
			source: 'jwk',
			label: 'JWK (oct, 64 bytes)',
		},
		{
			format: 'JWKS picked by kid',
			keyText: json({ keys: [oct(DECOY_BYTES, 'other'), oct(SECRET_BYTES, 'abc')] }),
			signer: SECRET_BYTES,
			header: { kid: 'abc' },
			source: 'jwks',
			label: 'JWKS key kid=abc (oct, 64 bytes)',
		},
		{
			format: 'JWKS without kid, each fitting key tried',
			keyText: json({ keys: [jwkOf(KEYS.rsa[1].publicKey), oct(DECOY_BYTES), oct(SECRET_BYTES)] }),
			signer: SECRET_BYTES,
			source: 'jwks',
			label: 'JWKS key #3 (oct, 64 bytes)',
		},
	];
}

function asymmetricForms(kind: Kind): KeyForm[] {
	const [{ privateKey, publicKey }, decoy] = KEYS[kind];
	const unfitting = kind === 'rsa' ? KEYS['P-256'][1].publicKey : KEYS.rsa[1].publicKey;
	const info = INFO[kind];
	const forms: KeyForm[] = [];
	const add = (
		format: string,
		keyText: string,
		source: KeySource,
		label: string,
		more: Partial<KeyForm> = {},
	) => forms.push({ format, keyText, source, label, signer: privateKey, ...more });
	add('PEM SPKI', pem(publicKey, 'spki'), 'pem-spki', `${info} public key (PEM SPKI)`);
	if (kind === 'rsa')
		add('PEM PKCS#1 public', pem(publicKey, 'pkcs1'), 'pem-pkcs1-public', `${info} public key (PEM PKCS#1)`);
	add(
		'X.509 certificate',
		CERTIFICATES[kind].pem,
		'pem-certificate',
		`${info} public key from certificate CN=test.example`,
		{ signer: CERTIFICATES[kind].key },
	);
	add('PEM PKCS#8 private', pem(privateKey, 'pkcs8'), 'pem-pkcs8', `${info} private key (PEM PKCS#8)`);
	if (kind === 'rsa')
		add(
			'PEM PKCS#1 private',
			pem(privateKey, 'pkcs1'),
			'pem-pkcs1-private',
			`${info} private key (PEM PKCS#1)`,
		);
	if (kind !== 'rsa' && kind !== 'ed25519')
		add('PEM SEC1 private', pem(privateKey, 'sec1'), 'pem-sec1', `${info} private key (PEM SEC1)`);
	add('public JWK', json(jwkOf(publicKey)), 'jwk', `JWK (${info})`);
	add('private JWK', json(jwkOf(privateKey)), 'jwk', `JWK (${info}, private)`);
	add(
		'JWKS picked by kid',
		json({
			keys: [
				{ ...jwkOf(decoy.publicKey), kid: 'other' },
				{ ...jwkOf(publicKey), kid: 'abc' },
			],
		}),
		'jwks',
		`JWKS key kid=abc (${info})`,
		{ header: { kid: 'abc' } },
	);
	add(
		'JWKS without kid, each fitting key tried',
		json({ keys: [jwkOf(unfitting), jwkOf(decoy.publicKey), jwkOf(publicKey)] }),
		'jwks',
		`JWKS key #3 (${info})`,
	);
	return forms;
}

/** Each alg with its key kind (RFC 7518 §3.1, RFC 8037 §3.1). */
const ALGS: readonly [string, Kind | 'oct'][] = [
	['HS256', 'oct'],
	['HS384', 'oct'],
	['HS512', 'oct'],
	['RS256', 'rsa'],
	['RS384', 'rsa'],
	['RS512', 'rsa'],
	['PS256', 'rsa'],
	['PS384', 'rsa'],
	['PS512', 'rsa'],
	['ES256', 'P-256'],
	['ES384', 'P-384'],
	['ES512', 'P-521'],
	['EdDSA', 'ed25519'],
];
const formsOf = (kind: Kind | 'oct') => (kind === 'oct' ? hmacForms() : asymmetricForms(kind));
const strangerOf = (kind: Kind | 'oct'): Signer => (kind === 'oct' ? WRONG_BYTES : KEYS[kind][2].privateKey);
const MATRIX = ALGS.flatMap(([alg, kind]) =>
	formsOf(kind).map((form) => [alg, form.format, kind, form] as const),
);

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
			key: { source: form.source },
			detail: `Verified with the ${form.label}.`,
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
			expect(verdict.status).toBe('invalid');
			expect(reasonOf(verdict)).toMatch(/does not match/);
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
		if (verdict.status === 'verified') expect(verdict.detail).toContain('HMAC secret (UTF-8, 32 bytes)');
	});

	test.each([
		['RS256', 'rsa', 'RSA 2048 public key from certificate CN=test.example'],
		['ES256', 'P-256', 'EC P-256 public key from certificate CN=test.example'],
		['ES512', 'P-521', 'EC P-521 public key from certificate CN=test.example'],
		['EdDSA', 'ed25519', 'Ed25519 public key from certificate CN=test.example'],
	] as const)('%s with a certificate: "%s … %s"', async (alg, kind, label) => {
		const verdict = await verifyWith(makeToken(alg, CERTIFICATES[kind].key), CERTIFICATES[kind].pem);
		expect(verdict).toMatchObject({ status: 'verified', key: { subject: 'CN=test.example' } });
		if (verdict.status === 'verified') expect(verdict.detail).toContain(label);
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
		if (verdict.status === 'verified') expect(verdict.detail).toContain('JWKS key kid=abc (EC P-256)');
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
			/^This token is EdDSA, which needs an Ed25519 key; the key is an EC P-256 public key\b/,
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
			'an EdDSA token and an Ed448 key',
			makeToken('EdDSA', KEYS.ed25519[0].privateKey),
			pem(generateKeyPairSync('ed448').publicKey, 'spki'),
			/Ed448 key, which WebCrypto in this browser cannot use/,
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

	test('ES256K (secp256k1, absent from WebCrypto) is "not-verified", saying why', async () => {
		const k1 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
		const verdict = await verifyWith(makeToken('ES256K', k1.privateKey), pem(k1.publicKey, 'spki'));
		expect(verdict.status).toBe('not-verified');
		expect(reasonOf(verdict)).toMatch(/secp256k1.*WebCrypto/);
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

describe('signToken', () => {
	/** Signs `token` with `keyText`, failing with the core's reason when it refuses. */
	async function signWith(token: string, keyText: string, base64 = false): Promise<string> {
		const result = await signToken(token, parseKeyInput(keyText, base64));
		if (!result.ok) throw new Error(result.reason);
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
			.filter((form) => form.label.includes('private'))
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
		expect(result).toEqual({ ok: false, reason: 'Cannot sign: the JWKS has no key with kid "zzz".' });
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
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.reason).toMatch(/RSA 2048 public key; signing needs the private key/);
	});

	test.each([
		['alg none', unsigned('none'), 'secret', /unsigned token/],
		[
			'a key of the wrong type',
			unsigned('ES256'),
			pem(KEYS.rsa[0].privateKey, 'pkcs8'),
			/needs an EC P-256 key/,
		],
		['no key', unsigned('HS256'), '', /Enter a secret or a private key/],
		['an unreadable key', unsigned('HS256'), '{"kty":"oct"}', /cannot be read/],
		[
			'a JWK whose key_ops lacks sign',
			unsigned('HS256'),
			json({ kty: 'oct', k: 'c2VjcmV0', key_ops: ['verify'] }),
			/does not allow "sign"/,
		],
	])('refuses to sign with %s', async (_name, token, keyText, reason) => {
		const result = await signToken(token, parseKeyInput(keyText));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.reason).toMatch(reason);
	});
});

describe('generateKey', () => {
	test('offers HMAC, RSA, EC and Ed25519 kinds', () => {
		expect(keyKinds.map((k) => k.id)).toEqual([
			'HS256',
			'HS384',
			'HS512',
			'RSA-2048',
			'RSA-3072',
			'RSA-4096',
			'P-256',
			'P-384',
			'P-521',
			'Ed25519',
		]);
	});

	test.each(keyKinds.map((k) => [k.id, k.alg] as const))(
		'%s: the private key signs %s and the public forms verify',
		async (kind, alg) => {
			const generated = await generateKey(kind);
			expect(generated).toMatchObject({ kind, alg });
			if (alg.startsWith('HS')) {
				const secret = generated.secret!;
				expect(Buffer.from(secret, 'base64url')).toHaveLength(Number(alg.slice(2)) / 8);
				const signed = await signToken(unsigned(alg), parseKeyInput(secret, true));
				if (!signed.ok) throw new Error(signed.reason);
				expect(signed.token).toBe(makeToken(alg, Buffer.from(secret, 'base64url')));
				expect(await verifyWith(signed.token, secret, true)).toMatchObject({ status: 'verified' });
				expect(await verifyWith(signed.token, generated.privateJwk!)).toMatchObject({ status: 'verified' });
				return;
			}
			const signed = await signToken(unsigned(alg), parseKeyInput(generated.privatePem!));
			if (!signed.ok) throw new Error(signed.reason);
			for (const keyText of [generated.publicPem!, generated.publicJwk!, generated.privateJwk!])
				expect(await verifyWith(signed.token, keyText)).toMatchObject({ status: 'verified' });
			// The private JWK signs too, and node:crypto reads every form as the same key.
			const viaJwk = await signToken(unsigned(alg), parseKeyInput(generated.privateJwk!));
			if (!viaJwk.ok) throw new Error(viaJwk.reason);
			expect(await verifyWith(viaJwk.token, generated.publicPem!)).toMatchObject({ status: 'verified' });
			const publicJwk = JSON.parse(generated.publicJwk!) as Jwk;
			expect(publicJwk).toMatchObject({ use: 'sig', alg });
			expect(publicJwk).not.toHaveProperty('d');
			expect(publicJwk).not.toHaveProperty('key_ops');
			expect(createPublicKey(generated.publicPem!).export({ format: 'jwk' })).toEqual(
				createPublicKey({ key: publicJwk, format: 'jwk' }).export({ format: 'jwk' }),
			);
			expect(createPublicKey(createPrivateKey(generated.privatePem!)).export({ format: 'jwk' })).toEqual(
				createPublicKey(generated.publicPem!).export({ format: 'jwk' }),
			);
		},
		60_000,
	);

	test('two generated keys differ', async () => {
		const [a, b] = await Promise.all([generateKey('P-256'), generateKey('P-256')]);
		expect(a.privatePem).not.toBe(b.privatePem);
	});
});
