import { describe, expect, test } from 'vitest';
import { encodeBase64url, encodeBase64urlText } from '../../../../src/lib/encoding/base64url';
import { decodeToken } from '../../../../src/lib/jwt/decode';
import {
	listFindings,
	listFindingsWith,
	type Finding,
	type FindingContext,
} from '../../../../src/lib/jwt/findings';
import { review } from '../../../../src/lib/jwt/findings/review';
import { findingInfo, type CoreFindingCode, type FindingCode } from '../../../../src/lib/jwt/messages';
import * as algorithmCases from './algorithm.cases';
import * as claimCases from './claims.cases';
import * as headerCases from './header.cases';
import * as jweCases from './jwe.cases';
import * as profileCases from './profiles.cases';
import * as sensitiveCases from './sensitive.cases';
import * as signatureCases from './signature.cases';

/** 2026-01-01T00:00:00Z, in seconds. */
const NOW = 1_767_225_600;
const HOUR = 3600;
/** 32 bytes, as long as an HS256 signature: the one of RFC 7515 Appendix A.1. */
const SIG = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const HS = { alg: 'HS256', typ: 'JWT' };
const FRESH = { sub: 'user-1', iat: NOW - 60, exp: NOW + HOUR };

type Part = string | Record<string, unknown> | number[];

/** A part as base64url: objects as JSON, strings as they are (JSON text or not), number arrays as raw bytes. */
function encodePart(part: Part): string {
	if (Array.isArray(part)) return encodeBase64url(new Uint8Array(part));
	return encodeBase64urlText(typeof part === 'string' ? part : JSON.stringify(part));
}

const jws = (header: Part, payload: Part, signature = SIG) =>
	`${encodePart(header)}.${encodePart(payload)}.${signature}`;
const jwe = (header: Part) => `${encodePart(header)}.a2V5.aXY.Y2lwaGVydGV4dA.dGFn`;

function find(token: string, context: Partial<FindingContext> = {}): Finding[] {
	return listFindings(decodeToken(token), { now: NOW, ...context });
}
const codes = (token: string, context: Partial<FindingContext> = {}) =>
	find(token, context).map((f) => f.code);

