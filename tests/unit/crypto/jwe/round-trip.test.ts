// Every alg/enc pair made by jose (the independent producer) decrypts here, with each kind of key a person may have.

import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import * as jose from 'jose';
import { describe, expect, test } from 'vitest';
import { decryptJwe } from '../../../../src/lib/crypto/jwe/decrypt';
import type { Decryption } from '../../../../src/lib/crypto/jwe/outcome';
import { decodeToken } from '../../../../src/lib/jwt/decode';
import { jweContentEncryptions, jweKeyManagement } from '../../../../src/lib/jwt/jwe/algorithms';

const PLAINTEXT = '{"iss":"https://issuer.example","sub":"alice","n":1.50}';

type Jwk = Record<string, unknown>;
interface KeyPair {
	privateJwk: Jwk;
	publicJwk: Jwk;
	pkcs8: string;
	spki: string;
	/** PKCS#1 for RSA, SEC1 for EC; none for X25519. */
	traditional?: string;
}

function exportPair(
	privateKey: KeyObject,
	publicKey: KeyObject,
	traditional: 'pkcs1' | 'sec1' | undefined,
): KeyPair {
	return {
		privateJwk: privateKey.export({ format: 'jwk' }) as Jwk,
		publicJwk: publicKey.export({ format: 'jwk' }) as Jwk,
		pkcs8: privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
		spki: publicKey.export({ format: 'pem', type: 'spki' }) as string,
		traditional: traditional
			? (privateKey.export({ format: 'pem', type: traditional }) as string)
			: undefined,
	};
}

const rsa = (() => {
	const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	return exportPair(privateKey, publicKey, 'pkcs1');
})();
const rsaOther = (() => {
	const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	return exportPair(privateKey, publicKey, 'pkcs1');
})();
const ec: Record<string, KeyPair> = Object.fromEntries(
	(['P-256', 'P-384', 'P-521'] as const).map((crv) => {
		const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: crv });
		return [crv, exportPair(privateKey, publicKey, 'sec1')];
	}),
);
const x25519 = (() => {
	const { privateKey, publicKey } = generateKeyPairSync('x25519');
	return exportPair(privateKey, publicKey, undefined);
})();

function decryptWith(token: string, keyText: string): Promise<Decryption> {
	return decryptJwe({ decoded: decodeToken(token), keyText });
}

function expectPlaintext(outcome: Decryption, plaintext = PLAINTEXT): void {
	if (outcome.status !== 'decrypted') throw new Error(`not decrypted: ${JSON.stringify(outcome)}`);
	expect(new TextDecoder().decode(outcome.plaintext)).toBe(plaintext);
}

async function encryptWithJose(
	header: jose.CompactJWEHeaderParameters,
	key: Jwk | Uint8Array,
	plaintext = PLAINTEXT,
	p2c?: number,
): Promise<string> {
	const encrypter = new jose.CompactEncrypt(new TextEncoder().encode(plaintext)).setProtectedHeader(header);
	if (p2c !== undefined) encrypter.setKeyManagementParameters({ p2c });
	const recipient = key instanceof Uint8Array ? key : await jose.importJWK(key as jose.JWK, header.alg);
	return encrypter.encrypt(recipient);
}

const encs = Object.keys(jweContentEncryptions);
const symmetricKey = (bytes: number) => new Uint8Array(randomBytes(bytes));

/** The recipient key jose encrypts to, and the text a person would type to decrypt, for one `alg`. */
function keysFor(
	alg: string,
	enc: string,
): { encryptKey: Jwk | Uint8Array; decryptText: string; p2c?: number } {
	const family = jweKeyManagement[alg]!.family;
	switch (family) {
		case 'rsa-oaep':
			return { encryptKey: rsa.publicJwk, decryptText: JSON.stringify(rsa.privateJwk) };
		case 'ecdh-es':
		case 'ecdh-es-kw':
			return { encryptKey: ec['P-256']!.publicJwk, decryptText: JSON.stringify(ec['P-256']!.privateJwk) };
		case 'pbes2':
			return {
				encryptKey: new TextEncoder().encode('correct horse battery staple'),
				decryptText: 'correct horse battery staple',
				p2c: 1000,
			};
		default: {
			const size = family === 'dir' ? jweContentEncryptions[enc]!.cekBytes : jweKeyManagement[alg]!.kekBytes!;
			const key = symmetricKey(size);
			return { encryptKey: key, decryptText: jose.base64url.encode(key) };
		}
	}
}

const pairs = Object.keys(jweKeyManagement)
	.filter((alg) => alg !== 'RSA1_5')
	.flatMap((alg) => encs.map((enc) => [alg, enc] as const));

