// Every Wycheproof case for secp256k1, Ed25519, Ed448 and ML-DSA gives its expected result through our providers.

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadLibraryProvider, loadProvider } from '../../../../../src/lib/crypto/providers/raw/load';
import type { ProviderAlgorithm, SignatureProvider } from '../../../../../src/lib/crypto/providers/raw/types';

interface Case {
	readonly tcId: number;
	readonly comment: string;
	readonly flags: readonly string[];
	readonly msg: string;
	readonly sig: string;
	readonly ctx?: string;
	readonly result: 'valid' | 'invalid' | 'acceptable';
}
interface Group {
	readonly publicKey: string | { readonly pk?: string; readonly uncompressed?: string };
	readonly tests: readonly Case[];
}

const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));

function cases(file: string): { publicKey: Uint8Array; test: Case }[] {
	const data = JSON.parse(
		readFileSync(new URL(`../../../../vectors/wycheproof/${file}`, import.meta.url), 'utf8'),
	) as {
		testGroups: Group[];
	};
	return data.testGroups.flatMap((group) => {
		const key = group.publicKey;
		const publicKey = hex(typeof key === 'string' ? key : (key.pk ?? key.uncompressed!));
		return group.tests.map((test) => ({ publicKey, test }));
	});
}

/**
 * The result JOSE must give. Wycheproof's ML-DSA cases with a non-empty `ctx` were signed under
 * that context; JOSE always verifies with the empty context (RFC 9964 §3), so such a signature
 * must not verify as a JOSE signature, whatever Wycheproof expects with the context.
 */
function expected(test: Case): boolean {
	if (test.ctx !== undefined && test.ctx.length > 0) return false;
	return test.result === 'valid';
}

const suites: [ProviderAlgorithm, string][] = [
	['secp256k1', 'ecdsa_secp256k1_sha256_p1363_test.json'],
	['Ed25519', 'ed25519_test.json'],
	['Ed448', 'ed448_test.json'],
	['ML-DSA-44', 'mldsa_44_verify_test.json'],
	['ML-DSA-65', 'mldsa_65_verify_test.json'],
	['ML-DSA-87', 'mldsa_87_verify_test.json'],
];

describe.each(suites)('%s (%s)', (algorithm, file) => {
	const all = cases(file);

	test('has no "acceptable" case left undecided', () => {
		expect(all.filter(({ test }) => test.result === 'acceptable')).toEqual([]);
	});

	test('the library provider gives every expected result', async () => {
		const provider = await loadLibraryProvider(algorithm);
		await expectResults(provider, all);
	});

	if (algorithm === 'Ed25519')
		test("WebCrypto's provider (Node's) gives the same results", async () => {
			const provider = await loadProvider(algorithm, globalThis.crypto.subtle);
			expect(provider.implementation).toBe('webcrypto');
			await expectResults(provider, all);
		});
});

async function expectResults(provider: SignatureProvider, all: { publicKey: Uint8Array; test: Case }[]) {
	const mismatches: string[] = [];
	for (const { publicKey, test } of all) {
		const valid = await provider.verify(publicKey, hex(test.msg), hex(test.sig));
		if (valid !== expected(test))
			mismatches.push(`tcId ${test.tcId} (${test.comment}; ${test.flags.join(', ')}): got ${valid}`);
	}
	expect(mismatches).toEqual([]);
	expect(all.length).toBeGreaterThan(50);
}
