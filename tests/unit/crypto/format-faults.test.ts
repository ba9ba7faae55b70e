// Issue 19: damaged DER keys and certificates are refused with a code and the data behind it (structure, field,
// byte offset, expected and found), and the words a person reads come from messages.ts, keyed by that code.

import { describe, expect, test } from 'vitest';
import { describeKeyFault, describeKeyProblem, describeFormatFault } from '$lib/crypto/messages';
import { faultOf, type KeyFault } from '$lib/crypto/key-faults';
import { keyOids, readMlDsaPrivateKey } from '$lib/crypto/key-formats';
import { parseKeyInput, type KeyCandidate } from '$lib/crypto/keys';
import { parsePem, toPem } from '$lib/crypto/pem';
import { readRawKey } from '$lib/crypto/raw-keys';
import { concatBytes, derTags, encodeDer, encodeOid, readDer, type DerNode } from '$lib/encoding/der';
import type { FormatFault } from '$lib/encoding/key-format-error';
import { certificatePem, der, ecKeys, hex, okpKeys, rsa1024, thrown } from './key-fixtures';

/** What must never reach a person: browser error names, and values that were never meant to be words. */
const RAW =
	/\b(?:DataError|OperationError|NotSupportedError|InvalidAccessError|SyntaxError|TypeError|RangeError)\b|\bundefined\b|\bNaN\b|\[object Object\]/;

