// ECDSA signatures between DER (RFC 3279) and JOSE r‖s (RFC 7518 §3.4), against node:crypto's signatures.

import { sign, verify } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { toHexString } from '$lib/encoding/der';
import {
	derEcdsaToJose,
	EcdsaSignatureError,
	isDerEcdsaSignature,
	joseEcdsaToDer,
} from '$lib/encoding/ecdsa';
import { bytes, ecKeys, hex, thrown } from '../crypto/key-fixtures';

describe('ECDSA signatures between DER and JOSE r‖s', () => {
	const data = new TextEncoder().encode('header.payload');
	const curves = ecKeys.filter((key) => key.crv !== 'secp256k1');
	const hashes = { 'P-256': 'sha256', 'P-384': 'sha384', 'P-521': 'sha512' } as Record<string, string>;

	test.each(curves)(
		'$crv: 25 signatures convert both ways and verify',
		({ crv, size, privateKey, publicKey }) => {
			const hash = hashes[crv] as string;
			for (let i = 0; i < 25; i++) {
				const derSignature = bytes(sign(hash, data, { key: privateKey, dsaEncoding: 'der' }));
				expect(isDerEcdsaSignature(derSignature)).toBe(true);
				const raw = derEcdsaToJose(derSignature, size);
				expect(raw).toHaveLength(size * 2);
				expect(verify(hash, data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, raw)).toBe(true);
				expect(joseEcdsaToDer(raw)).toEqual(derSignature);

				const rawSignature = bytes(sign(hash, data, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
				expect(isDerEcdsaSignature(rawSignature)).toBe(false);
				const converted = joseEcdsaToDer(rawSignature);
				expect(verify(hash, data, { key: publicKey, dsaEncoding: 'der' }, converted)).toBe(true);
				expect(derEcdsaToJose(converted, size)).toEqual(rawSignature);
			}
		},
	);

	test('short r and s are left-padded', () => {
		expect(toHexString(derEcdsaToJose(hex('30 06 02 01 01 02 01 02'), 4))).toBe('00000001' + '00000002');
	});

	test('values with the top bit set get a 0x00 in DER and lose it in JOSE', () => {
		const derSignature = joseEcdsaToDer(hex('0080 00ff'));
		expect(toHexString(derSignature)).toBe('3008' + '02020080' + '020200ff');
		expect(toHexString(derEcdsaToJose(derSignature, 2))).toBe('0080' + '00ff');
	});

	test('leading zero bytes of r and s are dropped in DER', () => {
		expect(toHexString(joseEcdsaToDer(hex('0000 0001')))).toBe('3006' + '020100' + '020101');
	});

	test.each([
		[
			'r longer than the size',
			'30 08 02 03 01 02 03 02 01 02',
			2,
			{ code: 'ecdsa-integer-length', integer: 'r', bytes: 3, size: 2 },
		],
		[
			's longer than the size',
			'30 08 02 01 01 02 03 01 02 03',
			2,
			{ code: 'ecdsa-integer-length', integer: 's', bytes: 3, size: 2 },
		],
		[
			'a negative r',
			'30 06 02 01 80 02 01 01',
			32,
			{ code: 'ecdsa-not-der', offset: 4, problem: 'bad-integer' },
		],
		[
			'three INTEGERs',
			'30 09 02 01 01 02 01 01 02 01 01',
			32,
			{ code: 'ecdsa-not-pair', offset: 0, found: 0x30, elements: 3 },
		],
		[
			'trailing bytes',
			'30 06 02 01 01 02 01 01 00',
			32,
			{ code: 'ecdsa-not-der', offset: 8, problem: 'trailing' },
		],
		['cut DER', '30 06 02 01 01 02 01', 32, { code: 'ecdsa-not-der', offset: 0, problem: 'cut' }],
		['an OCTET STRING', '04 02 01 01', 32, { code: 'ecdsa-not-pair', offset: 0, found: 0x04, elements: 0 }],
		[
			'an OCTET STRING for s',
			'30 06 02 01 01 04 01 01',
			32,
			{ code: 'ecdsa-not-pair', offset: 5, found: 0x04 },
		],
	] as const)('derEcdsaToJose refuses %s with its fault as data', (_name, input, size, fault) => {
		const error = thrown(() => derEcdsaToJose(hex(input), size));
		expect(error).toBeInstanceOf(EcdsaSignatureError);
		expect((error as EcdsaSignatureError).fault).toMatchObject(fault);
	});

	test.each([0, -1, 1.5])('derEcdsaToJose refuses size %d', (size) => {
		expect(() => derEcdsaToJose(hex('30 06 02 01 01 02 01 01'), size)).toThrow(RangeError);
	});

	test.each([0, 1, 63])('joseEcdsaToDer refuses %i bytes', (length) => {
		const error = thrown(() => joseEcdsaToDer(new Uint8Array(length)));
		expect((error as EcdsaSignatureError).fault).toEqual({ code: 'ecdsa-odd-length', bytes: length });
	});

	test.each([
		['two small INTEGERs', '30 06 02 01 01 02 01 02', true],
		['INTEGERs with a needed 0x00', '30 08 02 02 00 80 02 02 00 ff', true],
		['a trailing byte', '30 06 02 01 01 02 01 02 00', false],
		['one INTEGER', '30 03 02 01 01', false],
		['three INTEGERs', '30 09 02 01 01 02 01 01 02 01 01', false],
		['a negative INTEGER', '30 06 02 01 ff 02 01 01', false],
		['a zero INTEGER', '30 06 02 01 00 02 01 01', false],
		['a non-minimal INTEGER', '30 07 02 02 00 01 02 01 01', false],
		['a SET', '31 06 02 01 01 02 01 02', false],
		['an OCTET STRING in place of s', '30 06 02 01 01 04 01 02', false],
		['nothing', '', false],
		['garbage', 'de ad be ef', false],
	])('isDerEcdsaSignature: %s → %s', (_name, input, expected) => {
		expect(isDerEcdsaSignature(hex(input))).toBe(expected);
	});

	test('isDerEcdsaSignature never throws on arbitrary bytes', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 80 }), (input) => {
				expect(typeof isDerEcdsaSignature(input)).toBe('boolean');
			}),
			{ numRuns: 1000 },
		);
	});
});
