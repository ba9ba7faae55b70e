import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { describeClaim, describeHeaderParameter } from '../../../src/lib/jwt/claim-docs';
import {
	describeValidity,
	qualifyValidity,
	formatRelative,
	formatTime,
	isExpired,
	isNotYetValid,
	listClaimRows,
	MILLISECONDS_THRESHOLD,
	classifyNumericDate,
} from '../../../src/lib/jwt/claims';
import { parseJson, type JsonNode } from '../../../src/lib/jwt/json';

/** 2026-01-01T00:00:00Z, in seconds. */
const NOW = 1_767_225_600;
const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
const PINNED = { locale: 'en', timeZone: 'UTC' } as const;

function json(text: string): JsonNode {
	const result = parseJson(text);
	if (!result.ok) throw new Error(`expected JSON: ${result.error.message}`);
	return result.root;
}

const claims = (members: Record<string, unknown>) => json(JSON.stringify(members));

describe('formatRelative says how far away a time is', () => {
	test.each([
		['14 minutes ahead', 14 * MINUTE, 'in 14 minutes'],
		['14 minutes 59 seconds ahead, rounded down', 15 * MINUTE - 1, 'in 14 minutes'],
		['3 days back', -3 * DAY, '3 days ago'],
		['1 second ahead', 1, 'in 1 second'],
		['59 seconds back', -59, '59 seconds ago'],
		['exactly a minute', MINUTE, 'in 1 minute'],
		['exactly an hour back', -HOUR, '1 hour ago'],
		['45 days back, as a month', -45 * DAY, '1 month ago'],
		['400 days ahead, as a year', 400 * DAY, 'in 1 year'],
		['no difference', 0, 'now'],
		['less than a second', 0.5, 'now'],
		['less than a second back', -0.999, 'now'],
		['an infinite future (exp 1e400)', Infinity, 'in the far future'],
		['an infinite past (exp -1e400)', -Infinity, 'in the far past'],
	])('%s', (_name, delta, text) => {
		expect(formatRelative(delta, 'en')).toBe(text);
	});

	test('English without Intl says exactly what Intl.RelativeTimeFormat says', () => {
		const intl = new Intl.RelativeTimeFormat('en', { numeric: 'always' });
		fc.assert(
			fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), (delta) => {
				const text = formatRelative(delta);
				if (Math.abs(delta) < 1) {
					expect(text).toBe('now');
					return;
				}
				const [count, unit] = text.replace(/^in /, '').replace(/ ago$/, '').split(' ') as [string, string];
				const value = Number(count.replaceAll(',', '')) * Math.sign(delta);
				expect(text).toBe(intl.format(value, unit.replace(/s$/, '') as Intl.RelativeTimeFormatUnit));
			}),
			{ numRuns: 2000 },
		);
	});

	test('another locale is still formatted by Intl', () => {
		expect(formatRelative(-3 * DAY, 'de')).toBe('vor 3 Tagen');
	});
});

