import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { encodeBase64urlText } from '../../../src/lib/encoding/base64url';
import { decodeToken } from '../../../src/lib/jwt/decode';
import { readFragmentToken } from '../../../src/lib/jwt/fragment';
import {
	buildUnsignedShareUrl,
	describeShareRisk,
	REDACTED,
	redactJson,
	resolvePointer,
	shareParts,
} from '../../../src/lib/jwt/share';
import { parseJson } from '../../../src/lib/jwt/json';

const NOW = 1_767_225_600;
const SIG = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const jwt = (header: object, payload: object, signature = SIG) =>
	`${encodeBase64urlText(JSON.stringify(header))}.${encodeBase64urlText(JSON.stringify(payload))}.${signature}`;
const PAGE = 'https://prism.example/app/?x=1#token=old';
/** The payload a share URL carries, decoded. */
const sharedPayload = (url: string) => {
	const token = readFragmentToken(new URL(url).hash)!;
	return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
};
const sharedHeader = (url: string) => {
	const token = readFragmentToken(new URL(url).hash)!;
	return JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as Record<string, unknown>;
};

describe('buildUnsignedShareUrl', () => {
	const token = jwt({ alg: 'HS256', typ: 'JWT' }, { sub: 'u1', email: 'a@b.example', exp: NOW + 60 });

	test('ends in #token=<header>.<payload>. on this page, without the signature', () => {
		const url = buildUnsignedShareUrl(PAGE, decodeToken(token))!;
		const [header, payload] = token.split('.');
		expect(url).toBe(`https://prism.example/app/?x=1#token=${header}.${payload}.`);
		expect(url).not.toContain(SIG);
	});

	test.each([
		[['/payload/email'], { sub: 'u1', email: REDACTED, exp: NOW + 60 }],
		[['/payload/email', '/payload/sub'], { sub: REDACTED, email: REDACTED, exp: NOW + 60 }],
		[['/payload/nothing-here'], { sub: 'u1', email: 'a@b.example', exp: NOW + 60 }],
	])('redacting %j', (redact, expected) => {
		expect(sharedPayload(buildUnsignedShareUrl(PAGE, decodeToken(token), redact)!)).toEqual(expected);
	});

	test('a nested member and its parent: the parent is replaced once', () => {
		const nested = jwt({ alg: 'HS256' }, { address: { street: 'x', city: 'y' }, n: 1 });
		const url = buildUnsignedShareUrl(PAGE, decodeToken(nested), [
			'/payload/address/city',
			'/payload/address',
		])!;
		expect(sharedPayload(url)).toEqual({ address: REDACTED, n: 1 });
	});

	test('private members of a header jwk are always redacted', () => {
		const proof = jwt(
			{ typ: 'dpop+jwt', alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256', x: 'X', y: 'Y', d: 'PRIVATE-D' } },
			{ htm: 'GET' },
		);
		const url = buildUnsignedShareUrl(PAGE, decodeToken(proof))!;
		expect(url).not.toContain(encodeBase64urlText('PRIVATE-D').slice(0, 8));
		expect(sharedHeader(url)).toMatchObject({ jwk: { kty: 'EC', x: 'X', d: REDACTED } });
	});

	test.each([
		['a JWE', 'eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a2V5.aXY.Y2lwaGVydGV4dA.dGFn'],
		['a token that does not decode', 'abc'],
		[
			'a JWS whose payload is text',
			`${encodeBase64urlText('{"alg":"HS256"}')}.${encodeBase64urlText('hello')}.${SIG}`,
		],
	])('%s cannot be shared without its signature', (_name, text) => {
		expect(buildUnsignedShareUrl(PAGE, decodeToken(text))).toBeUndefined();
	});

	test('no share URL ever holds the signature (any header, payload and redaction)', () => {
		fc.assert(
			fc.property(
				fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
				fc.uint8Array({ minLength: 32, maxLength: 64 }),
				fc.subarray(['/payload/a', '/payload/b', '/header/kid']),
				(payload, signatureBytes, redact) => {
					const signature = Buffer.from(signatureBytes).toString('base64url');
					const url = buildUnsignedShareUrl(
						PAGE,
						decodeToken(jwt({ alg: 'HS256', kid: 'k' }, payload, signature)),
						redact,
					)!;
					expect(url.endsWith('.')).toBe(true);
					expect(url).not.toContain(signature);
					expect(readFragmentToken(new URL(url).hash)!.split('.')[2]).toBe('');
				},
			),
		);
	});
});

describe('resolvePointer and redactJson follow RFC 6901', () => {
	const text = '{"a/b":{"m~n":[10,{"c":true}]},"":1}';
	const parsed = parseJson(text);
	if (!parsed.ok) throw new Error('test JSON should parse');
	test.each([
		['/a~1b/m~0n/1/c', 'true'],
		['/a~1b/m~0n/0', '10'],
		['/', '1'],
	])('%s is %s', (pointer, raw) => {
		const node = resolvePointer(parsed.root, pointer)!;
		expect(text.slice(node.start, node.end)).toBe(raw);
	});
	test.each([['/a~1b/m~0n/2'], ['/a~1b/m~0n/01'], ['/x'], ['a']])('%s names nothing', (pointer) => {
		expect(resolvePointer(parsed.root, pointer)).toBeUndefined();
	});
	test('the rest of the text stays as written', () => {
		expect(redactJson({ text, root: parsed.root, duplicates: [] }, ['/a~1b/m~0n/0']).text).toBe(
			'{"a/b":{"m~n":["[redacted]",{"c":true}]},"":1}',
		);
	});
});

describe('describeShareRisk', () => {
	test.each([
		['a signed token that expires in an hour', jwt({ alg: 'HS256' }, { exp: NOW + 3600 }), true],
		['a signed token with no exp', jwt({ alg: 'HS256' }, { sub: 'x' }), true],
		['an expired token', jwt({ alg: 'HS256' }, { exp: NOW - 1 }), false],
		['a token expiring exactly now', jwt({ alg: 'HS256' }, { exp: NOW }), false],
		['an unsigned token', jwt({ alg: 'HS256' }, { exp: NOW + 60 }, ''), false],
		['alg none', jwt({ alg: 'none' }, { exp: NOW + 60 }, ''), false],
		[
			'a DPoP proof made a minute ago',
			jwt({ typ: 'dpop+jwt', alg: 'ES256' }, { htm: 'GET', iat: NOW - 60 }),
			true,
		],
		[
			'a DPoP proof from 2019',
			jwt({ typ: 'dpop+jwt', alg: 'ES256' }, { htm: 'GET', iat: 1562262616 }),
			false,
		],
		['a JWE', 'eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a2V5.aXY.Y2lwaGVydGV4dA.dGFn', false],
	])('%s: live %s', (_name, token, live) => {
		expect(describeShareRisk(decodeToken(token), NOW).live).toBe(live);
	});

	test('a live token says how long it still works', () => {
		const risk = describeShareRisk(decodeToken(jwt({ alg: 'HS256' }, { exp: NOW + 3600 })), NOW);
		expect(risk).toMatchObject({ live: true, expiresIn: 3600 });
	});

	test('shareParts keeps a token with no redactions byte for byte', () => {
		const token = jwt({ alg: 'HS256' }, { sub: 'x' });
		expect(shareParts(decodeToken(token))?.unsignedToken).toBe(token.slice(0, token.lastIndexOf('.') + 1));
	});
});
