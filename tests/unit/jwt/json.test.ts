import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	formatJson,
	formatParsedJson,
	MAX_INDENTED_DEPTH,
	getMember,
	minifyJson,
	parseJson,
	stringMember,
	toPlainValue,
	type JsonNode,
} from '../../../src/lib/jwt/json';

function parsed(text: string): JsonNode {
	const result = parseJson(text);
	if (!result.ok) throw new Error(`expected JSON: ${result.error.message}`);
	return result.root;
}

describe('parseJson accepts RFC 8259 JSON and agrees with JSON.parse', () => {
	test.each([
		['an object', '{"a":1,"b":"x"}'],
		['an empty object', '{}'],
		['an empty array with spaces', ' [ ] '],
		['nested containers', '{"a":[1,2,{"c":null}],"b":{"d":[]}}'],
		['escapes', '{"a":"\\u00e9\\n\\t\\"\\\\\\/"}'],
		['a lone surrogate escape', '"\\ud800"'],
		['numbers in every form', '[0,-0,1.5,-2e10,3E+2,4e-3]'],
		['literals', '[true,false,null]'],
		['a bare string', '"hello"'],
		['CRLF whitespace', '{\r\n "typ":"JWT",\r\n "alg":"HS256"}'],
	])('%s', (_name, text) => {
		expect(toPlainValue(parsed(text))).toEqual(JSON.parse(text));
	});
});

describe('parseJson rejects invalid JSON with line and column', () => {
	test.each([
		['trailing comma in object', '{"a":1,}', 1, 8],
		['trailing comma in array', '[1,]', 1, 4],
		['missing colon', '{"a" 1}', 1, 6],
		['unterminated string', '{"a":"x', 1, 6],
		['misspelt literal', '{"a":tru}', 1, 6],
		['leading zero', '01', 1, 2],
		['lone minus', '-', 1, 1],
		['two values', '1 2', 1, 3],
		['single quotes', "{'a':1}", 1, 2],
		['error on a later line', '{\n  "x": ]\n}', 2, 8],
		['empty text', '', 1, 1],
		['raw newline in a string', '"a\nb"', 1, 3],
		['bad escape', '"\\x"', 1, 2],
		['short unicode escape', '"\\u12"', 1, 2],
		['missing comma', '{"a":1 "b":2}', 1, 8],
		['unclosed object', '{"a":1', 1, 7],
		['byte order mark', '\ufeff{}', 1, 1],
	])('%s', (_name, text, line, column) => {
		const result = parseJson(text);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect({ line: result.error.line, column: result.error.column }).toEqual({ line, column });
		expect(result.error.message.length).toBeGreaterThan(0);
		expect(() => JSON.parse(text)).toThrow();
	});
});

describe('parseJson is lossless', () => {
	test('keeps every digit of a 64-bit and a 30-digit integer', () => {
		const root = parsed('{"sub":12345678901234567890,"n":123456789012345678901234567890}');
		const sub = getMember(root, 'sub');
		const n = getMember(root, 'n');
		expect(sub?.kind === 'number' && sub.raw).toBe('12345678901234567890');
		expect(n?.kind === 'number' && n.raw).toBe('123456789012345678901234567890');
	});

	test('keeps key order and string escapes as written', () => {
		const root = parsed('{"z":"\\u0041","a":1,"m":2}');
		expect(root.kind === 'object' && root.entries.map((e) => e.key)).toEqual(['z', 'a', 'm']);
		const z = getMember(root, 'z');
		expect(z?.kind === 'string' && [z.raw, z.value]).toEqual(['"\\u0041"', 'A']);
	});

	test('reports duplicate keys with their path and keeps every entry', () => {
		const result = parseJson('{"a":1,"b":{"c":1,"c":2},"a":3}');
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.duplicates.map((d) => [d.key, d.path])).toEqual([
			['c', '$.b'],
			['a', '$'],
		]);
		expect(result.root.kind === 'object' && result.root.entries.length).toBe(3);
		const a = getMember(result.root, 'a');
		expect(a?.kind === 'number' && a.value).toBe(3);
		expect(toPlainValue(result.root)).toEqual({ a: 3, b: { c: 2 } });
	});

	test('names paths through arrays and odd keys', () => {
		const result = parseJson('{"x y":[{"k":1,"k":2}]}');
		expect(result.ok && result.duplicates[0]?.path).toBe('$["x y"][0]');
	});

	test('gives positions of keys and values', () => {
		const text = '{ "alg" : "HS256" }';
		const root = parsed(text);
		const entry = root.kind === 'object' ? root.entries[0] : undefined;
		expect(entry && text.slice(entry.keyStart, entry.keyEnd)).toBe('"alg"');
		expect(entry && text.slice(entry.value.start, entry.value.end)).toBe('"HS256"');
		expect([root.start, root.end]).toEqual([0, text.length]);
	});
});

