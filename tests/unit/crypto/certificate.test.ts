// readCertificate, checked against an OpenSSL certificate and node:crypto's X509Certificate.

import { X509Certificate, type KeyObject } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { derTags, encodeDer, encodeOid } from '$lib/encoding/der';
import { readCertificate } from '$lib/crypto/certificate';
import { KeyFormatError } from '$lib/encoding/key-format-error';
import { describeSpki } from '$lib/crypto/key-formats';
import { parsePem } from '$lib/crypto/pem';
import { bytes, certificatePem, der, ecKeys, hex } from './key-fixtures';

describe('readCertificate', () => {
	const certificate = readCertificate(parsePem(certificatePem)[0]?.der as Uint8Array);
	const reference = new X509Certificate(certificatePem);

	test('subject and issuer read in encoded order', () => {
		expect(certificate.subject).toBe('CN=test.example, O=JWT Prism Tests, C=GB');
		expect(certificate.issuer).toBe('CN=test.example, O=JWT Prism Tests, C=GB');
	});

	test('the SPKI is the one node takes from the certificate', () => {
		expect(certificate.spki).toEqual(bytes(reference.publicKey.export({ type: 'spki', format: 'der' })));
		expect(describeSpki(certificate.spki)).toEqual({ kty: 'EC', crv: 'P-256', private: false });
	});

	test('validity and serial agree with node', () => {
		expect(certificate.notBefore).toEqual(new Date(reference.validFrom));
		expect(certificate.notAfter).toEqual(new Date(reference.validTo));
		expect(certificate.serialHex).toBe(reference.serialNumber);
	});

	/** A structurally valid certificate around the given fields; readCertificate does not check signatures. */
	function fakeCertificate(fields: {
		version?: boolean;
		serial?: string;
		name?: Uint8Array;
		times?: Uint8Array[];
	}) {
		const algorithm = encodeDer(derTags.sequence, encodeDer(derTags.oid, encodeOid('1.2.840.10045.4.3.2')));
		const name = fields.name ?? encodeDer(derTags.sequence, []);
		const times = fields.times ?? [
			encodeDer(derTags.utcTime, new TextEncoder().encode('250101000000Z')),
			encodeDer(derTags.utcTime, new TextEncoder().encode('350101000000Z')),
		];
		const tbs = encodeDer(derTags.sequence, [
			...(fields.version === false ? [] : [encodeDer(0xa0, encodeDer(derTags.integer, Uint8Array.of(2)))]),
			encodeDer(derTags.integer, hex(fields.serial ?? '01')),
			algorithm,
			name,
			encodeDer(derTags.sequence, times),
			name,
			der(ecKeys[0]?.publicKey as KeyObject, 'spki'),
		]);
		return encodeDer(derTags.sequence, [tbs, algorithm, encodeDer(derTags.bitString, Uint8Array.of(0))]);
	}
	const attribute = (oid: string, tag: number, value: Uint8Array) =>
		encodeDer(derTags.sequence, [encodeDer(derTags.oid, encodeOid(oid)), encodeDer(tag, value)]);
	const rdn = (...attributes: Uint8Array[]) => encodeDer(derTags.set, attributes);
	const ascii = (text: string) => new TextEncoder().encode(text);
	const nameOf = (...rdns: Uint8Array[]) =>
		readCertificate(fakeCertificate({ name: encodeDer(derTags.sequence, rdns) })).subject;

	test.each([
		[
			'a UTF8String with non-ASCII text',
			attribute('2.5.4.3', derTags.utf8String, ascii('Zoë 例')),
			'CN=Zoë 例',
		],
		['a PrintableString', attribute('2.5.4.6', derTags.printableString, ascii('US')), 'C=US'],
		[
			'an IA5String email address',
			attribute('1.2.840.113549.1.9.1', derTags.ia5String, ascii('a@b.c')),
			'emailAddress=a@b.c',
		],
		[
			'a T61String as latin1',
			attribute('2.5.4.10', derTags.t61String, Uint8Array.of(0x43, 0x61, 0x66, 0xe9)),
			'O=Café',
		],
		[
			'a BMPString',
			attribute('2.5.4.11', derTags.bmpString, hex('00 55 00 6e 00 69 00 74 20 ac')),
			'OU=Unit€',
		],
		['a UniversalString', attribute('2.5.4.7', derTags.universalString, hex('00 01 f6 00')), 'L=😀'],
		['ST', attribute('2.5.4.8', derTags.utf8String, ascii('Bavaria')), 'ST=Bavaria'],
		[
			'an unknown attribute as a dotted OID',
			attribute('2.5.4.5', derTags.printableString, ascii('42')),
			'2.5.4.5=42',
		],
		[
			'a value with no string type as # and hex',
			attribute('2.5.4.3', derTags.integer, Uint8Array.of(5)),
			'CN=#020105',
		],
		[
			'separators escaped (RFC 4514)',
			attribute('2.5.4.10', derTags.utf8String, ascii('Acme, Inc. + "Co"')),
			'O=Acme\\, Inc. \\+ \\"Co\\"',
		],
		[
			'a leading # and trailing space escaped',
			attribute('2.5.4.3', derTags.utf8String, ascii('#x ')),
			'CN=\\#x\\ ',
		],
	])('renders %s', (_name, value, expected) => {
		expect(nameOf(rdn(value))).toBe(expected);
	});

	test('a multi-valued RDN is joined with " + "', () => {
		const cn = attribute('2.5.4.3', derTags.utf8String, ascii('a'));
		const ou = attribute('2.5.4.11', derTags.utf8String, ascii('b'));
		expect(nameOf(rdn(cn, ou), rdn(attribute('2.5.4.6', derTags.printableString, ascii('GB'))))).toBe(
			'CN=a + OU=b, C=GB',
		);
	});

	test('an empty name is empty', () => {
		expect(nameOf()).toBe('');
	});

	test('a v1 certificate has no version field', () => {
		const read = readCertificate(fakeCertificate({ version: false, serial: '00 ff' }));
		expect(read.serialHex).toBe('FF');
	});

	test('a negative serial keeps its sign', () => {
		expect(readCertificate(fakeCertificate({ serial: 'ff 01' })).serialHex).toBe('-FF');
	});

	const time = (tag: number, text: string) => encodeDer(tag, ascii(text));
	test.each([
		['UTCTime 99 is 1999', time(derTags.utcTime, '991231235959Z'), '1999-12-31T23:59:59.000Z'],
		['UTCTime 49 is 2049', time(derTags.utcTime, '490101000000Z'), '2049-01-01T00:00:00.000Z'],
		['UTCTime 50 is 1950', time(derTags.utcTime, '500101000000Z'), '1950-01-01T00:00:00.000Z'],
		['UTCTime with an offset', time(derTags.utcTime, '250101120000+0130'), '2025-01-01T10:30:00.000Z'],
		[
			'GeneralizedTime past 2049',
			time(derTags.generalizedTime, '20500101000000Z'),
			'2050-01-01T00:00:00.000Z',
		],
		[
			'GeneralizedTime with fractions',
			time(derTags.generalizedTime, '99991231235959.5Z'),
			'9999-12-31T23:59:59.500Z',
		],
		[
			'GeneralizedTime in year 0099',
			time(derTags.generalizedTime, '00990101000000Z'),
			'0099-01-01T00:00:00.000Z',
		],
	])('reads %s', (_name, notBefore, iso) => {
		const read = readCertificate(fakeCertificate({ times: [notBefore, notBefore] }));
		expect(read.notBefore.toISOString()).toBe(iso);
	});

	test.each([
		['a date that does not exist', time(derTags.utcTime, '250231000000Z')],
		['an hour of 24', time(derTags.utcTime, '250101240000Z')],
		['a time with letters', time(derTags.generalizedTime, '2025010100000AZ')],
		['an INTEGER as a time', encodeDer(derTags.integer, Uint8Array.of(1))],
	])('refuses %s', (_name, value) => {
		const read = () => readCertificate(fakeCertificate({ times: [value, value] }));
		expect(read).toThrow(KeyFormatError);
		expect(read).toThrow(
			expect.objectContaining({ fault: expect.objectContaining({ code: 'bad-date', field: 'notBefore' }) }),
		);
	});

	test('refuses a certificate whose validity is not two times', () => {
		const times = [time(derTags.utcTime, '250101000000Z')];
		expect(() => readCertificate(fakeCertificate({ times }))).toThrow(
			expect.objectContaining({
				fault: expect.objectContaining({ code: 'element-count', structure: 'validity' }),
			}),
		);
	});
});
