import { describe, expect, test } from 'vitest';
import { classifyToken } from '../../../src/lib/editor/json-tokens';

describe('classifyToken', () => {
	test.each([
		['"sub"', ': "x"', 'key'],
		['"sub"', '   :1', 'key'],
		['"x"', ',', 'string'],
		['"unterminated', '', 'string'],
		['12345678901234567890', ',', 'number'],
		['-1.5e10', '}', 'number'],
		['true', ',', 'literal'],
		['null', '', 'literal'],
		['{', '"a"', 'punctuation'],
		[':', ' 1', 'punctuation'],
	])('%s followed by %s is a %s', (token, rest, kind) => {
		expect(classifyToken(token, rest)).toBe(kind);
	});
});
