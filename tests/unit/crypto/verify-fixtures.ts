// Keys, tokens and key forms shared by the verify, sign and key-generation tests: every key is made by node:crypto,
// every token signed by node:crypto, independently of the code under test.

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
import { parseKeyInput, type KeySource } from '../../../src/lib/crypto/keys';
import { verifyToken, type Verdict } from '../../../src/lib/crypto/verify';
import { decodeToken } from '../../../src/lib/jwt/decode';

export type Jwk = NodeJwk & Record<string, unknown>;
export type Signer = KeyObject | Uint8Array;

export const PAYLOAD = { sub: '1234567890', name: 'Zoë Ångström', iat: 1767225600 };

/** `header.payload.` for `alg`, encoded by Node rather than by the code under test. */
export function unsigned(alg: string, header: Record<string, unknown> = {}): string {
	const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
	return `${part({ alg, typ: 'JWT', ...header })}.${part(PAYLOAD)}.`;
}

/** The signature node:crypto makes for `alg` (RFC 7518 §3.2–3.5, RFC 8037 §3.1). */
export function signBytes(alg: string, key: Signer, data: Buffer): Buffer {
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
export function makeToken(alg: string, key: Signer, header: Record<string, unknown> = {}): string {
	const input = unsigned(alg, header).slice(0, -1);
	return `${input}.${signBytes(alg, key, Buffer.from(input)).toString('base64url')}`;
}

/** The verdict for `token` with `keyText` in `Secret or key` and the base64 box as given. */
export function verifyWith(token: string, keyText: string, base64 = false): Promise<Verdict> {
	return verifyToken({
		decoded: decodeToken(token),
		key: parseKeyInput(keyText, base64),
		secretText: keyText,
	});
}

export const pem = (key: KeyObject, type: 'spki' | 'pkcs1' | 'pkcs8' | 'sec1') =>
	key.export({ type, format: 'pem' }) as string;
export const jwkOf = (key: KeyObject) => key.export({ format: 'jwk' }) as Jwk;
export const json = (value: unknown) => JSON.stringify(value, null, 2);

export const fixture = (name: string) =>
	readFileSync(new URL(`../../vectors/x509/${name}`, import.meta.url), 'utf8');
/** A self-signed certificate for CN=test.example and its private key (tests/vectors/SOURCE.md, x509/). */
export const certificate = (name: string) => ({
	pem: fixture(`${name}.cert.pem`),
	key: createPrivateKey(fixture(`${name}.key.pem`)),
});

/** Three keys of each kind: the one that signs, a decoy beside it in key sets, and a stranger. */
export const rsaKeys = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
export const ecKeys = (namedCurve: string) => generateKeyPairSync('ec', { namedCurve });
export const KEYS = {
	rsa: [rsaKeys(), rsaKeys(), rsaKeys()],
	'P-256': [ecKeys('P-256'), ecKeys('P-256'), ecKeys('P-256')],
	'P-384': [ecKeys('P-384'), ecKeys('P-384'), ecKeys('P-384')],
	'P-521': [ecKeys('P-521'), ecKeys('P-521'), ecKeys('P-521')],
	ed25519: [generateKeyPairSync('ed25519'), generateKeyPairSync('ed25519'), generateKeyPairSync('ed25519')],
} as const;
export const CERTIFICATES = {
	rsa: certificate('rsa-2048'),
	'P-256': certificate('ec-p256'),
	'P-384': certificate('ec-p384'),
	'P-521': certificate('ec-p521'),
	ed25519: certificate('ed25519'),
};
export type Kind = keyof typeof KEYS;

/** 64 bytes whose standard base64 has `+`, `/` and `==`, so each base64 spelling differs. */
export const SECRET_BYTES = Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 251) & 0xff);
export const DECOY_BYTES = SECRET_BYTES.map((b) => b ^ 0x5a);
export const WRONG_BYTES = SECRET_BYTES.map((b) => b ^ 0xa5);
export const SECRET_TEXT = 'pässwörd → a secret typed as text, long enough for HS512: 0123456789';
export const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** One way of typing the key into `Secret or key`, and what the verdict must say about it. */
export interface KeyForm {
	readonly format: string;
	readonly keyText: string;
	readonly base64?: boolean;
	/** The key that signs the token; the key pair's private key when absent. */
	readonly signer: Signer;
	readonly header?: Record<string, unknown>;
	readonly source: KeySource;
	/** What the verdict's key says of where it came from: kid, place in the set, certificate subject. */
	readonly name: { readonly kid?: string; readonly index?: number; readonly subject?: string };
	/** The public key whose RFC 7638 thumbprint the verdict's key carries; none for secrets. */
	readonly thumbprintOf?: KeyObject;
}

