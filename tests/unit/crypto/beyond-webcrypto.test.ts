// ES256K, Ed25519, Ed448, EdDSA and ML-DSA as JWS: ours and node:crypto agree both ways, in every key format,
// RFC 9964's tokens verify, a flipped bit fails, and a key of another algorithm is refused as a mismatch.

import { createPublicKey, generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseKeyInput } from '../../../src/lib/crypto/keys';
import { toPem } from '../../../src/lib/crypto/pem';
import { encodePkcs8, encodeSpki } from '../../../src/lib/crypto/raw-keys';
import { selectKeys } from '../../../src/lib/crypto/select-keys';
import { describeSignResult, describeVerdict } from '../../../src/lib/crypto/messages';
import { signToken } from '../../../src/lib/crypto/sign';
import { jwkOf, json, makeToken, pem, unsigned, verifyWith } from './verify-fixtures';

type NodeAlg = 'ES256K' | 'Ed25519' | 'Ed448' | 'EdDSA';

function nodePair(alg: NodeAlg, curve: 'Ed25519' | 'Ed448' = 'Ed25519') {
	if (alg === 'ES256K') return generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
	return alg === 'Ed448' || (alg === 'EdDSA' && curve === 'Ed448')
		? generateKeyPairSync('ed448')
		: generateKeyPairSync('ed25519');
}

/** Every text form of a key pair the page reads, private forms marked. */
function keyForms(
	pair: { privateKey: KeyObject; publicKey: KeyObject },
	alg: NodeAlg,
): [string, string, boolean][] {
	const forms: [string, string, boolean][] = [
		['PEM SPKI', pem(pair.publicKey, 'spki'), false],
		['PEM PKCS#8', pem(pair.privateKey, 'pkcs8'), true],
		['public JWK', json(jwkOf(pair.publicKey)), false],
		['private JWK', json(jwkOf(pair.privateKey)), true],
	];
	if (alg === 'ES256K') forms.push(['PEM SEC1', pem(pair.privateKey, 'sec1'), true]);
	return forms;
}

function nodeVerifies(alg: NodeAlg, token: string, key: KeyObject): boolean {
	const [header, payload, signature] = token.split('.') as [string, string, string];
	const data = Buffer.from(`${header}.${payload}`);
	const bytes = Buffer.from(signature, 'base64url');
	return alg === 'ES256K'
		? verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, bytes)
		: verify(null, data, key, bytes);
}

const cases: [NodeAlg, 'Ed25519' | 'Ed448' | undefined][] = [
	['ES256K', undefined],
	['Ed25519', undefined],
	['Ed448', undefined],
	['EdDSA', 'Ed25519'],
	['EdDSA', 'Ed448'],
];

describe.each(cases)('%s %s against node:crypto', (alg, curve) => {
	const pair = nodePair(alg, curve);
	const forms = keyForms(pair, alg);

	test.each(forms)('a node-signed token verifies with the %s', async (_form, keyText) => {
		const verdict = await verifyWith(makeToken(alg, pair.privateKey), keyText);
		expect(verdict.status).toBe('verified');
	});

	test.each(forms.filter(([, , isPrivate]) => isPrivate))(
		'the %s signs a token node verifies',
		async (_form, keyText) => {
			const signed = await signToken(unsigned(alg), parseKeyInput(keyText));
			if (!signed.ok) throw new Error(describeSignResult(signed));
			expect(nodeVerifies(alg, signed.token, pair.publicKey)).toBe(true);
			expect((await verifyWith(signed.token, pem(pair.publicKey, 'spki'))).status).toBe('verified');
		},
	);

	test('a tampered token is an invalid signature', async () => {
		const token = makeToken(alg, pair.privateKey);
		await fc.assert(
			fc.asyncProperty(fc.nat(), async (at) => {
				const [header, payload, signature] = token.split('.') as [string, string, string];
				const bytes = Buffer.from(signature, 'base64url');
				bytes[at % bytes.length]! ^= 1 << (at % 8);
				const verdict = await verifyWith(`${header}.${payload}.${bytes.toString('base64url')}`, forms[0]![1]);
				expect(verdict.status).toBe('invalid');
			}),
			{ numRuns: 15 },
		);
	});
});

