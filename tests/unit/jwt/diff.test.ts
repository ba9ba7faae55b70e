import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { encodeBase64urlText } from '../../../src/lib/encoding/base64url';
import { decodeToken } from '../../../src/lib/jwt/decode';
import {
	diffTokens,
	escapePointer,
	formatDelta,
	formatDifferences,
	MAX_DIFFERENCES,
} from '../../../src/lib/jwt/diff';

/** A token from objects, or from JSON text as it is. */
const token = (header: unknown, payload: unknown) => {
	const json = (part: unknown) => encodeBase64urlText(typeof part === 'string' ? part : JSON.stringify(part));
	return decodeToken(`${json(header)}.${json(payload)}.c2ln`);
};
const HEADER = { alg: 'RS256', typ: 'JWT', kid: 'k1' };
const DAY = 86_400;

describe('diffTokens', () => {
	test.each([
		['a changed claim', {}, { exp: 1 }, { exp: 2 }, [['/payload/exp', 'changed']]],
		['an added claim (only in the related token)', {}, {}, { scope: 'read' }, [['/payload/scope', 'added']]],
		['a removed claim', {}, { scope: 'read' }, {}, [['/payload/scope', 'removed']]],
		[
			'a nested member',
			{},
			{ cnf: { jkt: 'a', x: 1 } },
			{ cnf: { jkt: 'b', x: 1 } },
			[['/payload/cnf/jkt', 'changed']],
		],
		['an array compared whole', {}, { aud: ['a', 'b'] }, { aud: ['b', 'a'] }, [['/payload/aud', 'changed']]],
		[
			'an object replaced by a string',
			{},
			{ cnf: { jkt: 'a' } },
			{ cnf: 'a' },
			[['/payload/cnf', 'changed']],
		],
		['a key with / and ~', {}, { 'a/b~c': 1 }, { 'a/b~c': 2 }, [['/payload/a~1b~0c', 'changed']]],
		['a header member', { kid: 'k2' }, {}, {}, [['/header/kid', 'changed']]],
		['1 and 1.0 are the same number', {}, { n: 1 }, { n: 1.0 }, []],
		['member order does not matter', {}, { a: 1, b: { c: 1, d: 2 } }, { b: { d: 2, c: 1 }, a: 1 }, []],
	])('%s', (_name, headerChange, before, after, expected) => {
		const result = diffTokens(token(HEADER, before), token({ ...HEADER, ...headerChange }, after));
		expect(result.differences.map((d) => [d.path, d.change])).toEqual(expected);
	});

	test('alg, kid and iss changes come first', () => {
		const result = diffTokens(
			token(HEADER, { sub: 'a', iss: 'https://staging.example', exp: 1 }),
			token({ ...HEADER, alg: 'ES256', kid: 'k2' }, { sub: 'b', iss: 'https://prod.example', exp: 1 }),
		);
		expect(result.differences.map((d) => [d.path, d.notable])).toEqual([
			['/header/alg', true],
			['/header/kid', true],
			['/payload/iss', true],
			['/payload/sub', false],
		]);
	});

	test.each([
		[13 * DAY, '+13 days'],
		[-2 * 3600, '-2 hours'],
		[90, '+90 seconds'],
		[1, '+1 second'],
	])('a time claim %i s later says %s', (seconds, text) => {
		const result = diffTokens(
			token(HEADER, { exp: 1_767_225_600 }),
			token(HEADER, { exp: 1_767_225_600 + seconds }),
		);
		expect(result.differences[0]?.delta).toEqual({ seconds, text });
		expect(formatDelta(seconds)).toBe(text);
	});

	test('a claim that is not a time has no delta', () => {
		expect(
			diffTokens(token(HEADER, { n: 1 }), token(HEADER, { n: 2 })).differences[0]?.delta,
		).toBeUndefined();
	});

	test('copy as text: one line per difference', () => {
		const result = diffTokens(
			token(HEADER, { exp: 100, a: 'x' }),
			token(HEADER, { exp: 100 + 13 * DAY, b: true }),
		);
		expect(formatDifferences(result).split('\n')).toEqual([
			'changed /payload/exp: 100 → 1123300 (+13 days)',
			'removed /payload/a: "x"',
			'added /payload/b: true',
		]);
	});

	test('10 000 changed members list the first ones and count the rest', () => {
		const many = (v: number) => Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`c${i}`, v]));
		const result = diffTokens(token(HEADER, many(1)), token(HEADER, many(2)));
		expect(result.differences).toHaveLength(MAX_DIFFERENCES);
		expect(result.omitted).toBe(10_000 - MAX_DIFFERENCES);
		expect(formatDifferences(result)).toContain(`${10_000 - MAX_DIFFERENCES} more`);
	});

	test('nesting 5 000 deep does not overflow', () => {
		const deep = (leaf: number) => `${'{"a":'.repeat(5000)}${leaf}${'}'.repeat(5000)}`;
		const result = diffTokens(token(HEADER, deep(1)), token(HEADER, deep(2)));
		expect(result.differences).toHaveLength(1);
		expect(result.differences[0]?.path).toBe(`/payload${'/a'.repeat(5000)}`);
	});
});

