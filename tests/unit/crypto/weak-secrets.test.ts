// Tests for the weak-secret check: the well-known list's shape, RFC 7518 §3.2 length boundaries, and near matches.
import { describe, expect, test } from 'vitest';
import { findWeakSecret, WELL_KNOWN_SECRETS, type HmacAlg } from '../../../src/lib/crypto/weak-secrets';

const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * Random bytes that cannot spell a list entry: every byte is ≥ 0x80, so their UTF-8 reading has no
 * ASCII, while every entry is ASCII (checked below).
 */
function randomSecret(length: number): Uint8Array {
	return crypto.getRandomValues(new Uint8Array(length)).map((byte) => byte | 0x80);
}

const fold = (entry: string) => entry.trim().toLowerCase();

describe('WELL_KNOWN_SECRETS', () => {
	test('has at least 300 entries', () => {
		expect(WELL_KNOWN_SECRETS.length).toBeGreaterThanOrEqual(300);
	});

	test('has no duplicates', () => {
		expect(new Set(WELL_KNOWN_SECRETS).size).toBe(WELL_KNOWN_SECRETS.length);
	});

	test('has no entries that differ only in case or surrounding whitespace', () => {
		expect(new Set(WELL_KNOWN_SECRETS.map(fold)).size).toBe(WELL_KNOWN_SECRETS.length);
	});

	test('every entry is a non-empty string of at most 100 characters without surrounding whitespace', () => {
		for (const entry of WELL_KNOWN_SECRETS) {
			expect(typeof entry).toBe('string');
			expect(entry.length).toBeGreaterThan(0);
			expect(entry.length).toBeLessThanOrEqual(100);
			expect(entry.trim()).toBe(entry);
		}
	});

	test('every entry is ASCII, so random high bytes can never spell one', () => {
		for (const entry of WELL_KNOWN_SECRETS) expect(entry).toMatch(/^[\x20-\x7e]+$/);
	});

	test('is frozen', () => {
		expect(Object.isFrozen(WELL_KNOWN_SECRETS)).toBe(true);
	});

	test.each(['your-256-bit-secret', 'your-384-bit-secret', 'your-512-bit-secret', 'secret', 'secret1'])(
		'contains %s',
		(entry) => {
			expect(WELL_KNOWN_SECRETS).toContain(entry);
		},
	);
});

describe('findWeakSecret flags well-known secrets', () => {
	test.each(['your-256-bit-secret', 'secret', 'keyboard cat', 'a-string-secret-at-least-256-bits-long'])(
		'%s is well-known for HS256',
		(entry) => {
			const found = findWeakSecret(utf8(entry), 'HS256');
			expect(found).toMatchObject({ reason: 'well-known', match: entry, needed: 32 });
			expect(found?.length).toBe(utf8(entry).length);
			expect(found?.detail).toContain(`"${entry}"`);
			expect(found?.detail).not.toMatch(/ignored/);
		},
	);

	test('a well-known secret long enough for the alg is still flagged', () => {
		const entry = 'super-secret-jwt-token-with-at-least-32-characters-long';
		expect(findWeakSecret(utf8(entry), 'HS256')?.reason).toBe('well-known');
	});

	test.each<[string, string]>([
		['SECRET', 'secret'],
		[' secret\n', 'secret'],
		['\tYour-256-Bit-Secret  ', 'your-256-bit-secret'],
	])('%j is a near match of %s', (given, entry) => {
		const found = findWeakSecret(utf8(given), 'HS256');
		expect(found).toMatchObject({ reason: 'well-known', match: entry, length: utf8(given).length });
		expect(found?.detail).toMatch(/case and surrounding whitespace are ignored/);
	});

	test('the detail quotes the list entry, not the near-matching secret', () => {
		expect(findWeakSecret(utf8('SeCrEt'), 'HS256')?.detail).not.toContain('SeCrEt');
	});

	test('invalid UTF-8 does not throw and does not match', () => {
		const found = findWeakSecret(new Uint8Array([0xff, 0xfe, 0xfd]), 'HS256');
		expect(found?.reason).toBe('short');
	});
});

describe('findWeakSecret flags secrets shorter than the hash output (RFC 7518 §3.2)', () => {
	test.each<[HmacAlg, number]>([
		['HS256', 32],
		['HS384', 48],
		['HS512', 64],
	])('%s: %i bytes pass, one fewer is short', (alg, needed) => {
		expect(findWeakSecret(randomSecret(needed), alg)).toBeUndefined();
		const found = findWeakSecret(randomSecret(needed - 1), alg);
		expect(found).toEqual({
			reason: 'short',
			length: needed - 1,
			needed,
			detail: `The secret is ${needed - 1} bytes; ${alg} needs at least ${needed} (RFC 7518 §3.2).`,
		});
		expect(found?.match).toBeUndefined();
	});

	test.each<HmacAlg>(['HS256', 'HS384', 'HS512'])('a 64-byte random secret passes for %s', (alg) => {
		expect(findWeakSecret(randomSecret(64), alg)).toBeUndefined();
	});

	test('well-known wins over short and still reports both numbers', () => {
		const found = findWeakSecret(utf8('secret'), 'HS512');
		expect(found).toMatchObject({ reason: 'well-known', length: 6, needed: 64 });
	});

	test.each<[number, string]>([
		[0, 'The secret is 0 bytes; HS256 needs at least 32 (RFC 7518 §3.2).'],
		[1, 'The secret is 1 byte; HS256 needs at least 32 (RFC 7518 §3.2).'],
		[6, 'The secret is 6 bytes; HS256 needs at least 32 (RFC 7518 §3.2).'],
	])('a %i-byte secret says its length in the detail', (length, detail) => {
		expect(findWeakSecret(randomSecret(length), 'HS256')?.detail).toBe(detail);
	});
});