describe('formatTime shows a NumericDate every way a person wants it', () => {
	test('ISO, local time in the pinned zone, and relative to now', () => {
		const time = formatTime(1_300_819_380, 1_300_819_380 + 3 * DAY, PINNED);
		expect(time.iso).toBe('2011-03-22T18:43:00.000Z');
		// ICU may put a narrow no-break space before "PM"; the digits and the zone are what matter.
		expect(time.local.replace(/\s/g, ' ')).toBe('Mar 22, 2011, 6:43:00 PM UTC');
		expect(time.relative).toBe('3 days ago');
		expect(time.looksLikeMilliseconds).toBe(false);
	});

	test('the time zone option is applied', () => {
		const time = formatTime(1_300_819_380, NOW, { locale: 'en', timeZone: 'Asia/Tokyo' });
		expect(time.local).toMatch(/Mar 23, 2011, 3:43:00\sAM GMT\+9/);
	});

	test('a future time is relative in the future', () => {
		expect(formatTime(NOW + 14 * MINUTE, NOW, PINNED).relative).toBe('in 14 minutes');
	});

	test.each([
		['seconds in 2011', 1_300_819_380, false],
		['the same instant in milliseconds', 1_300_819_380_000, true],
		['just under the threshold', MILLISECONDS_THRESHOLD - 1, false],
		['exactly the threshold', MILLISECONDS_THRESHOLD, true],
		// Issue 19: a negative time is before 1970, not milliseconds; beyond the range even as milliseconds is no date.
		['a negative value as large as milliseconds', -1_300_819_380_000, false],
		['-2^53 - 1', -9007199254740993, false],
		['beyond any date even as milliseconds', 1e16, false],
	])('milliseconds are detected: %s', (_name, seconds, looksLikeMilliseconds) => {
		expect(formatTime(seconds, NOW, PINNED).looksLikeMilliseconds).toBe(looksLikeMilliseconds);
	});

	test('milliseconds read as seconds still give a date, far in the future', () => {
		const time = formatTime(1_300_819_380_000, NOW, PINNED);
		expect(time.iso).toBe('+043191-04-29T20:40:00.000Z');
		expect(time.relative).toMatch(/^in \S+ years$/);
	});

	test.each([
		['beyond the last Date', 8.64e12 + 1],
		['infinite', Infinity],
		['not a number', NaN],
	])('a value %s is out of range, without throwing', (_name, seconds) => {
		const time = formatTime(seconds, NOW, PINNED);
		expect(time).toMatchObject({ local: '', relative: '' });
		expect(time.iso).toMatch(/range/);
	});
});

describe('expiry and not-before boundaries (RFC 7519 §4.1.4, §4.1.5)', () => {
	test.each([
		['exp one second ahead is not expired', NOW + 1, 0, false],
		['exp equal to now is expired', NOW, 0, true],
		['exp one second back is expired', NOW - 1, 0, true],
		['exp 60 s back is tolerated with 61 s of skew', NOW - 60, 61, false],
		['exp exactly skew seconds back is expired', NOW - 60, 60, true],
		['exp 61 s back is expired with 60 s of skew', NOW - 61, 60, true],
	])('%s', (_name, exp, skew, expired) => {
		expect(isExpired(exp, NOW, skew)).toBe(expired);
	});

	test.each([
		['nbf equal to now is valid', NOW, 0, false],
		['nbf one second ahead is not yet valid', NOW + 1, 0, true],
		['nbf in the past is valid', NOW - DAY, 0, false],
		['nbf skew seconds ahead is tolerated', NOW + 60, 60, false],
		['nbf one second beyond the skew is not yet valid', NOW + 61, 60, true],
	])('%s', (_name, nbf, skew, notYetValid) => {
		expect(isNotYetValid(nbf, NOW, skew)).toBe(notYetValid);
	});
});

describe('describeValidity states where the token stands', () => {
	test.each([
		['valid until exp', { exp: NOW + 14 * MINUTE }, 0, 'valid', 'in 14 minutes'],
		['expired when exp equals now', { exp: NOW }, 0, 'expired', 'now'],
		['expired 3 days ago', { exp: NOW - 3 * DAY }, 0, 'expired', '3 days ago'],
		['valid when exp is one second ahead', { exp: NOW + 1 }, 0, 'valid', 'in 1 second'],
		['valid when exp passed less than the skew ago', { exp: NOW - 30 }, 60, 'valid', '30 seconds ago'],
		['expired when exp passed more than the skew ago', { exp: NOW - 61 }, 60, 'expired', '1 minute ago'],
		['valid when nbf equals now', { nbf: NOW, exp: NOW + HOUR }, 0, 'valid', 'in 1 hour'],
		[
			'not yet valid when nbf is ahead',
			{ nbf: NOW + 2 * HOUR, exp: NOW + DAY },
			0,
			'not-yet-valid',
			'in 2 hours',
		],
		[
			'valid when nbf is ahead by less than the skew',
			{ nbf: NOW + 30, exp: NOW + HOUR },
			60,
			'valid',
			'in 1 hour',
		],
		[
			'not yet valid when nbf is ahead by more than the skew',
			{ nbf: NOW + 61 },
			60,
			'not-yet-valid',
			'in 1 minute',
		],
		['without exp it never expires', { sub: 'x' }, 0, 'no-expiry', 'no exp'],
		['an infinite exp (1e400) is valid, without throwing', '{"exp":1e400}', 0, 'valid', 'far future'],
		['an exp of -1e400 is expired, without throwing', '{"exp":-1e400}', 0, 'expired', 'far past'],
	])('%s', (_name, members, skew, state, phrase) => {
		const payload = typeof members === 'string' ? json(members) : claims(members);
		const validity = describeValidity(payload, NOW, skew);
		expect(validity.state).toBe(state);
		expect(validity.text).toContain(phrase);
	});

	test('no payload means no expiry', () => {
		expect(describeValidity(undefined, NOW).state).toBe('no-expiry');
	});

	test('an exp that is not a number is not reported as a missing exp claim', () => {
		const validity = describeValidity(claims({ exp: String(NOW + HOUR) }), NOW);
		expect(validity.state).toBe('no-expiry');
		expect(validity.text).not.toContain('no exp claim');
		expect(validity.text).toContain('exp');
	});
});

