// JWE decryption against published vectors: RFC 7520 §5 and §6 (the JOSE Cookbook) and Wycheproof's JWE cases.

import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { decryptJwe } from '../../../../src/lib/crypto/jwe/decrypt';
import type { Decryption } from '../../../../src/lib/crypto/jwe/outcome';
import { decodeToken } from '../../../../src/lib/jwt/decode';

const vectorUrl = (path: string) => new URL(`../../../vectors/${path}`, import.meta.url);
const readVector = <T>(path: string): T => JSON.parse(readFileSync(vectorUrl(path), 'utf8')) as T;

function decryptWith(token: string, keyText: string): Promise<Decryption> {
	return decryptJwe({ decoded: decodeToken(token), keyText });
}

function plaintextOf(outcome: Decryption): string {
	if (outcome.status !== 'decrypted') throw new Error(`not decrypted: ${JSON.stringify(outcome)}`);
	return new TextDecoder().decode(outcome.plaintext);
}

interface CookbookJwe {
	title: string;
	input: {
		plaintext: string;
		key?: Record<string, unknown>;
		pwd?: string;
		alg: string | string[];
		enc: string;
	};
	output: { compact?: string };
}

const cookbook = readdirSync(vectorUrl('rfc7520/jwe'))
	.filter((name) => name.endsWith('.json'))
	.map((name) => ({ name, vector: readVector<CookbookJwe>(`rfc7520/jwe/${name}`) }));

describe('RFC 7520 §5 (JOSE Cookbook) JWE examples', () => {
	const compact = cookbook.filter(({ vector }) => vector.output.compact !== undefined);
	const rsa15 = compact.filter(({ vector }) => vector.input.alg === 'RSA1_5');
	const decryptable = compact.filter(({ vector }) => vector.input.alg !== 'RSA1_5');

	test('nine examples have a compact form, and the rest are JSON serialization only', () => {
		expect(compact.map(({ name }) => name.split('.')[0])).toEqual([
			'5_1',
			'5_2',
			'5_3',
			'5_4',
			'5_5',
			'5_6',
			'5_7',
			'5_8',
			'5_9',
		]);
		// §5.10–5.13 use AAD, unprotected headers or several recipients, which compact serialization cannot carry.
		expect(cookbook.filter(({ vector }) => vector.output.compact === undefined)).toHaveLength(4);
	});

	test.each(decryptable.map(({ name, vector }) => [name, vector] as const))(
		'%s decrypts to the published plaintext with its key',
		async (_name, vector) => {
			const keyText = vector.input.pwd ?? JSON.stringify(vector.input.key);
			const outcome = await decryptWith(vector.output.compact!, keyText);
			expect(plaintextOf(outcome)).toBe(vector.input.plaintext);
		},
	);

	test.each(rsa15.map(({ name, vector }) => [name, vector] as const))(
		'%s (RSA1_5) is refused as RSA1_5, which WebCrypto cannot decrypt',
		async (_name, vector) => {
			const outcome = await decryptWith(vector.output.compact!, JSON.stringify(vector.input.key));
			expect(outcome).toMatchObject({ status: 'failed', failure: { code: 'rsa1-5' } });
		},
	);
});

describe('RFC 7520 §6 nesting signatures and encryption', () => {
	interface Nesting {
		sign: { output: { compact: string } };
		encrypt: { input: { plaintext: string; key: Record<string, unknown> }; output: { compact: string } };
	}
	const nesting = readVector<Nesting>('rfc7520/6.nesting_signatures_and_encryption.json');

	test('the JWE decrypts to the signed JWT, which is recognised as a nested JWS', async () => {
		const outcome = await decryptWith(
			nesting.encrypt.output.compact,
			JSON.stringify(nesting.encrypt.input.key),
		);
		expect(plaintextOf(outcome)).toBe(nesting.sign.output.compact);
		expect(outcome.status === 'decrypted' && outcome.view).toMatchObject({
			mode: 'text',
			nested: { kind: 'jws', token: nesting.sign.output.compact },
		});
	});
});

interface WycheproofJwe {
	testGroups: {
		private: Record<string, unknown>;
		tests: {
			tcId: number;
			comment: string;
			jwe: string;
			pt?: string;
			result: 'valid' | 'invalid';
			flags: string[];
		}[];
	}[];
}

const wycheproof = readVector<WycheproofJwe>('wycheproof/json_web_encryption_test.json');
const cases = wycheproof.testGroups.flatMap((group) =>
	group.tests.map((t) => ({ ...t, key: group.private, name: `wycheproof #${t.tcId} ${t.comment}` })),
);
const algOf = (jwe: string): string | undefined => {
	try {
		return (JSON.parse(Buffer.from(jwe.split('.')[0]!, 'base64url').toString()) as { alg?: string }).alg;
	} catch {
		return undefined;
	}
};

describe('Wycheproof json_web_encryption_test.json', () => {
	const valid = cases.filter((c) => c.result === 'valid' && algOf(c.jwe) !== 'RSA1_5');
	const validRsa15 = cases.filter((c) => c.result === 'valid' && algOf(c.jwe) === 'RSA1_5');
	const invalid = cases.filter((c) => c.result === 'invalid');

	test('every case is covered by one of the tables below', () => {
		expect(valid.length + validRsa15.length + invalid.length).toBe(cases.length);
		expect(cases.length).toBeGreaterThan(130);
	});

	test.each(valid.map((c) => [c.name, c] as const))('%s decrypts to its plaintext', async (_name, c) => {
		const outcome = await decryptWith(c.jwe, JSON.stringify(c.key));
		expect(outcome.status).toBe('decrypted');
		if (outcome.status === 'decrypted') expect(Buffer.from(outcome.plaintext).toString('hex')).toBe(c.pt);
	});

	test.each(validRsa15.map((c) => [c.name, c] as const))(
		'%s is valid RSA1_5, which this page refuses as RSA1_5',
		async (_name, c) => {
			const outcome = await decryptWith(c.jwe, JSON.stringify(c.key));
			expect(outcome).toMatchObject({ status: 'failed', failure: { code: 'rsa1-5' } });
		},
	);

	test.each(invalid.map((c) => [c.name, c] as const))('%s fails to decrypt', async (_name, c) => {
		const outcome = await decryptWith(c.jwe, JSON.stringify(c.key));
		expect(outcome.status).toBe('failed');
	});

	const expectedCodes: [number, string][] = [
		[2, 'tag-mismatch'], // modified tag
		[4, 'bad-part'], // tag too long
		[10, 'tag-mismatch'], // modified ciphertext
		[13, 'tag-mismatch'], // modified IV
		[14, 'bad-part'], // missing IV
		[16, 'tag-mismatch'], // modified encrypted key
		[17, 'bad-part'], // missing encrypted key
		[19, 'tag-mismatch'], // modified header
		[22, 'not-a-jwe'], // JSON serialization
		[106, 'key-not-for-alg'], // an A128GCMKW key used for A128KW
		[110, 'rsa1-5'], // an RSA-OAEP key with RSA1_5
	];
	test.each(expectedCodes)('wycheproof #%i fails with %s', async (tcId, code) => {
		const c = cases.find((x) => x.tcId === tcId)!;
		const outcome = await decryptWith(c.jwe, JSON.stringify(c.key));
		expect(outcome).toMatchObject({ status: 'failed', failure: { code } });
	});
});
