// A provider prepared while the token shows has probed WebCrypto before the key arrives: verifying waits for no probe.

import { generateKeyPairSync, sign } from 'node:crypto';
import { expect, test } from 'vitest';
import { findJwsAlgorithm } from '../../../../../src/lib/jwt/algorithms';
import { rawKeyProvider } from '../../../../../src/lib/crypto/providers/raw/jws';
import { parseKeyInput } from '../../../../../src/lib/crypto/keys';
import { pem } from '../../verify-fixtures';

/** The browser's WebCrypto, counting the keys it generates: the probe is the only thing here that generates one. */
function countingSubtle() {
	const real = globalThis.crypto.subtle;
	const counts = { generateKey: 0 };
	const subtle = new Proxy(real, {
		get(target, name) {
			const value = Reflect.get(target, name, target) as unknown;
			if (typeof value !== 'function') return value;
			return (...args: unknown[]) => {
				if (name === 'generateKey') counts.generateKey++;
				return (value as (...a: unknown[]) => unknown).apply(target, args);
			};
		},
	});
	return { subtle, counts };
}

test('prepare() probes WebCrypto once; the verification after it probes nothing', async () => {
	const { subtle, counts } = countingSubtle();
	const provider = rawKeyProvider(['Ed25519'], () => subtle);
	await provider.prepare?.();
	expect(counts.generateKey).toBe(1);
	await provider.prepare?.();
	expect(counts.generateKey).toBe(1);

	const pair = generateKeyPairSync('ed25519');
	const data = new TextEncoder().encode('header.payload');
	const signature = new Uint8Array(sign(null, data, pair.privateKey));
	const parsed = parseKeyInput(pem(pair.publicKey, 'spki'));
	const key = parsed.kind === 'keys' ? parsed.keys[0] : undefined;
	expect(key).toBeDefined();
	expect(await provider.verify({ alg: findJwsAlgorithm('Ed25519')!, key: key!, signature, data })).toBe(true);
	expect(counts.generateKey).toBe(1);
});
