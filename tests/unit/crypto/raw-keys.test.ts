// Raw key bytes come out of every key format the same, and the formats we write are read back by node:crypto.

import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseKeyInput, type KeyCandidate } from '../../../src/lib/crypto/keys';
import { toPem } from '../../../src/lib/crypto/pem';
import { encodeJwk, encodePkcs8, encodeSpki, readRawKey } from '../../../src/lib/crypto/raw-keys';
import { loadLibraryProvider } from '../../../src/lib/crypto/providers/raw/load';

const b64 = (bytes: Uint8Array | undefined) => (bytes ? Buffer.from(bytes).toString('base64url') : undefined);

function only(text: string): KeyCandidate {
	const parsed = parseKeyInput(text);
	if (parsed.kind !== 'keys') throw new Error(JSON.stringify(parsed));
	expect(parsed.keys).toHaveLength(1);
	return parsed.keys[0]!;
}

function nodePair(kind: 'secp256k1' | 'Ed25519' | 'Ed448'): { privateKey: KeyObject; publicKey: KeyObject } {
	if (kind === 'secp256k1') return generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
	return kind === 'Ed448' ? generateKeyPairSync('ed448') : generateKeyPairSync('ed25519');
}

describe.each(['secp256k1', 'Ed25519', 'Ed448'] as const)('%s keys from node:crypto', (kind) => {
	const { privateKey, publicKey } = nodePair(kind);
	const jwk = privateKey.export({ format: 'jwk' });
	const expectedPublic =
		kind === 'secp256k1'
			? b64(Buffer.concat([Buffer.of(4), Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')]))
			: jwk.x;
	const formats: [string, string, boolean][] = [
		['PEM SPKI', publicKey.export({ format: 'pem', type: 'spki' }) as string, false],
		['PEM PKCS#8', privateKey.export({ format: 'pem', type: 'pkcs8' }) as string, true],
		['public JWK', JSON.stringify(publicKey.export({ format: 'jwk' })), false],
		['private JWK', JSON.stringify(jwk), true],
	];
	if (kind === 'secp256k1')
		formats.push(['PEM SEC1', privateKey.export({ format: 'pem', type: 'sec1' }) as string, true]);

	test.each(formats)('%s gives the same raw bytes', (_format, text, isPrivate) => {
		const raw = readRawKey(only(text));
		expect(raw.algorithm).toBe(kind);
		if (isPrivate) expect(b64(raw.privateKey)).toBe(jwk.d);
		// Node's PKCS#8 EdDSA keys are version 0, without the public key: the provider derives it.
		if (raw.publicKey || !isPrivate) expect(b64(raw.publicKey)).toBe(expectedPublic);
	});

	test('the SPKI, PKCS#8 and JWK we write are node’s keys', () => {
		const raw = readRawKey(only(JSON.stringify(jwk)));
		const spki = createPublicKey({
			key: Buffer.from(encodeSpki(kind, raw.publicKey!)),
			format: 'der',
			type: 'spki',
		});
		expect(spki.export({ format: 'jwk' })).toEqual(publicKey.export({ format: 'jwk' }));
		const pkcs8 = createPrivateKey({
			key: Buffer.from(encodePkcs8(kind, raw.privateKey!, raw.publicKey)),
			format: 'der',
			type: 'pkcs8',
		});
		expect(pkcs8.export({ format: 'jwk' })).toEqual(jwk);
		expect(encodeJwk(kind, raw.publicKey!, raw.privateKey)).toEqual(jwk);
	});
});

describe.each(['44', '65', '87'] as const)('ML-DSA-%s keys', (level) => {
	const alg = `ML-DSA-${level}` as const;
	const example = JSON.parse(
		readFileSync(new URL(`../../vectors/rfc9964/ML_DSA_${level}.jose.json`, import.meta.url), 'utf8'),
	) as { jwk: Record<string, string> };
	const wycheproof = JSON.parse(
		readFileSync(
			new URL(`../../vectors/wycheproof/mldsa_${level}_verify_test.json`, import.meta.url),
			'utf8',
		),
	) as { testGroups: { publicKey: string; publicKeyDer: string }[] };

	test('the RFC 9964 private JWK gives its seed and public key, described by alg', () => {
		const key = only(JSON.stringify(example.jwk));
		expect(key.info).toEqual({ kty: 'AKP', alg, private: true });
		const raw = readRawKey(key);
		expect(b64(raw.privateKey)).toBe(example.jwk.priv);
		expect(b64(raw.publicKey)).toBe(example.jwk.pub);
	});

	test("Wycheproof's SPKI DER, as PEM, gives its raw public key", () => {
		const group = wycheproof.testGroups.find((g) => g.publicKeyDer.length / 2 > 1000)!;
		const key = only(toPem('PUBLIC KEY', new Uint8Array(Buffer.from(group.publicKeyDer, 'hex'))));
		expect(key.info).toEqual({ kty: 'AKP', alg, private: false });
		expect(Buffer.from(readRawKey(key).publicKey!).toString('hex')).toBe(group.publicKey);
	});

	test.each(['seed', 'expandedKey', 'both'] as const)(
		'a PKCS#8 key in the %s form (RFC 9881 §6) is read',
		async (form) => {
			const provider = await loadLibraryProvider(alg);
			const seed = new Uint8Array(Buffer.from(example.jwk.priv!, 'base64url'));
			const { ml_dsa44, ml_dsa65, ml_dsa87 } = await import('@noble/post-quantum/ml-dsa.js');
			const dsa = { '44': ml_dsa44, '65': ml_dsa65, '87': ml_dsa87 }[level];
			const expanded = dsa.keygen(seed).secretKey;
			const pkcs8 = encodePkcs8(alg, seed);
			const der =
				form === 'seed'
					? pkcs8
					: rewrap(
							pkcs8,
							form === 'expandedKey' ? octets(expanded) : sequence(octets(seed), octets(expanded)),
						);
			const raw = readRawKey(only(toPem('PRIVATE KEY', der)));
			expect(b64(raw.privateKey)).toBe(b64(form === 'expandedKey' ? expanded : seed));
			expect(b64(await provider.publicKeyOf(raw.privateKey!))).toBe(example.jwk.pub);
		},
	);

	test.each([
		['an AKP JWK without alg', { kty: 'AKP', pub: 'AA' }],
		['an AKP JWK whose alg is not ML-DSA', { kty: 'AKP', alg: 'ES256', pub: 'AA' }],
		['a pub of the wrong size', { kty: 'AKP', alg, pub: 'AAAA' }],
		['a priv that is not a 32-byte seed', { kty: 'AKP', alg, pub: 'x', priv: 'AAAA' }],
	])('%s is refused with a reason', (_name, jwk) => {
		const base = { ...jwk };
		if (base.pub === 'x') base.pub = example.jwk.pub!;
		expect(parseKeyInput(JSON.stringify(base))).toMatchObject({ kind: 'error' });
	});
});

// DER helpers for the test's own PKCS#8 variants (short and long lengths).
function length(n: number): number[] {
	return n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
}
function octets(bytes: Uint8Array): Uint8Array {
	return Uint8Array.from([0x04, ...length(bytes.length), ...bytes]);
}
function sequence(...parts: Uint8Array[]): Uint8Array {
	const body = Buffer.concat(parts);
	return Uint8Array.from([0x30, ...length(body.length), ...body]);
}
/** The seed-form PKCS#8 with its privateKey replaced by `inner`. */
function rewrap(seedForm: Uint8Array, inner: Uint8Array): Uint8Array {
	// version (3 bytes) and AlgorithmIdentifier (13 bytes) follow the 2-byte outer header of the seed form.
	const head = seedForm.subarray(2, 2 + 3 + 13);
	return sequence(head, octets(inner));
}
