import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { partLabels, splitToken } from '../../../src/lib/jwt/segments';

describe('splitToken names each part by the number of parts', () => {
	test.each([
		['three parts are a JWS', 'hh.ppp.ss', 'jws', ['header', 'payload', 'signature']],
		['five parts are a JWE', 'h.k.i.c.t', 'jwe', ['header', 'encrypted-key', 'iv', 'ciphertext', 'tag']],
		['two parts are a JWS with its signature cut off', 'hh.pp', 'unsecured-fragment', ['header', 'payload']],
		['an empty signature is still three parts', 'h.p.', 'jws', ['header', 'payload', 'signature']],
		[
			'a JWE with an empty encrypted key (dir)',
			'h..i.c.t',
			'jwe',
			['header', 'encrypted-key', 'iv', 'ciphertext', 'tag'],
		],
	])('%s', (_name, token, kind, names) => {
		const { kind: actual, parts } = splitToken(token);
		expect(actual).toBe(kind);
		expect(parts.map((p) => p.name)).toEqual(names);
	});
});

describe('splitToken calls other counts malformed and returns no parts', () => {
	test.each([
		['the empty string', ''],
		['one part', 'abc'],
		['four parts', 'a.b.c.d'],
		['six parts', 'a.b.c.d.e.f'],
		['many dots', '..........'],
	])('%s', (_name, token) => {
		expect(splitToken(token)).toEqual({ kind: 'malformed', parts: [] });
	});
});

describe('splitToken keeps each part’s range in the token', () => {
	test.each([
		[
			'a JWS',
			'hh.ppp.s',
			[
				[0, 2],
				[3, 6],
				[7, 8],
			],
		],
		[
			'empty payload and signature',
			'h..',
			[
				[0, 1],
				[2, 2],
				[3, 3],
			],
		],
		[
			'a two-part token',
			'abc.de',
			[
				[0, 3],
				[4, 6],
			],
		],
		[
			'a JWE',
			'h.kk.iii.c.tt',
			[
				[0, 1],
				[2, 4],
				[5, 8],
				[9, 10],
				[11, 13],
			],
		],
	])('%s', (_name, token, ranges) => {
		const { parts } = splitToken(token);
		expect(parts.map((p) => [p.start, p.end])).toEqual(ranges);
		for (const part of parts) expect(token.slice(part.start, part.end)).toBe(part.text);
	});

	test('ranges cover every part and the dots between them, for any 2, 3 or 5 parts', () => {
		const part = fc.string({ unit: fc.constantFrom(...'ab-_0'), maxLength: 8 });
		const token = fc.oneof(
			fc.array(part, { minLength: 2, maxLength: 2 }),
			fc.array(part, { minLength: 3, maxLength: 3 }),
			fc.array(part, { minLength: 5, maxLength: 5 }),
		);
		fc.assert(
			fc.property(token, (texts) => {
				const joined = texts.join('.');
				const { parts } = splitToken(joined);
				expect(parts.map((p) => p.text)).toEqual(texts);
				parts.forEach((p, i) => {
					expect(joined.slice(p.start, p.end)).toBe(p.text);
					if (i > 0) expect(joined[p.start - 1]).toBe('.');
				});
				expect(parts.at(-1)?.end).toBe(joined.length);
			}),
			{ numRuns: 1000 },
		);
	});
});

test('every part has a label and the table is frozen', () => {
	expect(Object.keys(partLabels).sort()).toEqual(
		[
			'ciphertext',
			'encrypted-key',
			'header',
			'iv',
			'payload',
			'signature',
			'tag',
			'disclosure',
			'key-binding',
		].sort(),
	);
	for (const label of Object.values(partLabels)) expect(label.length).toBeGreaterThan(0);
	expect(Object.isFrozen(partLabels)).toBe(true);
});
