import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { listKeyFindings } from '../../../src/lib/crypto/key-findings';
import { parseKeyInput } from '../../../src/lib/crypto/keys';

const rsa2048 = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
const rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
const pem = (key: typeof rsa2048) => key.export({ type: 'spki', format: 'pem' }).toString();
const jwk = (key: typeof rsa2048, extra: object = {}) => ({ ...key.export({ format: 'jwk' }), ...extra });
const codes = (alg: string, keyText: string, kid?: string, base64 = false) =>
	listKeyFindings(alg, parseKeyInput(keyText, base64), kid).map((f) => f.code);

describe('listKeyFindings raises', () => {
	test.each([
		['an HS256 token checked with an RSA public key PEM', 'HS256', pem(rsa2048), 'key-confusion'],
		['an HS384 token checked with an EC JWK', 'HS384', JSON.stringify(jwk(p256)), 'key-confusion'],
		['an RS256 token with an EC key', 'RS256', pem(p256), 'alg-key-mismatch'],
		['an ES384 token with a P-256 key', 'ES384', pem(p256), 'alg-key-mismatch'],
		['an EdDSA token with an RSA key', 'EdDSA', pem(rsa2048), 'alg-key-mismatch'],
		[
			'an RS256 token with a JWK whose alg is PS256',
			'RS256',
			JSON.stringify(jwk(rsa2048, { alg: 'PS256' })),
			'alg-key-mismatch',
		],
		['a 1024-bit RSA key', 'RS256', pem(rsa1024), 'weak-rsa-key'],
		['a JWK with use enc', 'RS256', JSON.stringify(jwk(rsa2048, { use: 'enc' })), 'key-use-enc'],
		['a short secret', 'HS256', 'short-secret', 'weak-secret'],
		['a well-known secret', 'HS512', 'your-256-bit-secret', 'weak-secret'],
	])('%s', (_name, alg, keyText, code) => {
		expect(codes(alg, keyText)).toContain(code);
	});

	test('in a JWKS, the key with the token’s kid is the one judged', () => {
		const set = JSON.stringify({
			keys: [jwk(rsa2048, { kid: 'good' }), jwk(rsa1024, { kid: 'old', use: 'enc' })],
		});
		expect(codes('RS256', set, 'good')).toEqual([]);
		expect(codes('RS256', set, 'old')).toEqual(['weak-rsa-key', 'key-use-enc']);
	});
});

describe('listKeyFindings does not raise on near misses', () => {
	test.each([
		['a 2048-bit RSA key for RS256', 'RS256', pem(rsa2048)],
		['a P-256 key for ES256', 'ES256', pem(p256)],
		[
			'a JWK with use sig and the right alg',
			'RS256',
			JSON.stringify(jwk(rsa2048, { use: 'sig', alg: 'RS256' })),
		],
		['a 32-byte random secret for HS256', 'HS256', randomBytes(32).toString('base64url'), undefined, true],
		[
			'a JWKS holding an EC key beside the RSA key that fits',
			'RS256',
			JSON.stringify({ keys: [jwk(p256), jwk(rsa2048)] }),
		],
		['no key', 'HS256', ''],
		['an unreadable key', 'RS256', '{"kty":'],
		['alg none with a secret', 'none', 'short'],
	] as [string, string, string, string?, boolean?][])('%s', (_name, alg, keyText, kid, base64) => {
		expect(codes(alg, keyText, kid, base64)).toEqual([]);
	});

	test('a JWKS where no key fits is a mismatch', () => {
		expect(codes('RS256', JSON.stringify({ keys: [jwk(p256)] }))).toEqual(['alg-key-mismatch']);
	});

	test('details name the key without echoing a secret', () => {
		const [finding] = listKeyFindings('HS256', parseKeyInput('short-secret'));
		expect(finding?.detail).not.toContain('short-secret');
		const [confusion] = listKeyFindings('HS256', parseKeyInput(pem(rsa2048)));
		expect(confusion?.detail).toContain('RSA 2048 public key');
		expect(confusion?.url).toMatch(/^https:\/\//);
	});
});
