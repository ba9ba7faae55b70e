// The JWE facts table agrees with the algorithm table's JWE names, and its sizes are RFC 7518's.

import { describe, expect, test } from 'vitest';
import { jweAlgorithms, jweEncryptions, jweKeyRequirements } from '../../../../src/lib/jwt/algorithms';
import {
	aesSizesUsed,
	jweContentEncryptions,
	jweKeyManagement,
} from '../../../../src/lib/jwt/jwe/algorithms';

describe('the JWE facts table', () => {
	test("holds exactly the algorithm table's JWE alg and enc names, each with its key types there", () => {
		expect(Object.keys(jweKeyManagement)).toEqual([...jweAlgorithms]);
		expect(Object.keys(jweContentEncryptions).sort()).toEqual([...jweEncryptions].sort());
		for (const alg of jweAlgorithms) expect(jweKeyRequirements[alg]).toBeDefined();
	});

	test.each([
		['A128CBC-HS256', 32, 16, 16],
		['A192CBC-HS384', 48, 16, 24],
		['A256CBC-HS512', 64, 16, 32],
		['A128GCM', 16, 12, 16],
		['A192GCM', 24, 12, 16],
		['A256GCM', 32, 12, 16],
	])('%s: a %i-byte key, %i-byte IV and %i-byte tag (RFC 7518 §5.2, §5.3)', (enc, cek, iv, tag) => {
		expect(jweContentEncryptions[enc]).toMatchObject({ cekBytes: cek, ivBytes: iv, tagBytes: tag });
	});

	test.each([
		['A192KW', 'A128GCM', { kw: 192, content: 128 }],
		['PBES2-HS384+A192KW', 'A256GCM', { kw: 192, content: 256 }],
		['A192GCMKW', 'A128GCM', { gcmKw: 192, content: 128 }],
		['dir', 'A192CBC-HS384', { content: 192 }],
		['RSA-OAEP', 'A128GCM', { content: 128 }],
	])('%s with %s runs AES of %j bits', (alg, enc, sizes) => {
		const used = aesSizesUsed(jweKeyManagement[alg]!, jweContentEncryptions[enc]!);
		expect(Object.fromEntries(Object.entries(used).filter(([, v]) => v !== undefined))).toEqual(sizes);
	});

	test('public-key key management is RSA and ECDH-ES, which anyone with the public key can use', () => {
		const publicKey = Object.values(jweKeyManagement)
			.filter((a) => a.publicKey)
			.map((a) => a.name);
		expect(publicKey.every((name) => name.startsWith('RSA') || name.startsWith('ECDH-ES'))).toBe(true);
		expect(publicKey).toHaveLength(9);
	});
});
