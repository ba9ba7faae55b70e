import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { encodeBase64url, encodeBase64urlText as b64 } from '../../../src/lib/encoding/base64url';
import { decodeHeader, decodeToken, type DecodedToken } from '../../../src/lib/jwt/decode';
import { DebuggerError, type ErrorCode } from '../../../src/lib/jwt/errors';
import { getMember, type JsonNode } from '../../../src/lib/jwt/json';
import { describeError } from '../../../src/lib/jwt/error-messages';

const HEADER = '{"alg":"HS256","typ":"JWT"}';
const PAYLOAD = '{"sub":"1234567890","name":"Ada","iat":1516239022}';
const SIGNATURE = 'c2lnbmF0dXJl';
const raw = (bytes: number[]) => encodeBase64url(new Uint8Array(bytes));
const jws = (header: string, payload: string, signature = SIGNATURE) =>
	`${b64(header)}.${b64(payload)}.${signature}`;

function payloadRoot(decoded: DecodedToken): JsonNode {
	if (decoded.payload.mode !== 'json') throw new Error(`payload is ${decoded.payload.mode}`);
	return decoded.payload.root;
}

function codes(decoded: DecodedToken): [ErrorCode, string | undefined][] {
	return decoded.errors.map((e) => [e.code, e.part]);
}

describe('decodeToken decodes a JWS', () => {
	test('header and payload are JSON, the signature is bytes, and nothing is wrong', () => {
		const decoded = decodeToken(jws(HEADER, PAYLOAD));
		expect(decoded.kind).toBe('jws');
		expect(decoded.errors).toEqual([]);
		expect(decoded.header?.text).toBe(HEADER);
		expect(decoded.header?.root?.kind).toBe('object');
		expect(decoded.payload.mode).toBe('json');
		expect(decoded.payload.mode === 'json' && decoded.payload.text).toBe(PAYLOAD);
		expect(new TextDecoder().decode(decoded.bytes.signature)).toBe('signature');
		expect(decoded.deviations).toEqual([]);
		expect(decoded.invalidUtf8).toEqual([]);
	});

	test('an unknown alg still decodes without errors', () => {
		const decoded = decodeToken(jws('{"alg":"XYZ999"}', PAYLOAD));
		expect(decoded.errors).toEqual([]);
		expect(decoded.header?.root && getMember(decoded.header.root, 'alg')).toMatchObject({ value: 'XYZ999' });
	});
});

describe('decodeToken is lossless', () => {
	test('the decoded text is exactly the bytes, whitespace and CRLF included', () => {
		const header = '{"typ":"JWT",\r\n "alg":"HS256"}';
		const payload = '{\n  "b": 1,\n  "a": 2\n}';
		const decoded = decodeToken(jws(header, payload));
		expect(decoded.header?.text).toBe(header);
		expect(decoded.payload.mode === 'json' && decoded.payload.text).toBe(payload);
	});

	test('keys keep the token’s order', () => {
		const root = payloadRoot(decodeToken(jws(HEADER, '{"z":1,"a":2,"m":3}')));
		expect(root.kind === 'object' && root.entries.map((e) => e.key)).toEqual(['z', 'a', 'm']);
	});

	test.each([
		['a 20-digit integer keeps every digit', '12345678901234567890'],
		['a 30-digit integer keeps every digit', '123456789012345678901234567890'],
		['a decimal keeps its trailing zero', '1.10'],
		['an exponent keeps its form', '1E+3'],
		['negative zero stays negative zero', '-0'],
	])('%s', (_name, literal) => {
		const root = payloadRoot(decodeToken(jws(HEADER, `{"n":${literal}}`)));
		expect(getMember(root, 'n')).toMatchObject({ kind: 'number', raw: literal });
	});

	test('a string keeps its escapes as written', () => {
		const root = payloadRoot(decodeToken(jws(HEADER, '{"s":"caf\\u00e9 \\/ \\"q\\""}')));
		expect(getMember(root, 's')).toMatchObject({ raw: '"caf\\u00e9 \\/ \\"q\\""', value: 'café / "q"' });
	});
});

