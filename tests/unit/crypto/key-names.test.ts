// The words a key's name is made of: kind, format and source, then the shortened thumbprint; none for secrets.

import { describe, expect, test } from 'vitest';
import { describeKey, shortThumbprint, type KeyName } from '../../../src/lib/crypto/key-names';

const THUMBPRINT = 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs';
const rsa = { kty: 'RSA', bits: 2048, private: false } as const;
const mlDsa = { kty: 'AKP', alg: 'ML-DSA-65', private: false } as const;

describe('describeKey', () => {
	test.each<[string, KeyName, string]>([
		[
			'a JWK, as issue 15 words it',
			{ source: 'jwk', info: mlDsa, thumbprint: THUMBPRINT },
			'ML-DSA-65 public key (JWK, thumbprint NzbLsXh8uD…)',
		],
		[
			'a JWK whose kid is its thumbprint says it once',
			{ source: 'jwk', info: mlDsa, kid: THUMBPRINT, thumbprint: THUMBPRINT },
			'ML-DSA-65 public key (JWK, kid and thumbprint NzbLsXh8uD…)',
		],
		[
			'a JWKS key by kid',
			{ source: 'jwks', info: rsa, kid: 'abc', index: 1, thumbprint: THUMBPRINT },
			'RSA 2048 public key (JWKS key kid=abc, thumbprint NzbLsXh8uD…)',
		],
		[
			'a JWKS key without kid, by place',
			{ source: 'jwks', info: rsa, index: 2, thumbprint: THUMBPRINT },
			'RSA 2048 public key (JWKS key #3, thumbprint NzbLsXh8uD…)',
		],
		[
			'a PEM key',
			{ source: 'pem-sec1', info: { kty: 'EC', crv: 'secp256k1', private: true }, thumbprint: THUMBPRINT },
			'EC secp256k1 private key (PEM SEC1, thumbprint NzbLsXh8uD…)',
		],
		[
			'a certificate',
			{ source: 'pem-certificate', info: rsa, subject: 'CN=example.com', thumbprint: THUMBPRINT },
			'RSA 2048 public key from certificate CN=example.com (thumbprint NzbLsXh8uD…)',
		],
		[
			'a key whose thumbprint is not known yet',
			{ source: 'pem-spki', info: rsa },
			'RSA 2048 public key (PEM SPKI)',
		],
		[
			'a text secret',
			{ source: 'secret-text', info: { kty: 'oct', bytes: 32, private: true } },
			'HMAC secret (UTF-8, 32 bytes)',
		],
		[
			'a base64 secret',
			{ source: 'secret-base64', info: { kty: 'oct', bytes: 1, private: true } },
			'HMAC secret (base64-decoded, 1 byte)',
		],
		[
			'an oct JWK in a set',
			{ source: 'jwks', info: { kty: 'oct', bytes: 64, private: true }, kid: 'k1', index: 0 },
			'HMAC secret (JWKS key kid=k1, 64 bytes)',
		],
	])('%s', (_name, key, words) => {
		expect(describeKey(key)).toBe(words);
	});
});

describe('shortThumbprint', () => {
	test.each([
		[THUMBPRINT, 'NzbLsXh8uD…'],
		['short', 'short'],
	])('%s → %s', (thumbprint, shown) => {
		expect(shortThumbprint(thumbprint)).toBe(shown);
	});
});
