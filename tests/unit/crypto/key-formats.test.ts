// Key formats inside PEM: PKCS#1 and SEC1 conversions, what describeSpki/describePkcs8 say, and errors for malformed keys.

import { createPrivateKey, createPublicKey, ECDH, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { DerError, derTags, encodeDer, encodeOid, readDer, toHexString } from '$lib/encoding/der';
import { readCertificate } from '$lib/crypto/certificate';
import { KeyFormatError } from '$lib/encoding/key-format-error';
import { KeyFaultError } from '$lib/crypto/key-faults';
import {
	describePkcs8,
	describeSpki,
	keyOids,
	rsaPrivatePkcs1ToPkcs8,
	rsaPublicPkcs1ToSpki,
	sec1ToPkcs8,
	spkiPublicJwk,
	type KeyInfo,
} from '$lib/crypto/key-formats';
import { parseKeyInput } from '$lib/crypto/keys';
import { toPem } from '$lib/crypto/pem';
import { der, ecKeys, hex, okpKeys, rsa1024, rsaKeys, thrown } from './key-fixtures';

describe('PKCS#1 and SEC1 become the SPKI and PKCS#8 node writes', () => {
	test.each(rsaKeys)('RSA %i public key: PKCS#1 → SPKI', (_bits, { publicKey }) => {
		const spki = rsaPublicPkcs1ToSpki(der(publicKey, 'pkcs1'));
		expect(toHexString(spki)).toBe(toHexString(der(publicKey, 'spki')));
		const imported = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
		expect(imported.equals(publicKey)).toBe(true);
	});

	test.each(rsaKeys)('RSA %i private key: PKCS#1 → PKCS#8', (_bits, { privateKey }) => {
		const pkcs8 = rsaPrivatePkcs1ToPkcs8(der(privateKey, 'pkcs1'));
		expect(toHexString(pkcs8)).toBe(toHexString(der(privateKey, 'pkcs8')));
		const imported = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
		expect(imported.equals(privateKey)).toBe(true);
	});

	test.each(ecKeys)('$crv private key: SEC1 → PKCS#8', ({ privateKey }) => {
		const pkcs8 = sec1ToPkcs8(der(privateKey, 'sec1'));
		const imported = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
		expect(imported.export({ format: 'jwk' })).toEqual(privateKey.export({ format: 'jwk' }));
	});

	/** The SEC1 key with its [0] curve and/or [1] public key left out. */
	function trimmedSec1(privateKey: KeyObject, keep: { curve: boolean; publicKey: boolean }): Uint8Array {
		const sec1 = der(privateKey, 'sec1');
		const children = readDer(sec1).children ?? [];
		const parts = children
			.filter((child) => (child.tag !== 0xa0 || keep.curve) && (child.tag !== 0xa1 || keep.publicKey))
			.map((child) => sec1.subarray(child.start, child.start + child.headerLength + child.length));
		return encodeDer(derTags.sequence, parts);
	}

	test.each(ecKeys.filter((key) => key.curveOid))(
		'$crv SEC1 without its curve takes the curve OID given',
		({ privateKey, curveOid }) => {
			const sec1 = trimmedSec1(privateKey, { curve: false, publicKey: true });
			const pkcs8 = sec1ToPkcs8(sec1, curveOid);
			const imported = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
			expect(imported.export({ format: 'jwk' })).toEqual(privateKey.export({ format: 'jwk' }));
		},
	);

	test('SEC1 without its public key still converts, and node derives the public key', () => {
		const { privateKey } = ecKeys[0] as (typeof ecKeys)[number];
		const pkcs8 = sec1ToPkcs8(trimmedSec1(privateKey, { curve: true, publicKey: false }));
		const imported = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
		expect(imported.export({ format: 'jwk' })).toEqual(privateKey.export({ format: 'jwk' }));
	});

	test('SEC1 without a curve, and none given, is refused plainly', () => {
		const sec1 = trimmedSec1(ecKeys[0]?.privateKey as KeyObject, { curve: false, publicKey: true });
		const error = thrown(() => sec1ToPkcs8(sec1));
		expect(error).toBeInstanceOf(KeyFormatError);
		expect((error as KeyFormatError).fault).toEqual({
			code: 'curve-missing',
			structure: 'sec1',
			explicit: false,
		});
	});

	test('SEC1 naming one curve while this page gives another is refused as a bug of the page', () => {
		const error = thrown(() =>
			sec1ToPkcs8(der(ecKeys[0]?.privateKey as KeyObject, 'sec1'), keyOids.secp384r1),
		);
		expect(error).toBeInstanceOf(RangeError);
		expect((error as Error).message).toContain(keyOids.prime256v1);
	});

	test('SEC1 with explicit curve parameters is refused', () => {
		const sec1 = der(ecKeys[0]?.privateKey as KeyObject, 'sec1');
		const [version, privateKey] = readDer(sec1).children ?? [];
		const slice = (node: typeof version) =>
			sec1.subarray(node!.start, node!.start + node!.headerLength + node!.length);
		const explicit = encodeDer(derTags.sequence, [
			slice(version),
			slice(privateKey),
			encodeDer(0xa0, encodeDer(derTags.sequence, encodeDer(derTags.integer, Uint8Array.of(1)))),
		]);
		const error = thrown(() => sec1ToPkcs8(explicit));
		expect(error).toBeInstanceOf(KeyFormatError);
		expect((error as KeyFormatError).fault).toEqual({
			code: 'curve-missing',
			structure: 'sec1',
			explicit: true,
		});
	});
});

/** An EC SubjectPublicKeyInfo holding `point` as it is (RFC 5480 §2). */
function ecSpki(curveOid: string, point: Uint8Array): Uint8Array {
	return encodeDer(derTags.sequence, [
		encodeDer(derTags.sequence, [
			encodeDer(derTags.oid, encodeOid(keyOids.ecPublicKey)),
			encodeDer(derTags.oid, encodeOid(curveOid)),
		]),
		encodeDer(derTags.bitString, Uint8Array.of(0, ...point)),
	]);
}

describe('spkiPublicJwk reads the public JWK node exports, from the DER alone', () => {
	test.each(rsaKeys)('RSA %i', (_bits, { publicKey }) => {
		const { kty, n, e } = publicKey.export({ format: 'jwk' });
		expect(spkiPublicJwk(der(publicKey, 'spki'))).toEqual({ kty, n, e });
	});

	test.each(ecKeys)('EC $crv, uncompressed point', ({ publicKey }) => {
		expect(spkiPublicJwk(der(publicKey, 'spki'))).toEqual(publicKey.export({ format: 'jwk' }));
	});

	test.each(ecKeys)(
		'EC $crv, compressed point: none (y is not worked out here)',
		({ publicKey, crv, curveOid }) => {
			const uncompressed = publicKey.export({ format: 'jwk' });
			const point = Buffer.concat([
				Buffer.of(4),
				Buffer.from(uncompressed.x!, 'base64url'),
				Buffer.from(uncompressed.y!, 'base64url'),
			]);
			const named =
				crv === 'P-256' ? 'prime256v1' : crv === 'P-384' ? 'secp384r1' : crv === 'P-521' ? 'secp521r1' : crv;
			const compressed = ECDH.convertKey(point, named, undefined, undefined, 'compressed') as Buffer;
			expect(spkiPublicJwk(ecSpki(curveOid, new Uint8Array(compressed)))).toBeUndefined();
		},
	);

	test.each(okpKeys)('OKP $crv: none (raw-keys.ts reads those)', ({ publicKey }) => {
		expect(spkiPublicJwk(der(publicKey, 'spki'))).toBeUndefined();
	});
});

describe('describeSpki and describePkcs8 say what the key is', () => {
	const cases: [string, KeyObject, KeyObject, KeyInfo][] = [
		...rsaKeys.map(([bits, { publicKey, privateKey }]): [string, KeyObject, KeyObject, KeyInfo] => [
			`RSA ${bits}`,
			publicKey,
			privateKey,
			{ kty: 'RSA', bits, private: false },
		]),
		...ecKeys.map(({ crv, publicKey, privateKey }): [string, KeyObject, KeyObject, KeyInfo] => [
			`EC ${crv}`,
			publicKey,
			privateKey,
			{ kty: 'EC', crv, private: false },
		]),
		...okpKeys.map(({ crv, publicKey, privateKey }): [string, KeyObject, KeyObject, KeyInfo] => [
			`OKP ${crv}`,
			publicKey,
			privateKey,
			{ kty: 'OKP', crv, private: false } as KeyInfo,
		]),
	];

	test.each(cases)('%s', (_name, publicKey, privateKey, info) => {
		expect(describeSpki(der(publicKey, 'spki'))).toEqual(info);
		expect(describePkcs8(der(privateKey, 'pkcs8'))).toEqual({ ...info, private: true });
	});

	test.each(rsaKeys)('RSA %i through the PKCS#1 conversions', (bits, { publicKey, privateKey }) => {
		expect(describeSpki(rsaPublicPkcs1ToSpki(der(publicKey, 'pkcs1')))).toEqual({
			kty: 'RSA',
			bits,
			private: false,
		});
		expect(describePkcs8(rsaPrivatePkcs1ToPkcs8(der(privateKey, 'pkcs1')))).toEqual({
			kty: 'RSA',
			bits,
			private: true,
		});
	});

	test('an RSASSA-PSS key counts as RSA', () => {
		const { publicKey, privateKey } = generateKeyPairSync('rsa-pss', { modulusLength: 2048 });
		expect(readDer(der(publicKey, 'spki')).children?.[0]?.children?.[0]?.content).toEqual(
			encodeOid(keyOids.rsassaPss),
		);
		expect(describeSpki(der(publicKey, 'spki'))).toEqual({ kty: 'RSA', bits: 2048, private: false });
		expect(describePkcs8(der(privateKey, 'pkcs8'))).toEqual({ kty: 'RSA', bits: 2048, private: true });
	});

	const spkiWith = (algorithm: Uint8Array[]) =>
		encodeDer(derTags.sequence, [
			encodeDer(derTags.sequence, algorithm),
			encodeDer(derTags.bitString, Uint8Array.of(0, 4)),
		]);

	test('an unknown algorithm is reported with its OID', () => {
		const spki = spkiWith([encodeDer(derTags.oid, encodeOid('1.2.840.10040.4.1'))]);
		expect(describeSpki(spki)).toEqual({ kty: 'unknown', oid: '1.2.840.10040.4.1', private: false });
	});

	test('an EC key on an unknown named curve is reported with the curve OID', () => {
		const brainpool = '1.3.36.3.3.2.8.1.1.7';
		const spki = spkiWith([
			encodeDer(derTags.oid, encodeOid(keyOids.ecPublicKey)),
			encodeDer(derTags.oid, encodeOid(brainpool)),
		]);
		expect(describeSpki(spki)).toEqual({ kty: 'unknown', oid: brainpool, private: false });
	});

	test('a PKCS#8 EC key with the curve only inside the SEC1 key is described', () => {
		const sec1 = der(ecKeys[1]?.privateKey as KeyObject, 'sec1');
		const pkcs8 = encodeDer(derTags.sequence, [
			encodeDer(derTags.integer, Uint8Array.of(0)),
			encodeDer(derTags.sequence, [encodeDer(derTags.oid, encodeOid(keyOids.ecPublicKey))]),
			encodeDer(derTags.octetString, sec1),
		]);
		expect(describePkcs8(pkcs8)).toEqual({ kty: 'EC', crv: 'P-384', private: true });
	});
});

describe('malformed keys throw KeyFormatError with the fault as data', () => {
	const rsaPublic = der(rsa1024.publicKey, 'pkcs1');
	const ecPkcs8 = der(ecKeys[0]?.privateKey as KeyObject, 'pkcs8');

	test.each([
		[
			'an SPKI given as PKCS#1 public',
			() => rsaPublicPkcs1ToSpki(der(rsa1024.publicKey, 'spki')),
			{ code: 'unexpected-element', structure: 'rsa-public', field: 'modulus', found: derTags.sequence },
		],
		[
			'truncated PKCS#1 public',
			() => rsaPublicPkcs1ToSpki(rsaPublic.subarray(0, 40)),
			{ code: 'der-cut', structure: 'rsa-public' },
		],
		[
			'PKCS#1 public with a third INTEGER',
			() =>
				rsaPublicPkcs1ToSpki(
					encodeDer(derTags.sequence, Array(3).fill(encodeDer(derTags.integer, Uint8Array.of(1)))),
				),
			{ code: 'element-count', structure: 'rsa-public', found: 3, min: 2, max: 2 },
		],
		[
			'PKCS#1 public with a negative modulus',
			() =>
				rsaPublicPkcs1ToSpki(
					encodeDer(derTags.sequence, [
						encodeDer(derTags.integer, Uint8Array.of(0x80)),
						encodeDer(derTags.integer, Uint8Array.of(3)),
					]),
				),
			{ code: 'der-encoding', structure: 'rsa-public', offset: 4, problem: 'bad-integer' },
		],
		[
			'a PKCS#8 key given as PKCS#1 private',
			() => rsaPrivatePkcs1ToPkcs8(der(rsa1024.privateKey, 'pkcs8')),
			{ code: 'element-count', structure: 'rsa-private', found: 3 },
		],
		[
			'a PKCS#8 key given as SEC1',
			() => sec1ToPkcs8(ecPkcs8),
			{ code: 'unexpected-element', structure: 'sec1', field: 'privateKey' },
		],
		[
			'a SEC1 key with version 2',
			() => sec1ToPkcs8(hex('30 07 02 01 02 04 02 01 02')),
			{ code: 'bad-version', structure: 'sec1', found: 2, expected: [1] },
		],
		[
			'PKCS#8 given as SPKI',
			() => describeSpki(ecPkcs8),
			{ code: 'element-count', structure: 'spki', found: 3, min: 2, max: 2 },
		],
		[
			'SPKI given as PKCS#8',
			() => describePkcs8(der(rsa1024.publicKey, 'spki')),
			{ code: 'element-count', structure: 'pkcs8', found: 2, min: 3, max: 5 },
		],
		[
			'an SPKI with unused bits',
			() => describeSpki(hex('30 0a 30 05 06 03 2b 65 70 03 01 07')),
			{ code: 'der-encoding', structure: 'spki', offset: 11, problem: 'bad-bit-string' },
		],
		[
			'bytes that are not DER',
			() => describeSpki(hex('01 02 03')),
			{ code: 'der-cut', structure: 'spki', offset: 0 },
		],
		[
			'an SPKI given as a certificate',
			() => readCertificate(der(rsa1024.publicKey, 'spki')),
			{ code: 'element-count', structure: 'certificate', found: 2 },
		],
	] as const)('%s', (_name, run, fault) => {
		const error = thrown(run);
		expect(error).toBeInstanceOf(KeyFormatError);
		expect((error as KeyFormatError).fault).toMatchObject(fault);
	});

	test('a DER problem is kept as the cause', () => {
		const error = thrown(() => describeSpki(new Uint8Array(0)));
		expect((error as Error).cause).toBeInstanceOf(DerError);
	});

	test('a curve OID this page passes that is not an OID is its own bug, not a key fault', () => {
		expect(thrown(() => sec1ToPkcs8(hex('30 07 02 01 01 04 02 01 02'), 'P-256'))).toMatchObject({
			problem: 'unencodable',
		});
	});
});

describe('an RSA public exponent must be odd and at least 3 (RFC 8017 §3.1)', () => {
	/** node's RSA key with its public exponent swapped for `e`, as PKCS#1 RSAPublicKey DER. */
	function withExponent(e: Uint8Array): Uint8Array {
		const pkcs1 = der(rsa1024.publicKey, 'pkcs1');
		const modulus = readDer(pkcs1).children?.[0];
		if (!modulus) throw new Error('no modulus');
		const modulusDer = pkcs1.subarray(modulus.start, modulus.start + modulus.headerLength + modulus.length);
		return encodeDer(derTags.sequence, [modulusDer, encodeDer(derTags.integer, e)]);
	}

	test.each([
		['1 (a signature would be the padded hash itself)', Uint8Array.of(1), 1],
		['0', Uint8Array.of(0), 0],
		['65536 (even)', Uint8Array.of(1, 0, 0), 65536],
		['an even 64-bit value', Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8), undefined],
	])('e = %s is refused, in SPKI and PKCS#1 alike', (_name, e, value) => {
		const spki = rsaPublicPkcs1ToSpki(withExponent(e));
		const error = thrown(() => describeSpki(spki));
		expect(error).toBeInstanceOf(KeyFaultError);
		expect((error as KeyFaultError).fault).toEqual({ code: 'rsa-exponent', value });
	});

	test.each([
		['3', Uint8Array.of(3)],
		['65537', Uint8Array.of(1, 0, 1)],
		['a large odd value', Uint8Array.of(1, 0, 0, 0, 0, 0, 0, 1)],
	])('e = %s is accepted', (_name, e) => {
		expect(describeSpki(rsaPublicPkcs1ToSpki(withExponent(e)))).toEqual({
			kty: 'RSA',
			bits: 1024,
			private: false,
		});
	});

	test('a pasted PEM key with e = 1 gets an error naming the exponent', () => {
		const pem = toPem('PUBLIC KEY', rsaPublicPkcs1ToSpki(withExponent(Uint8Array.of(1))));
		const parsed = parseKeyInput(pem);
		expect(parsed).toMatchObject({
			kind: 'error',
			problem: {
				code: 'pem-no-key',
				blocks: [{ label: 'PUBLIC KEY', fault: { code: 'rsa-exponent', value: 1 } }],
			},
		});
	});
});
