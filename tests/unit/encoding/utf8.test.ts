import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeUtf8, findInvalidUtf8 } from '../../../src/lib/encoding/utf8';

describe('decodeUtf8 decodes valid UTF-8 exactly', () => {
	test.each([
		['no bytes', [], ''],
		['ASCII', [0x7b, 0x7d], '{}'],
		['a two-byte sequence', [0xc3, 0xa9], 'é'],
		['a three-byte sequence', [0xe2, 0x82, 0xac], '€'],
		['a four-byte sequence', [0xf0, 0x9f, 0x98, 0x80], '😀'],
		['the largest code point', [0xf4, 0x8f, 0xbf, 0xbf], '\u{10ffff}'],
		['a byte order mark, kept', [0xef, 0xbb, 0xbf, 0x7b, 0x7d], '\ufeff{}'],
		['a NUL byte', [0x61, 0x00, 0x62], 'a\0b'],
	])('%s', (_name, bytes, text) => {
		expect(decodeUtf8(new Uint8Array(bytes))).toEqual({ ok: true, text });
		expect(findInvalidUtf8(new Uint8Array(bytes))).toBe(-1);
	});
});

describe('decodeUtf8 reports the offset of the first invalid sequence', () => {
	test.each([
		['a lone continuation byte', [0x80], 0],
		['a lone continuation byte after ASCII', [0x41, 0x42, 0xbf], 2],
		['an overlong two-byte "/" (C0 AF)', [0xc0, 0xaf], 0],
		['an overlong two-byte form with C1', [0x41, 0xc1, 0xbf], 1],
		['an overlong three-byte form', [0xe0, 0x80, 0xaf], 0],
		['an overlong four-byte form', [0xf0, 0x80, 0x80, 0xaf], 0],
		['a high surrogate encoded in UTF-8 (CESU)', [0xed, 0xa0, 0x80], 0],
		['a low surrogate encoded in UTF-8', [0x61, 0xed, 0xbf, 0xbf], 1],
		['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
		['a five-byte lead byte', [0xf8, 0x88, 0x80, 0x80, 0x80], 0],
		['the byte FF', [0x7b, 0xff, 0x7d], 1],
		['a three-byte sequence cut short at the end', [0x41, 0xe2, 0x82], 1],
		['a four-byte sequence cut short at the end', [0xf0, 0x9f, 0x98], 0],
		['a sequence interrupted by ASCII', [0xe2, 0x28, 0xa1], 0],
		['an error after valid multi-byte text', [0xc3, 0xa9, 0xe2, 0x82, 0xac, 0x80], 5],
	])('%s', (_name, bytes, offset) => {
		expect(decodeUtf8(new Uint8Array(bytes))).toEqual({ ok: false, offset });
	});
});

describe('UTF-8 properties', () => {
	test('any well-formed string round-trips through TextEncoder', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (text) => {
				expect(decodeUtf8(new TextEncoder().encode(text))).toEqual({ ok: true, text });
			}),
			{ numRuns: 1000 },
		);
	});

	test('for arbitrary bytes, the strict decoder and the offset finder agree', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
				const result = decodeUtf8(bytes);
				const offset = findInvalidUtf8(bytes);
				if (result.ok) {
					expect(offset).toBe(-1);
				} else {
					expect(result.offset).toBe(offset);
					expect(offset).toBeGreaterThanOrEqual(0);
					// Everything before the reported offset is valid UTF-8.
					expect(decodeUtf8(bytes.slice(0, offset)).ok).toBe(true);
				}
			}),
			{ numRuns: 1000 },
		);
	});
});