/** Each case raises its code; together they raise every code listFindings can emit. */
const RAISING: [string, string, Partial<FindingContext>, FindingCode][] = [
	['whitespace inside the pasted token', jws(HS, FRESH), { hadInnerWhitespace: true }, 'whitespace-in-token'],
	[
		'a padded header',
		`${Buffer.from('{"alg": "HS256"}').toString('base64')}.${encodePart(FRESH)}.${SIG}`,
		{},
		'non-canonical-base64url',
	],
	['standard-base64 characters in the signature', jws(HS, FRESH, '+/+/'), {}, 'non-canonical-base64url'],
	['stray bits in the signature', jws(HS, FRESH, 'Zh'), {}, 'non-canonical-base64url'],
	['a payload that is not UTF-8', jws(HS, [0x7b, 0xff, 0x7d]), {}, 'invalid-utf8'],
	['a header that is not UTF-8', jws([0x7b, 0xc0, 0xaf, 0x7d], FRESH), {}, 'invalid-utf8'],
	['a header that is a JSON array', jws('[{"alg":"HS256"}]', FRESH), {}, 'not-json-object'],
	['a payload that is a JSON string', jws(HS, '"just a string"'), {}, 'not-json-object'],
	['a payload that is a JSON number', jws(HS, '1300819380'), {}, 'not-json-object'],
	['a header that repeats alg', jws('{"alg":"HS256","alg":"HS512"}', FRESH), {}, 'duplicate-key'],
	[
		'a nested payload object that repeats a key',
		jws(HS, `{"a":{"k":1,"k":2},"exp":${NOW + HOUR}}`),
		{},
		'duplicate-key',
	],
	['alg "none"', jws({ alg: 'none' }, FRESH, ''), {}, 'alg-none'],
	['alg "None"', jws({ alg: 'None' }, FRESH, ''), {}, 'alg-none'],
	['alg "NONE"', jws({ alg: 'NONE' }, FRESH, ''), {}, 'alg-none'],
	['alg "nOnE" with a signature', jws({ alg: 'nOnE' }, FRESH), {}, 'alg-none'],
	['alg none in a two-part token', `${encodePart({ alg: 'none' })}.${encodePart(FRESH)}`, {}, 'alg-none'],
	['an unregistered alg', jws({ alg: 'XYZ999' }, FRESH), {}, 'alg-unknown'],
	['a registered alg in the wrong case', jws({ alg: 'hs256' }, FRESH), {}, 'alg-unknown'],
	['no alg', jws({ typ: 'JWT' }, FRESH), {}, 'alg-unknown'],
	['an alg that is not a string', jws({ alg: 256 }, FRESH), {}, 'alg-unknown'],
	['a JWS alg in a JWE', jwe({ alg: 'HS256', enc: 'A128GCM' }), {}, 'alg-unknown'],
	['an empty signature with alg HS256', jws(HS, FRESH, ''), {}, 'empty-signature'],
	['an empty signature with no alg', jws({ typ: 'JWT' }, FRESH, ''), {}, 'empty-signature'],
	['a JWE', jwe({ alg: 'RSA-OAEP', enc: 'A256GCM' }), {}, 'jwe-encrypted'],
	['a payload that is plain text', jws(HS, 'hello, world'), {}, 'payload-not-json'],
	['a token without its signature part', `${encodePart(HS)}.${encodePart(FRESH)}`, {}, 'missing-signature'],
	['an exp that is a string', jws(HS, { exp: String(NOW + HOUR) }), {}, 'invalid-time-claim'],
	['an nbf that is null', jws(HS, { nbf: null, exp: NOW + HOUR }), {}, 'invalid-time-claim'],
	['an iat that is a boolean', jws(HS, { iat: true, exp: NOW + HOUR }), {}, 'invalid-time-claim'],
	['an exp in milliseconds', jws(HS, { exp: (NOW + HOUR) * 1000 }), {}, 'time-in-milliseconds'],
	['an iat in milliseconds', jws(HS, { iat: NOW * 1000, exp: NOW + HOUR }), {}, 'time-in-milliseconds'],
	[
		'an auth_time in milliseconds',
		jws(HS, { auth_time: NOW * 1000, exp: NOW + HOUR }),
		{},
		'time-in-milliseconds',
	],
	// Issue 19: beyond the range of dates even as milliseconds, and negative times, are no dates at all.
	['an exp beyond any Date, even as milliseconds (1e16)', jws(HS, '{"exp":1e16}'), {}, 'invalid-time-claim'],
	['an nbf of -2^53 - 1', jws(HS, `{"nbf":-9007199254740993,"exp":${NOW + HOUR}}`), {}, 'invalid-time-claim'],
	['an iat of -1 (before 1970)', jws(HS, { iat: -1, exp: NOW + HOUR }), {}, 'invalid-time-claim'],
	['an exp of 2^63', jws(HS, '{"exp":9223372036854775808}'), {}, 'invalid-time-claim'],
	['an exp of 1e400 (infinity)', jws(HS, '{"exp":1e400}'), {}, 'invalid-time-claim'],
	['no exp', jws(HS, { sub: 'user-1', iat: NOW }), {}, 'no-exp'],
	['an empty payload object', jws(HS, {}), {}, 'no-exp'],
	['exp equal to now', jws(HS, { exp: NOW }), {}, 'expired'],
	['exp one second ago', jws(HS, { exp: NOW - 1 }), {}, 'expired'],
	['exp one second beyond the skew', jws(HS, { exp: NOW - 61 }), { clockSkew: 60 }, 'expired'],
	['exp exactly the skew ago', jws(HS, { exp: NOW - 60 }), { clockSkew: 60 }, 'expired'],
	['exp of -1e400 (minus infinity)', jws(HS, '{"exp":-1e400}'), {}, 'expired'],
	['RFC 7519 §3.1 exp (2011)', jws(HS, { iss: 'joe', exp: 1300819380 }), {}, 'expired'],
	['nbf one second ahead', jws(HS, { nbf: NOW + 1, exp: NOW + HOUR }), {}, 'not-yet-valid'],
	[
		'nbf one second beyond the skew',
		jws(HS, { nbf: NOW + 61, exp: NOW + HOUR }),
		{ clockSkew: 60 },
		'not-yet-valid',
	],
	['iat one second ahead', jws(HS, { iat: NOW + 1, exp: NOW + HOUR }), {}, 'iat-future'],
	[
		'iat one second beyond the skew',
		jws(HS, { iat: NOW + 61, exp: NOW + HOUR }),
		{ clockSkew: 60 },
		'iat-future',
	],
	['exp before iat', jws(HS, { iat: NOW - 10, exp: NOW - 20 }), {}, 'time-order'],
	['exp before nbf', jws(HS, { nbf: NOW + 2 * HOUR, exp: NOW + HOUR }), {}, 'time-order'],
];

