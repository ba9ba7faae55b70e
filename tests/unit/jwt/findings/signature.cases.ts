// Signature cases for the findings suites: ECDSA zeros and DER, lengths that do not fit the alg, and real signatures that must pass.

import { generateKeyPairSync, sign } from 'node:crypto';
import { curveOrders } from '../../../../src/lib/jwt/algorithms';
import { FRESH, jws, type FindingCase } from './fixtures';

const bytes = (length: number, fill = 0x5a) => new Uint8Array(length).fill(fill);
const concat = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const token = (alg: string, signature: Uint8Array) => jws({ alg }, FRESH, signature);

const CURVES = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' } as const;

/** A real ECDSA signature made by node:crypto, in JOSE's r‖s form or in DER. */
function ecdsa(alg: keyof typeof CURVES, encoding: 'ieee-p1363' | 'der'): Uint8Array {
	const { privateKey } = generateKeyPairSync('ec', { namedCurve: CURVES[alg] });
	const hash = `sha${alg.slice(2)}`;
	return new Uint8Array(
		sign(hash, Buffer.from('header.payload'), { key: privateKey, dsaEncoding: encoding }),
	);
}

/** Real r‖s and DER signatures for each ECDSA alg. */
export const REAL = Object.fromEntries(
	(Object.keys(CURVES) as (keyof typeof CURVES)[]).map((alg) => [
		alg,
		{ raw: ecdsa(alg, 'ieee-p1363'), der: ecdsa(alg, 'der') },
	]),
) as Record<keyof typeof CURVES, { raw: Uint8Array; der: Uint8Array }>;

/** The big-endian bytes of `order` + `delta` (hex order of a curve, small delta), `size` bytes long. */
function orderPlus(curve: string, delta: number, size: number): Uint8Array {
	const value = BigInt(`0x${curveOrders[curve]}`) + BigInt(delta);
	return Uint8Array.from(
		value
			.toString(16)
			.padStart(size * 2, '0')
			.match(/../g)!,
		(h) => parseInt(h, 16),
	);
}
const one = (size: number) => concat(bytes(size - 1, 0), [1]);

/** A DER ECDSA-Sig-Value of r and s given as unsigned bytes (each INTEGER with a 0x00 before a high bit). */
function derOf(r: Uint8Array, s: Uint8Array): Uint8Array {
	const integer = (v: Uint8Array) => {
		const body = v[0]! & 0x80 ? concat([0], v) : v;
		return concat([0x02, body.length], body);
	};
	const inner = concat(integer(r), integer(s));
	return concat([0x30, inner.length], inner);
}

/** A DER ECDSA-Sig-Value with one-byte r and s. */
const tinyDer = (r: number, s: number) => Uint8Array.of(0x30, 0x06, 0x02, 0x01, r, 0x02, 0x01, s);

/** Each case raises its code. */
export const RAISING: FindingCase[] = [
	['ES256 with s = n', token('ES256', concat(one(32), orderPlus('P-256', 0, 32))), {}, 'ecdsa-out-of-range'],
	[
		'ES256 with r = n + 1',
		token('ES256', concat(orderPlus('P-256', 1, 32), one(32))),
		{},
		'ecdsa-out-of-range',
	],
	['ES384 with r = n', token('ES384', concat(orderPlus('P-384', 0, 48), one(48))), {}, 'ecdsa-out-of-range'],
	['ES512 with s = n', token('ES512', concat(one(66), orderPlus('P-521', 0, 66))), {}, 'ecdsa-out-of-range'],
	[
		'ES256K with s = n',
		token('ES256K', concat(one(32), orderPlus('secp256k1', 0, 32))),
		{},
		'ecdsa-out-of-range',
	],
	['ES256 with r and s all 0xff', token('ES256', bytes(64, 0xff)), {}, 'ecdsa-out-of-range'],
	[
		'ES256 in DER with s = n',
		token('ES256', derOf(one(1), orderPlus('P-256', 0, 32))),
		{},
		'ecdsa-out-of-range',
	],
	['ES256 with 64 zero bytes', token('ES256', bytes(64, 0)), {}, 'psychic-signature'],
	['ES384 with 96 zero bytes', token('ES384', bytes(96, 0)), {}, 'psychic-signature'],
	['ES512 with 132 zero bytes', token('ES512', bytes(132, 0)), {}, 'psychic-signature'],
	['ES256K with 64 zero bytes', token('ES256K', bytes(64, 0)), {}, 'psychic-signature'],
	['ES256 with r = 0', token('ES256', concat(bytes(32, 0), bytes(32))), {}, 'psychic-signature'],
	['ES256 with s = 0', token('ES256', concat(bytes(32), bytes(32, 0))), {}, 'psychic-signature'],
	['ES256 with 8 zero bytes (all zero, wrong length)', token('ES256', bytes(8, 0)), {}, 'psychic-signature'],
	['ES256 in DER with r = 0', token('ES256', tinyDer(0, 1)), {}, 'psychic-signature'],
	['ES256 in DER with r = s = 0', token('ES256', tinyDer(0, 0)), {}, 'psychic-signature'],
	['ES256 in DER (node:crypto)', token('ES256', REAL.ES256.der), {}, 'der-signature'],
	['ES384 in DER (node:crypto)', token('ES384', REAL.ES384.der), {}, 'der-signature'],
	['ES512 in DER (node:crypto)', token('ES512', REAL.ES512.der), {}, 'der-signature'],
	['ES256 in DER with tiny r and s', token('ES256', tinyDer(1, 1)), {}, 'der-signature'],
	['HS256 with 31 bytes', token('HS256', bytes(31)), {}, 'signature-length'],
	['HS256 with 9 bytes', token('HS256', bytes(9)), {}, 'signature-length'],
	['HS384 with 32 bytes', token('HS384', bytes(32)), {}, 'signature-length'],
	['HS512 with 48 bytes', token('HS512', bytes(48)), {}, 'signature-length'],
	[
		'ES256 with 66 bytes (two zeros appended)',
		token('ES256', concat(REAL.ES256.raw, bytes(2, 0))),
		{},
		'signature-length',
	],
	['ES256 with 63 bytes', token('ES256', REAL.ES256.raw.subarray(1)), {}, 'signature-length'],
	['ES512 with 128 bytes', token('ES512', bytes(128)), {}, 'signature-length'],
	['ES256 with the ES384 signature', token('ES256', REAL.ES384.raw), {}, 'signature-length'],
	['Ed25519 with 63 bytes', token('Ed25519', bytes(63)), {}, 'signature-length'],
	['EdDSA with 100 bytes', token('EdDSA', bytes(100)), {}, 'signature-length'],
	['Ed25519 with 114 bytes (Ed448 length)', token('Ed25519', bytes(114)), {}, 'signature-length'],
	['RS256 with 64 bytes', token('RS256', bytes(64)), {}, 'signature-length'],
	['RS256 with 127 bytes', token('RS256', bytes(127)), {}, 'signature-length'],
	['PS256 with 1025 bytes', token('PS256', bytes(1025)), {}, 'signature-length'],
];

