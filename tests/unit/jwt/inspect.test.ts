import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { encodeBase64urlText as b64 } from '../../../src/lib/encoding/base64url';
import { inspectText, type Inspection } from '../../../src/lib/jwt/inspect';

const H = b64('{"alg":"HS256","typ":"JWT"}');
const P = b64('{"sub":"a","name":"Ada Lovelace"}');
const TOKEN = `${H}.${P}.c2lnbmF0dXJl`;
const OTHER = `${b64('{"alg":"RS256"}')}.${b64('{"sub":"b"}')}.c2ln`;

/** Each range as [name, the text it covers]. */
function covered(text: string, inspection: Inspection): [string, string][] {
	return inspection.ranges.map((r) => [r.name, text.slice(r.from, r.to)]);
}

describe('inspectText says when there is nothing to decode', () => {
	test.each([
		['empty text', '', 'empty'],
		['only whitespace', ' \n\t ', 'empty'],
		['text with no token', 'hello world', 'not-a-token'],
		['a sentence with dots', 'This is fine. Really.', 'not-a-token'],
	])('%s', (_name, text, code) => {
		const inspection = inspectText(text);
		expect(inspection.error?.code).toBe(code);
		expect(inspection.decoded).toBeUndefined();
		expect(inspection.ranges).toEqual([]);
	});
});

describe('inspectText maps each part back onto the text', () => {
	test('a bare token: parts and dots in order', () => {
		const inspection = inspectText(TOKEN);
		expect(inspection.error).toBeUndefined();
		expect(inspection.decoded?.errors).toEqual([]);
		expect(covered(TOKEN, inspection)).toEqual([
			['header', H],
			['dot', '.'],
			['payload', P],
			['dot', '.'],
			['signature', 'c2lnbmF0dXJl'],
		]);
	});

	test.each([
		['surrounding whitespace', `  \n${TOKEN}\n  `],
		['a Bearer prefix', `Bearer ${TOKEN}`],
		['an Authorization header', `Authorization: Bearer ${TOKEN}`],
		['quotes', `"${TOKEN}"`],
		['a JSON field', JSON.stringify({ id_token: TOKEN })],
	])('a token inside %s: ranges point into the text', (_name, text) => {
		const inspection = inspectText(text);
		expect(inspection.candidate?.token).toBe(TOKEN);
		expect(covered(text, inspection)).toEqual([
			['header', H],
			['dot', '.'],
			['payload', P],
			['dot', '.'],
			['signature', 'c2lnbmF0dXJl'],
		]);
	});

	test('line breaks inside the token: each part’s range spans its pieces and skips the breaks around dots', () => {
		const text = `${H.slice(0, 10)}\n${H.slice(10)}\n.${P.slice(0, 7)} \r\n ${P.slice(7)}.\n\tc2lu\nbmF0dXJl`;
		const inspection = inspectText(text);
		expect(inspection.candidate?.hasInnerWhitespace).toBe(true);
		expect(inspection.decoded?.token).toBe(`${H}.${P}.c2lubmF0dXJl`);
		expect(covered(text, inspection)).toEqual([
			['header', `${H.slice(0, 10)}\n${H.slice(10)}`],
			['dot', '.'],
			['payload', `${P.slice(0, 7)} \r\n ${P.slice(7)}`],
			['dot', '.'],
			['signature', 'c2lu\nbmF0dXJl'],
		]);
	});

	test('an empty signature has its dot but no range of its own', () => {
		const inspection = inspectText(`${H}.${P}.`);
		expect(covered(`${H}.${P}.`, inspection)).toEqual([
			['header', H],
			['dot', '.'],
			['payload', P],
			['dot', '.'],
		]);
	});

	test('an empty signature after a line break', () => {
		const text = `${H}.\n${P}.`;
		const inspection = inspectText(text);
		expect(covered(text, inspection)).toEqual([
			['header', H],
			['dot', '.'],
			['payload', P],
			['dot', '.'],
		]);
	});

	test('a two-part token maps both parts', () => {
		const text = `${H}.${P}`;
		expect(covered(text, inspectText(text))).toEqual([
			['header', H],
			['dot', '.'],
			['payload', P],
		]);
	});

	test('a percent-encoded token in a URL is decoded, but its ranges are not mapped', () => {
		const text = `https://app.test/callback#id_token=${TOKEN.replaceAll('.', '%2E')}&state=xyz`;
		const inspection = inspectText(text);
		expect(inspection.candidate?.percentDecoded).toBe(true);
		expect(inspection.decoded?.token).toBe(TOKEN);
		expect(inspection.ranges).toEqual([]);
	});

	test('whitespace anywhere inside the token never breaks the mapping', () => {
		const space = fc.constantFrom(' ', '\n', '\r\n', '\t', '  \n  ');
		const insertion = fc.tuple(fc.integer({ min: 1, max: TOKEN.length - 1 }), space);
		fc.assert(
			fc.property(fc.array(insertion, { minLength: 1, maxLength: 6 }), (insertions) => {
				let text = TOKEN;
				for (const [at, ws] of [...insertions].sort((a, b) => b[0] - a[0]))
					text = text.slice(0, at) + ws + text.slice(at);
				const inspection = inspectText(text);
				expect(inspection.decoded?.token).toBe(TOKEN);
				const parts = inspection.decoded?.parts ?? [];
				const names = inspection.ranges.map((r) => r.name);
				expect(names).toEqual(['header', 'dot', 'payload', 'dot', 'signature']);
				let previous = 0;
				for (const range of inspection.ranges) {
					expect(range.from).toBeGreaterThanOrEqual(previous);
					expect(range.to).toBeGreaterThan(range.from);
					previous = range.to;
					const slice = text.slice(range.from, range.to);
					// A range starts and ends on token characters, never on whitespace.
					expect(slice.trim()).toBe(slice);
					const expected = range.name === 'dot' ? '.' : parts.find((p) => p.name === range.name)?.text;
					expect(slice.replace(/\s/g, '')).toBe(expected);
				}
			}),
			{ numRuns: 1000 },
		);
	});
});

