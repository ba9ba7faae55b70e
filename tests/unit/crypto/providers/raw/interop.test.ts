// Our providers and independent implementations agree both ways: node:crypto for secp256k1, Ed448 and Ed25519; RFC 9964's examples for ML-DSA.

import {
	createPrivateKey,
	createPublicKey,
	generateKeyPairSync,
	sign,
	verify,
	type KeyObject,
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadLibraryProvider, loadProvider } from '../../../../../src/lib/crypto/providers/raw/load';
import type { ProviderAlgorithm } from '../../../../../src/lib/crypto/providers/raw/types';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const unb64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'));

/** A node key pair and its raw bytes, as our providers take them. */
function nodeKeys(algorithm: 'secp256k1' | 'Ed448' | 'Ed25519') {
	const { privateKey, publicKey } =
		algorithm === 'secp256k1'
			? generateKeyPairSync('ec', { namedCurve: 'secp256k1' })
			: algorithm === 'Ed448'
				? generateKeyPairSync('ed448')
				: generateKeyPairSync('ed25519');
	const jwk = privateKey.export({ format: 'jwk' });
	const rawPublic =
		algorithm === 'secp256k1' ? new Uint8Array([4, ...unb64(jwk.x!), ...unb64(jwk.y!)]) : unb64(jwk.x!);
	return { privateKey, publicKey, rawPublic, rawPrivate: unb64(jwk.d!) };
}

function nodeSign(algorithm: string, key: KeyObject, data: Uint8Array): Uint8Array {
	return algorithm === 'secp256k1'
		? sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' })
		: sign(null, data, key);
}

function nodeVerify(algorithm: string, key: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
	return algorithm === 'secp256k1'
		? verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature)
		: verify(null, data, key, signature);
}

describe.each(['secp256k1', 'Ed448', 'Ed25519'] as const)('%s against node:crypto', (algorithm) => {
	test('ours verifies node signatures and node verifies ours, on random messages', async () => {
		const provider = await loadLibraryProvider(algorithm);
		const keys = nodeKeys(algorithm);
		await fc.assert(
			fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (data) => {
				expect(await provider.verify(keys.rawPublic, data, nodeSign(algorithm, keys.privateKey, data))).toBe(
					true,
				);
				const ours = await provider.sign(keys.rawPrivate, data);
				expect(nodeVerify(algorithm, keys.publicKey, data, ours)).toBe(true);
			}),
			{ numRuns: 20 },
		);
	});

	test('our public key of the private key is node’s', async () => {
		const provider = await loadLibraryProvider(algorithm);
		const keys = nodeKeys(algorithm);
		expect(b64(await provider.publicKeyOf(keys.rawPrivate))).toBe(b64(keys.rawPublic));
	});

	test('a generated key pair works in node', async () => {
		const provider = await loadLibraryProvider(algorithm);
		const { publicKey, privateKey } = await provider.generate();
		const data = new TextEncoder().encode('header.payload');
		const jwk =
			algorithm === 'secp256k1'
				? { kty: 'EC', crv: 'secp256k1', x: b64(publicKey.slice(1, 33)), y: b64(publicKey.slice(33)) }
				: { kty: 'OKP', crv: algorithm, x: b64(publicKey) };
		const nodePublic = createPublicKey({ key: jwk, format: 'jwk' });
		expect(nodeVerify(algorithm, nodePublic, data, await provider.sign(privateKey, data))).toBe(true);
		const nodePrivate = createPrivateKey({ key: { ...jwk, d: b64(privateKey) }, format: 'jwk' });
		expect(await provider.verify(publicKey, data, nodeSign(algorithm, nodePrivate, data))).toBe(true);
	});
});

describe.each(['44', '65', '87'])('ML-DSA-%s: RFC 9964 Appendix A.1', (level) => {
	const algorithm = `ML-DSA-${level}` as ProviderAlgorithm;
	const example = JSON.parse(
		readFileSync(new URL(`../../../../vectors/rfc9964/ML_DSA_${level}.jose.json`, import.meta.url), 'utf8'),
	) as { jwk: { pub: string; priv: string }; jws: string };

	test('the seed gives the published public key', async () => {
		const provider = await loadLibraryProvider(algorithm);
		expect(b64(await provider.publicKeyOf(unb64(example.jwk.priv)))).toBe(example.jwk.pub);
	});

	test('the published JWS verifies, and not once its payload changes', async () => {
		const provider = await loadProvider(algorithm);
		const [header, payload, signature] = example.jws.split('.') as [string, string, string];
		const data = new TextEncoder().encode(`${header}.${payload}`);
		expect(await provider.verify(unb64(example.jwk.pub), data, unb64(signature))).toBe(true);
		data[data.length - 1]! ^= 1;
		expect(await provider.verify(unb64(example.jwk.pub), data, unb64(signature))).toBe(false);
	});
});

const all: ProviderAlgorithm[] = ['secp256k1', 'Ed25519', 'Ed448', 'ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87'];

describe.each(all)('%s properties', (algorithm) => {
	test('sign then verify holds, and any flipped bit of data or signature breaks it', async () => {
		const provider = await loadProvider(algorithm);
		const { publicKey, privateKey } = await provider.generate();
		await fc.assert(
			fc.asyncProperty(
				fc.uint8Array({ minLength: 1, maxLength: 200 }),
				fc.nat(),
				fc.boolean(),
				async (data, at, inSignature) => {
					const signature = await provider.sign(privateKey, data);
					expect(await provider.verify(publicKey, data, signature)).toBe(true);
					const target = inSignature ? signature.slice() : data.slice();
					target[at % target.length]! ^= 1 << (at % 8);
					const valid = inSignature
						? await provider.verify(publicKey, data, target)
						: await provider.verify(publicKey, target, signature);
					expect(valid).toBe(false);
				},
			),
			{ numRuns: algorithm.startsWith('ML-DSA') ? 8 : 25 },
		);
	});

	test("another algorithm's key or signature is refused, never thrown", async () => {
		const provider = await loadProvider(algorithm);
		const other = await loadProvider(algorithm === 'Ed448' ? 'secp256k1' : 'Ed448');
		const mine = await provider.generate();
		const theirs = await other.generate();
		const data = Uint8Array.of(1, 2, 3);
		expect(await provider.verify(theirs.publicKey, data, await provider.sign(mine.privateKey, data))).toBe(
			false,
		);
		expect(await provider.verify(mine.publicKey, data, await other.sign(theirs.privateKey, data))).toBe(
			false,
		);
	});
});
