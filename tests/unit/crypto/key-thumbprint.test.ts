// The thumbprint a verdict names a key by: RFC 7638's own example, and jose's calculateJwkThumbprint for every key
// type in every format `Secret or key` reads; secrets get none.

import { createPublicKey, ECDH, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { describe, expect, test } from 'vitest';
import { derTags, encodeDer, encodeOid } from '../../../src/lib/encoding/der';
import { keyOids } from '../../../src/lib/crypto/key-formats';
import { keyThumbprint, withThumbprints } from '../../../src/lib/crypto/key-thumbprint';
import { parseKeyInput, type KeyCandidate } from '../../../src/lib/crypto/keys';
import { toPem } from '../../../src/lib/crypto/pem';
import { encodePkcs8, encodeSpki } from '../../../src/lib/crypto/raw-keys';
import { json, jwkOf, pem } from './verify-fixtures';

/** The one key `text` holds, read as the page reads it. */
function onlyKey(text: string): KeyCandidate {
	const parsed = parseKeyInput(text);
	if (parsed.kind !== 'keys' || parsed.keys.length !== 1) throw new Error(`not one key: ${parsed.kind}`);
	return parsed.keys[0]!;
}

/** RFC 7638 §3.1's RSA key, whose thumbprint the RFC gives. */
const rfc7638Key = {
	kty: 'RSA',
	n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
	e: 'AQAB',
	alg: 'RS256',
	kid: '2011-04-29',
};
const RFC_7638_THUMBPRINT = 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs';

describe('RFC 7638 §3.1', () => {
	const publicKey = createPublicKey({ key: rfc7638Key, format: 'jwk' });
	test.each([
		['the JWK as published', json(rfc7638Key)],
		['the same key as PEM SPKI', pem(publicKey, 'spki')],
		['the same key as PEM PKCS#1', pem(publicKey, 'pkcs1')],
		['the same key in a JWKS', json({ keys: [rfc7638Key] })],
	])('%s has the published thumbprint', async (_form, text) => {
		expect(await keyThumbprint(onlyKey(text))).toBe(RFC_7638_THUMBPRINT);
	});
});

/** Every form of a node:crypto key pair that the page reads. */
function forms(pair: { publicKey: KeyObject; privateKey: KeyObject }, sec1: boolean): [string, string][] {
	return [
		['PEM SPKI', pem(pair.publicKey, 'spki')],
		['PEM PKCS#8', pem(pair.privateKey, 'pkcs8')],
		...(sec1 ? [['PEM SEC1', pem(pair.privateKey, 'sec1')] as [string, string]] : []),
		['public JWK', json(jwkOf(pair.publicKey))],
		['private JWK', json(jwkOf(pair.privateKey))],
	];
}

const pairs: [string, () => { publicKey: KeyObject; privateKey: KeyObject }, boolean][] = [
	['RSA 2048', () => generateKeyPairSync('rsa', { modulusLength: 2048 }), false],
	['EC P-256', () => generateKeyPairSync('ec', { namedCurve: 'P-256' }), true],
	['EC P-521', () => generateKeyPairSync('ec', { namedCurve: 'P-521' }), true],
	['EC secp256k1', () => generateKeyPairSync('ec', { namedCurve: 'secp256k1' }), true],
	['OKP Ed25519', () => generateKeyPairSync('ed25519'), false],
	['OKP Ed448', () => generateKeyPairSync('ed448'), false],
	['OKP X25519', () => generateKeyPairSync('x25519'), false],
];

describe.each(pairs)('%s: the thumbprint is jose’s in every format', (_kind, make, sec1) => {
	const pair = make();
	test.each(forms(pair, sec1))('%s', async (_form, text) => {
		const expected = await calculateJwkThumbprint(jwkOf(pair.publicKey) as JWK);
		expect(await keyThumbprint(onlyKey(text))).toBe(expected);
	});
});

test('an EC P-256 SPKI with a compressed point (read through WebCrypto, not the DER) has jose’s thumbprint', async () => {
	const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
	const jwk = jwkOf(publicKey) as { x: string; y: string };
	const point = Buffer.concat([
		Buffer.of(4),
		Buffer.from(jwk.x, 'base64url'),
		Buffer.from(jwk.y, 'base64url'),
	]);
	const compressed = ECDH.convertKey(point, 'prime256v1', undefined, undefined, 'compressed') as Buffer;
	const spki = encodeDer(derTags.sequence, [
		encodeDer(derTags.sequence, [
			encodeDer(derTags.oid, encodeOid(keyOids.ecPublicKey)),
			encodeDer(derTags.oid, encodeOid(keyOids.prime256v1)),
		]),
		encodeDer(derTags.bitString, Uint8Array.of(0, ...compressed)),
	]);
	expect(await keyThumbprint(onlyKey(toPem('PUBLIC KEY', spki)))).toBe(
		await calculateJwkThumbprint(jwk as JWK),
	);
});

describe.each(['44', '65', '87'] as const)('AKP ML-DSA-%s (RFC 9964 §4 members)', (level) => {
	const vector = JSON.parse(
		readFileSync(new URL(`../../vectors/rfc9964/ML_DSA_${level}.jose.json`, import.meta.url), 'utf8'),
	) as { priv: string; jwk: Record<string, string> };
	const alg = `ML-DSA-${level}` as const;
	const { priv, ...publicJwk } = vector.jwk;
	const pub = new Uint8Array(Buffer.from(vector.jwk.pub!, 'base64url'));
	const seed = new Uint8Array(Buffer.from(priv!, 'base64url'));
	test.each([
		['public JWK', json(publicJwk)],
		['private JWK (priv is the seed)', json(vector.jwk)],
		['PEM SPKI', toPem('PUBLIC KEY', encodeSpki(alg, pub))],
		// No public key beside the seed: it is derived (FIPS 204 ML-DSA.KeyGen_internal) to hash it.
		['PEM PKCS#8 seed only', toPem('PRIVATE KEY', encodePkcs8(alg, seed))],
	])('%s: the thumbprint is the example kid and jose’s', async (_form, text) => {
		const thumbprint = await keyThumbprint(onlyKey(text));
		expect(thumbprint).toBe(vector.jwk.kid);
		expect(thumbprint).toBe(await calculateJwkThumbprint(publicJwk as JWK));
	});
});

describe('no thumbprint where it would leak or cannot be had', () => {
	test.each([
		['a text secret', parseKeyInput('a-string-secret-at-least-256-bit')],
		['an oct JWK', parseKeyInput(json({ kty: 'oct', k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0' }))],
		['an oct key in a JWKS', parseKeyInput(json({ keys: [{ kty: 'oct', k: 'c2VjcmV0' }] }))],
	])('%s: a hash of a secret lets anyone test guesses offline, so none', async (_name, parsed) => {
		const named = await withThumbprints(parsed);
		const keys = named.kind === 'secret' ? [named.key] : named.kind === 'keys' ? named.keys : [];
		expect(keys).not.toHaveLength(0);
		for (const key of keys) expect(key.thumbprint).toBeUndefined();
	});

	test('withThumbprints names each key of a set, and the same candidate twice gives the same object', async () => {
		const a = generateKeyPairSync('ec', { namedCurve: 'P-256' });
		const b = generateKeyPairSync('ed25519');
		const parsed = parseKeyInput(
			json({ keys: [jwkOf(a.publicKey), { kty: 'oct', k: 'c2VjcmV0' }, jwkOf(b.publicKey)] }),
		);
		const first = await withThumbprints(parsed);
		const again = await withThumbprints(parsed);
		expect(first.kind === 'keys' && first.keys.map((key) => key.thumbprint)).toEqual([
			await calculateJwkThumbprint(jwkOf(a.publicKey) as JWK),
			undefined,
			await calculateJwkThumbprint(jwkOf(b.publicKey) as JWK),
		]);
		expect(first.kind === 'keys' && again.kind === 'keys' && first.keys[0] === again.keys[0]).toBe(true);
	});
});
