import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { encodeBase64urlText as b64 } from '../../../src/lib/encoding/base64url';
import { decodeToken } from '../../../src/lib/jwt/decode';
import { replacePart, withoutPayload, type EncodeResult } from '../../../src/lib/jwt/encode';

const H = b64('{"alg":"HS256","typ":"JWT"}');
const P = b64('{"sub":"x"}');
const S = 'c2lnbmF0dXJl';
const TOKEN = `${H}.${P}.${S}`;

function encoded(result: EncodeResult): string {
	if (!result.ok) throw new Error(`expected a token: ${result.error.message}`);
	return result.token;
}

describe('replacePart re-encodes the edited part as minified JSON and keeps the others', () => {
	test.each([
		[
			'the header',
			'header',
			'{\n  "alg": "HS384",\n  "typ": "JWT"\n}',
			`${b64('{"alg":"HS384","typ":"JWT"}')}.${P}.${S}`,
		],
		[
			'the payload',
			'payload',
			'{\n\t"sub": "y",\r\n\t"admin": true\n}',
			`${H}.${b64('{"sub":"y","admin":true}')}.${S}`,
		],
		[
			'big numbers, escapes and spaces inside strings exactly as written',
			'payload',
			'{ "n": 12345678901234567890, "s": "a  b\\u00e9\\n", "f": 1.50 }',
			`${H}.${b64('{"n":12345678901234567890,"s":"a  b\\u00e9\\n","f":1.50}')}.${S}`,
		],
		[
			'key order and duplicate keys as written',
			'payload',
			'{"z":1, "a":2, "z":3}',
			`${H}.${b64('{"z":1,"a":2,"z":3}')}.${S}`,
		],
		['JSON that is not an object', 'payload', '[1, 2]', `${H}.${b64('[1,2]')}.${S}`],
	] as const)('%s', (_name, part, text, token) => {
		expect(encoded(replacePart(TOKEN, part, text))).toBe(token);
	});

	test('the new token decodes to the minified text', () => {
		const token = encoded(
			replacePart(TOKEN, 'payload', '{\n  "sub": "é",\n  "n": 123456789012345678901234567890\n}'),
		);
		const decoded = decodeToken(token);
		expect(decoded.errors).toEqual([]);
		expect(decoded.payload.mode === 'json' && decoded.payload.text).toBe(
			'{"sub":"é","n":123456789012345678901234567890}',
		);
	});
});

describe('replacePart refuses invalid JSON and says where', () => {
	test.each([
		['a misspelt literal on line 3', 'payload', '{\n  "sub": "x",\n  "admin": tru\n}', false, 3, 12],
		['a trailing comma in the header', 'header', '{"alg":"HS256",}', false, 1, 16],
		['empty text', 'payload', '', false, 1, 1],
		['plain text in the header even when text is allowed', 'header', 'hello', true, 1, 1],
	] as const)('%s', (_name, part, text, allowText, line, column) => {
		const result = replacePart(TOKEN, part, text, allowText);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect({ line: result.error.line, column: result.error.column }).toEqual({ line, column });
	});
});

describe('replacePart in other token shapes', () => {
	test('a payload that is plain text is encoded as text when text is allowed', () => {
		expect(encoded(replacePart(TOKEN, 'payload', 'plain text, not JSON', true))).toBe(
			`${H}.${b64('plain text, not JSON')}.${S}`,
		);
	});

	test('a two-part token gains an empty signature part', () => {
		expect(encoded(replacePart(`${H}.${P}`, 'payload', '{"sub":"z"}'))).toBe(`${H}.${b64('{"sub":"z"}')}.`);
	});

	test('an empty signature stays empty', () => {
		expect(encoded(replacePart(`${H}.${P}.`, 'header', '{"alg":"none"}'))).toBe(
			`${b64('{"alg":"none"}')}.${P}.`,
		);
	});

	test('a JWE header edit keeps the four other parts', () => {
		const jwe = `${b64('{"alg":"dir","enc":"A128GCM"}')}..aXY.Y2lwaGVy.dGFn`;
		expect(encoded(replacePart(jwe, 'header', '{"alg":"dir", "enc":"A256GCM"}'))).toBe(
			`${b64('{"alg":"dir","enc":"A256GCM"}')}..aXY.Y2lwaGVy.dGFn`,
		);
	});

	test('a JWE payload cannot be edited: the token is returned unchanged', () => {
		const jwe = `${b64('{"alg":"dir","enc":"A128GCM"}')}..aXY.Y2lwaGVy.dGFn`;
		expect(encoded(replacePart(jwe, 'payload', '{"sub":"x"}'))).toBe(jwe);
	});

	test.each([
		['header', '{"alg":"HS256"}', `${b64('{"alg":"HS256"}')}..`],
		['payload', '{"sub":"x"}', `.${b64('{"sub":"x"}')}.`],
	] as const)('editing the %s of a malformed token starts a new three-part token', (part, text, token) => {
		expect(encoded(replacePart('not-a-token', part, text))).toBe(token);
	});
});

describe('withoutPayload leaves out what a payload edit replaces', () => {
	test.each([
		[TOKEN, `${H}..${S}`],
		[`${H}.${P}`, `${H}.`],
		[`${H}.${P}.`, `${H}..`],
		['a.b.c.d.e', 'a.b.c.d.e'],
		['a.b.c.d', 'a.b.c.d'],
		['no-dots', 'no-dots'],
	])('%s → %s', (token, stripped) => {
		expect(withoutPayload(token)).toBe(stripped);
	});

	test('any text and any edit: replacePart gives the same result with or without the old payload', () => {
		const tokenish = fc.array(fc.constantFrom('eyJ9', 'e30', 'c2ln', '', '.', '..', 'x y', '{'), {
			maxLength: 8,
		});
		fc.assert(
			fc.property(
				tokenish.map((pieces) => pieces.join('')),
				fc.oneof(fc.json(), fc.string()),
				fc.boolean(),
				(token, text, allowText) => {
					expect(replacePart(withoutPayload(token), 'payload', text, allowText)).toEqual(
						replacePart(token, 'payload', text, allowText),
					);
				},
			),
			{ numRuns: 2000 },
		);
	});
});
