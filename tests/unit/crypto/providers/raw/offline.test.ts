// A library chunk that cannot be fetched (offline, never cached) leaves the token "not verified", never a rejection.

import { generateKeyPairSync } from 'node:crypto';
import { expect, test, vi } from 'vitest';
import { makeToken, pem, verifyWith } from '../../verify-fixtures';

vi.mock('../../../../../src/lib/crypto/providers/raw/load', () => ({
	loadProvider: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
	loadLibraryProvider: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
}));

test('ES256K with its library unreachable is not verified, and says the algorithm is unsupported here', async () => {
	const k1 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
	const verdict = await verifyWith(makeToken('ES256K', k1.privateKey), pem(k1.publicKey, 'spki'));
	expect(verdict).toMatchObject({ status: 'not-verified', code: 'browser-unsupported', alg: 'ES256K' });
});