/** Each case must not raise its code: the boundary just on the other side. */
const NEAR_MISSES: [string, string, Partial<FindingContext>, FindingCode][] = [
	['exp one second ahead', jws(HS, { exp: NOW + 1 }), {}, 'expired'],
	['exp 60 s ago with 61 s of skew', jws(HS, { exp: NOW - 60 }), { clockSkew: 61 }, 'expired'],
	['exp of 1e400 (infinity)', jws(HS, '{"exp":1e400}'), {}, 'expired'],
	['nbf equal to now', jws(HS, { nbf: NOW, exp: NOW + HOUR }), {}, 'not-yet-valid'],
	[
		'nbf exactly the skew ahead',
		jws(HS, { nbf: NOW + 60, exp: NOW + HOUR }),
		{ clockSkew: 60 },
		'not-yet-valid',
	],
	['iat equal to now', jws(HS, { iat: NOW, exp: NOW + HOUR }), {}, 'iat-future'],
	[
		'iat exactly the skew ahead',
		jws(HS, { iat: NOW + 30, exp: NOW + HOUR }),
		{ clockSkew: 30 },
		'iat-future',
	],
	['exp equal to iat', jws(HS, { iat: NOW - 10, exp: NOW - 10 }), {}, 'time-order'],
	['exp equal to nbf', jws(HS, { nbf: NOW + HOUR, exp: NOW + HOUR }), {}, 'time-order'],
	[
		'a time just under the milliseconds threshold',
		jws(HS, { exp: 99_999_999_999 }),
		{},
		'time-in-milliseconds',
	],
	[
		'a non-time claim holding milliseconds',
		jws(HS, { exp: NOW + HOUR, ms: NOW * 1000 }),
		{},
		'time-in-milliseconds',
	],
	['an exp that is a string still counts as present', jws(HS, { exp: 'tomorrow' }), {}, 'no-exp'],
	['alg HS256', jws(HS, FRESH), {}, 'alg-unknown'],
	['alg none', jws({ alg: 'none' }, FRESH, ''), {}, 'alg-unknown'],
	['alg none with an empty signature', jws({ alg: 'none' }, FRESH, ''), {}, 'empty-signature'],
	['alg NONE with an empty signature', jws({ alg: 'NONE' }, FRESH, ''), {}, 'empty-signature'],
	['alg "nonce"', jws({ alg: 'nonce' }, FRESH), {}, 'alg-none'],
	['alg "none " with a trailing space', jws({ alg: 'none ' }, FRESH), {}, 'alg-none'],
	[
		'a two-part token (missing, not empty, signature)',
		`${encodePart(HS)}.${encodePart(FRESH)}`,
		{},
		'empty-signature',
	],
	['a registered JWE alg', jwe({ alg: 'RSA-OAEP', enc: 'A256GCM' }), {}, 'alg-unknown'],
	['an empty payload', jws(HS, ''), {}, 'payload-not-json'],
	['canonical base64url everywhere', jws(HS, FRESH), {}, 'non-canonical-base64url'],
	['no whitespace inside the token', jws(HS, FRESH), { hadInnerWhitespace: false }, 'whitespace-in-token'],
	['a header with distinct keys', jws(HS, FRESH), {}, 'duplicate-key'],
	[
		'the same key in two different objects',
		jws(HS, { a: { k: 1 }, b: { k: 2 }, exp: NOW + HOUR }),
		{},
		'duplicate-key',
	],
];

