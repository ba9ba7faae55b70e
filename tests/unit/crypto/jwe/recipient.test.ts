// `Encryption key`: which public key a re-encrypted JWE goes to, and why a given text cannot be it, as codes.

import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as jose from 'jose';
import { describe, expect, test } from 'vitest';
import { decryptJwe } from '../../../../src/lib/crypto/jwe/decrypt';
import { encryptJwe } from '../../../../src/lib/crypto/jwe/encrypt';
import { describeRecipientProblem } from '../../../../src/lib/crypto/jwe/messages';
import { chooseRecipientKey, type RecipientProblem } from '../../../../src/lib/crypto/jwe/recipient';
import { findJweKeyManagement } from '../../../../src/lib/jwt/jwe/algorithms';
import { decodeToken } from '../../../../src/lib/jwt/decode';
import { parseJson } from '../../../../src/lib/jwt/json';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const small = generateKeyPairSync('rsa', { modulusLength: 1024 });
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const x25519 = generateKeyPairSync('x25519');
const certificate = readFileSync(new URL('../../../e2e/fixtures/cert.pem', import.meta.url), 'utf8');
const certificateKey = readFileSync(new URL('../../../e2e/fixtures/cert-key.pem', import.meta.url), 'utf8');
const jwk = (key: typeof rsa.publicKey, extra: object = {}) => ({
	...key.export({ format: 'jwk' }),
	...extra,
});
const text = (value: object) => JSON.stringify(value);
const alg = (name: string) => findJweKeyManagement(name)!;

describe('chooseRecipientKey', () => {
	test.each([
		[
			'an RSA PEM SPKI',
			'RSA-OAEP-256',
			() => rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
			() => rsa.privateKey,
		],
		[
			'an RSA PKCS#1 public PEM',
			'RSA-OAEP',
			() => rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
			() => rsa.privateKey,
		],
		['a certificate', 'RSA-OAEP-256', () => certificate, () => certificateKey],
		['an RSA public JWK', 'RSA-OAEP-512', () => text(jwk(rsa.publicKey)), () => rsa.privateKey],
		['a private JWK (its public half)', 'RSA-OAEP', () => text(jwk(rsa.privateKey)), () => rsa.privateKey],
		[
			'an EC PEM SPKI',
			'ECDH-ES+A128KW',
			() => p256.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
			() => p256.privateKey,
		],
		['an X25519 JWK', 'ECDH-ES', () => text(jwk(x25519.publicKey)), () => x25519.privateKey],
		[
			'a JWKS, by the token kid',
			'ECDH-ES+A256KW',
			() => text({ keys: [jwk(rsa.publicKey, { kid: 'r' }), jwk(p256.publicKey, { kid: 'k' })] }),
			() => p256.privateKey,
		],
		[
			'a JWKS without the token kid, whose one fitting key is taken',
			'RSA-OAEP-256',
			() =>
				text({ keys: [jwk(p256.publicKey, { kid: 'e' }), jwk(rsa.publicKey, { kid: 'other', use: 'enc' })] }),
			() => rsa.privateKey,
		],
	])('%s is a recipient that decrypts what is encrypted to it', async (_, name, input, privateKey) => {
		const choice = await chooseRecipientKey(input(), alg(name), 'k');
		expect(choice.ok).toBe(true);
		if (!choice.ok) return;
		expect(choice.jwk).not.toHaveProperty('d');
		const header = parseJson(text({ alg: name, enc: 'A128GCM', kid: 'k' }));
		if (!header.ok) throw new Error('header');
		const result = await encryptJwe({
			header: header.root,
			plaintext: 'hello',
			key: { source: 'jwk', label: 'unused', material: { kty: 'RSA' } },
			recipient: choice.jwk,
			recipientKid: choice.kid,
		});
		if (!result.ok) throw new Error(result.code);
		const key = privateKey();
		const opened = await jose.compactDecrypt(
			result.token,
			typeof key === 'string' ? await jose.importPKCS8(key, name) : key,
		);
		expect(new TextDecoder().decode(opened.plaintext)).toBe('hello');
		// The header's kid names the new recipient's key when it has one.
		expect(opened.protectedHeader.kid).toBe(choice.kid ?? 'k');
	});

	test.each<[string, string, () => string, RecipientProblem['code']]>([
		['nothing', 'RSA-OAEP', () => '  ', 'recipient-empty'],
		['a symmetric alg', 'dir', () => text(jwk(rsa.publicKey)), 'recipient-not-public-key-alg'],
		['RSA1_5 (no encryption here)', 'RSA1_5', () => text(jwk(rsa.publicKey)), 'recipient-not-public-key-alg'],
		[
			'broken PEM',
			'RSA-OAEP',
			() => '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----',
			'recipient-unreadable',
		],
		['a text secret', 'RSA-OAEP', () => 'just some words', 'recipient-wrong-type'],
		['an EC key for RSA-OAEP', 'RSA-OAEP', () => text(jwk(p256.publicKey)), 'recipient-wrong-type'],
		[
			'an oct JWK',
			'ECDH-ES',
			() => text({ kty: 'oct', k: 'AAAAAAAAAAAAAAAAAAAAAA' }),
			'recipient-wrong-type',
		],
		['use "sig"', 'RSA-OAEP', () => text(jwk(rsa.publicKey, { use: 'sig' })), 'recipient-not-for-encryption'],
		[
			'another alg',
			'RSA-OAEP',
			() => text(jwk(rsa.publicKey, { alg: 'RSA-OAEP-256' })),
			'recipient-not-for-encryption',
		],
		[
			'key_ops verify only',
			'RSA-OAEP',
			() => text(jwk(rsa.publicKey, { key_ops: ['verify'] })),
			'recipient-not-for-encryption',
		],
		['RSA 1024', 'RSA-OAEP', () => text(jwk(small.publicKey)), 'recipient-too-small'],
		[
			'a JWKS of two fitting keys, none with the kid',
			'RSA-OAEP',
			() => text({ keys: [jwk(rsa.publicKey, { kid: 'a' }), jwk(rsa.publicKey, { kid: 'b' })] }),
			'recipient-ambiguous',
		],
	])('%s is refused with its code and words', async (_, name, input, code) => {
		const choice = await chooseRecipientKey(input(), alg(name), 'k');
		expect(choice.ok).toBe(false);
		if (choice.ok) return;
		expect(choice.problem.code).toBe(code);
		expect(describeRecipientProblem(choice.problem)).not.toMatch(/undefined|NaN|\[object|Error/);
	});

	test('re-encrypted to B, the page decrypts it with B and not with A', async () => {
		const a = generateKeyPairSync('rsa', { modulusLength: 2048 });
		const header = parseJson(text({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }));
		if (!header.ok) throw new Error('header');
		const choice = await chooseRecipientKey(text(jwk(rsa.publicKey)), alg('RSA-OAEP-256'), undefined);
		if (!choice.ok) throw new Error(choice.problem.code);
		const result = await encryptJwe({
			header: header.root,
			plaintext: '{"sub":"b"}',
			key: { source: 'jwk', label: 'A', material: jwk(a.privateKey) as JsonWebKey },
			recipient: choice.jwk,
		});
		if (!result.ok) throw new Error(result.code);
		const withB = await decryptJwe({
			decoded: decodeToken(result.token),
			keyText: text(jwk(rsa.privateKey)),
		});
		const withA = await decryptJwe({ decoded: decodeToken(result.token), keyText: text(jwk(a.privateKey)) });
		expect(withB.status).toBe('decrypted');
		expect(withA).toMatchObject({ status: 'failed', failure: { code: 'tag-mismatch' } });
	});
});
