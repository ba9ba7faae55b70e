// Issue 19: keys the browser would refuse are refused when read, with a reason a person can act on, and no browser
// error name, `undefined`, `NaN` or `[object Object]` reaches a person on any key-reading failure path.

import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { checkEcKey, ecCurves, isOnCurve, multiplyBase, toBigInt } from '../../../src/lib/crypto/key-checks';
import type { KeyFault } from '../../../src/lib/crypto/key-faults';
import { parseKeyInput, type KeyProblem } from '../../../src/lib/crypto/keys';
import {
	describeKeyFault,
	describeKeyProblem,
	describeSignResult,
	describeVerdict,
} from '../../../src/lib/crypto/messages';
import { toPem } from '../../../src/lib/crypto/pem';
import { signToken } from '../../../src/lib/crypto/sign';
import { verifyToken } from '../../../src/lib/crypto/verify';
import { readDer } from '../../../src/lib/encoding/der';
import { decodeToken } from '../../../src/lib/jwt/decode';
import { der } from './key-fixtures';
import { makeToken, KEYS } from './verify-fixtures';

/** What must never reach a person: browser error names, and values that were never meant to be words. */
export const RAW =
	/\b(?:DataError|OperationError|NotSupportedError|InvalidAccessError|SyntaxError|TypeError|RangeError)\b|\bundefined\b|\bNaN\b|\[object Object\]/;

const p256 = KEYS['P-256'][0];
const rsa = KEYS.rsa[0];
const es256 = makeToken('ES256', p256.privateKey);
const rs256 = makeToken('RS256', rsa.privateKey);
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** A copy of `bytes` with the byte at `index` changed. */
function flipped(bytes: Uint8Array, index: number, mask = 0x01): Uint8Array {
	const copy = Uint8Array.from(bytes);
	copy[index] = copy[index]! ^ mask;
	return copy;
}

/** The offset of the last content byte of the DER node found by walking `path` (child indexes) from the root. */
function lastByteOf(bytes: Uint8Array, path: number[]): number {
	let node = readDer(bytes);
	for (const index of path) {
		const child = node.children?.[index];
		if (!child) throw new Error(`no child ${index}`);
		node = child;
	}
	return node.start + node.headerLength + node.length - 1;
}

function problemOf(keyText: string): KeyProblem {
	const parsed = parseKeyInput(keyText);
	if (parsed.kind !== 'error') throw new Error(`expected a problem, got ${parsed.kind}`);
	return parsed.problem;
}

const ISSUE_JWK = {
	kty: 'EC',
	crv: 'P-256',
	x: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
	y: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
};