describe('listClaimRows lists every member in the token’s order', () => {
	const text =
		'{"sub":"u1","exp":1300819380,"roles":[ "a", "b" ],"big":12345678901234567890,' +
		'"ok":true,"none":null,"name":"caf\\u00e9","x-custom":{"k": 1},"sub":"dup"}';

	test('names, values as read, kinds and key offsets', () => {
		const rows = listClaimRows(json(text), text, 'payload', PINNED);
		expect(rows.map((r) => [r.name, r.value, r.valueKind])).toEqual([
			['sub', 'u1', 'string'],
			['exp', '1300819380', 'number'],
			['roles', '["a","b"]', 'array'],
			['big', '12345678901234567890', 'number'],
			['ok', 'true', 'boolean'],
			['none', 'null', 'null'],
			['name', 'café', 'string'],
			['x-custom', '{"k":1}', 'object'],
			['sub', 'dup', 'string'],
		]);
		expect(rows.map((r) => text.slice(r.keyStart, r.keyStart + r.name.length + 2))).toEqual(
			rows.map((r) => `"${r.name}"`),
		);
	});

	test('time claims in the payload carry their date; other members do not', () => {
		const rows = listClaimRows(json(text), text, 'payload', PINNED);
		expect(rows.find((r) => r.name === 'exp')?.time?.iso).toBe('2011-03-22T18:43:00.000Z');
		expect(rows.filter((r) => r.time !== undefined).map((r) => r.name)).toEqual(['exp']);
	});

	test('payload rows are documented as claims, header rows as header parameters', () => {
		const docs = { describeClaim, describeHeaderParameter };
		const payloadRows = listClaimRows(json(text), text, 'payload', PINNED, docs);
		expect(payloadRows[0]?.doc).toEqual(describeClaim('sub'));
		expect(payloadRows.find((r) => r.name === 'x-custom')?.doc).toBeUndefined();

		const header = '{"alg":"HS256","kid":"k1","exp":1300819380}';
		const headerRows = listClaimRows(json(header), header, 'header', PINNED, docs);
		// Without the reference (not loaded yet), rows simply have no documentation.
		expect(listClaimRows(json(header), header, 'header', PINNED).every((r) => r.doc === undefined)).toBe(
			true,
		);
		expect(headerRows.map((r) => r.doc)).toEqual([
			describeHeaderParameter('alg'),
			describeHeaderParameter('kid'),
			describeHeaderParameter('exp'),
		]);
		// A time in the header is not a claim, so it gets no date.
		expect(headerRows.every((r) => r.time === undefined)).toBe(true);
	});

	test('a time claim that is a string gets no date', () => {
		const rows = listClaimRows(claims({ iat: '1300819380' }), '{"iat":"1300819380"}', 'payload', PINNED);
		expect(rows[0]).toMatchObject({ value: '1300819380', valueKind: 'string', time: undefined });
	});

	test('a very long value is cut to 500 characters and an ellipsis', () => {
		const long = JSON.stringify({ blob: 'x'.repeat(2000), list: Array.from({ length: 1000 }, (_, i) => i) });
		const rows = listClaimRows(json(long), long, 'payload', PINNED);
		expect(rows.map((r) => r.value.length)).toEqual([501, 501]);
		expect(rows.every((r) => r.value.endsWith('…'))).toBe(true);
		// Each cut row says how long the whole value is, so the table can say it shows only part of it.
		expect(rows.map((r) => r.fullLength)).toEqual([
			2000,
			JSON.stringify(Array.from({ length: 1000 }, (_, i) => i)).length,
		]);
	});

	test('a limit lists only the first members, in order', () => {
		expect(listClaimRows(json(text), text, 'payload', PINNED, undefined, 2).map((r) => r.name)).toEqual([
			'sub',
			'exp',
		]);
	});

	test('a value of exactly 500 characters is whole and says nothing of a cut', () => {
		const text = JSON.stringify({ blob: 'y'.repeat(500) });
		expect(listClaimRows(json(text), text, 'payload', PINNED)[0]).toMatchObject({
			value: 'y'.repeat(500),
			fullLength: undefined,
		});
	});

	test('a time claim row carries its dates and the NumericDate, not a relative time that would go stale', () => {
		const text = '{"exp":1767225600}';
		expect(listClaimRows(json(text), text, 'payload', PINNED)[0]?.time).toEqual({
			iso: '2026-01-01T00:00:00.000Z',
			local: 'Jan 1, 2026, 12:00:00 AM UTC',
			seconds: 1_767_225_600,
			looksLikeMilliseconds: false,
		});
	});

	test.each([
		['an array', '[1,2]'],
		['a string', '"x"'],
	])('a root that is %s has no rows', (_name, root) => {
		expect(listClaimRows(json(root), root, 'payload')).toEqual([]);
	});
});