/** Each case must not raise its code. */
export const NEAR_MISSES: FindingCase[] = [
	[
		'ES256 with s = n − 1',
		token('ES256', concat(one(32), orderPlus('P-256', -1, 32))),
		{},
		'ecdsa-out-of-range',
	],
	[
		'ES512 with r = n − 1',
		token('ES512', concat(orderPlus('P-521', -1, 66), one(66))),
		{},
		'ecdsa-out-of-range',
	],
	['ES256 r‖s from node:crypto is in range', token('ES256', REAL.ES256.raw), {}, 'ecdsa-out-of-range'],
	['ES384 DER from node:crypto is in range', token('ES384', REAL.ES384.der), {}, 'ecdsa-out-of-range'],
	[
		'ES256 with 64 zero bytes is psychic, not also out of range',
		token('ES256', bytes(64, 0)),
		{},
		'ecdsa-out-of-range',
	],
	['ES256 r‖s from node:crypto', token('ES256', REAL.ES256.raw), {}, 'der-signature'],
	['ES384 r‖s from node:crypto', token('ES384', REAL.ES384.raw), {}, 'der-signature'],
	['ES512 r‖s from node:crypto', token('ES512', REAL.ES512.raw), {}, 'der-signature'],
	['ES256 r‖s is not psychic', token('ES256', REAL.ES256.raw), {}, 'psychic-signature'],
	[
		'ES256 with r = 1 and s = 1',
		token('ES256', concat(bytes(31, 0), [1], bytes(31, 0), [1])),
		{},
		'psychic-signature',
	],
	['HS256 with 32 zero bytes (not ECDSA)', token('HS256', bytes(32, 0)), {}, 'psychic-signature'],
	['RS256 with 256 zero bytes (not ECDSA)', token('RS256', bytes(256, 0)), {}, 'psychic-signature'],
	['ES256 in DER: no length finding on top', token('ES256', REAL.ES256.der), {}, 'signature-length'],
	['ES256 in DER with r = 0: no length finding', token('ES256', tinyDer(0, 1)), {}, 'signature-length'],
	['ES256 in DER with r = 0 is not valid DER ECDSA', token('ES256', tinyDer(0, 1)), {}, 'der-signature'],
	['HS256 with 32 bytes', token('HS256', bytes(32)), {}, 'signature-length'],
	['HS384 with 48 bytes', token('HS384', bytes(48)), {}, 'signature-length'],
	['HS512 with 64 bytes', token('HS512', bytes(64)), {}, 'signature-length'],
	['ES256 r‖s, 64 bytes', token('ES256', REAL.ES256.raw), {}, 'signature-length'],
	['ES384 r‖s, 96 bytes', token('ES384', REAL.ES384.raw), {}, 'signature-length'],
	['ES512 r‖s, 132 bytes', token('ES512', REAL.ES512.raw), {}, 'signature-length'],
	['ES256K with 64 bytes', token('ES256K', bytes(64)), {}, 'signature-length'],
	['Ed25519 with 64 bytes', token('Ed25519', bytes(64)), {}, 'signature-length'],
	['EdDSA with 64 bytes (Ed25519)', token('EdDSA', bytes(64)), {}, 'signature-length'],
	['EdDSA with 114 bytes (Ed448)', token('EdDSA', bytes(114)), {}, 'signature-length'],
	['RS256 with 128 bytes (1024-bit key)', token('RS256', bytes(128)), {}, 'signature-length'],
	['RS256 with 256 bytes', token('RS256', bytes(256)), {}, 'signature-length'],
	['PS512 with 1024 bytes (8192-bit key)', token('PS512', bytes(1024)), {}, 'signature-length'],
	[
		'an empty HS256 signature (empty-signature covers it)',
		jws({ alg: 'HS256' }, FRESH, ''),
		{},
		'signature-length',
	],
	['an empty ES256 signature', jws({ alg: 'ES256' }, FRESH, ''), {}, 'psychic-signature'],
	['alg none with a signature', token('none', bytes(3)), {}, 'signature-length'],
	['an unknown alg with a short signature', token('XS256', bytes(3)), {}, 'signature-length'],
	['alg hs256 in the wrong case', token('hs256', bytes(3)), {}, 'signature-length'],
];