test('the verdict names the library for secp256k1 and Ed448, not for Ed25519 where WebCrypto has it', async () => {
	const k1 = nodePair('ES256K');
	const ed448 = nodePair('Ed448');
	const ed25519 = nodePair('Ed25519');
	expect(await verifyWith(makeToken('ES256K', k1.privateKey), pem(k1.publicKey, 'spki'))).toMatchObject({
		library: { library: 'noble-curves', algorithm: 'secp256k1' },
	});
	expect(await verifyWith(makeToken('Ed448', ed448.privateKey), pem(ed448.publicKey, 'spki'))).toMatchObject({
		library: { library: 'noble-curves', algorithm: 'Ed448' },
	});
	const mlDsa = JSON.parse(
		readFileSync(new URL('../../vectors/rfc9964/ML_DSA_65.jose.json', import.meta.url), 'utf8'),
	) as { jwk: Record<string, string>; jws: string };
	expect(describeVerdict(await verifyWith(mlDsa.jws, JSON.stringify(mlDsa.jwk))).explanation).toBe(
		`Verified with the ML-DSA-65 private key (JWK, kid and thumbprint ${mlDsa.jwk.kid!.slice(0, 10)}…), in this page's ML-DSA code (@noble/post-quantum); this browser's WebCrypto has no ML-DSA.`,
	);
	const native = await verifyWith(makeToken('Ed25519', ed25519.privateKey), pem(ed25519.publicKey, 'spki'));
	expect(native.status).toBe('verified');
	expect(native).not.toHaveProperty('library');
});

describe.each(['44', '65', '87'] as const)('ML-DSA-%s (RFC 9964)', (level) => {
	const alg = `ML-DSA-${level}` as const;
	const example = JSON.parse(
		readFileSync(new URL(`../../vectors/rfc9964/ML_DSA_${level}.jose.json`, import.meta.url), 'utf8'),
	) as { jwk: Record<string, string>; jws: string };
	const pub = new Uint8Array(Buffer.from(example.jwk.pub!, 'base64url'));
	const seed = new Uint8Array(Buffer.from(example.jwk.priv!, 'base64url'));
	const { priv: _priv, ...publicJwk } = example.jwk;
	const forms: [string, string][] = [
		['private JWK', JSON.stringify(example.jwk)],
		['public JWK', JSON.stringify(publicJwk)],
		['PEM SPKI', toPem('PUBLIC KEY', encodeSpki(alg, pub))],
		['PEM PKCS#8 (seed)', toPem('PRIVATE KEY', encodePkcs8(alg, seed))],
		['JWKS with the kid', JSON.stringify({ keys: [publicJwk] })],
	];

	test.each(forms)('the published JWS verifies with the %s, in the library', async (_form, keyText) => {
		expect(await verifyWith(example.jws, keyText)).toMatchObject({
			status: 'verified',
			library: { library: 'noble-post-quantum', algorithm: 'ML-DSA' },
		});
	});

	test('signing an edit and verifying it round-trips; a flipped bit fails', async () => {
		const signed = await signToken(unsigned(alg), parseKeyInput(JSON.stringify(example.jwk)));
		if (!signed.ok) throw new Error(describeSignResult(signed));
		expect((await verifyWith(signed.token, JSON.stringify(publicJwk))).status).toBe('verified');
		const [header, payload, signature] = signed.token.split('.') as [string, string, string];
		const bytes = Buffer.from(signature, 'base64url');
		bytes[100]! ^= 0x10;
		const tampered = `${header}.${payload}.${bytes.toString('base64url')}`;
		expect((await verifyWith(tampered, JSON.stringify(publicJwk))).status).toBe('invalid');
	});

	test('a public key cannot sign', async () => {
		const signed = await signToken(unsigned(alg), parseKeyInput(JSON.stringify(publicJwk)));
		expect(signed).toMatchObject({
			ok: false,
			code: 'key-misfit',
			matches: [{ misfits: [{ code: 'not-private' }] }],
		});
	});
});