describe('inspectText picks a candidate by index', () => {
	const text = JSON.stringify({ access_token: TOKEN, id_token: OTHER }, null, 2);

	test.each([
		['the first by default', undefined, 0, TOKEN],
		['the second when asked', 1, 1, OTHER],
		['the first when the index is past the end', 5, 0, TOKEN],
		['the first when the index is negative', -1, 0, TOKEN],
	])('%s', (_name, pick, chosen, token) => {
		const inspection = inspectText(text, pick);
		expect(inspection.candidates).toHaveLength(2);
		expect(inspection.chosen).toBe(chosen);
		expect(inspection.candidate?.token).toBe(token);
		expect(inspection.decoded?.token).toBe(token);
		// The ranges are those of the chosen token, where it sits in the text.
		const start = text.indexOf(token);
		expect(inspection.ranges[0]).toMatchObject({ name: 'header', from: start });
		expect(inspection.ranges.at(-1)).toMatchObject({ name: 'signature', to: start + token.length });
	});

	test('two tokens on two lines are two candidates, not one wrapped token', () => {
		const inspection = inspectText(`${TOKEN}\n${OTHER}`, 1);
		expect(inspection.candidates.map((c) => c.token)).toEqual([TOKEN, OTHER]);
		expect(inspection.decoded?.token).toBe(OTHER);
	});
});

describe('inspectText decodes what it finds, problems included', () => {
	test('a token with a broken signature is decoded and its error names the signature', () => {
		const inspection = inspectText(`${H}.${P}.c2ln$`);
		expect(inspection.error).toBeUndefined();
		expect(inspection.decoded?.errors.map((e) => [e.code, e.part])).toEqual([['bad-base64url', 'signature']]);
		expect(inspection.decoded?.header?.text).toBe('{"alg":"HS256","typ":"JWT"}');
	});
});
