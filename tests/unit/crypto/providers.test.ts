// loadProvider: the algorithm table's implementation column decides which implementation verifies and signs.

import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { findJwsAlgorithm } from '../../../src/lib/jwt/algorithms';
import { parseKeyInput, type KeyCandidate } from '../../../src/lib/crypto/keys';
import { loadProvider } from '../../../src/lib/crypto/providers';

const subtle = globalThis.crypto.subtle;
const keyOf = (keyText: string): KeyCandidate => {
	const parsed = parseKeyInput(keyText);
	if (parsed.kind !== 'keys') throw new Error('not a key');
	return parsed.keys[0]!;
};

describe('loadProvider', () => {
	test('a WebCrypto row verifies what node:crypto signs, and signs what it verifies', async () => {
		const pair = generateKeyPairSync('ed25519');
		const alg = findJwsAlgorithm('EdDSA')!;
		const data = new TextEncoder().encode('header.payload');
		const publicKey = keyOf(JSON.stringify(pair.publicKey.export({ format: 'jwk' })));
		const privateKey = keyOf(JSON.stringify(pair.privateKey.export({ format: 'jwk' })));
		const provider = await loadProvider(alg, publicKey, subtle);
		const signature = new Uint8Array(sign(null, data, pair.privateKey));
		expect(await provider!.verify({ alg, key: publicKey, signature, data })).toBe(true);
		const made = await (await loadProvider(alg, privateKey, subtle))!.sign({ alg, key: privateKey, data });
		expect(made).toEqual(signature);
	});

	test.each([
		['ES256K, which WebCrypto lacks', 'ES256K', { namedCurve: 'secp256k1' } as const],
		['EdDSA with an Ed448 key', 'EdDSA', undefined],
	])('nothing implements %s yet', async (_name, name, ec) => {
		const pair = ec ? generateKeyPairSync('ec', ec) : generateKeyPairSync('ed448');
		const key = keyOf(JSON.stringify(pair.publicKey.export({ format: 'jwk' })));
		expect(await loadProvider(findJwsAlgorithm(name)!, key, subtle)).toBeUndefined();
	});
});