describe('deep and hostile input', () => {
	test('100 000 levels of nesting parse without a stack overflow', () => {
		const depth = 100_000;
		const result = parseJson('['.repeat(depth) + ']'.repeat(depth));
		expect(result.ok).toBe(true);
		if (result.ok) expect(Array.isArray(toPlainValue(result.root))).toBe(true);
	});

	test('nesting past maxDepth is a syntax error, not a crash', () => {
		const result = parseJson('['.repeat(11) + ']'.repeat(11), { maxDepth: 10 });
		expect(result.ok).toBe(false);
	});

	test('__proto__ and constructor keys become plain data', () => {
		const value = toPlainValue(parsed('{"__proto__":{"polluted":1},"constructor":2}')) as Record<
			string,
			unknown
		>;
		expect(Object.getPrototypeOf(value)).toBeNull();
		expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('formatJson and minifyJson change whitespace only', () => {
	test('pretty-prints with two spaces and keeps empty containers closed', () => {
		expect(formatJson('{"a":1,"b":[1,{"c":null}],"e":{},"f":[ ]}')).toBe(
			'{\n  "a": 1,\n  "b": [\n    1,\n    {\n      "c": null\n    }\n  ],\n  "e": {},\n  "f": []\n}',
		);
	});

	test('leaves text that is not JSON as it is', () => {
		expect(formatJson('{"a":')).toBe('{"a":');
	});

	test('keeps whitespace and escaped quotes inside strings', () => {
		expect(minifyJson('{ "a" : "x \\" y" ,\n "b":[1, 2] }')).toBe('{"a":"x \\" y","b":[1,2]}');
	});

	test('property: formatting then minifying any JSON gives the minified original', () => {
		fc.assert(
			fc.property(fc.jsonValue(), fc.constantFrom('', '  ', '\t'), (value, space) => {
				const text = JSON.stringify(value, null, space);
				const pretty = formatJson(text);
				expect(minifyJson(pretty)).toBe(minifyJson(text));
				expect(JSON.parse(pretty)).toEqual(JSON.parse(text));
			}),
			{ numRuns: 500 },
		);
	});

	test('property: parseJson agrees with JSON.parse on any JSON text', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				const text = JSON.stringify(value);
				expect(toPlainValue(parsed(text))).toEqual(JSON.parse(text));
			}),
			{ numRuns: 500 },
		);
	});
});

/** The formatter before issue 14, one character at a time: the oracle for the token-by-token one. */
function formatByCharacter(text: string, indent = '  '): string {
	const out: string[] = [];
	let depth = 0;
	const newline = () => depth <= MAX_INDENTED_DEPTH && out.push('\n', indent.repeat(depth));
	for (let i = 0; i < text.length; i++) {
		const ch = text[i]!;
		if (ch === '"') {
			let end = i + 1;
			while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
			out.push(text.slice(i, end + 1));
			i = end;
		} else if (ch === '{' || ch === '[') {
			let j = i + 1;
			while (/[ \n\r\t]/.test(text[j] ?? '')) j++;
			if (text[j] === (ch === '{' ? '}' : ']')) {
				out.push(ch, text[j]!);
				i = j;
			} else {
				out.push(ch);
				depth++;
				newline();
			}
		} else if (ch === '}' || ch === ']') {
			depth--;
			newline();
			out.push(ch);
		} else if (ch === ',') {
			out.push(',');
			newline();
		} else if (ch === ':') out.push(': ');
		else if (!/[ \n\r\t]/.test(ch)) out.push(ch);
	}
	return out.join('');
}

describe('formatParsedJson, token by token, writes what formatting character by character writes', () => {
	test.each([
		['escaped quotes and backslashes in strings', '{"a\\"b":"c\\\\","d":["\\"",{}]}'],
		['empty containers with whitespace inside', '{"a":[ \n ],"b":{\t}}'],
		['literals and numbers', '[true,false,null,-1.5e+3,0]'],
		['whitespace everywhere outside strings', ' { "a" : [ 1 , 2 ] , "b c" : " x " } '],
	])('%s', (_, text) => {
		expect(formatParsedJson(text)).toBe(formatByCharacter(text));
		expect(formatJson(text, '\t')).toBe(formatByCharacter(text, '\t'));
	});

	test('property: any JSON, any spacing', () => {
		fc.assert(
			fc.property(fc.jsonValue(), fc.constantFrom('', ' ', '\t', '\n  '), (value, space) => {
				const text = JSON.stringify(value, null, space);
				expect(formatParsedJson(text)).toBe(formatByCharacter(text));
			}),
			{ numRuns: 500 },
		);
	});

	test('a 2 MB string is one token (no backtracking per character)', () => {
		const text = `{"a":"${'x\\"'.repeat(700_000)}"}`;
		expect(formatParsedJson(text)).toBe(formatByCharacter(text));
	});
});

describe('formatJson on hostile nesting', () => {
	test('100 000 nested arrays format quickly, indenting only the first levels, whitespace-only changes', () => {
		const deep = `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
		const formatted = formatJson(deep);
		expect(minifyJson(formatted)).toBe(deep);
		expect(formatted.split('\n').length).toBeLessThan(200);
		expect(formatted.length).toBeLessThan(deep.length + 20_000);
	});
});

describe('stringMember', () => {
	test.each([
		['a string member', '{"alg":"RS256"}', 'RS256'],
		['the last of repeated members', '{"alg":"HS256","alg":"none"}', 'none'],
		['a number member is not a string', '{"alg":256}', undefined],
		['null is not a string', '{"alg":null}', undefined],
		['a missing member', '{"typ":"JWT"}', undefined],
		['an array root has no members', '["alg"]', undefined],
		['an inherited name is not a member', '{}', undefined],
	])('%s', (_name, text, expected) => {
		const key = text === '{}' ? 'toString' : 'alg';
		expect(stringMember(parsed(text), key)).toBe(expected);
	});
});