describe('listFindings raises each finding it knows', () => {
	test.each(RAISING)('%s', (_name, token, context, code) => {
		expect(codes(token, context)).toContain(code);
	});

	test('the cases cover every finding code about the token (findings about the key are in key-findings tests)', () => {
		// The findings-*.cases.ts tables cover the checks that live in findings-*.ts.
		const tables = [
			RAISING,
			...[
				headerCases,
				signatureCases,
				claimCases,
				sensitiveCases,
				jweCases,
				algorithmCases,
				profileCases,
			].map((cases) => cases.RAISING),
		];
		const raised = new Set(tables.flat().map(([, , , code]) => code));
		const keyCodes = ['weak-secret', 'key-confusion', 'alg-key-mismatch', 'weak-rsa-key', 'key-use-enc'];
		// Findings that need a JWE's plaintext are raised after decryption: jwe-decrypted.test.ts covers them.
		const decryptedCodes = ['jwe-unsigned', 'jwe-dir-weak-key', 'jwe-nested-no-cty', 'jwe-claim-mismatch'];
		// Bindings between two tokens are raised by crypto/bindings.ts and tested there.
		const bindingCodes = ['dpop-ath-mismatch', 'dpop-jkt-mismatch', 'at-hash-mismatch', 'kb-key-mismatch'];
		// The SD-JWT codes are raised by sd-jwt/ and not in findingInfo: tests/unit/jwt/sd-jwt/findings.test.ts covers each.
		const all = Object.keys(findingInfo).filter(
			(code) => !keyCodes.includes(code) && !decryptedCodes.includes(code) && !bindingCodes.includes(code),
		);
		expect([...raised].sort()).toEqual(all.sort());
	});
});

describe('listFindings does not raise a finding just across its boundary', () => {
	test.each(NEAR_MISSES)('%s', (_name, token, context, code) => {
		expect(codes(token, context)).not.toContain(code);
	});
});

describe('the page lists token findings once and time findings at each tick', () => {
	const allCases = [...RAISING, ...NEAR_MISSES];
	test.each(allCases)('%s: token + time scopes are exactly all findings', (_name, token, context) => {
		const decoded = decodeToken(token);
		const full = { now: NOW, ...context };
		const parts = [
			...listFindingsWith(decoded, full, review, 'token'),
			...listFindingsWith(decoded, full, review, 'time'),
		];
		const key = (f: Finding) => `${f.code} ${f.member ?? ''} ${f.detail}`;
		expect(parts.map(key).sort()).toEqual(listFindings(decoded, full).map(key).sort());
	});

	test('the token scope does not depend on the clock, the skew or the lifetime threshold', () => {
		const decoded = decodeToken(jws(HS, { iat: NOW - 10 * HOUR * 24 * 400, exp: NOW - HOUR }));
		const at = (context: FindingContext) => listFindingsWith(decoded, context, review, 'token');
		expect(at({ now: NOW })).toEqual(at({ now: NOW - 1e9, clockSkew: 1e6, lifetimeThreshold: 1 }));
		expect(listFindingsWith(decoded, { now: NOW }, review, 'time').map((f) => f.code)).toEqual([
			'expired',
			'long-lifetime',
		]);
	});
});

describe('listFindings on good tokens', () => {
	test('a fresh HS256 token with iat and exp has no findings', () => {
		expect(find(jws(HS, FRESH))).toEqual([]);
	});

	test('a fresh token with nbf, exp and skew has no findings', () => {
		expect(find(jws(HS, { ...FRESH, nbf: NOW + 30 }), { clockSkew: 30 })).toEqual([]);
	});

	test('RFC 7515 A.5 (unsecured) is flagged alg-none and expired, and nothing about its empty signature', () => {
		const token =
			'eyJhbGciOiJub25lIn0.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.';
		expect(codes(token).sort()).toEqual(['alg-none', 'expired']);
	});
});

