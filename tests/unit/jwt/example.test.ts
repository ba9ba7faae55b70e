import { jwtVerify } from 'jose';
import { describe, expect, test } from 'vitest';
import { decodeToken } from '../../../src/lib/jwt/decode';
import { createExampleToken, EXAMPLE_SECRET } from '../../../src/lib/jwt/example';
import { listFindings } from '../../../src/lib/jwt/findings';
import { getMember, toPlainValue } from '../../../src/lib/jwt/json';

/** 2026-01-01T00:00:00.75Z, in seconds: a fractional now, as Date.now() / 1000 gives. */
const NOW = 1_767_225_600.75;
const secret = new TextEncoder().encode(EXAMPLE_SECRET);

describe('createExampleToken', () => {
	test('decodes without problems as an HS256 JWT', async () => {
		const decoded = decodeToken(await createExampleToken(NOW));
		expect(decoded.kind).toBe('jws');
		expect(decoded.errors).toEqual([]);
		expect(decoded.deviations).toEqual([]);
		expect(decoded.header?.root && toPlainValue(decoded.header.root)).toEqual({ alg: 'HS256', typ: 'JWT' });
		expect(decoded.bytes.signature).toHaveLength(32);
	});

	test('is issued at now (whole seconds) and expires an hour later', async () => {
		const decoded = decodeToken(await createExampleToken(NOW));
		if (decoded.payload.mode !== 'json') throw new Error('payload should be JSON');
		const root = decoded.payload.root;
		expect(getMember(root, 'iat')).toMatchObject({ raw: '1767225600' });
		expect(getMember(root, 'exp')).toMatchObject({ raw: '1767229200' });
		expect(getMember(root, 'sub')).toMatchObject({ value: '1234567890' });
	});

	test('verifies with EXAMPLE_SECRET at now', async () => {
		const token = await createExampleToken(NOW);
		const { payload, protectedHeader } = await jwtVerify(token, secret, {
			algorithms: ['HS256'],
			currentDate: new Date(NOW * 1000),
		});
		expect(protectedHeader.alg).toBe('HS256');
		expect(payload.exp).toBeGreaterThan(NOW);
		expect(payload.iat).toBeLessThanOrEqual(NOW);
	});

	test('does not verify with another secret', async () => {
		const token = await createExampleToken(NOW);
		await expect(
			jwtVerify(token, new TextEncoder().encode(`${EXAMPLE_SECRET}!`), { currentDate: new Date(NOW * 1000) }),
		).rejects.toMatchObject({ code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
	});

	test('has no findings while fresh, and is flagged expired two hours later', async () => {
		const decoded = decodeToken(await createExampleToken(NOW));
		expect(listFindings(decoded, { now: NOW })).toEqual([]);
		expect(listFindings(decoded, { now: NOW + 7200 }).map((f) => f.code)).toEqual(['expired']);
	});

	test('the secret is long enough for HS256 (32 bytes or more, RFC 7518 §3.2)', () => {
		expect(secret.length).toBeGreaterThanOrEqual(32);
	});
});