/** Words a person must never read: browser error names, raw values, and our own developer messages. */
const DEVELOPER = /"code"|\bexpected (?:an?|a) [A-Z]|SEQUENCE \{|truncated DER|offset \d/;

/** The encoding of each child of the DER SEQUENCE `bytes`. */
function partsOf(bytes: Uint8Array): Uint8Array[] {
	return (readDer(bytes).children ?? []).map((child) => encodingOf(bytes, child));
}
const encodingOf = (bytes: Uint8Array, node: DerNode) =>
	bytes.subarray(node.start, node.start + node.headerLength + node.length);
const sequence = (...parts: Uint8Array[]) => encodeDer(derTags.sequence, parts);
/** The node at `path` (child indexes from the root) of `bytes`. */
function nodeAt(bytes: Uint8Array, path: number[]): DerNode {
	let node = readDer(bytes);
	for (const index of path) node = node.children![index]!;
	return node;
}
/** A copy of `bytes` with the byte at `index` set to `value`. */
function withByte(bytes: Uint8Array, index: number, value: number): Uint8Array {
	const copy = Uint8Array.from(bytes);
	copy[index] = value;
	return copy;
}
const integer = (value: number) => encodeDer(derTags.integer, Uint8Array.of(value));

/**
 * Reads `der` as a PEM block labelled `label` through parseKeyInput, as the page does, and checks the fault and the
 * words: the problem's sentence is the messages table's words for that fault, with no raw or developer text.
 */
function expectRefusal(label: string, bytes: Uint8Array, fault: Partial<KeyFault>): void {
	const parsed = parseKeyInput(toPem(label, bytes));
	expect(parsed.kind).toBe('error');
	if (parsed.kind !== 'error') return;
	expect(parsed.problem).toMatchObject({ code: 'pem-no-key', blocks: [{ label, fault }] });
	const words = describeKeyProblem(parsed.problem);
	if (parsed.problem.code === 'pem-no-key')
		expect(words).toContain(describeKeyFault(parsed.problem.blocks[0]!.fault));
	expect(words, words).not.toMatch(RAW);
	expect(words, words).not.toMatch(DEVELOPER);
}

type Row = readonly [name: string, bytes: Uint8Array, fault: Partial<KeyFault>];

describe('SubjectPublicKeyInfo (PEM PUBLIC KEY)', () => {
	const spki = der(rsa1024.publicKey, 'spki');
	const [algorithm, key] = partsOf(spki) as [Uint8Array, Uint8Array];
	const algorithmAt = nodeAt(spki, [0]).start;
	const keyAt = nodeAt(spki, [1]).start;
	const edSpki = der(okpKeys[0].publicKey, 'spki');
	const mlDsa = (parameters: Uint8Array[], publicKey: Uint8Array) =>
		sequence(
			sequence(encodeDer(derTags.oid, encodeOid(keyOids.mlDsa44)), ...parameters),
			encodeDer(derTags.bitString, concatBytes([Uint8Array.of(0), publicKey])),
		);
	const rows: Row[] = [
		['cut DER', spki.subarray(0, spki.length - 20), { code: 'der-cut', structure: 'spki', offset: 0 }],
		[
			'an element whose length runs past the end',
			withByte(spki, keyAt + 2, spki[keyAt + 2]! + 1),
			{ code: 'der-cut', structure: 'spki', offset: keyAt },
		],
		[
			'two trailing bytes',
			concatBytes([spki, Uint8Array.of(0, 0)]),
			{ code: 'der-trailing', structure: 'spki', offset: spki.length, bytes: 2 },
		],
		[
			'the algorithm as a SET, not a SEQUENCE',
			withByte(spki, algorithmAt, derTags.set),
			{
				code: 'unexpected-element',
				structure: 'spki',
				field: 'algorithm',
				offset: algorithmAt,
				expected: derTags.sequence,
				found: derTags.set,
			},
		],
		[
			'the public key left out',
			sequence(algorithm),
			{ code: 'element-count', structure: 'spki', found: 1, min: 2, max: 2 },
		],
		[
			'an indefinite length (BER)',
			hex('30 80 00 00'),
			{ code: 'der-encoding', structure: 'spki', offset: 1, problem: 'indefinite-length' },
		],
		[
			'a BIT STRING with unused bits',
			sequence(algorithm, withByte(key, key[1]! < 0x80 ? 2 : 2 + (key[1]! & 0x7f), 3)),
			{ code: 'der-encoding', structure: 'spki', problem: 'bad-bit-string' },
		],
		[
			'an algorithm OID that is not minimally encoded',
			sequence(sequence(hex('06 02 80 01')), partsOf(edSpki)[1]!),
			{ code: 'der-encoding', structure: 'algorithm', offset: 6, problem: 'bad-oid' },
		],
		[
			'an ML-DSA key with algorithm parameters (RFC 9881 §2)',
			mlDsa([encodeDer(derTags.null, [])], new Uint8Array(1312)),
			{
				code: 'unexpected-element',
				structure: 'algorithm',
				field: 'parameters',
				found: derTags.null,
			},
		],
		[
			'an ML-DSA-44 public key one byte short',
			mlDsa([], new Uint8Array(1311)),
			{ code: 'field-length', algorithm: 'ML-DSA-44', field: 'publicKey', bytes: 1311, expected: [1312] },
		],
		[
			'an EC point off its curve',
			(() => {
				const ecSpki = der(ecKeys[0]!.publicKey, 'spki');
				return withByte(ecSpki, ecSpki.length - 1, ecSpki[ecSpki.length - 1]! ^ 1);
			})(),
			{ code: 'ec-point-off-curve', crv: 'P-256' },
		],
	];
	test.each(rows)('%s', (_name, bytes, fault) => expectRefusal('PUBLIC KEY', bytes, fault));

	test('an unknown algorithm OID is no fault: the key is read as unknown, named by its OID', () => {
		const unknown = sequence(sequence(encodeDer(derTags.oid, encodeOid('1.2.3.4'))), key);
		const parsed = parseKeyInput(toPem('PUBLIC KEY', unknown));
		expect(parsed).toMatchObject({ kind: 'keys', keys: [{ info: { kty: 'unknown', oid: '1.2.3.4' } }] });
	});
});

describe('PKCS#8 PrivateKeyInfo (PEM PRIVATE KEY)', () => {
	const pkcs8 = der(rsa1024.privateKey, 'pkcs8');
	const [, algorithm, privateKey] = partsOf(pkcs8) as [Uint8Array, Uint8Array, Uint8Array];
	const innerAt = nodeAt(pkcs8, [2]);
	const rows: Row[] = [
		['cut DER', pkcs8.subarray(0, 100), { code: 'der-cut', structure: 'pkcs8', offset: 0 }],
		[
			'a trailing byte',
			concatBytes([pkcs8, Uint8Array.of(5)]),
			{ code: 'der-trailing', structure: 'pkcs8', offset: pkcs8.length, bytes: 1 },
		],
		[
			'version 2',
			sequence(integer(2), algorithm, privateKey),
			{ code: 'bad-version', structure: 'pkcs8', found: 2, expected: [0, 1] },
		],
		[
			'the version as an OCTET STRING',
			sequence(encodeDer(derTags.octetString, Uint8Array.of(0)), algorithm, privateKey),
			{
				code: 'unexpected-element',
				structure: 'pkcs8',
				field: 'version',
				expected: derTags.integer,
				found: derTags.octetString,
			},
		],
		[
			'an element after the optional ones that does not belong',
			sequence(integer(0), algorithm, privateKey, integer(7)),
			{ code: 'unexpected-element', structure: 'pkcs8', field: 'attributes', found: derTags.integer },
		],
		[
			'a negative version',
			sequence(hex('02 01 ff'), algorithm, privateKey),
			{ code: 'der-encoding', structure: 'pkcs8', offset: 6, problem: 'bad-integer' },
		],
		[
			'the RSA key inside cut short (its OCTET STRING re-wrapped)',
			sequence(
				integer(0),
				algorithm,
				encodeDer(derTags.octetString, innerAt.content.subarray(0, innerAt.content.length - 30)),
			),
			{ code: 'der-cut', structure: 'rsa-private', offset: 0 },
		],
		[
			'the RSA key inside with a byte of its prime changed',
			withByte(pkcs8, nodeAt(pkcs8, [2]).start + 200, pkcs8[nodeAt(pkcs8, [2]).start + 200]! ^ 0x10),
			{ code: 'rsa-inconsistent' },
		],
		[
			'an ML-DSA-44 seed of 31 bytes',
			sequence(
				integer(0),
				sequence(encodeDer(derTags.oid, encodeOid(keyOids.mlDsa44))),
				encodeDer(derTags.octetString, encodeDer(0x80, new Uint8Array(31))),
			),
			{ code: 'field-length', algorithm: 'ML-DSA-44', field: 'seed', bytes: 31, expected: [32] },
		],
	];
	test.each(rows)('%s', (_name, bytes, fault) => expectRefusal('PRIVATE KEY', bytes, fault));
});

describe('PKCS#1 RSAPublicKey (PEM RSA PUBLIC KEY)', () => {
	const pkcs1 = der(rsa1024.publicKey, 'pkcs1');
	const [modulus] = partsOf(pkcs1) as [Uint8Array, Uint8Array];
	const rows: Row[] = [
		['cut DER', pkcs1.subarray(0, 40), { code: 'der-cut', structure: 'rsa-public', offset: 0 }],
		[
			'an SPKI under the PKCS#1 label',
			der(rsa1024.publicKey, 'spki'),
			{
				code: 'unexpected-element',
				structure: 'rsa-public',
				field: 'modulus',
				expected: derTags.integer,
				found: derTags.sequence,
			},
		],
		[
			'a third INTEGER',
			sequence(integer(1), integer(1), integer(1)),
			{ code: 'element-count', structure: 'rsa-public', found: 3, min: 2, max: 2 },
		],
		[
			'a negative modulus',
			sequence(hex('02 01 80'), integer(3)),
			{ code: 'der-encoding', structure: 'rsa-public', offset: 4, problem: 'bad-integer' },
		],
		['a public exponent of 1', sequence(modulus, integer(1)), { code: 'rsa-exponent', value: 1 }],
	];
	test.each(rows)('%s', (_name, bytes, fault) => expectRefusal('RSA PUBLIC KEY', bytes, fault));
});

describe('PKCS#1 RSAPrivateKey (PEM RSA PRIVATE KEY)', () => {
	const pkcs1 = der(rsa1024.privateKey, 'pkcs1');
	const parts = partsOf(pkcs1);
	const rows: Row[] = [
		[
			'cut DER',
			pkcs1.subarray(0, pkcs1.length - 1),
			{ code: 'der-cut', structure: 'rsa-private', offset: 0 },
		],
		[
			'a PKCS#8 key under the PKCS#1 label',
			der(rsa1024.privateKey, 'pkcs8'),
			{ code: 'element-count', structure: 'rsa-private', found: 3, min: 9, max: 10 },
		],
		[
			'the primes as OCTET STRINGs',
			sequence(...parts.slice(0, 4), encodeDer(derTags.octetString, Uint8Array.of(1)), ...parts.slice(5)),
			{
				code: 'unexpected-element',
				structure: 'rsa-private',
				field: 'prime1',
				expected: derTags.integer,
				found: derTags.octetString,
			},
		],
		['version 1 (multi-prime)', sequence(integer(1), ...parts.slice(1)), { code: 'rsa-multi-prime' }],
		[
			'a byte of the private exponent changed',
			withByte(pkcs1, nodeAt(pkcs1, [3]).start + 20, pkcs1[nodeAt(pkcs1, [3]).start + 20]! ^ 0x01),
			{ code: 'rsa-inconsistent' },
		],
	];
	test.each(rows)('%s', (_name, bytes, fault) => expectRefusal('RSA PRIVATE KEY', bytes, fault));
});

describe('SEC1 ECPrivateKey (PEM EC PRIVATE KEY)', () => {
	const sec1 = der(ecKeys[0]!.privateKey, 'sec1');
	const [, privateKey, parameters, publicKey] = partsOf(sec1) as [
		Uint8Array,
		Uint8Array,
		Uint8Array,
		Uint8Array,
	];
	const pointAt = nodeAt(sec1, [3, 0]);
	const rows: Row[] = [
		['cut DER', sec1.subarray(0, 50), { code: 'der-cut', structure: 'sec1', offset: 0 }],
		[
			'a PKCS#8 key under the SEC1 label',
			der(ecKeys[0]!.privateKey, 'pkcs8'),
			{
				code: 'unexpected-element',
				structure: 'sec1',
				field: 'privateKey',
				expected: derTags.octetString,
				found: derTags.sequence,
			},
		],
		[
			'version 2',
			sequence(integer(2), privateKey, parameters, publicKey),
			{ code: 'bad-version', structure: 'sec1', found: 2, expected: [1] },
		],
		[
			'no [0] curve',
			sequence(integer(1), privateKey, publicKey),
			{ code: 'curve-missing', structure: 'sec1', explicit: false },
		],
		[
			'explicit curve parameters',
			sequence(integer(1), privateKey, encodeDer(0xa0, sequence(integer(1))), publicKey),
			{ code: 'curve-missing', structure: 'sec1', explicit: true },
		],
		[
			'a [1] public key that is not a BIT STRING',
			sequence(
				integer(1),
				privateKey,
				parameters,
				encodeDer(0xa1, encodeDer(derTags.octetString, Uint8Array.of(1))),
			),
			{
				code: 'unexpected-element',
				structure: 'sec1',
				field: 'publicKey',
				expected: derTags.bitString,
				found: derTags.octetString,
			},
		],
		[
			'a public point off the curve',
			withByte(
				sec1,
				pointAt.start + pointAt.headerLength + 40,
				sec1[pointAt.start + pointAt.headerLength + 40]! ^ 1,
			),
			{ code: 'ec-point-off-curve', crv: 'P-256' },
		],
	];
	test.each(rows)('%s', (_name, bytes, fault) => expectRefusal('EC PRIVATE KEY', bytes, fault));
});

describe('X.509 certificate (PEM CERTIFICATE)', () => {
	const certificate = parsePem(certificatePem)[0]!.der;
	const tbs = nodeAt(certificate, [0]);
	const hasVersion = tbs.children![0]!.tag === 0xa0;
	const validity = nodeAt(certificate, [0, hasVersion ? 4 : 3]);
	const notBefore = validity.children![0]!;
	const rows: Row[] = [
		['cut DER', certificate.subarray(0, 300), { code: 'der-cut', structure: 'certificate', offset: 0 }],
		[
			'three trailing bytes',
			concatBytes([certificate, hex('00 00 00')]),
			{ code: 'der-trailing', structure: 'certificate', offset: certificate.length, bytes: 3 },
		],
		[
			'an SPKI under the CERTIFICATE label',
			der(rsa1024.publicKey, 'spki'),
			{ code: 'element-count', structure: 'certificate', found: 2, min: 3, max: 3 },
		],
		[
			'a notBefore with a digit changed to a letter',
			withByte(certificate, notBefore.start + notBefore.headerLength + 2, 0x41),
			{ code: 'bad-date', structure: 'validity', field: 'notBefore', offset: notBefore.start },
		],
		[
			'a notAfter that is an INTEGER, not a time',
			withByte(certificate, validity.children![1]!.start, derTags.integer),
			{ code: 'bad-date', structure: 'validity', field: 'notAfter', offset: validity.children![1]!.start },
		],
	];
	test.each(rows)('%s', (_name, bytes, fault) => expectRefusal('CERTIFICATE', bytes, fault));
});

describe('raw keys read for the library providers (secp256k1, Ed25519, Ed448, ML-DSA)', () => {
	const candidate = (fields: Partial<KeyCandidate>): KeyCandidate =>
		({ source: 'jwk', label: 'test key', ...fields }) as KeyCandidate;
	const k1 = ecKeys[3]!.publicKey.export({ format: 'jwk' }) as Record<string, string>;
	const edSpki = der(okpKeys[1].publicKey, 'spki');
	const edPkcs8 = der(okpKeys[1].privateKey, 'pkcs8');
	const rows: [string, KeyCandidate, KeyFault][] = [
		[
			'a secp256k1 JWK with "x" not base64url',
			candidate({ info: { kty: 'EC', crv: 'secp256k1', private: false }, jwk: { ...k1, x: '!!' } }),
			{ code: 'members-missing', members: ['x'] },
		],
		[
			'a secp256k1 JWK with a 31-byte "y"',
			candidate({ info: { kty: 'EC', crv: 'secp256k1', private: false }, jwk: { ...k1, y: 'A'.repeat(42) } }),
			{ code: 'member-length', member: 'y', crv: 'secp256k1', bytes: 31, expected: 32 },
		],
		[
			'an Ed448 SPKI with a public key one byte short',
			candidate({
				source: 'pem-spki',
				info: { kty: 'OKP', crv: 'Ed448', private: false },
				spki: sequence(partsOf(edSpki)[0]!, encodeDer(derTags.bitString, new Uint8Array(57))),
			}),
			{ code: 'field-length', algorithm: 'Ed448', field: 'publicKey', bytes: 56, expected: [57] },
		],
		[
			'an Ed448 PKCS#8 whose CurvePrivateKey is not an OCTET STRING',
			candidate({
				source: 'pem-pkcs8',
				info: { kty: 'OKP', crv: 'Ed448', private: true },
				pkcs8: sequence(integer(0), partsOf(edPkcs8)[1]!, encodeDer(derTags.octetString, sequence())),
			}),
			{
				code: 'unexpected-element',
				structure: 'curve-private',
				field: 'CurvePrivateKey',
				offset: 0,
				expected: derTags.octetString,
				found: derTags.sequence,
			},
		],
	];
	test.each(rows)('%s', (_name, key, fault) => {
		const error = thrown(() => readRawKey(key));
		expect(faultOf(error)).toEqual(fault);
		const words = describeKeyFault(faultOf(error));
		expect(words).not.toMatch(RAW);
		expect(words).not.toMatch(DEVELOPER);
	});

	test('an ML-DSA expanded key of the wrong size names the field and both sizes', () => {
		const error = thrown(() =>
			readMlDsaPrivateKey(encodeDer(derTags.octetString, new Uint8Array(10)), 'ML-DSA-65'),
		);
		expect(faultOf(error)).toEqual({
			code: 'field-length',
			algorithm: 'ML-DSA-65',
			field: 'expandedKey',
			bytes: 10,
			expected: [4032],
		});
	});
});

describe('every format fault has words from the table, naming what the data says', () => {
	const faults: FormatFault[] = [
		{ code: 'der-cut', structure: 'spki', offset: 0 },
		{ code: 'der-trailing', structure: 'pkcs8', offset: 300, bytes: 2 },
		...(
			[
				'indefinite-length',
				'long-length',
				'non-minimal-length',
				'high-tag',
				'too-deep',
				'bad-oid',
				'bad-integer',
				'bad-bit-string',
				'unencodable',
			] as const
		).map((problem): FormatFault => ({ code: 'der-encoding', structure: 'sec1', offset: 7, problem })),
		{
			code: 'unexpected-element',
			structure: 'pkcs8',
			field: 'version',
			offset: 4,
			expected: derTags.integer,
			found: derTags.sequence,
		},
		{ code: 'unexpected-element', structure: 'algorithm', field: 'parameters', offset: 9, found: 0x45 },
		{ code: 'element-count', structure: 'rsa-private', offset: 0, found: 3, min: 9, max: 10 },
		{ code: 'bad-version', structure: 'sec1', found: 2, expected: [1] },
		{ code: 'bad-version', structure: 'pkcs8', expected: [0, 1] },
		{ code: 'field-length', algorithm: 'secp256k1', field: 'publicKey', bytes: 64, expected: [65, 33] },
		{ code: 'curve-missing', structure: 'sec1', explicit: true },
		{ code: 'curve-missing', structure: 'sec1', explicit: false },
		{ code: 'bad-date', structure: 'validity', field: 'notAfter', offset: 120 },
	];
	test.each(faults.map((fault) => [JSON.stringify(fault), fault] as const))('%s', (_name, fault) => {
		const words = describeFormatFault(fault);
		expect(describeKeyFault(fault)).toBe(words);
		expect(words).toMatch(/^[a-z"0-9]/);
		expect(words).not.toMatch(RAW);
		expect(words).not.toMatch(DEVELOPER);
		if ('offset' in fault) expect(words).toContain(`byte ${fault.offset}`);
		if ('found' in fault && typeof fault.found === 'number' && fault.code === 'bad-version')
			expect(words).toContain(String(fault.found));
		if (fault.code === 'field-length')
			for (const size of fault.expected) expect(words).toContain(`${size} bytes`);
	});
});
