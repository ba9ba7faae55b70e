// Findings about a decrypted JWE: unsigned content, a text key for dir, a nested token without cty, replicated claims that differ.

import { describe, expect, test } from 'vitest';
import { listDecryptedJweFindings } from '../../../../src/lib/jwt/findings/jwe-decrypted';
import { readPlaintext } from '../../../../src/lib/jwt/jwe/plaintext';
import { parseJson, type JsonNode } from '../../../../src/lib/jwt/json';

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const jws = (payload: object) => `${b64('{"alg":"ES256"}')}.${b64(JSON.stringify(payload))}.c2ln`;
const innerJwe = `${b64('{"alg":"dir","enc":"A128GCM"}')}..aXZpdml2aXZpdml2.Y2lwaGVy.dGFndGFndGFndGFndGFn`;
const header = (value: object): JsonNode => {
	const parsed = parseJson(JSON.stringify(value));
	if (!parsed.ok) throw new Error('bad test header');
	return parsed.root;
};
const codes = (h: object, plaintext: string, directKey?: { bytes: number; text: boolean }) =>
	listDecryptedJweFindings({
		header: header(h),
		plaintext: readPlaintext(new TextEncoder().encode(plaintext)),
		directKey,
	}).map((f) => f.code);

describe('listDecryptedJweFindings', () => {
	test.each([
		['RSA-OAEP with JSON claims', { alg: 'RSA-OAEP', enc: 'A128GCM' }, '{"sub":"a"}', ['jwe-unsigned']],
		['ECDH-ES with text', { alg: 'ECDH-ES', enc: 'A128GCM' }, 'hello', ['jwe-unsigned']],
		[
			'RSA-OAEP with a JWE inside',
			{ alg: 'RSA-OAEP', enc: 'A128GCM', cty: 'JWT' },
			innerJwe,
			['jwe-unsigned'],
		],
		[
			'RSA-OAEP with a signed JWT and cty JWT',
			{ alg: 'RSA-OAEP', enc: 'A128GCM', cty: 'JWT' },
			jws({ sub: 'a' }),
			[],
		],
		['A128KW with JSON claims (a shared key says who)', { alg: 'A128KW', enc: 'A128GCM' }, '{"sub":"a"}', []],
	])('%s', (_name, h, plaintext, expected) => {
		expect(codes(h, plaintext)).toEqual(expected);
	});

	test.each([
		['no cty', { alg: 'A128KW', enc: 'A128GCM' }, ['jwe-nested-no-cty']],
		['cty "jwt" (case does not matter)', { alg: 'A128KW', enc: 'A128GCM', cty: 'jwt' }, []],
		['cty "application/JWT"', { alg: 'A128KW', enc: 'A128GCM', cty: 'application/JWT' }, []],
		['cty "json"', { alg: 'A128KW', enc: 'A128GCM', cty: 'json' }, ['jwe-nested-no-cty']],
	])('a nested JWS with %s', (_name, h, expected) => {
		expect(codes(h, jws({ sub: 'a' }))).toEqual(expected);
	});

	test.each([
		[
			'the same iss, sub and aud',
			{ iss: 'i', sub: 's', aud: ['a', 'b'] },
			{ iss: 'i', sub: 's', aud: ['a', 'b'] },
			0,
		],
		['a different iss', { iss: 'evil' }, { iss: 'i' }, 1],
		['an aud absent from the claims', { aud: 'a' }, { sub: 's' }, 1],
		['iss and sub both different', { iss: 'x', sub: 'y' }, { iss: 'i', sub: 's' }, 2],
	])('replicated claims (RFC 7519 §5.3): %s', (_name, replicated, claims, count) => {
		const h = { alg: 'A128KW', enc: 'A128GCM', cty: 'JWT', ...replicated };
		expect(codes(h, jws(claims)).filter((c) => c === 'jwe-claim-mismatch')).toHaveLength(count);
		expect(
			codes({ ...h, cty: undefined }, JSON.stringify(claims)).filter((c) => c === 'jwe-claim-mismatch'),
		).toHaveLength(count);
	});

	test.each([
		['a text key', { bytes: 32, text: true }, ['jwe-dir-weak-key']],
		['random bytes', { bytes: 32, text: false }, []],
	])('dir with %s', (_name, directKey, expected) => {
		expect(codes({ alg: 'dir', enc: 'A256GCM' }, '{"a":1}', directKey)).toEqual(expected);
	});

	test('every finding names the header member it is about', () => {
		const findings = listDecryptedJweFindings({
			header: header({ alg: 'RSA-OAEP', enc: 'A128GCM', iss: 'x' }),
			plaintext: readPlaintext(new TextEncoder().encode('{"iss":"y"}')),
		});
		expect(findings.map((f) => [f.code, f.member])).toEqual([
			['jwe-unsigned', 'alg'],
			['jwe-claim-mismatch', 'iss'],
		]);
	});
});
