// WebCrypto is asked once per algorithm whether it has Ed25519 or ML-DSA (issue 15: "feature-detect it once"), and
// what it lacks goes to the library.

import { webcrypto } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { loadProvider } from '../../../../../src/lib/crypto/providers/raw/load';
import { hasNativeAlgorithm } from '../../../../../src/lib/crypto/providers/raw/webcrypto';

/** node's SubtleCrypto, counting generateKey calls per algorithm name. */
function countingSubtle(): { subtle: SubtleCrypto; generated: Map<string, number> } {
	const generated = new Map<string, number>();
	const real = webcrypto.subtle as unknown as SubtleCrypto;
	const subtle = new Proxy(real, {
		get(target, property) {
			const value = Reflect.get(target, property, target) as unknown;
			if (typeof value !== 'function') return value;
			if (property !== 'generateKey') return value.bind(target);
			return (algorithm: AlgorithmIdentifier, ...rest: unknown[]) => {
				const name = typeof algorithm === 'string' ? algorithm : algorithm.name;
				generated.set(name, (generated.get(name) ?? 0) + 1);
				return (value as (...args: unknown[]) => unknown).call(target, algorithm, ...rest);
			};
		},
	});
	return { subtle, generated };
}

describe('hasNativeAlgorithm', () => {
	test('asks WebCrypto once per algorithm, however often the page asks', async () => {
		const { subtle, generated } = countingSubtle();
		const answers = await Promise.all([
			hasNativeAlgorithm('Ed25519', subtle),
			hasNativeAlgorithm('Ed25519', subtle),
			loadProvider('Ed25519', subtle).then((provider) => provider.implementation === 'webcrypto'),
			loadProvider('Ed25519', subtle).then((provider) => provider.implementation === 'webcrypto'),
		]);
		expect(answers).toEqual([true, true, true, true]);
		expect(generated.get('Ed25519')).toBe(1);
	});

	test('an algorithm WebCrypto lacks is false, asked once, and the library provides it', async () => {
		const { subtle, generated } = countingSubtle();
		// Node 20's WebCrypto has no ML-DSA.
		expect(await hasNativeAlgorithm('ML-DSA-65', subtle)).toBe(false);
		expect((await loadProvider('ML-DSA-65', subtle)).implementation).toBe('noble-post-quantum');
		expect((await loadProvider('ML-DSA-65', subtle)).implementation).toBe('noble-post-quantum');
		expect(generated.get('ML-DSA-65') ?? 0).toBeLessThanOrEqual(1);
	});

	test('secp256k1 and Ed448 are never asked: no browser has them', async () => {
		const { subtle, generated } = countingSubtle();
		expect((await loadProvider('secp256k1', subtle)).implementation).toBe('noble-curves');
		expect((await loadProvider('Ed448', subtle)).implementation).toBe('noble-curves');
		expect(generated.size).toBe(0);
	});
});