describe('decodeToken shows what is not a JWT claims set', () => {
	test.each([
		['an array', '[1,2]', 'array'],
		['a string', '"hello"', 'string'],
		['a number', '42', 'number'],
		['null', 'null', 'null'],
		['a boolean', 'true', 'boolean'],
	])('a header that is %s is decoded as that JSON value, and is not a JWT', (_name, header, kind) => {
		const decoded = decodeToken(jws(header, PAYLOAD));
		expect(decoded.header?.root?.kind).toBe(kind);
		expect(codes(decoded)).toEqual([['not-json-object', 'header']]);
	});

	test.each([
		['an array', '[{"sub":"x"}]', 'array'],
		['a string', '"hello"', 'string'],
		['a number', '12345678901234567890', 'number'],
	])('a payload that is %s is decoded as that JSON value, and is not a JWT', (_name, payload, kind) => {
		const decoded = decodeToken(jws(HEADER, payload));
		expect(payloadRoot(decoded).kind).toBe(kind);
		expect(codes(decoded)).toEqual([['not-json-object', 'payload']]);
	});

	test('duplicate keys are all kept and listed', () => {
		const decoded = decodeToken(
			jws('{"alg":"HS256","alg":"none"}', '{"sub":"a","x":{"k":1,"k":2},"sub":"b"}'),
		);
		expect(decoded.header?.duplicates.map((d) => [d.key, d.path])).toEqual([['alg', '$']]);
		expect(decoded.payload.mode === 'json' && decoded.payload.duplicates.map((d) => [d.key, d.path])).toEqual(
			[
				['k', '$.x'],
				['sub', '$'],
			],
		);
		const root = payloadRoot(decoded);
		expect(root.kind === 'object' && root.entries.map((e) => e.key)).toEqual(['sub', 'x', 'sub']);
	});

	test('a payload that is not JSON is shown as text, with the syntax error, and is an error: not a JWT', () => {
		const decoded = decodeToken(jws(HEADER, 'plain text, not JSON'));
		expect(decoded.payload).toMatchObject({ mode: 'text', text: 'plain text, not JSON' });
		expect(decoded.payload.mode === 'text' && decoded.payload.syntaxError).toMatchObject({
			line: 1,
			column: 1,
		});
		expect(codes(decoded)).toEqual([['bad-json', 'payload']]);
		expect(decoded.header?.root?.kind).toBe('object');
	});

	test('an empty payload is empty text, not an error', () => {
		const decoded = decodeToken(`${b64(HEADER)}..${SIGNATURE}`);
		expect(decoded.payload).toEqual({ mode: 'text', text: '' });
		expect(decoded.errors).toEqual([]);
	});

	test('a payload that is not UTF-8 is shown as hex, with the bad byte’s offset, and is an error: not JSON, not a JWT', () => {
		const decoded = decodeToken(`${b64(HEADER)}.${raw([0x7b, 0xff, 0x7d])}.${SIGNATURE}`);
		expect(decoded.payload).toEqual({ mode: 'hex', text: '7b ff 7d', byteLength: 3 });
		expect(decoded.invalidUtf8).toEqual([{ part: 'payload', offset: 1 }]);
		expect(codes(decoded)).toEqual([['bad-utf8', 'payload']]);
		expect(decoded.header?.root?.kind).toBe('object');
	});

	test('a header that is not UTF-8 is not shown, and the payload still is', () => {
		const decoded = decodeToken(`${raw([0x7b, 0xc0, 0xaf, 0x7d])}.${b64(PAYLOAD)}.${SIGNATURE}`);
		expect(decoded.header).toBeUndefined();
		expect(decoded.invalidUtf8).toEqual([{ part: 'header', offset: 1 }]);
		expect(codes(decoded)).toEqual([['bad-utf8', 'header']]);
		expect(decoded.payload.mode).toBe('json');
	});

	test('a header that is not JSON keeps its text and says where with line and column', () => {
		const decoded = decodeToken(jws('{"alg":"HS256",}', PAYLOAD));
		expect(decoded.header?.text).toBe('{"alg":"HS256",}');
		expect(decoded.header?.root).toBeUndefined();
		expect(decoded.header?.syntaxError).toMatchObject({ line: 1, column: 16 });
		expect(codes(decoded)).toEqual([['bad-json', 'header']]);
		expect(decoded.errors[0]?.message).toMatch(/^header: .*line 1, column 16/);
		expect(decoded.payload.mode).toBe('json');
	});
});