describe('EC keys whose point is off the curve are refused when read', () => {
	const spki = der(p256.publicKey, 'spki');
	const sec1 = der(p256.privateKey, 'sec1');
	const pkcs8 = der(p256.privateKey, 'pkcs8');

	test.each([
		[
			'the JWK of issue 19 (x = y = 0)',
			JSON.stringify(ISSUE_JWK),
			{ code: 'jwk-unusable', fault: { code: 'ec-point-off-curve', crv: 'P-256' } },
		],
		[
			'an SPKI whose y was changed',
			toPem('PUBLIC KEY', flipped(spki, spki.length - 1)),
			{
				code: 'pem-no-key',
				blocks: [{ label: 'PUBLIC KEY', fault: { code: 'ec-point-off-curve', crv: 'P-256' } }],
			},
		],
		[
			'a SEC1 key whose public point was changed',
			toPem('EC PRIVATE KEY', flipped(sec1, sec1.length - 1)),
			{ code: 'pem-no-key', blocks: [{ fault: { code: 'ec-point-off-curve', crv: 'P-256' } }] },
		],
		[
			'a PKCS#8 key whose public point was changed',
			toPem('PRIVATE KEY', flipped(pkcs8, pkcs8.length - 1)),
			{ code: 'pem-no-key', blocks: [{ fault: { code: 'ec-point-off-curve', crv: 'P-256' } }] },
		],
		[
			'a SEC1 key whose private value was changed',
			toPem('EC PRIVATE KEY', flipped(sec1, lastByteOf(sec1, [1]))),
			{ code: 'pem-no-key', blocks: [{ fault: { code: 'ec-private-mismatch', crv: 'P-256' } }] },
		],
		[
			'a JWK whose d does not make its point',
			JSON.stringify({ ...p256.privateKey.export({ format: 'jwk' }), d: b64(new Uint8Array(32).fill(7)) }),
			{ code: 'jwk-unusable', fault: { code: 'ec-private-mismatch', crv: 'P-256' } },
		],
		[
			'a JWK whose x is a byte short',
			JSON.stringify({ ...ISSUE_JWK, x: b64(new Uint8Array(31)) }),
			{
				code: 'jwk-unusable',
				fault: { code: 'member-length', member: 'x', crv: 'P-256', bytes: 31, expected: 32 },
			},
		],
	])('%s', async (_name, keyText, problem) => {
		expect(problemOf(keyText)).toMatchObject(problem);
		const words = describeKeyProblem(problemOf(keyText));
		expect(words).not.toMatch(RAW);
		// The verdict says the key cannot be read; the alert under it says why.
		expect(await verifyToken({ decoded: decodeToken(es256), key: parseKeyInput(keyText) })).toMatchObject({
			status: 'invalid',
			code: 'key-unreadable',
		});
	});

	test('the words for the issue’s JWK say the point is not on P-256', () => {
		expect(describeKeyProblem(problemOf(JSON.stringify(ISSUE_JWK)))).toMatch(/point is not on P-256/);
	});

	test.each(Object.entries(ecCurves))(
		'%s: the base point is on the curve, and n·G is the point at infinity',
		(_crv, c) => {
			expect(isOnCurve(c, c.gx, c.gy)).toBe(true);
			expect(isOnCurve(c, c.gx, c.gy + 1n)).toBe(false);
			expect(multiplyBase(c, 1n)).toEqual({ x: c.gx, y: c.gy });
			// (n − 1)·G = −G: same x, y mirrored.
			expect(multiplyBase(c, c.n - 1n)).toEqual({ x: c.gx, y: c.p - c.gy });
		},
	);

	test.each(KEYS['P-256'].concat(KEYS['P-384'], KEYS['P-521']).map((k, i) => [i, k] as const))(
		'node:crypto key %i: d·G is its public point',
		(_i, pair) => {
			const jwk = pair.privateKey.export({ format: 'jwk' }) as Record<string, string>;
			const bytes = (member: string) => new Uint8Array(Buffer.from(jwk[member]!, 'base64url'));
			expect(() => checkEcKey(jwk.crv!, { x: bytes('x'), y: bytes('y'), d: bytes('d') })).not.toThrow();
			expect(multiplyBase(ecCurves[jwk.crv!]!, toBigInt(bytes('d')))).toEqual({
				x: toBigInt(bytes('x')),
				y: toBigInt(bytes('y')),
			});
		},
	);

	test('a compressed SPKI point is read and checked', () => {
		const compressed = generateKeyPairSync('ec', { namedCurve: 'P-256' });
		const point = compressed.publicKey.export({ format: 'der', type: 'spki' });
		// OpenSSL writes uncompressed points; compress by hand: 02/03 ‖ x.
		const raw = new Uint8Array(point.subarray(point.length - 65));
		const y = raw[64]!;
		const short = Uint8Array.of(2 | (y & 1), ...raw.subarray(1, 33));
		const c = ecCurves['P-256']!;
		expect(() => checkEcKey('P-256', { point: short })).not.toThrow();
		expect(() =>
			checkEcKey('P-256', { point: Uint8Array.of(2, ...new Uint8Array(32).fill(0xff)) }),
		).toThrow();
		expect(c.bytes).toBe(32);
	});
});