describe('a key of another algorithm is a mismatch, explained', () => {
	const mlDsa44 = JSON.parse(
		readFileSync(new URL('../../vectors/rfc9964/ML_DSA_44.jose.json', import.meta.url), 'utf8'),
	) as { jwk: Record<string, string>; jws: string };
	const mlDsa65 = JSON.parse(
		readFileSync(new URL('../../vectors/rfc9964/ML_DSA_65.jose.json', import.meta.url), 'utf8'),
	) as { jwk: Record<string, string>; jws: string };
	const k1 = nodePair('ES256K');
	const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	const ed448 = nodePair('Ed448');

	test.each([
		[
			'an ML-DSA-65 token and an ML-DSA-44 JWK',
			mlDsa65.jws,
			JSON.stringify(mlDsa44.jwk),
			'key-type',
			/ML-DSA-65, which needs an ML-DSA-65 key; the key is an ML-DSA-44 private key/,
		],
		[
			'an ML-DSA-65 token and an ML-DSA-44 SPKI',
			mlDsa65.jws,
			toPem(
				'PUBLIC KEY',
				encodeSpki('ML-DSA-44', new Uint8Array(Buffer.from(mlDsa44.jwk.pub!, 'base64url'))),
			),
			'key-type',
			/needs an ML-DSA-65 key; the key is an ML-DSA-44 public key/,
		],
		[
			'an ES256K token and a P-256 key',
			makeToken('ES256K', k1.privateKey),
			pem(p256.publicKey, 'spki'),
			'key-type',
			/ES256K, which needs an EC secp256k1 key; the key is an EC P-256 public key/,
		],
		[
			'an ES256 token and a secp256k1 key',
			makeToken('ES256', p256.privateKey),
			pem(k1.publicKey, 'spki'),
			'key-type',
			/needs an EC P-256 key; the key is an EC secp256k1 public key/,
		],
		[
			'an Ed25519 token and an Ed448 key',
			makeToken('Ed25519', nodePair('Ed25519').privateKey),
			pem(ed448.publicKey, 'spki'),
			'key-type',
			/needs an Ed25519 key; the key is an Ed448 public key/,
		],
		[
			'an ML-DSA-44 token and an Ed448 key',
			mlDsa44.jws,
			pem(ed448.publicKey, 'spki'),
			'key-type',
			/needs an ML-DSA-44 key/,
		],
		[
			'an ES256K token and an ML-DSA-44 key',
			makeToken('ES256K', k1.privateKey),
			JSON.stringify(mlDsa44.jwk),
			'key-type',
			/needs an EC secp256k1 key; the key is an ML-DSA-44 private key/,
		],
	])('%s', async (_name, token, keyText, code, reason) => {
		const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as { alg: string };
		const selection = selectKeys(parseKeyInput(keyText), { alg: header.alg, operation: 'verify' });
		expect(selection.code).toBe('no-fitting-key');
		// The first misfit is the one the verdict explains; an AKP JWK's own "alg" adds key-alg after it.
		expect(selection.code === 'no-fitting-key' && selection.matches[0]!.misfits[0]!.code).toBe(code);
		const verdict = await verifyWith(token, keyText);
		expect(verdict).toMatchObject({ status: 'invalid', code: 'key-misfit' });
		expect(describeVerdict(verdict).explanation).toMatch(reason);
	});

	test('a JWK whose "alg" names another algorithm is the key-alg mismatch', async () => {
		const jwk = { ...jwkOf(k1.publicKey), alg: 'ES256' };
		const selection = selectKeys(parseKeyInput(JSON.stringify(jwk)), { alg: 'ES256K', operation: 'verify' });
		expect(selection).toMatchObject({
			code: 'no-fitting-key',
			matches: [{ misfits: [{ code: 'key-alg' }] }],
		});
	});

	test('a secp256k1 JWK whose point is not on the curve is refused, not "does not match"', async () => {
		const jwk = { ...jwkOf(k1.publicKey), y: jwkOf(p256.publicKey).y };
		expect(parseKeyInput(JSON.stringify(jwk))).toMatchObject({
			kind: 'error',
			problem: { fault: { code: 'ec-point-off-curve', crv: 'secp256k1' } },
		});
		const verdict = await verifyWith(makeToken('ES256K', k1.privateKey), JSON.stringify(jwk));
		expect(verdict).toMatchObject({ status: 'invalid', code: 'key-unreadable' });
	});
});

test('an Ed448 key node made verifies through SPKI that node reads back', () => {
	const pair = nodePair('Ed448');
	const jwk = jwkOf(pair.publicKey);
	const spki = encodeSpki('Ed448', new Uint8Array(Buffer.from(jwk.x!, 'base64url')));
	expect(
		createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }).export({ format: 'jwk' }),
	).toEqual(jwk);
});