describe('a header or payload that is not a JSON object makes a token that cannot be decoded as a JWT', () => {
	test.each([
		['a header that is a JSON array', jws('[{"alg":"HS256"}]', PAYLOAD), [['not-json-object', 'header']]],
		['a header that is a JSON string', jws('"HS256"', PAYLOAD), [['not-json-object', 'header']]],
		['a payload that is a JSON array', jws(HEADER, '[1,2,3]'), [['not-json-object', 'payload']]],
		['a payload that is a JSON number', jws(HEADER, '1300819380'), [['not-json-object', 'payload']]],
		['a payload that is plain text', jws(HEADER, 'hello, world'), [['bad-json', 'payload']]],
		[
			'both, each named',
			jws('[]', 'hello'),
			[
				['not-json-object', 'header'],
				['bad-json', 'payload'],
			],
		],
	])('%s is an error naming the part, and the part is still shown', (_name, token, expected) => {
		const decoded = decodeToken(token);
		expect(codes(decoded)).toEqual(expected);
		expect(decoded.header?.text).toBeTruthy();
		expect(decoded.payload.mode === 'json' || decoded.payload.mode === 'text').toBe(true);
		for (const error of decoded.errors) expect(error.message.startsWith(`${error.part}: `)).toBe(true);
	});

	test.each([
		['a JWE, whose payload is encrypted', `${b64('{"alg":"dir","enc":"A256GCM"}')}..aXY.Y3Q.dGFn`],
		['a JWS with an empty (detached) payload, RFC 7515 Appendix F', jws(HEADER, '')],
		['a JWT', jws(HEADER, PAYLOAD)],
	])('%s has no such error', (_name, token) => {
		expect(codes(decodeToken(token))).toEqual([]);
	});
});