describe('RSA keys whose numbers do not fit together are refused when read', () => {
	const pkcs1 = der(rsa.privateKey, 'pkcs1');
	const pkcs8 = der(rsa.privateKey, 'pkcs8');

	test.each([
		// RSAPrivateKey: version, n, e, d, p, q, dP, dQ, qInv.
		...['n', 'e', 'd', 'p', 'q', 'dP', 'dQ', 'qInv'].map(
			(name, i) =>
				[
					`PKCS#1 with ${name} changed`,
					toPem('RSA PRIVATE KEY', flipped(pkcs1, lastByteOf(pkcs1, [i + 1]), 0x02)),
				] as const,
		),
		[
			'PKCS#8 with a byte of its CRT values changed',
			toPem('PRIVATE KEY', flipped(pkcs8, lastByteOf(pkcs8, [2]) - 300, 0x10)),
		],
	] as [string, string][])('%s', async (_name, keyText) => {
		const problem = problemOf(keyText);
		expect(problem.code).toBe('pem-no-key');
		const fault = problem.code === 'pem-no-key' ? problem.blocks[0]?.fault : undefined;
		expect(['rsa-inconsistent', 'rsa-exponent', 'rsa-modulus']).toContain(fault?.code);
		expect(describeKeyProblem(problem)).not.toMatch(RAW);
		expect((await verifyToken({ decoded: decodeToken(rs256), key: parseKeyInput(keyText) })).code).toBe(
			'key-unreadable',
		);
	});

	test('a changed private key says its numbers do not fit together, so it was changed or cut', () => {
		const problem = problemOf(toPem('RSA PRIVATE KEY', flipped(pkcs1, lastByteOf(pkcs1, [4]))));
		expect(describeKeyProblem(problem)).toMatch(/numbers do not fit together.*changed or cut/);
	});

	test.each([
		['an empty n', { kty: 'RSA', n: '', e: 'AQAB' }, { code: 'rsa-modulus', bits: 0 }],
		[
			'n of 17 bits (n and e swapped)',
			{ kty: 'RSA', n: 'AQAB', e: 'AQAB' },
			{ code: 'rsa-modulus', bits: 17 },
		],
		[
			'n of 256 bits',
			{ kty: 'RSA', n: b64(Uint8Array.of(0x80, ...new Uint8Array(30), 1)), e: 'AQAB' },
			{ code: 'rsa-modulus', bits: 256 },
		],
		[
			'an even n',
			{ kty: 'RSA', n: b64(Uint8Array.of(0x80, ...new Uint8Array(127))), e: 'AQAB' },
			{ code: 'rsa-modulus', bits: 1024, even: true },
		],
		[
			'a private JWK with p but not q',
			{ ...(rsa.privateKey.export({ format: 'jwk' }) as object), q: undefined },
			{ code: 'rsa-private-incomplete', missing: ['q'] },
		],
		[
			'a private JWK whose p was swapped with q',
			(() => {
				const jwk = rsa.privateKey.export({ format: 'jwk' }) as Record<string, string>;
				return { ...jwk, p: jwk.q, q: jwk.p };
			})(),
			{ code: 'rsa-inconsistent' },
		],
	])('a JWK RSA key with %s is refused as not an RSA key, with the reason', (_name, jwk, fault) => {
		const problem = problemOf(JSON.stringify(jwk));
		expect(problem).toMatchObject({ code: 'jwk-unusable', fault });
		const words = describeKeyProblem(problem);
		expect(words).not.toMatch(RAW);
		expect(words).not.toMatch(/RSA \d+ public key/);
	});
});

describe('a key the browser refuses when it is used is a key problem too, without the error name', () => {
	/** A SubtleCrypto whose importKey fails as a browser's does for key material it will not take. */
	const refusing = new Proxy(globalThis.crypto.subtle, {
		get(target, name) {
			if (name === 'importKey')
				return () => Promise.reject(new DOMException('The provided key data is invalid', 'DataError'));
			const value = Reflect.get(target, name) as unknown;
			return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
		},
	});

	test('verify: the verdict is key-rejected and names the key', async () => {
		const key = parseKeyInput(JSON.stringify(rsa.publicKey.export({ format: 'jwk' })));
		const verdict = await verifyToken({ decoded: decodeToken(rs256), key }, refusing);
		expect(verdict).toMatchObject({ status: 'invalid', code: 'key-rejected', key: { source: 'jwk' } });
		const { explanation } = describeVerdict(verdict);
		expect(explanation).toMatch(/numbers do not fit together/);
		expect(explanation).not.toMatch(RAW);
	});

	test('sign: the result is key-rejected, and the note says so without the error name', async () => {
		const key = parseKeyInput(JSON.stringify(rsa.privateKey.export({ format: 'jwk' })));
		const result = await signToken(rs256, key, { subtle: refusing });
		expect(result).toMatchObject({ ok: false, code: 'key-rejected', unsupported: false });
		expect(describeSignResult(result)).not.toMatch(RAW);
	});
});

