// A text that is itself a compact token (a nested JWT), and a JWS payload that is one: recognised, not reported as broken JSON.

import { describe, expect, test } from 'vitest';
import { decodeToken } from '../../../src/lib/jwt/decode';
import { listFindings } from '../../../src/lib/jwt/findings';
import { nestedTokenKind } from '../../../src/lib/jwt/nested';
import { encodePart, HS, jws, NOW } from './findings/fixtures';

const jwe = `${encodePart({ alg: 'dir', enc: 'A128GCM' })}..aXY.Y3Q.dGFn`;

describe('nestedTokenKind', () => {
	test.each([
		['a compact JWS', jws(HS, { sub: 'a' }), 'jws'],
		['a compact JWE', jwe, 'jwe'],
		['a JWS with whitespace around it', `\n ${jws(HS, { sub: 'a' })} \n`, 'jws'],
		[
			'an unsecured JWS (alg none, empty signature)',
			`${encodePart({ alg: 'none' })}.${encodePart({})}.`,
			'jws',
		],
		['plain text with dots', 'a.b.c', undefined],
		['four parts', `${jws(HS, {})}.x`, undefined],
		['a header without alg', `${encodePart({ typ: 'JWT' })}.${encodePart({})}.c2ln`, undefined],
		['a header whose alg is no string', `${encodePart({ alg: 1 })}.${encodePart({})}.c2ln`, undefined],
		['a header that is not JSON', `${encodePart('hello')}.${encodePart({})}.c2ln`, undefined],
		['a sentence', 'The token is eyJ.x.y here', undefined],
	])('%s', (_, text, expected) => {
		expect(nestedTokenKind(text)).toBe(expected);
	});
});

describe('a JWS whose payload is a token', () => {
	test.each([
		['a JWS', jws(HS, { sub: 'a' }), 'jws'],
		['a JWE', jwe, 'jwe'],
	])('with %s inside decodes as a nested token, without a bad-json error', (_, inner, kind) => {
		const decoded = decodeToken(jws({ alg: 'HS256', cty: 'JWT' }, inner));
		expect(decoded.payload).toEqual({ mode: 'text', text: inner, nested: kind });
		expect(decoded.errors.map((e) => e.code)).toEqual([]);
		expect(listFindings(decoded, { now: NOW }).map((f) => f.code)).not.toContain('payload-not-json');
	});

	test('text that only looks dotted still is no JSON payload', () => {
		const decoded = decodeToken(jws(HS, 'a.b.c'));
		expect(decoded.errors.map((e) => e.code)).toEqual(['bad-json']);
		expect(listFindings(decoded, { now: NOW }).map((f) => f.code)).toContain('payload-not-json');
	});
});