describe('decodeToken decodes every part it can and names the part at fault', () => {
	test('a broken signature still shows header and payload, and the error names the signature', () => {
		const decoded = decodeToken(jws(HEADER, PAYLOAD, 'c2ln$bmF0'));
		expect(codes(decoded)).toEqual([['bad-base64url', 'signature']]);
		expect(decoded.errors[0]?.message).toContain('signature');
		expect(decoded.errors[0]?.message).toContain('$');
		expect(decoded.header?.text).toBe(HEADER);
		expect(decoded.payload.mode).toBe('json');
		expect(decoded.bytes.signature).toBeUndefined();
	});

	test('a broken payload still shows the header, and the error names the payload and the position', () => {
		const decoded = decodeToken(`${b64(HEADER)}.eyJzdWIiOi$xIn0.${SIGNATURE}`);
		expect(codes(decoded)).toEqual([['bad-base64url', 'payload']]);
		expect(decoded.errors[0]?.message).toMatch(/^payload: .*'\$'.* 11\b/);
		expect(decoded.payload).toEqual({ mode: 'unreadable' });
		expect(decoded.header?.text).toBe(HEADER);
	});

	test('a broken header still shows the payload', () => {
		const decoded = decodeToken(`e.${b64(PAYLOAD)}.${SIGNATURE}`);
		expect(codes(decoded)).toEqual([['bad-base64url', 'header']]);
		expect(decoded.errors[0]?.message).toContain('header');
		expect(decoded.header).toBeUndefined();
		expect(decoded.payload.mode).toBe('json');
	});

	test('several broken parts give one error each, in part order', () => {
		const decoded = decodeToken('a$.b$.c$');
		expect(codes(decoded)).toEqual([
			['bad-base64url', 'header'],
			['bad-base64url', 'payload'],
			['bad-base64url', 'signature'],
		]);
	});

	test('a token of two parts (header.payload) is decoded, with the signature named as missing', () => {
		const decoded = decodeToken(`${b64(HEADER)}.${b64(PAYLOAD)}`);
		expect(decoded.kind).toBe('unsecured-fragment');
		expect(codes(decoded)).toEqual([['missing-signature', 'signature']]);
		expect(decoded.errors[0]?.message).toContain('signature');
		expect(decoded.header?.text).toBe(HEADER);
		expect(decoded.payload.mode).toBe('json');
	});

	test('a token ending in a dot has an empty signature, decoded without error', () => {
		const decoded = decodeToken(`${b64(HEADER)}.${b64(PAYLOAD)}.`);
		expect(decoded.kind).toBe('jws');
		expect(decoded.errors).toEqual([]);
		expect(decoded.bytes.signature).toEqual(new Uint8Array(0));
	});

	test.each([
		['one part', 'eyJhbGciOiJIUzI1NiJ9', 1],
		['four parts', 'a.b.c.d', 4],
		['six parts', 'a.b.c.d.e.f', 6],
	])('a token of %s is malformed, with an error that names no part', (_name, token, count) => {
		const decoded = decodeToken(token);
		expect(decoded.kind).toBe('malformed');
		expect(codes(decoded)).toEqual([['bad-segments', undefined]]);
		expect(decoded.errors[0]?.message).toContain(`${count} part`);
		expect(decoded.payload).toEqual({ mode: 'unreadable' });
		expect(decoded.header).toBeUndefined();
	});

	test('padding and standard-base64 characters decode and are listed as deviations of their part', () => {
		const header = Buffer.from('{"alg": "HS256"}').toString('base64'); // 16 bytes: ends in '=='
		const signature = Buffer.from([0xfb, 0xff, 0xbf]).toString('base64'); // '+/+/'
		const decoded = decodeToken(`${header}.${b64(PAYLOAD)}.${signature}`);
		expect(header.endsWith('=')).toBe(true);
		expect(decoded.errors).toEqual([]);
		expect(decoded.deviations).toEqual([
			{ part: 'header', deviations: ['padding'] },
			{ part: 'signature', deviations: ['standard-alphabet'] },
		]);
		expect(decoded.header?.text).toBe('{"alg": "HS256"}');
	});
});

describe('decodeToken decodes a JWE header and keeps the other parts as bytes', () => {
	const header = '{"alg":"RSA-OAEP","enc":"A256GCM"}';
	const parts = [b64(header), raw([1, 2, 3]), raw([4, 5]), raw([6, 7, 8, 9]), raw([10])];

	test('the header is JSON, the payload is encrypted, and every part’s bytes are there', () => {
		const decoded = decodeToken(parts.join('.'));
		expect(decoded.kind).toBe('jwe');
		expect(decoded.errors).toEqual([]);
		expect(decoded.header?.text).toBe(header);
		expect(decoded.payload).toEqual({ mode: 'encrypted', byteLength: 4 });
		expect(decoded.bytes['encrypted-key']).toEqual(new Uint8Array([1, 2, 3]));
		expect(decoded.bytes.iv).toEqual(new Uint8Array([4, 5]));
		expect(decoded.bytes.ciphertext).toEqual(new Uint8Array([6, 7, 8, 9]));
		expect(decoded.bytes.tag).toEqual(new Uint8Array([10]));
	});

	test('a broken JWE part is named', () => {
		const broken = [...parts];
		broken[2] = 'i$';
		const decoded = decodeToken(broken.join('.'));
		expect(codes(decoded)).toEqual([['bad-base64url', 'iv']]);
		expect(decoded.errors[0]?.message).toContain('iv');
		expect(decoded.header?.text).toBe(header);
	});
});

