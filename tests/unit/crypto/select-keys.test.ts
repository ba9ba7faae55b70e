// selectKeys and keyMisfits: which keys fit an alg and a kid, as codes and data, for verify, sign and decrypt.

import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { parseKeyInput } from '../../../src/lib/crypto/keys';
import { keyMisfits, selectKeys, suggestAlgorithm } from '../../../src/lib/crypto/select-keys';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
const ed25519 = generateKeyPairSync('ed25519');
const ed448 = generateKeyPairSync('ed448');
const x25519 = generateKeyPairSync('x25519');
const jwk = (key: { export(o: { format: 'jwk' }): object }, extra: object = {}) => ({
	...key.export({ format: 'jwk' }),
	...extra,
});
const text = (value: object) => JSON.stringify(value);
const one = (keyText: string, base64 = false) => {
	const parsed = parseKeyInput(keyText, base64);
	if (parsed.kind === 'secret') return parsed.key;
	if (parsed.kind !== 'keys') throw new Error(`not a key: ${keyText}`);
	return parsed.keys[0]!;
};

describe('keyMisfits', () => {
	test.each([
		['an RSA public key fits RS256 for verify', text(jwk(rsa.publicKey)), 'RS256', 'verify', []],
		['an RSA public key cannot sign', text(jwk(rsa.publicKey)), 'RS256', 'sign', ['not-private']],
		['an RSA private key signs PS256', text(jwk(rsa.privateKey)), 'PS256', 'sign', []],
		['an EC key does not fit RS256', text(jwk(p256.publicKey)), 'RS256', 'verify', ['key-type']],
		['a P-384 key does not fit ES256', text(jwk(p384.publicKey)), 'ES256', 'verify', ['key-type']],
		['a public key used as an HMAC secret', text(jwk(rsa.publicKey)), 'HS256', 'verify', ['key-type']],
		['a secret fits HS512', 'secret', 'HS512', 'sign', []],
		['an Ed25519 key fits EdDSA and Ed25519', text(jwk(ed25519.publicKey)), 'EdDSA', 'verify', []],
		[
			'an Ed448 key fits EdDSA but nothing here implements it',
			text(jwk(ed448.publicKey)),
			'EdDSA',
			'verify',
			['curve-unavailable'],
		],
		[
			'an Ed448 key does not fit the Ed25519 alg',
			text(jwk(ed448.publicKey)),
			'Ed25519',
			'verify',
			['key-type'],
		],
		[
			'"use": "enc" is not for signatures',
			text(jwk(rsa.publicKey, { use: 'enc' })),
			'RS256',
			'verify',
			['key-use'],
		],
		[
			'"use": "sig" is not for decryption',
			text(jwk(rsa.privateKey, { use: 'sig' })),
			'RSA-OAEP',
			'decrypt',
			['key-use'],
		],
		[
			'the key alg names another alg',
			text(jwk(rsa.publicKey, { alg: 'PS256' })),
			'RS256',
			'verify',
			['key-alg'],
		],
		[
			'key_ops without sign',
			text(jwk(rsa.privateKey, { key_ops: ['verify'] })),
			'RS256',
			'sign',
			['key-ops'],
		],
		[
			'key_ops with unwrapKey decrypts',
			text(jwk(rsa.privateKey, { key_ops: ['unwrapKey'] })),
			'RSA-OAEP-256',
			'decrypt',
			[],
		],
		['an X25519 private key decrypts ECDH-ES', text(jwk(x25519.privateKey)), 'ECDH-ES', 'decrypt', []],
		['a public key cannot decrypt', text(jwk(p256.publicKey)), 'ECDH-ES+A128KW', 'decrypt', ['not-private']],
		['an unknown alg fits nothing', 'secret', 'HS1', 'verify', ['key-type']],
		[
			'every reason is listed, in order',
			text(jwk(p256.publicKey, { use: 'enc', alg: 'ES256', key_ops: ['verify'] })),
			'RS256',
			'sign',
			['key-type', 'key-use', 'key-alg', 'key-ops', 'not-private'],
		],
	] as const)('%s', (_name, keyText, alg, operation, codes) => {
		expect(keyMisfits(one(keyText), alg, operation).map((m) => m.code)).toEqual(codes);
	});

	test('a key-type misfit carries what the alg takes', () => {
		expect(keyMisfits(one(text(jwk(p256.publicKey))), 'EdDSA', 'verify')).toEqual([
			{ code: 'key-type', alg: 'EdDSA', needs: [{ kty: 'OKP', crv: ['Ed25519', 'Ed448'] }] },
		]);
	});
});