describe('every finding is complete and says where it is', () => {
	const SEVERITIES = ['error', 'warning', 'info'];

	test.each(RAISING)('%s', (_name, token, context) => {
		const findings = find(token, context);
		expect(findings.length).toBeGreaterThan(0);
		for (const finding of findings) {
			expect(SEVERITIES).toContain(finding.severity);
			expect(finding.title.length).toBeGreaterThan(0);
			expect(finding.detail.length).toBeGreaterThan(0);
			expect(finding.spec.length).toBeGreaterThan(0);
			expect(finding.url).toMatch(/^https:\/\//);
			expect(finding).toMatchObject({
				severity: findingInfo[finding.code as CoreFindingCode].severity,
				url: findingInfo[finding.code as CoreFindingCode].url,
			});
		}
		// Most severe first.
		const ranks = findings.map((f) => SEVERITIES.indexOf(f.severity));
		expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
	});

	test('every code in the table has a severity, a title and an https reference', () => {
		for (const info of Object.values(findingInfo)) {
			expect(SEVERITIES).toContain(info.severity);
			expect(info.title.length).toBeGreaterThan(0);
			expect(info.url).toMatch(/^https:\/\//);
		}
		expect(Object.isFrozen(findingInfo)).toBe(true);
	});

	test.each([
		[
			'a padded payload',
			`${encodePart(HS)}.${Buffer.from('{"exp": 2000000000}').toString('base64')}.${SIG}`,
			'non-canonical-base64url',
			'payload',
		],
		['stray bits in the signature', jws(HS, FRESH, 'Zh'), 'non-canonical-base64url', 'signature'],
		['a header that is not UTF-8', jws([0x7b, 0xc0, 0xaf, 0x7d], FRESH), 'invalid-utf8', 'header'],
		['a payload that is an array', jws(HS, '[1]'), 'not-json-object', 'payload'],
		['a header that repeats alg', jws('{"alg":"HS256","alg":"HS256"}', FRESH), 'duplicate-key', 'header'],
		['an empty signature', jws(HS, FRESH, ''), 'empty-signature', 'signature'],
	])('%s: the finding names the part', (_name, token, code, part) => {
		const finding = find(token).find((f) => f.code === code);
		expect(finding?.part).toBe(part);
		expect(finding?.detail).toContain(part);
	});

	test.each([
		['expired', { exp: NOW - 10 }, 'exp'],
		['not-yet-valid', { nbf: NOW + 10, exp: NOW + HOUR }, 'nbf'],
		['iat-future', { iat: NOW + 10, exp: NOW + HOUR }, 'iat'],
		['no-exp', { sub: 'x' }, undefined],
	] as const)('%s is about the payload and names the claim', (code, payload, member) => {
		const finding = find(jws(HS, payload)).find((f) => f.code === code);
		expect(finding?.part).toBe('payload');
		expect(finding?.member).toBe(member);
	});

	test('a time beyond any Date, even as milliseconds, is explained as no date, not thrown', () => {
		const finding = find(jws(HS, '{"exp":1e16}')).find((f) => f.code === 'invalid-time-claim');
		expect(finding?.detail).toContain('1e16');
	});

	test('alg-none quotes the alg as written', () => {
		const finding = find(jws({ alg: 'NoNe' }, FRESH, '')).find((f) => f.code === 'alg-none');
		expect(finding?.detail).toContain('"NoNe"');
	});
});

describe('finding texts read as English', () => {
	test.each([
		['[1]', 'an array'],
		['"text"', 'a string'],
		['null', 'null, not an object'],
		['true', 'a boolean'],
	])('a payload of %s is described as %s', (payload, phrase) => {
		const finding = find(jws(HS, payload)).find((f) => f.code === 'not-json-object');
		expect(finding?.detail).toContain(phrase);
	});

	test.each([
		['{"exp":{"at":1}}', 'it is an object.'],
		['{"exp":[1]}', 'it is an array.'],
		['{"exp":null}', 'it is null.'],
	])('an exp of %s is described with the right article', (payload, phrase) => {
		const finding = find(jws(HS, payload)).find((f) => f.code === 'invalid-time-claim');
		expect(finding?.detail).toContain(phrase);
	});

	test.each([
		['-9007199254740993', 'nbf', /negative number so large it is no date at all/],
		['-1', 'nbf', /negative number: that would be 1969-12-31T23:59:59\.000Z, before 1970/],
		[
			'9223372036854775808',
			'exp',
			/so large it is no date at all, whether read as seconds or as milliseconds/,
		],
	])('a time claim of %s has its own words, not "looks like milliseconds"', (value, name, words) => {
		const findings = find(jws(HS, `{"${name}":${value}}`));
		expect(findings.map((f) => f.code)).not.toContain('time-in-milliseconds');
		const finding = findings.find((f) => f.code === 'invalid-time-claim');
		expect(finding).toMatchObject({ part: 'payload', member: name });
		expect(finding?.detail).toMatch(words);
	});

	test('a payload that is not JSON says where it stops being JSON', () => {
		const finding = find(jws(HS, 'hello, world')).find((f) => f.code === 'payload-not-json');
		expect(finding?.detail).toMatch(/line 1, column 1/);
	});
});