describe('what a person reads for each decoding error names the part', () => {
	test.each([
		[
			'bad base64url in the payload',
			`${b64(HEADER)}.eyJzdWIiOi$xIn0.${SIGNATURE}`,
			'bad-base64url',
			/payload/i,
		],
		['bad base64url in the signature', jws(HEADER, PAYLOAD, 'c2ln$'), 'bad-base64url', /signature/i],
		['a header that is not JSON', jws('{"alg":', PAYLOAD), 'bad-json', /header/i],
		['a header that is not UTF-8', `${raw([0xff])}.${b64(PAYLOAD)}.${SIGNATURE}`, 'bad-utf8', /header/i],
		['a header that is a JSON array', jws('[]', PAYLOAD), 'not-json-object', /header.*JWT|JWT.*header/i],
		['a payload that is not JSON', jws(HEADER, 'text'), 'bad-json', /payload.*JWT|JWT.*payload/i],
		['a payload that is not UTF-8', `${b64(HEADER)}.${raw([0xff])}.${SIGNATURE}`, 'bad-utf8', /payload/i],
		['a missing signature', `${b64(HEADER)}.${b64(PAYLOAD)}`, 'missing-signature', /signature/i],
		['a wrong number of parts', 'a.b.c.d', 'bad-segments', /parts/i],
	])('%s', (_name, token, code, part) => {
		const [error] = decodeToken(token).errors;
		expect(error?.code).toBe(code);
		const text = describeError(error!);
		expect(text).toMatch(part);
		expect(text.endsWith('.')).toBe(true);
	});
});

describe('decodeToken never throws', () => {
	const validToken = jws(HEADER, PAYLOAD);
	const ERROR_CODES: ErrorCode[] = [
		'bad-segments',
		'missing-signature',
		'bad-base64url',
		'bad-utf8',
		'bad-json',
		'not-json-object',
	];

	function checkShape(decoded: DecodedToken): void {
		for (const error of decoded.errors) {
			expect(error).toBeInstanceOf(DebuggerError);
			expect(ERROR_CODES).toContain(error.code);
			// Only a wrong number of parts concerns no single part.
			expect(error.part === undefined).toBe(error.code === 'bad-segments');
			if (error.part) expect(error.message).toContain(error.part);
		}
	}

	test('on arbitrary strings', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 200 }), (text) => checkShape(decodeToken(text))),
			{ numRuns: 1000 },
		);
	});

	test('on arbitrary dotted strings of base64url-ish characters', () => {
		const part = fc.string({ unit: fc.constantFrom(...'eyJhbGciOi-_=+/$. \n'), maxLength: 30 });
		fc.assert(
			fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), (parts) =>
				checkShape(decodeToken(parts.join('.'))),
			),
			{ numRuns: 1000 },
		);
	});

	test('on a valid token with characters changed, inserted or deleted', () => {
		const edit = fc.record({
			at: fc.nat({ max: validToken.length }),
			remove: fc.nat({ max: 3 }),
			insert: fc.string({ unit: 'binary', maxLength: 3 }),
		});
		fc.assert(
			fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
				let token = validToken;
				for (const { at, remove, insert } of edits)
					token = token.slice(0, at) + insert + token.slice(at + remove);
				checkShape(decodeToken(token));
			}),
			{ numRuns: 1000 },
		);
	});

	test('on arbitrary bytes in the header and payload', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 60 }), fc.uint8Array({ maxLength: 60 }), (header, payload) => {
				checkShape(decodeToken(`${encodeBase64url(header)}.${encodeBase64url(payload)}.${SIGNATURE}`));
			}),
			{ numRuns: 1000 },
		);
	});
});

describe('decodeHeader reads the header alone', () => {
	test('the same header, kind and parts as decodeToken, whatever the text', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string(),
					fc.tuple(fc.json(), fc.string()).map(([header, payload]) => `${b64(header)}.${b64(payload)}.c2ln`),
				),
				(text) => {
					const full = decodeToken(text);
					expect(decodeHeader(text)).toEqual({
						kind: full.kind,
						parts: full.parts,
						sdJwt: full.sdJwt,
						header: full.header,
					});
				},
			),
			{ numRuns: 500 },
		);
	});

	test('a payload that is not even base64url does not stop it', () => {
		const header = decodeHeader(`${b64('{"alg":"HS256"}')}.***.sig`).header;
		expect(header?.text).toBe('{"alg":"HS256"}');
	});
});