describe('selectKeys', () => {
	const set = text({
		keys: [
			jwk(p256.publicKey, { kid: 'ec' }),
			jwk(rsa.publicKey, { kid: 'rsa' }),
			jwk(rsa.privateKey, { kid: 'rsa-private' }),
		],
	});

	test.each([
		['no key', '', {}, 'no-key'],
		['an unreadable key', '{"kty":', {}, 'key-unreadable'],
		['an alg the table does not hold', 'secret', { alg: 'XS256' }, 'unknown-alg'],
		['a kid no key in the set has', set, { kid: 'gone' }, 'kid-not-found'],
		['a kid whose key does not fit', set, { kid: 'ec' }, 'no-fitting-key'],
		['a kid whose key fits', set, { kid: 'rsa' }, 'selected'],
		[
			'a single JWK is used whatever the token kid',
			text(jwk(rsa.publicKey, { kid: 'a' })),
			{ kid: 'b' },
			'selected',
		],
	])('%s: %s', (_name, keyText, options, code) => {
		expect(selectKeys(parseKeyInput(keyText), { alg: 'RS256', operation: 'verify', ...options }).code).toBe(
			code,
		);
	});

	test('without a kid, every fitting key of a set is selected in order, with every key considered', () => {
		const selection = selectKeys(parseKeyInput(set), { alg: 'RS256', operation: 'verify' });
		expect(selection.code).toBe('selected');
		if (selection.code !== 'selected') return;
		expect(selection.keys.map((k) => k.kid)).toEqual(['rsa', 'rsa-private']);
		expect(selection.matches.map((m) => [m.key.kid, m.misfits.map((f) => f.code)])).toEqual([
			['ec', ['key-type']],
			['rsa', []],
			['rsa-private', []],
		]);
	});

	test('signing selects only the private key', () => {
		const selection = selectKeys(parseKeyInput(set), { alg: 'RS256', operation: 'sign' });
		expect(selection.code === 'selected' && selection.keys.map((k) => k.kid)).toEqual(['rsa-private']);
	});

	test('kid-not-found lists the keys the set holds', () => {
		const selection = selectKeys(parseKeyInput(set), { kid: 'gone', alg: 'RS256', operation: 'verify' });
		expect(selection).toMatchObject({ code: 'kid-not-found', kid: 'gone' });
		expect(selection.code === 'kid-not-found' && selection.keys.map((k) => k.kid)).toEqual([
			'ec',
			'rsa',
			'rsa-private',
		]);
	});

	test('decrypt selects by JWE alg', () => {
		const keys = text({ keys: [jwk(rsa.privateKey, { kid: 'r' }), jwk(p256.privateKey, { kid: 'e' })] });
		const pick = (alg: string) => {
			const selection = selectKeys(parseKeyInput(keys), { alg, operation: 'decrypt' });
			return selection.code === 'selected' ? selection.keys.map((k) => k.kid) : selection.code;
		};
		expect(pick('RSA-OAEP')).toEqual(['r']);
		expect(pick('ECDH-ES')).toEqual(['e']);
		expect(pick('A256KW')).toBe('no-fitting-key');
		expect(pick('RS256')).toBe('unknown-alg');
	});
});

describe('suggestAlgorithm follows the table', () => {
	test.each([
		['a 10-byte secret', 'short-key!', 'HS256'],
		['a 48-byte secret', 'x'.repeat(48), 'HS384'],
		['a 64-byte secret', 'x'.repeat(64), 'HS512'],
		['an RSA key', text(jwk(rsa.publicKey)), 'RS256'],
		['a P-384 key', text(jwk(p384.publicKey)), 'ES384'],
		[
			'a secp256k1 key',
			text(jwk(generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey)),
			'ES256K',
		],
		['an Ed25519 key', text(jwk(ed25519.publicKey)), 'EdDSA'],
		['a JWK with its own alg', text(jwk(rsa.publicKey, { alg: 'PS384' })), 'PS384'],
		['an X25519 key, which signs nothing', text(jwk(x25519.publicKey)), 'HS256'],
	])('%s: %s', (_name, keyText, alg) => {
		expect(suggestAlgorithm(one(keyText))).toBe(alg);
	});
});
