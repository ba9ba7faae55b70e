// A decrypted plaintext is shown as re-indented JSON, text or hex, and a compact token inside is recognised as nested.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findNestedToken, readPlaintext } from '../../../../src/lib/jwt/jwe/plaintext';

const utf8 = (text: string) => new TextEncoder().encode(text);
const b64 = (text: string) => Buffer.from(text).toString('base64url');
const jws = `${b64('{"alg":"RS256","typ":"JWT"}')}.${b64('{"sub":"a"}')}.c2ln`;
const jwe = `${b64('{"alg":"dir","enc":"A128GCM"}')}..aXZpdml2aXZpdml2.Y2lwaGVy.dGFndGFndGFndGFndGFn`;

describe('readPlaintext', () => {
	test('JSON is re-indented and its literals are kept as written', () => {
		const view = readPlaintext(utf8('{"n":1.50,"big":12345678901234567890,"s":"\\u00e9"}'));
		expect(view.mode).toBe('json');
		expect(view.text).toBe('{\n  "n": 1.50,\n  "big": 12345678901234567890,\n  "s": "\\u00e9"\n}');
	});

	test.each([
		['plain text', 'hello, world', 'text'],
		['an empty plaintext', '', 'text'],
	])('%s is text', (_what, text, mode) => {
		expect(readPlaintext(utf8(text))).toMatchObject({ mode, text });
	});

	test('bytes that are not UTF-8 are shown as hex', () => {
		expect(readPlaintext(new Uint8Array([0xff, 0x00, 0x10]))).toEqual({
			mode: 'hex',
			text: 'ff 00 10',
			byteLength: 3,
		});
	});

	test.each([
		['a compact JWS', jws, 'jws'],
		['a compact JWE', jwe, 'jwe'],
		['a JWS with a trailing newline', `${jws}\n`, 'jws'],
	])('%s is a nested token', (_what, text, kind) => {
		const view = readPlaintext(utf8(text));
		expect(view).toMatchObject({ mode: 'text', nested: { kind, token: text.trim() } });
	});

	test.each([
		['three dotted words', 'a.b.c'],
		['a header without alg', `${b64('{"typ":"JWT"}')}.${b64('{}')}.c2ln`],
		['a header that is an array', `${b64('[1]')}.${b64('{}')}.c2ln`],
		['four parts', `${jws}.x`],
	])('%s is not a nested token', (_what, text) => {
		expect(findNestedToken(text)).toBeUndefined();
	});

	test('any bytes read without throwing, and the byte length is kept', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
				const view = readPlaintext(bytes);
				expect(view.byteLength).toBe(bytes.length);
				expect(['json', 'text', 'hex']).toContain(view.mode);
			}),
		);
	});
});
