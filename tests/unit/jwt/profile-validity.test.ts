import { describe, expect, test } from 'vitest';
import { parseJson } from '../../../src/lib/jwt/json';
import { describeProofFreshness } from '../../../src/lib/jwt/profile-validity';

const NOW = 1_767_225_600;
const payload = (value: unknown) => {
	const parsed = parseJson(JSON.stringify(value));
	if (!parsed.ok) throw new Error('test JSON should parse');
	return parsed.root;
};

describe('describeProofFreshness', () => {
	test.each([
		['made 5 seconds ago', { iat: NOW - 5 }, 0, 'valid'],
		['made exactly 300 s ago', { iat: NOW - 300 }, 0, 'valid'],
		['made 301 s ago', { iat: NOW - 301 }, 0, 'expired'],
		['made 301 s ago with 1 s skew', { iat: NOW - 301 }, 1, 'valid'],
		['made in 2019', { iat: 1562262616 }, 0, 'expired'],
		['dated 301 s ahead', { iat: NOW + 301 }, 0, 'not-yet-valid'],
		['without iat', { htm: 'GET' }, 0, 'no-expiry'],
		['with iat as text', { iat: 'yesterday' }, 0, 'no-expiry'],
	])('%s: %s', (_name, claims, skew, state) => {
		expect(describeProofFreshness(payload(claims), NOW, skew).state).toBe(state);
	});
});