export function hmacForms(): KeyForm[] {
	const secret = { signer: SECRET_BYTES, base64: true, source: 'secret-base64', name: {} } as const;
	const oct = (bytes: Uint8Array, kid?: string) => ({ kty: 'oct', ...(kid && { kid }), k: b64url(bytes) });
	return [
		{
			format: 'secret text (UTF-8)',
			keyText: SECRET_TEXT,
			signer: Buffer.from(SECRET_TEXT),
			source: 'secret-text',
			name: {},
		},
		{ format: 'base64url secret, box ticked', keyText: b64url(SECRET_BYTES), ...secret },
		{
			format: 'standard base64 with padding, box ticked',
			keyText: Buffer.from(SECRET_BYTES).toString('base64'),
			...secret,
		},
		{
			format: 'standard base64 without padding, box ticked',
			keyText: Buffer.from(SECRET_BYTES).toString('base64').replace(/=+$/, ''),
			...secret,
		},
		{
			format: 'oct JWK',
			keyText: json(oct(SECRET_BYTES)),
			signer: SECRET_BYTES,
			source: 'jwk',
			name: {},
		},
		{
			format: 'JWKS picked by kid',
			keyText: json({ keys: [oct(DECOY_BYTES, 'other'), oct(SECRET_BYTES, 'abc')] }),
			signer: SECRET_BYTES,
			header: { kid: 'abc' },
			source: 'jwks',
			name: { kid: 'abc', index: 1 },
		},
		{
			format: 'JWKS without kid, each fitting key tried',
			keyText: json({ keys: [jwkOf(KEYS.rsa[1].publicKey), oct(DECOY_BYTES), oct(SECRET_BYTES)] }),
			signer: SECRET_BYTES,
			source: 'jwks',
			name: { index: 2 },
		},
	];
}

export function asymmetricForms(kind: Kind): KeyForm[] {
	const [{ privateKey, publicKey }, decoy] = KEYS[kind];
	const unfitting = kind === 'rsa' ? KEYS['P-256'][1].publicKey : KEYS.rsa[1].publicKey;
	const forms: KeyForm[] = [];
	const add = (
		format: string,
		keyText: string,
		source: KeySource,
		name: KeyForm['name'] = {},
		more: Partial<KeyForm> = {},
	) => forms.push({ format, keyText, source, name, signer: privateKey, thumbprintOf: publicKey, ...more });
	add('PEM SPKI', pem(publicKey, 'spki'), 'pem-spki');
	if (kind === 'rsa') add('PEM PKCS#1 public', pem(publicKey, 'pkcs1'), 'pem-pkcs1-public');
	add(
		'X.509 certificate',
		CERTIFICATES[kind].pem,
		'pem-certificate',
		{ subject: 'CN=test.example' },
		{ signer: CERTIFICATES[kind].key, thumbprintOf: createPublicKey(CERTIFICATES[kind].key) },
	);
	add('PEM PKCS#8 private', pem(privateKey, 'pkcs8'), 'pem-pkcs8');
	if (kind === 'rsa') add('PEM PKCS#1 private', pem(privateKey, 'pkcs1'), 'pem-pkcs1-private');
	if (kind !== 'rsa' && kind !== 'ed25519') add('PEM SEC1 private', pem(privateKey, 'sec1'), 'pem-sec1');
	add('public JWK', json(jwkOf(publicKey)), 'jwk');
	add('private JWK', json(jwkOf(privateKey)), 'jwk');
	add(
		'JWKS picked by kid',
		json({
			keys: [
				{ ...jwkOf(decoy.publicKey), kid: 'other' },
				{ ...jwkOf(publicKey), kid: 'abc' },
			],
		}),
		'jwks',
		{ kid: 'abc', index: 1 },
		{ header: { kid: 'abc' } },
	);
	add(
		'JWKS without kid, each fitting key tried',
		json({ keys: [jwkOf(unfitting), jwkOf(decoy.publicKey), jwkOf(publicKey)] }),
		'jwks',
		{ index: 2 },
	);
	return forms;
}

/** Each alg with its key kind (RFC 7518 §3.1, RFC 8037 §3.1). */
export const ALGS: readonly [string, Kind | 'oct'][] = [
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
export const formsOf = (kind: Kind | 'oct') => (kind === 'oct' ? hmacForms() : asymmetricForms(kind));
export const strangerOf = (kind: Kind | 'oct'): Signer =>
	kind === 'oct' ? WRONG_BYTES : KEYS[kind][2].privateKey;
export const MATRIX = ALGS.flatMap(([alg, kind]) =>
	formsOf(kind).map((form) => [alg, form.format, kind, form] as const),
);
