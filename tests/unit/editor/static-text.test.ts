import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { classifyToken, JSON_TOKEN } from '../../../src/lib/editor/json-tokens';
import { STATIC_CHARS, STATIC_LINES, staticLines, type Segment } from '../../../src/lib/editor/static-text';
import { formatJson } from '../../../src/lib/jwt/json';

const textOf = (lines: Segment[][]) => lines.map((line) => line.map((s) => s.text).join('')).join('\n');
/** The class each character gets: what a person sees coloured. */
const classAt = (lines: Segment[][]) =>
	lines.flatMap((line, i) => [
		...(i > 0 ? ['\n'] : []),
		...line.flatMap((s) => [...s.text].map(() => s.className)),
	]);

describe('staticLines shows the text as the editor does, before it loads', () => {
	test('any text comes back whole, line by line, with or without JSON colouring', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('json', 'token'), (text, language) => {
				const lines = staticLines(text, language as 'json' | 'token', []);
				expect(textOf(lines)).toBe(text);
				expect(lines).toHaveLength(text.split('\n').length);
				for (const line of lines) for (const segment of line) expect(segment.text).not.toBe('');
			}),
			{ numRuns: 500 },
		);
	});

	test('JSON is coloured token by token with the highlighter’s classes, each line on its own', () => {
		fc.assert(
			fc.property(fc.json({ maxDepth: 3 }), (json) => {
				const text = formatJson(json);
				const classes = classAt(staticLines(text, 'json', []));
				// What the editor's highlighter gives each character, line by line.
				const expected: string[] = [];
				text.split('\n').forEach((line, i) => {
					if (i > 0) expected.push('\n');
					const kinds: string[] = [...line].map(() => '');
					JSON_TOKEN.lastIndex = 0;
					for (let m = JSON_TOKEN.exec(line); m; m = JSON_TOKEN.exec(line)) {
						const kind = classifyToken(m[0], line.slice(JSON_TOKEN.lastIndex, JSON_TOKEN.lastIndex + 64));
						for (let at = m.index; at < JSON_TOKEN.lastIndex; at++) kinds[at] = kind ? `tok-${kind}` : '';
					}
					expected.push(...kinds);
				});
				expect(classes).toEqual(expected);
			}),
			{ numRuns: 300 },
		);
	});

	test('a string left open on one line does not colour the next', () => {
		const lines = staticLines('"open\n1', 'json', []);
		expect(lines[1]).toEqual([{ text: '1', className: 'tok-number', mark: false }]);
	});

	test('marks add their classes over the tokens they cover; a <mark> range says so', () => {
		const text = '{\n  "sub": "x"\n}';
		const lines = staticLines(text, 'json', [
			{ from: 4, to: 13, className: 'highlight', tagName: 'mark' },
			{ from: 12, to: 13, className: 'json-error' },
		]);
		expect(lines[1]).toEqual([
			{ text: '  ', className: '', mark: false },
			{ text: '"sub"', className: 'tok-key highlight', mark: true },
			{ text: ':', className: 'tok-punctuation highlight', mark: true },
			{ text: ' ', className: 'highlight', mark: true },
			{ text: '"', className: 'tok-string highlight', mark: true },
			{ text: 'x', className: 'tok-string highlight json-error', mark: true },
			{ text: '"', className: 'tok-string', mark: false },
		]);
	});

	test('token parts, as the token editor marks them; marks past the end are cut', () => {
		const lines = staticLines('aa.bb.cc', 'token', [
			{ from: 0, to: 2, className: 'part-header' },
			{ from: 2, to: 3, className: 'part-dot' },
			{ from: 3, to: 5, className: 'part-payload' },
			{ from: 6, to: 99, className: 'part-signature' },
		]);
		expect(lines).toEqual([
			[
				{ text: 'aa', className: 'part-header', mark: false },
				{ text: '.', className: 'part-dot', mark: false },
				{ text: 'bb', className: 'part-payload', mark: false },
				{ text: '.', className: '', mark: false },
				{ text: 'cc', className: 'part-signature', mark: false },
			],
		]);
	});

	test(`a huge text shows its first ${STATIC_LINES} lines and at most ${STATIC_CHARS} characters`, () => {
		const many = Array.from({ length: 5000 }, (_, i) => `"line ${i}",`).join('\n');
		const lines = staticLines(many, 'json', []);
		expect(lines).toHaveLength(STATIC_LINES);
		expect(textOf(lines)).toBe(many.split('\n').slice(0, STATIC_LINES).join('\n'));
		const long = 'x'.repeat(3 * STATIC_CHARS);
		expect(textOf(staticLines(long, 'token', [{ from: 0, to: long.length, className: 'part-header' }]))).toBe(
			long.slice(0, STATIC_CHARS),
		);
	});
});
