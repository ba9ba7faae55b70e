import { describe, expect, test } from 'vitest';
import { encodeBase64url } from '../../../../src/lib/encoding/base64url';
import { describeEcdsaSignatureFault } from '../../../../src/lib/jwt/findings/signature';
import { describeFindingCases, codes, findCode, FRESH, jws, wycheproofJwsVectors } from './fixtures';
import { NEAR_MISSES, RAISING, REAL } from './signature.cases';

describeFindingCases(
	{
		raised: 'signature findings are raised',
		notRaised: 'signature findings are not raised just across the line',
	},
	RAISING,
	NEAR_MISSES,
);

describe('signature findings explain themselves', () => {
	test.each(['ES256', 'ES384', 'ES512'] as const)(
		'der-signature for %s offers the r‖s form that verifies, computed from the DER',
		(alg) => {
			const { der } = REAL[alg];
			const finding = findCode(jws({ alg }, FRESH, der), 'der-signature');
			expect(finding).toMatchObject({ part: 'signature' });
			const offered = /In r‖s form it would be ([A-Za-z0-9_-]+)\./.exec(finding?.detail ?? '')?.[1];
			const size = { ES256: 32, ES384: 48, ES512: 66 }[alg];
			expect(Buffer.from(offered ?? '', 'base64url')).toHaveLength(size * 2);
			// The offered form is r‖s of the same r and s: converting back to DER gives the original bytes.
			const r = Buffer.from(offered!, 'base64url').subarray(0, size);
			expect(Buffer.from(der).includes(Buffer.from(r).subarray(r.findIndex((b) => b !== 0)))).toBe(true);
		},
	);

	test('der-signature whose r does not fit the curve says why from the fault, not the developer message', () => {
		// DER of r (40 bytes, too long for P-256's 32) and s = 1: a valid ECDSA-Sig-Value that has no r‖s form.
		const r = new Uint8Array(40).fill(0x11);
		const der = Uint8Array.from([0x30, 2 + 40 + 3, 0x02, 40, ...r, 0x02, 0x01, 0x01]);
		const finding = findCode(jws({ alg: 'ES256' }, FRESH, der), 'der-signature');
		expect(finding?.detail).toContain(
			describeEcdsaSignatureFault({ code: 'ecdsa-integer-length', integer: 'r', bytes: 40, size: 32 }),
		);
		expect(finding?.detail).not.toMatch(/"code"|ecdsa-|undefined|NaN/);
	});

	test('psychic-signature says which of r and s is zero and cites CVE-2022-21449', () => {
		const rZero = new Uint8Array(64).fill(1).fill(0, 0, 32);
		const finding = findCode(jws({ alg: 'ES256' }, FRESH, rZero), 'psychic-signature');
		expect(finding).toMatchObject({ severity: 'error', part: 'signature' });
		expect(finding?.detail).toMatch(/r = 0/);
		expect(finding?.detail).toContain('CVE-2022-21449');
		expect(findCode(jws({ alg: 'ES256' }, FRESH, new Uint8Array(64)), 'psychic-signature')?.detail).toMatch(
			/all zero/,
		);
	});

	test('signature-length quotes the length found and the length expected', () => {
		const finding = findCode(jws({ alg: 'HS256' }, FRESH, new Uint8Array(9)), 'signature-length');
		expect(finding?.detail).toMatch(/9 bytes/);
		expect(finding?.detail).toMatch(/32 bytes/);
		expect(finding?.part).toBe('signature');
	});

	test('a canonical token with a real ES256 signature has no signature findings', () => {
		const found = codes(jws({ alg: 'ES256', typ: 'JWT' }, FRESH, encodeBase64url(REAL.ES256.raw)));
		expect(found).toEqual([]);
	});
});

describe('Wycheproof json_web_signature_test.json ES256 edge cases', () => {
	const es256 = wycheproofJwsVectors().filter(
		(v) =>
			typeof v.jws === 'string' &&
			(v.jws as string).startsWith('eyJhbGciOiJFUzI1NiIsImtpZCI6ImtpZC1lYy1zaWduIn0.'),
	);
	const named = (pattern: RegExp) => es256.filter((v) => pattern.test(v.comment));

	test('the file holds the cases this suite expects', () => {
		expect(named(/IsZero/).length).toBe(7);
		expect(
			named(/^(?:SignatureTooLong|TrailingZeros|RisTooBig|SisTooBig|IntegerOverflow|BufferOverflow)$/).length,
		).toBe(7);
	});

	test.each(named(/IsZero/))('wycheproof #$tcId $comment is a psychic signature', (vector) => {
		expect(codes(vector.jws as string)).toContain('psychic-signature');
	});

	test.each(named(/^(?:SignatureTooLong|TrailingZeros|RisTooBig|SisTooBig|IntegerOverflow|BufferOverflow)$/))(
		'wycheproof #$tcId $comment has the wrong length for ES256',
		(vector) => {
			expect(codes(vector.jws as string)).toContain('signature-length');
		},
	);

	test.each(named(/^r(?:IsOne|IsNminus1|IsN)_s(?:IsOne|IsNminus1|IsN)$/))(
		'wycheproof #$tcId $comment: r and s are non-zero, so no psychic-signature (range checks need the key)',
		(vector) => {
			expect(codes(vector.jws as string)).not.toContain('psychic-signature');
		},
	);

	test.each(named(/^(?:valid|acceptsValid)$/))(
		'wycheproof #$tcId $comment has no signature findings',
		(vector) => {
			const found = codes(vector.jws as string);
			for (const code of ['psychic-signature', 'der-signature', 'signature-length'] as const)
				expect(found).not.toContain(code);
		},
	);
});