describe('every key problem and fault has words with no raw names', () => {
	const faults: KeyFault[] = [
		{ code: 'der-cut', structure: 'spki', offset: 0 },
		{
			code: 'unexpected-element',
			structure: 'spki',
			field: 'algorithm',
			offset: 2,
			expected: 0x30,
			found: 0x02,
		},
		{ code: 'not-a-key', label: 'CERTIFICATE REQUEST' },
		{ code: 'encrypted' },
		{ code: 'not-object' },
		{ code: 'no-kty' },
		{ code: 'unknown-kty', kty: '"DSA"' },
		{ code: 'members-missing', members: ['n', 'e'] },
		{ code: 'member-empty', member: 'k' },
		{ code: 'unknown-curve', kty: 'EC', crv: '"P-192"' },
		{ code: 'unknown-curve', kty: 'OKP' },
		{ code: 'member-length', member: 'x', crv: 'P-256', bytes: 0, expected: 32 },
		{ code: 'rsa-exponent', value: 1 },
		{ code: 'rsa-exponent' },
		{ code: 'rsa-modulus', bits: 0, even: true, minimum: 512 },
		{ code: 'rsa-modulus', bits: 17, even: false, minimum: 512 },
		{ code: 'rsa-modulus', bits: 2048, even: true, minimum: 512 },
		{ code: 'rsa-private-incomplete', missing: ['dp', 'qi'] },
		{ code: 'rsa-multi-prime' },
		{ code: 'rsa-inconsistent' },
		{ code: 'ec-point-off-curve', crv: 'P-256' },
		{ code: 'ec-private-range', crv: 'P-384' },
		{ code: 'ec-private-mismatch', crv: 'P-521' },
		{ code: 'rejected' },
	];
	const problems: KeyProblem[] = [
		{ code: 'secret-not-base64', reason: 'bad-character', position: 3, character: '!', length: 9 },
		{ code: 'secret-not-base64', reason: 'bad-padding', position: 3, length: 9 },
		{ code: 'secret-not-base64', reason: 'bad-length', position: 9, length: 9 },
		{ code: 'secret-empty' },
		{ code: 'pem-malformed', fault: { code: 'no-end', label: 'PUBLIC KEY', line: 1 } },
		{ code: 'pem-malformed', fault: { code: 'no-end-before-begin', label: 'A', line: 1, nextLine: 3 } },
		{ code: 'pem-malformed', fault: { code: 'wrong-end', label: 'A', line: 1, endLabel: 'B', endLine: 3 } },
		{ code: 'pem-malformed', fault: { code: 'bad-character', codePoint: 0x5f, line: 2, column: 1 } },
		{ code: 'pem-malformed', fault: { code: 'bad-character', codePoint: 0xa0, line: 2, column: 4 } },
		{ code: 'pem-malformed', fault: { code: 'after-padding', line: 2, column: 3 } },
		{ code: 'pem-malformed', fault: { code: 'lone-character', line: 2, column: 6 } },
		{ code: 'pem-malformed', fault: { code: 'bad-padding', line: 2, column: 4 } },
		{ code: 'pem-no-block' },
		{ code: 'pem-no-key', blocks: faults.map((fault) => ({ label: 'PUBLIC KEY', fault })) },
		{ code: 'json-invalid', detail: 'Expected a value', line: 1, column: 13 },
		{ code: 'json-not-object' },
		{ code: 'json-not-key' },
		{ code: 'jwks-empty' },
		{ code: 'jwks-no-key', keys: faults.map((fault, index) => ({ index, fault })) },
		...faults.map((fault) => ({ code: 'jwk-unusable', fault }) as const),
		{ code: 'key-rejected', key: { source: 'pem-pkcs8', info: { kty: 'RSA', bits: 2048, private: true } } },
	];

	test.each(faults.map((f) => [f.code, f] as const))('fault %s', (_code, fault) => {
		const words = describeKeyFault(fault);
		expect(words).toMatch(/\S/);
		expect(words).not.toMatch(RAW);
	});

	test.each(problems.map((p) => [p.code, p] as const))('problem %s', (_code, problem) => {
		const words = describeKeyProblem(problem);
		expect(words).toMatch(/^[A-Z"]/);
		expect(words).not.toMatch(RAW);
	});
});
