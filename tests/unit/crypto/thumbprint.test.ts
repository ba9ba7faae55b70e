// JWK thumbprints: RFC 7638's own example and RFC 9964's AKP keys, whose kid is their thumbprint.

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { jwkThumbprint, thumbprintInput } from '../../../src/lib/crypto/thumbprint';

const rfc7638Key = {
	kty: 'RSA',
	n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
	e: 'AQAB',
	alg: 'RS256',
	kid: '2011-04-29',
};

describe('jwkThumbprint', () => {
	test('RFC 7638 §3.1: the RSA example hashes to its published thumbprint', async () => {
		expect(await jwkThumbprint(rfc7638Key)).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
	});

	test.each(['44', '65', '87'])(
		'RFC 9964: the ML-DSA-%s example key’s kid is its thumbprint',
		async (level) => {
			const { jwk } = JSON.parse(
				readFileSync(new URL(`../../vectors/rfc9964/ML_DSA_${level}.jose.json`, import.meta.url), 'utf8'),
			) as { jwk: Record<string, string> };
			expect(await jwkThumbprint(jwk)).toBe(jwk.kid);
		},
	);

	test.each([
		[
			'AKP covers alg, kty and pub, not priv',
			{ kty: 'AKP', alg: 'ML-DSA-44', pub: 'A', priv: 'B' },
			'{"alg":"ML-DSA-44","kty":"AKP","pub":"A"}',
		],
		[
			'EC covers crv, kty, x and y',
			{ kty: 'EC', crv: 'secp256k1', x: 'X', y: 'Y', d: 'D' },
			'{"crv":"secp256k1","kty":"EC","x":"X","y":"Y"}',
		],
		[
			'OKP covers crv, kty and x',
			{ kty: 'OKP', crv: 'Ed448', x: 'X' },
			'{"crv":"Ed448","kty":"OKP","x":"X"}',
		],
		['a missing member gives none', { kty: 'AKP', alg: 'ML-DSA-44' }, undefined],
		['an unknown kty gives none', { kty: 'toString', x: 'X' }, undefined],
	])('%s', (_name, jwk, input) => {
		expect(thumbprintInput(jwk)).toBe(input);
	});
});
