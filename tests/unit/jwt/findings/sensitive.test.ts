import { describe, expect, test } from 'vitest';
import {
	isCardNumber,
	SENSITIVE_NODE_LIMIT,
	SENSITIVE_REPORT_LIMIT,
} from '../../../../src/lib/jwt/findings/sensitive';
import { describeFindingCases, find, HOUR, HS, jws, NOW } from './fixtures';
import { FAKE, NEAR_MISSES, RAISING } from './sensitive.cases';

const claims = (extra: Record<string, unknown>) => jws(HS, { sub: 'u1', exp: NOW + HOUR, ...extra });
const sensitive = (token: string) => find(token).filter((f) => f.code === 'sensitive-data');

describeFindingCases(
	{ raised: 'sensitive-data is raised', notRaised: 'sensitive-data is not raised for look-alikes' },
	RAISING,
	NEAR_MISSES,
);

describe('sensitive-data never repeats the secret', () => {
	test.each([
		['password', 'hunter2-but-longer-than-thirteen'],
		['client_secret', 'abc123'],
		['note', `key ${FAKE.aws} here`],
		['billing', FAKE.stripe],
		['gh', FAKE.github],
		['hook', FAKE.slack],
		['key', FAKE.pem],
		['pan', '4111111111111111'],
		['ssn', '123-45-6789'],
	])('%s: the detail names the claim and hides its value', (name, value) => {
		const [finding] = sensitive(claims({ [name]: value }));
		expect(finding).toMatchObject({ severity: 'warning', part: 'payload', member: name });
		expect(finding?.detail).toContain(name);
		expect(finding?.detail).not.toContain(value);
		// Not even the recognisable middle of a key.
		expect(finding?.detail).not.toContain(value.slice(0, Math.ceil(value.length / 2)));
	});

	test('a long value shows at most its last four characters; a short one only its length', () => {
		const [card] = sensitive(claims({ pan: '4111 1111 1111 1111' }));
		expect(card?.detail).toContain('ending in "1111"');
		expect(card?.detail).toContain('payment card');
		const [password] = sensitive(claims({ password: 'hunter2' }));
		expect(password?.detail).toContain('7 characters, not shown');
		expect(password?.detail).not.toMatch(/ter2|hunt/);
	});

	test('a nested claim is named by its path', () => {
		const token = claims({ user: { 'credential list': [{ password: 'x' }] } });
		expect(sensitive(token).map((f) => f.member)).toEqual(['user["credential list"][0].password']);
	});

	test('findings come in document order, and past the report limit the rest are counted', () => {
		const many = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`password${i}`, `p${i}`]));
		const found = sensitive(claims(many));
		expect(found).toHaveLength(SENSITIVE_REPORT_LIMIT + 1);
		expect(found[0]?.member).toBe('password0');
		expect(found[SENSITIVE_REPORT_LIMIT]?.detail).toMatch(/^5 more claims look sensitive/);
	});

	test('a payload far beyond the node limit is walked only up to it, quickly', () => {
		const filler = Array.from({ length: SENSITIVE_NODE_LIMIT * 3 }, (_, i) => `v${i}`);
		const token = claims({ early: { password: 'x' }, filler, late: { password: 'y' } });
		const started = performance.now();
		const members = sensitive(token).map((f) => f.member);
		expect(performance.now() - started).toBeLessThan(2000);
		expect(members).toEqual(['early.password']);
	});

	test('deep nesting neither overflows the stack nor is walked past the node limit', () => {
		// Built as text: JSON.stringify itself would overflow on this depth.
		const depth = 20_000;
		const payload = `${'{"a":'.repeat(depth)}{"password":"x"}${'}'.repeat(depth)}`;
		expect(sensitive(jws(HS, payload))).toHaveLength(0);
		const shallow = `${'{"a":'.repeat(100)}{"password":"x"}${'}'.repeat(100)}`;
		const [deep] = sensitive(jws(HS, shallow));
		expect(deep?.member).toMatch(/^a\.a\..*\.a\.password$/);
		// The detail shows only the end of a long path.
		expect(deep?.detail).toMatch(/^The claim …a\.a\./);
		expect(deep?.detail.length).toBeLessThan(500);
	});
});

describe('isCardNumber', () => {
	test.each([
		['4111111111111111', true],
		['4111-1111-1111-1111', true],
		['378282246310005', true],
		['6011111111111117', true],
		['2221000000000009', true],
		['4111111111111112', false],
		['1767225600000', false],
		['8888888888888888', false],
		['4111 1111 1111 1111 1111', false],
		['411111111111', false],
		['4111_1111_1111_1111', false],
	])('%s: %s', (value, expected) => {
		expect(isCardNumber(value)).toBe(expected);
	});
});