describe('qualifyValidity gives no all-clear while the token has errors', () => {
	const NONE = { errors: [], findings: [{ severity: 'warning' }, { severity: 'info' }] };
	const DECODE_ERROR = { errors: [new Error('header: JSON array, not an object')], findings: [] };
	const ERROR_FINDING = { errors: [], findings: [{ severity: 'warning' }, { severity: 'error' }] };
	test.each([
		['valid, no errors: kept', { exp: NOW + HOUR }, NONE, 'valid', /^Valid, expires in 1 hour$/],
		[
			'valid, a decoding error: unconfirmed',
			{ exp: NOW + HOUR },
			DECODE_ERROR,
			'unconfirmed',
			/^Expires in 1 hour$/,
		],
		[
			'valid, an error finding: unconfirmed',
			{ exp: NOW + HOUR },
			ERROR_FINDING,
			'unconfirmed',
			/^Expires in 1 hour$/,
		],
		['no exp, no errors: kept', { sub: 'x' }, NONE, 'no-expiry', /^Valid, never expires/],
		['no exp, a decoding error: unconfirmed', { sub: 'x' }, DECODE_ERROR, 'unconfirmed', /^No exp claim$/],
		[
			'a non-numeric exp and an error: unconfirmed, same facts',
			{ exp: 'soon' },
			ERROR_FINDING,
			'unconfirmed',
			/^No usable expiry/,
		],
		[
			'expired and an error: still expired',
			{ exp: NOW - DAY },
			ERROR_FINDING,
			'expired',
			/^Expired 1 day ago$/,
		],
		[
			'not yet valid and an error: still not yet valid',
			{ nbf: NOW + DAY },
			DECODE_ERROR,
			'not-yet-valid',
			/^Not yet valid/,
		],
	] as const)('%s', (_name, members, problems, state, text) => {
		const validity = qualifyValidity(describeValidity(claims(members), NOW), problems);
		expect(validity.state).toBe(state);
		expect(validity.text).toMatch(text);
	});
});

describe('classifyNumericDate', () => {
	test.each([
		[0, 'seconds'],
		[1_300_819_380, 'seconds'],
		[MILLISECONDS_THRESHOLD - 1, 'seconds'],
		[MILLISECONDS_THRESHOLD, 'milliseconds'],
		[8.64e15, 'milliseconds'],
		[8.64e15 + 2, 'out-of-range'],
		[2 ** 63, 'out-of-range'],
		[Infinity, 'out-of-range'],
		[NaN, 'out-of-range'],
		[-1, 'before-1970'],
		[-8.64e12, 'before-1970'],
		[-8.64e12 - 1, 'out-of-range'],
		[-9007199254740993, 'out-of-range'],
		[-Infinity, 'out-of-range'],
	])('%d is %s', (value, kind) => {
		expect(classifyNumericDate(value)).toBe(kind);
	});
});
