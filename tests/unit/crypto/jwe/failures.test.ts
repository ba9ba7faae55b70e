// Every way decryption fails has a code with its data, and a sentence a person can read: no browser error name, no undefined.

import { createCipheriv, generateKeyPairSync, randomBytes } from 'node:crypto';
import * as jose from 'jose';
import { describe, expect, test } from 'vitest';
import { decryptJwe } from '../../../../src/lib/crypto/jwe/decrypt';
import { MAX_INFLATED_BYTES, MAX_KEYS_TRIED, MAX_PBES2_COUNT } from '../../../../src/lib/crypto/jwe/limits';
import { describeDecryption, describeFailure } from '../../../../src/lib/crypto/jwe/messages';
import type { Decryption, DecryptionFailure } from '../../../../src/lib/crypto/jwe/outcome';
import { decodeToken } from '../../../../src/lib/jwt/decode';

type Jwk = Record<string, unknown>;
const rsaPair = (bits = 2048) => {
	const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
	return {
		privateJwk: privateKey.export({ format: 'jwk' }) as Jwk,
		publicJwk: publicKey.export({ format: 'jwk' }) as Jwk,
		spki: publicKey.export({ format: 'pem', type: 'spki' }) as string,
	};
};
const rsa = rsaPair();
const rsaOther = rsaPair();
const rsaSmall = rsaPair(1024);
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }) as Jwk;
const b64 = (text: string) => Buffer.from(text).toString('base64url');

async function encrypt(
	header: jose.CompactJWEHeaderParameters,
	key: Jwk | Uint8Array,
	plaintext: Uint8Array | string = '{"a":1}',
	p2c?: number,
) {
	const bytes = typeof plaintext === 'string' ? new TextEncoder().encode(plaintext) : plaintext;
	const encrypter = new jose.CompactEncrypt(bytes).setProtectedHeader(header);
	if (p2c !== undefined) encrypter.setKeyManagementParameters({ p2c });
	return encrypter.encrypt(
		key instanceof Uint8Array ? key : await jose.importJWK(key as jose.JWK, header.alg),
	);
}

/** A `dir` A128GCM JWE made by hand, so its header can say anything (jose would refuse or compress). */
function handMadeDir(header: Record<string, unknown>, key: Uint8Array, plaintext: Uint8Array): string {
	const protectedHeader = b64(JSON.stringify(header));
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-128-gcm', key, iv);
	cipher.setAAD(Buffer.from(protectedHeader, 'ascii'));
	const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
	return [
		protectedHeader,
		'',
		iv.toString('base64url'),
		ciphertext.toString('base64url'),
		cipher.getAuthTag().toString('base64url'),
	].join('.');
}

function decryptWith(token: string, keyText: string, subtle?: SubtleCrypto): Promise<Decryption> {
	return decryptJwe({ decoded: decodeToken(token), keyText }, subtle);
}

function failureOf(outcome: Decryption): DecryptionFailure {
	if (outcome.status !== 'failed') throw new Error(`did not fail: ${outcome.status}`);
	return outcome.failure;
}

const key16 = new Uint8Array(randomBytes(16));