/** JSON objects with awkward keys, nested a few levels. */
const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('~', '/', '~1', 'a/b', '', 'exp'));
const { tree } = fc.letrec((tie) => ({
	tree: fc.dictionary(
		key,
		fc.oneof(
			{ depthSize: 'small' },
			fc.integer(),
			fc.string(),
			fc.boolean(),
			fc.constant(null),
			fc.array(fc.integer(), { maxLength: 3 }),
			tie('tree'),
		),
		{
			maxKeys: 5,
		},
	),
}));

type Tree = Record<string, unknown>;
/** Every member path of a tree: [keys, value]. */
function members(value: Tree, prefix: string[] = []): [string[], unknown][] {
	return Object.entries(value).flatMap(([k, v]) => {
		const here: [string[], unknown] = [[...prefix, k], v];
		return v !== null && typeof v === 'object' && !Array.isArray(v)
			? [here, ...members(v as Tree, [...prefix, k])]
			: [here];
	});
}
const pointer = (keys: string[]) => `/payload${keys.map((k) => `/${escapePointer(k)}`).join('')}`;
const clone = (t: Tree) => JSON.parse(JSON.stringify(t)) as Tree;
function parentOf(root: Tree, keys: string[]): Tree {
	let node = root;
	for (const k of keys.slice(0, -1)) node = node[k] as Tree;
	return node;
}

describe('diff properties', () => {
	test('a token compared with itself has no differences', () => {
		fc.assert(
			fc.property(tree, tree, (header, payload) => {
				const t = token(header, payload);
				expect(diffTokens(t, t)).toEqual({ differences: [], omitted: 0 });
			}),
		);
	});

	test('every single change is found exactly once, at its path', () => {
		fc.assert(
			fc.property(
				tree.filter((t) => Object.keys(t).length > 0),
				fc.nat(),
				fc.constantFrom('changed', 'removed', 'added'),
				(payload, pick, change) => {
					const paths = members(payload);
					const [keys] = paths[pick % paths.length]!;
					const edited = clone(payload);
					const parent = parentOf(edited, keys);
					const last = keys.at(-1)!;
					let expected = pointer(keys);
					if (change === 'removed') delete parent[last];
					else if (change === 'changed')
						parent[last] = parent[last] === '§changed§' ? '§other§' : '§changed§';
					else {
						const fresh = `§new§${Object.keys(parent).length}`;
						parent[fresh] = 1;
						expected = pointer([...keys.slice(0, -1), fresh]);
					}
					const result = diffTokens(token(HEADER, payload), token(HEADER, edited));
					expect(result.differences.map((d) => [d.path, d.change])).toEqual([[expected, change]]);
				},
			),
		);
	});
});
