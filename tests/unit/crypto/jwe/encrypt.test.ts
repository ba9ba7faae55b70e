// Re-encryption: a new plaintext for the same recipient, decryptable with the same key, with fresh randomness and the header kept.

import { generateKeyPairSync, randomBytes } from 'node:crypto';
import * as jose from 'jose';
import { describe, expect, test } from 'vitest';
import { decryptJwe } from '../../../../src/lib/crypto/jwe/decrypt';
import { encryptJwe } from '../../../../src/lib/crypto/jwe/encrypt';
import type { Decryption } from '../../../../src/lib/crypto/jwe/outcome';
import { decodeToken } from '../../../../src/lib/jwt/decode';

type Jwk = Record<string, unknown>;
const pair = (type: 'rsa' | 'ec' | 'x25519') => {
	const { privateKey, publicKey } =
		type === 'rsa'
			? generateKeyPairSync('rsa', { modulusLength: 2048 })
			: type === 'ec'
				? generateKeyPairSync('ec', { namedCurve: 'P-384' })
				: generateKeyPairSync('x25519');
	return {
		privateJwk: privateKey.export({ format: 'jwk' }) as Jwk,
		publicJwk: publicKey.export({ format: 'jwk' }) as Jwk,
		pkcs8: privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
	};
};
const rsa = pair('rsa');
const ec = pair('ec');
const x25519 = pair('x25519');
const aes = new Uint8Array(randomBytes(32));
const headerOf = (token: string) =>
	JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as Jwk;

async function decrypted(
	token: string,
	keyText: string,
): Promise<Extract<Decryption, { status: 'decrypted' }>> {
	const outcome = await decryptJwe({ decoded: decodeToken(token), keyText });
	if (outcome.status !== 'decrypted') throw new Error(`not decrypted: ${JSON.stringify(outcome)}`);
	return outcome;
}

async function original(header: jose.CompactJWEHeaderParameters, key: Jwk | Uint8Array, p2c?: number) {
	const encrypter = new jose.CompactEncrypt(new TextEncoder().encode('{"sub":"before"}')).setProtectedHeader(
		header,
	);
	if (p2c) encrypter.setKeyManagementParameters({ p2c });
	return encrypter.encrypt(
		key instanceof Uint8Array ? key : await jose.importJWK(key as jose.JWK, header.alg),
	);
}

const cases: [string, jose.CompactJWEHeaderParameters, Jwk | Uint8Array, string, number?][] = [
	[
		'RSA-OAEP-256 from a private JWK',
		{ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'r1', cty: 'JWT' },
		rsa.publicJwk,
		JSON.stringify(rsa.privateJwk),
	],
	['RSA-OAEP from a PKCS#8 PEM', { alg: 'RSA-OAEP', enc: 'A128CBC-HS256' }, rsa.publicJwk, rsa.pkcs8],
	[
		'ECDH-ES+A256KW on P-384',
		{ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', apu: 'QWxpY2U', apv: 'Qm9i' },
		ec.publicJwk,
		JSON.stringify(ec.privateJwk),
	],
	['ECDH-ES on X25519 from PKCS#8', { alg: 'ECDH-ES', enc: 'A128GCM' }, x25519.publicJwk, x25519.pkcs8],
	['A256GCMKW', { alg: 'A256GCMKW', enc: 'A128GCM', zip: 'DEF' }, aes, jose.base64url.encode(aes)],
	['dir', { alg: 'dir', enc: 'A256GCM' }, aes, jose.base64url.encode(aes)],
	['PBES2', { alg: 'PBES2-HS512+A256KW', enc: 'A256CBC-HS512' }, new TextEncoder().encode('pw'), 'pw', 4096],
];

describe('encryptJwe', () => {
	test.each(cases)(
		'%s: the new token decrypts with the same key to the new plaintext',
		async (_name, header, key, keyText, p2c) => {
			const before = await original(header, key, p2c);
			const first = await decrypted(before, keyText);
			const result = await encryptJwe({
				header: decodeToken(before).header!.root!,
				plaintext: '{"sub":"after"}',
				key: first.key,
			});
			if (!result.ok) throw new Error(result.code);
			const after = await decrypted(result.token, keyText);
			expect(new TextDecoder().decode(after.plaintext)).toBe('{"sub":"after"}');

			const [oldHeader, newHeader] = [headerOf(before), headerOf(result.token)];
			// The same alg, enc, zip, kid, cty, apu/apv and p2c; a fresh epk, iv, tag and p2s where the algorithm has them.
			for (const member of ['alg', 'enc', 'zip', 'kid', 'cty', 'apu', 'apv', 'p2c'])
				expect(newHeader[member], member).toEqual(oldHeader[member]);
			for (const member of ['epk', 'iv', 'tag', 'p2s'])
				if (oldHeader[member] !== undefined) expect(newHeader[member], member).not.toEqual(oldHeader[member]);
			// A fresh content key (unless dir) and IV.
			const [, oldKey, oldIv] = before.split('.');
			const [, newKey, newIv] = result.token.split('.');
			expect(newIv).not.toBe(oldIv);
			if (oldKey !== '') expect(newKey).not.toBe(oldKey);
		},
	);

	test('a public key given for encryption is used instead of the decryption key', async () => {
		const before = await original({ alg: 'RSA-OAEP', enc: 'A128GCM' }, rsa.publicJwk);
		const first = await decrypted(before, JSON.stringify(rsa.privateJwk));
		const other = pair('rsa');
		const result = await encryptJwe({
			header: decodeToken(before).header!.root!,
			plaintext: 'x',
			key: first.key,
			recipient: other.publicJwk as JsonWebKey,
		});
		if (!result.ok) throw new Error(result.code);
		expect(
			new TextDecoder().decode((await decrypted(result.token, JSON.stringify(other.privateJwk))).plaintext),
		).toBe('x');
		expect(
			(await decryptJwe({ decoded: decodeToken(result.token), keyText: JSON.stringify(rsa.privateJwk) }))
				.status,
		).toBe('failed');
	});

	test('RSA1_5 is not re-encrypted', async () => {
		const header = decodeToken(
			`${Buffer.from('{"alg":"RSA1_5","enc":"A128GCM"}').toString('base64url')}.a.b.c.d`,
		).header!.root!;
		const result = await encryptJwe({
			header,
			plaintext: 'x',
			key: { source: 'jwk', label: 'k', material: rsa.privateJwk as JsonWebKey },
		});
		expect(result).toEqual({ ok: false, code: 'rsa1-5' });
	});
});