describe('jose encrypts, this page decrypts: every alg/enc pair', () => {
	test('the table holds 18 key management algorithms besides RSA1_5 and 6 content encryptions', () => {
		expect(pairs).toHaveLength(18 * 6);
	});

	// Node's WebCrypto has 192-bit AES; Chromium's does not, so there the A192* pairs fail as `browser-lacks`
	// (see capabilities.test.ts): A192KW, A192GCMKW, ECDH-ES+A192KW, PBES2-HS384+A192KW with any enc, and any
	// alg with A192GCM or A192CBC-HS384.
	test.each(pairs)('%s with %s round-trips', async (alg, enc) => {
		const { encryptKey, decryptText, p2c } = keysFor(alg, enc);
		const token = await encryptWithJose({ alg, enc }, encryptKey, PLAINTEXT, p2c);
		expectPlaintext(await decryptWith(token, decryptText));
	});
});

describe('each kind of decryption key', () => {
	const rsaToken = () => encryptWithJose({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }, rsa.publicJwk);
	test.each([
		['an RSA private JWK', () => JSON.stringify(rsa.privateJwk), 'jwk'],
		['an RSA PKCS#8 PEM', () => rsa.pkcs8, 'pem-pkcs8'],
		['an RSA PKCS#1 PEM', () => rsa.traditional!, 'pem-pkcs1-private'],
	])('RSA-OAEP-256 decrypts with %s', async (_what, keyText, source) => {
		const outcome = await decryptWith(await rsaToken(), keyText());
		expectPlaintext(outcome);
		expect(outcome).toMatchObject({ key: { source } });
	});

	test.each(['P-256', 'P-384', 'P-521'])(
		'ECDH-ES+A256KW on %s decrypts with a JWK, PKCS#8 and SEC1',
		async (crv) => {
			const pair = ec[crv]!;
			const token = await encryptWithJose({ alg: 'ECDH-ES+A256KW', enc: 'A128CBC-HS256' }, pair.publicJwk);
			for (const [text, source] of [
				[JSON.stringify(pair.privateJwk), 'jwk'],
				[pair.pkcs8, 'pem-pkcs8'],
				[pair.traditional!, 'pem-sec1'],
			] as const) {
				const outcome = await decryptWith(token, text);
				expectPlaintext(outcome);
				expect(outcome).toMatchObject({ key: { source } });
			}
		},
	);

	test.each(['ECDH-ES', 'ECDH-ES+A128KW'])('%s on X25519 decrypts with a JWK and PKCS#8', async (alg) => {
		const token = await encryptWithJose({ alg, enc: 'A256GCM' }, x25519.publicJwk);
		expectPlaintext(await decryptWith(token, JSON.stringify(x25519.privateJwk)));
		expectPlaintext(await decryptWith(token, x25519.pkcs8));
	});

	test('an oct JWK, base64url bytes and UTF-8 text of the right size all work for dir', async () => {
		const text = 'a 16-byte passwd';
		const key = new TextEncoder().encode(text);
		const token = await encryptWithJose({ alg: 'dir', enc: 'A128GCM' }, key);
		for (const [keyText, source] of [
			[JSON.stringify({ kty: 'oct', k: jose.base64url.encode(key) }), 'jwk'],
			[jose.base64url.encode(key), 'key-base64url'],
			[text, 'key-text'],
		] as const) {
			const outcome = await decryptWith(token, keyText);
			expectPlaintext(outcome);
			expect(outcome).toMatchObject({ key: { source } });
		}
	});

	test('a JWKS picks the key by kid, whatever comes first', async () => {
		const token = await encryptWithJose({ alg: 'RSA-OAEP', enc: 'A128GCM', kid: 'right' }, rsa.publicJwk);
		const set = {
			keys: [
				{ ...rsaOther.privateJwk, kid: 'wrong' },
				{ ...rsa.privateJwk, kid: 'right' },
			],
		};
		const outcome = await decryptWith(token, JSON.stringify(set));
		expectPlaintext(outcome);
		expect(outcome).toMatchObject({ key: { kid: 'right' } });
	});

	test('a JWKS without a kid in the token tries each fitting key in turn', async () => {
		const token = await encryptWithJose({ alg: 'RSA-OAEP', enc: 'A128GCM' }, rsa.publicJwk);
		const set = { keys: [ec['P-256']!.privateJwk, rsaOther.privateJwk, rsa.privateJwk] };
		const outcome = await decryptWith(token, JSON.stringify(set));
		expectPlaintext(outcome);
		expect(outcome.status === 'decrypted' && outcome.key.candidate?.index).toBe(2);
	});

	test('zip DEF is inflated', async () => {
		const key = symmetricKey(16);
		const plaintext = 'compress me '.repeat(100);
		const token = await encryptWithJose({ alg: 'A128KW', enc: 'A128GCM', zip: 'DEF' }, key, plaintext);
		expectPlaintext(await decryptWith(token, jose.base64url.encode(key)), plaintext);
	});
});