describe('refusals, each with its code and data', () => {
	test('no key yet is "not decrypted", not a failure', async () => {
		const token = await encrypt({ alg: 'A128KW', enc: 'A128GCM' }, key16);
		expect(await decryptWith(token, '')).toEqual({ status: 'not-decrypted' });
		expect(await decryptWith(token, '  \n')).toEqual({ status: 'not-decrypted' });
	});

	test('a public key is refused as public', async () => {
		const token = await encrypt({ alg: 'RSA-OAEP-256', enc: 'A128GCM' }, rsa.publicJwk);
		expect(failureOf(await decryptWith(token, JSON.stringify(rsa.publicJwk)))).toMatchObject({
			code: 'key-is-public',
		});
		expect(failureOf(await decryptWith(token, rsa.spki))).toMatchObject({ code: 'key-is-public' });
	});

	test.each([
		['an EC key for RSA-OAEP', { alg: 'RSA-OAEP', enc: 'A128GCM' }, () => JSON.stringify(ec)],
		['a password for RSA-OAEP', { alg: 'RSA-OAEP', enc: 'A128GCM' }, () => 'hunter2'],
		['an RSA key for A128KW', { alg: 'A128KW', enc: 'A128GCM' }, () => JSON.stringify(rsa.privateJwk)],
	])('%s is the wrong key type', async (_what, header, keyText) => {
		const token = await encrypt(header, header.alg === 'A128KW' ? key16 : rsa.publicJwk);
		expect(failureOf(await decryptWith(token, keyText()))).toMatchObject({ code: 'wrong-key-type' });
	});

	test.each([
		['A256KW', 'A128GCM', 16, 32],
		['dir', 'A256GCM', 16, 32],
		['dir', 'A128CBC-HS256', 16, 32],
		['A128GCMKW', 'A128GCM', 32, 16],
	])('%s (%s) with a key of %i bytes is the wrong size: it needs %i', async (alg, enc, have, needs) => {
		const token = await encrypt({ alg, enc }, new Uint8Array(randomBytes(needs)));
		const failure = failureOf(
			await decryptWith(token, jose.base64url.encode(new Uint8Array(randomBytes(have)))),
		);
		expect(failure).toMatchObject({ code: 'wrong-key-size', bytes: have, needs });
		const jwk = JSON.stringify({ kty: 'oct', k: jose.base64url.encode(new Uint8Array(randomBytes(have))) });
		expect(failureOf(await decryptWith(token, jwk))).toMatchObject({
			code: 'wrong-key-size',
			bytes: have,
			needs,
		});
	});

	test('an RSA key under 2048 bits is refused for its size (RFC 7518 §4.3)', async () => {
		const token = await encrypt({ alg: 'RSA-OAEP', enc: 'A128GCM' }, rsa.publicJwk);
		expect(failureOf(await decryptWith(token, JSON.stringify(rsaSmall.privateJwk)))).toMatchObject({
			code: 'rsa-key-too-small',
			bits: 1024,
		});
	});

	test("a JWKS without the token's kid says so and lists what it holds", async () => {
		const token = await encrypt({ alg: 'RSA-OAEP', enc: 'A128GCM', kid: 'k2' }, rsa.publicJwk);
		const set = JSON.stringify({ keys: [{ ...rsa.privateJwk, kid: 'k1' }] });
		expect(failureOf(await decryptWith(token, set))).toEqual({
			code: 'no-kid-match',
			kid: 'k2',
			available: ['kid=k1'],
		});
	});

	test("a JWKS where no key fits gives each key's reason", async () => {
		const token = await encrypt({ alg: 'RSA-OAEP', enc: 'A128GCM' }, rsa.publicJwk);
		const set = JSON.stringify({ keys: [ec, rsa.publicJwk] });
		const failure = failureOf(await decryptWith(token, set));
		expect(failure).toMatchObject({ code: 'no-fitting-key' });
		expect(failure.code === 'no-fitting-key' && failure.mismatches.map((m) => m.code)).toEqual([
			'wrong-key-type',
			'key-is-public',
		]);
	});

	test.each([
		['use "sig"', { use: 'sig' }, 'use'],
		['alg "A256KW"', { alg: 'A256KW' }, 'alg'],
		['key_ops ["encrypt"]', { key_ops: ['encrypt'] }, 'key_ops'],
	])('a JWK with %s is not for this token', async (_what, extra, member) => {
		const token = await encrypt({ alg: 'A128KW', enc: 'A128GCM' }, key16);
		const jwk = JSON.stringify({ kty: 'oct', k: jose.base64url.encode(key16), ...extra });
		expect(failureOf(await decryptWith(token, jwk))).toMatchObject({ code: 'key-not-for-alg', member });
	});

	test('another RSA key and a tampered ciphertext both fail at the tag', async () => {
		const token = await encrypt({ alg: 'RSA-OAEP', enc: 'A128GCM' }, rsa.publicJwk);
		expect(failureOf(await decryptWith(token, JSON.stringify(rsaOther.privateJwk)))).toMatchObject({
			code: 'tag-mismatch',
		});
		const parts = token.split('.');
		parts[3] = (parts[3]![0] === 'A' ? 'B' : 'A') + parts[3]!.slice(1);
		expect(failureOf(await decryptWith(parts.join('.'), JSON.stringify(rsa.privateJwk)))).toMatchObject({
			code: 'tag-mismatch',
		});
	});

	test('a JWKS of 10 000 fitting keys is tried only up to the cap, and says how many were left', async () => {
		const token = await encrypt({ alg: 'A128KW', enc: 'A128GCM' }, key16);
		const keys = Array.from({ length: 10_000 }, () => ({
			kty: 'oct',
			k: jose.base64url.encode(new Uint8Array(randomBytes(16))),
		}));
		const failure = failureOf(await decryptWith(token, JSON.stringify({ keys })));
		expect(failure).toMatchObject({ code: 'tag-mismatch', untried: 10_000 - MAX_KEYS_TRIED });
		expect(failure.code === 'tag-mismatch' && failure.tried).toHaveLength(MAX_KEYS_TRIED);
	});

	test('a wrong password fails at the tag', async () => {
		const token = await encrypt(
			{ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' },
			new TextEncoder().encode('right'),
			undefined,
			1000,
		);
		expect(failureOf(await decryptWith(token, 'wrong'))).toEqual({
			code: 'tag-mismatch',
			tried: ['password (5 bytes of UTF-8)'],
		});
	});

	test('RSA1_5 is refused before any key is read', async () => {
		const header = b64(JSON.stringify({ alg: 'RSA1_5', enc: 'A128GCM' }));
		const token = `${header}.AAAA.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA`;
		expect(failureOf(await decryptWith(token, JSON.stringify(rsa.privateJwk)))).toEqual({ code: 'rsa1-5' });
	});

	test.each([
		[
			{ alg: 'A128KW!', enc: 'A128GCM' },
			{ code: 'unknown-alg', alg: 'A128KW!' },
		],
		[{ enc: 'A128GCM' }, { code: 'unknown-alg' }],
		[
			{ alg: 'A128KW', enc: 'A128GCM-X' },
			{ code: 'unknown-enc', enc: 'A128GCM-X' },
		],
		[
			{ alg: 'A128KW', enc: 'A128GCM', zip: 'GZIP' },
			{ code: 'unsupported-zip', zip: 'GZIP' },
		],
		[
			{ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2s: 'c2FsdHNhbHQ' },
			{ code: 'bad-header-member', member: 'p2c' },
		],
		[
			{ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2c: 1000 },
			{ code: 'bad-header-member', member: 'p2s' },
		],
		[
			{ alg: 'ECDH-ES', enc: 'A128GCM' },
			{ code: 'bad-header-member', member: 'epk' },
		],
		[
			{ alg: 'A128GCMKW', enc: 'A128GCM', iv: 'AAAAAAAAAAAAAAAA' },
			{ code: 'bad-header-member', member: 'tag' },
		],
	])('header %j is refused as %j', async (header, expected) => {
		const token = `${b64(JSON.stringify(header))}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA`;
		expect(failureOf(await decryptWith(token, 'c2VjcmV0c2VjcmV0c2VjcmV0'))).toMatchObject(expected);
	});

	test('a p2c over the cap is refused without deriving anything', async () => {
		const token = await encrypt(
			{ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' },
			new TextEncoder().encode('pw'),
			undefined,
			1000,
		);
		const [, ...rest] = token.split('.');
		const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as Jwk;
		const hostile = [b64(JSON.stringify({ ...header, p2c: 2 ** 31 })), ...rest].join('.');
		expect(failureOf(await decryptWith(hostile, 'pw'))).toEqual({
			code: 'p2c-over-cap',
			p2c: 2 ** 31,
			cap: MAX_PBES2_COUNT,
		});
	});

	test('a p2c at the cap is still tried (and fails at the tag here, as the header was changed)', async () => {
		const token = await encrypt(
			{ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' },
			new TextEncoder().encode('pw'),
			undefined,
			1000,
		);
		const [, ...rest] = token.split('.');
		const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as Jwk;
		const atCap = [b64(JSON.stringify({ ...header, p2c: MAX_PBES2_COUNT })), ...rest].join('.');
		expect(failureOf(await decryptWith(atCap, 'pw'))).toMatchObject({ code: 'tag-mismatch' });
	});

	test('a zip bomb is stopped at the inflate limit', async () => {
		const bomb = new Uint8Array(MAX_INFLATED_BYTES + 1);
		const token = await encrypt({ alg: 'A128KW', enc: 'A128GCM', zip: 'DEF' }, key16, bomb);
		expect(token.length).toBeLessThan(100_000);
		expect(failureOf(await decryptWith(token, jose.base64url.encode(key16)))).toEqual({
			code: 'zip-too-large',
			limit: MAX_INFLATED_BYTES,
		});
	});

	test('a plaintext that is not DEFLATE although zip says DEF is refused as such', async () => {
		const token = handMadeDir(
			{ alg: 'dir', enc: 'A128GCM', zip: 'DEF' },
			key16,
			new Uint8Array([0xff, 0xff, 0xff, 0xff]),
		);
		expect(failureOf(await decryptWith(token, jose.base64url.encode(key16)))).toEqual({
			code: 'zip-invalid',
		});
	});

	test('a browser without 192-bit AES names the gap instead of failing at the tag', async () => {
		const token = await encrypt({ alg: 'A192KW', enc: 'A128GCM' }, new Uint8Array(randomBytes(24)));
		const chromiumLike = withoutAes192(globalThis.crypto.subtle);
		expect(failureOf(await decryptWith(token, 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', chromiumLike))).toEqual({
			code: 'browser-lacks',
			feature: 'aes-192',
			needed: 'A192KW',
		});
		const gcm192 = await encrypt({ alg: 'A128KW', enc: 'A192GCM' }, key16);
		expect(failureOf(await decryptWith(gcm192, jose.base64url.encode(key16), chromiumLike))).toMatchObject({
			code: 'browser-lacks',
			needed: 'A192GCM',
		});
	});
});

/** A SubtleCrypto that refuses 192-bit AES keys the way Chromium does (NotSupportedError), and is otherwise Node's. */
function withoutAes192(subtle: SubtleCrypto): SubtleCrypto {
	return new Proxy(subtle, {
		get(target, property) {
			if (property === 'importKey')
				return (format: string, data: Uint8Array, algorithm: { name: string }, ...rest: unknown[]) => {
					if (format === 'raw' && algorithm.name.startsWith('AES') && data.byteLength === 24)
						return Promise.reject(
							new DOMException('192-bit AES keys are not supported', 'NotSupportedError'),
						);
					return (target.importKey as (...args: unknown[]) => Promise<CryptoKey>)(
						format,
						data,
						algorithm,
						...rest,
					);
				};
			const value = Reflect.get(target, property) as unknown;
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}

test('an X448 key, which no browser can use yet, is named as a browser gap', async () => {
	const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }) as Jwk;
	const token = await encrypt({ alg: 'ECDH-ES', enc: 'A128GCM' }, p256);
	const x448 = generateKeyPairSync('x448').privateKey.export({ format: 'jwk' }) as Jwk;
	expect(failureOf(await decryptWith(token, JSON.stringify(x448)))).toEqual({
		code: 'browser-lacks',
		feature: 'x448',
		needed: 'ECDH-ES with X448',
	});
});

describe('what a person reads', () => {
	const failures: DecryptionFailure[] = [
		{ code: 'key-unreadable', problem: { code: 'pem-no-block' } },
		{ code: 'not-a-jwe' },
		{ code: 'header-unreadable' },
		{ code: 'unknown-alg' },
		{ code: 'unknown-alg', alg: 'X' },
		{ code: 'unknown-enc' },
		{ code: 'unknown-enc', enc: 'X' },
		{ code: 'rsa1-5' },
		{ code: 'unsupported-zip', zip: 'GZIP' },
		{ code: 'p2c-over-cap', p2c: 2 ** 31, cap: MAX_PBES2_COUNT },
		{ code: 'bad-header-member', member: 'p2s', expected: 'a salt' },
		{ code: 'bad-part', part: 'iv', bytes: 11, expected: '12 bytes' },
		{ code: 'bad-part', part: 'tag', bytes: 0, expected: 'valid base64url' },
		{ code: 'browser-lacks', feature: 'aes-192', needed: 'A192GCM' },
		{ code: 'browser-lacks', feature: 'x25519', needed: 'ECDH-ES with X25519' },
		{ code: 'browser-lacks', feature: 'deflate-raw', needed: 'zip "DEF"' },
		{ code: 'browser-lacks', feature: 'x448', needed: 'ECDH-ES with X448' },
		{ code: 'no-kid-match', kid: 'a', available: ['kid=b'] },
		{ code: 'key-is-public', key: 'JWK (RSA 2048)' },
		{ code: 'wrong-key-type', key: 'JWK (EC P-256, private)', needs: 'an RSA private key' },
		{ code: 'wrong-key-size', key: 'key of 16 bytes (base64url)', bytes: 16, needs: 32 },
		{ code: 'rsa-key-too-small', key: 'JWK (RSA 1024, private)', bits: 1024 },
		{ code: 'key-not-for-alg', key: 'JWK', member: 'use', value: 'sig' },
		{
			code: 'no-fitting-key',
			mismatches: [
				{ code: 'key-is-public', key: 'JWKS key #1' },
				{ code: 'wrong-key-size', key: 'JWKS key #2', bytes: 1, needs: 16 },
			],
		},
		{ code: 'tag-mismatch', tried: ['JWK (RSA 2048, private)'] },
		{ code: 'tag-mismatch', tried: ['a', 'b'] },
		{ code: 'tag-mismatch', tried: ['a'], untried: 9968 },
		{ code: 'zip-too-large', limit: MAX_INFLATED_BYTES },
		{ code: 'zip-invalid' },
		{ code: 'crypto-refused', key: 'JWK (RSA 2048, private)', errorName: 'OperationError' },
	];

	test.each(failures.map((f) => [f.code, f] as const))(
		'%s reads as a sentence with no browser error name',
		(_code, failure) => {
			const text = describeFailure(failure);
			expect(text).toMatch(/^[A-Z"T]/);
			expect(text).toMatch(/[.)]$/);
			expect(text).not.toMatch(/undefined|NaN|\[object|OperationError|DataError|NotSupportedError|TypeError/);
			expect(describeDecryption({ status: 'failed', failure }).phrase).toBe('Decryption failed');
		},
	);

	test('the browser gap names the missing feature and suggests another browser', () => {
		expect(describeFailure({ code: 'browser-lacks', feature: 'aes-192', needed: 'A192GCM' })).toMatch(
			/192-bit AES.*Firefox/,
		);
	});

	test("the phrases are the contract's", () => {
		expect(describeDecryption({ status: 'not-decrypted' }).phrase).toBe('Not decrypted');
	});
});
