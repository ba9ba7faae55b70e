// X.509 certificates (RFC 5280 §4.1): the key inside, the names, the validity and the serial a debugger shows.

import { derTags, readOid, toHexString, type DerNode } from '../encoding/der';
import { KeyFormatError } from '../encoding/key-format-error';
import { encodingOf, expectTag, parseAs, readContent, sequenceOf, type Field } from './key-formats';

/** Attribute type OID → the short name used when rendering a distinguished name (RFC 4514 §3). */
const attributeNames: Readonly<Record<string, string>> = Object.freeze({
	'2.5.4.3': 'CN',
	'2.5.4.10': 'O',
	'2.5.4.11': 'OU',
	'2.5.4.6': 'C',
	'2.5.4.7': 'L',
	'2.5.4.8': 'ST',
	'1.2.840.113549.1.9.1': 'emailAddress',
});

/** What readCertificate takes from an X.509 certificate. */
export interface Certificate {
	/** The SubjectPublicKeyInfo, exactly as encoded in the certificate. */
	spki: Uint8Array;
	/** Distinguished names in encoded order, like `CN=example.com, O=Example Ltd, C=US`. */
	subject: string;
	issuer: string;
	notBefore: Date;
	notAfter: Date;
	/** Uppercase hex of the serial number without leading zero bytes, `-` first when negative. */
	serialHex: string;
}

const CERTIFICATE_FIELDS: readonly Field[] = [
	[derTags.sequence, 'tbsCertificate'],
	[derTags.sequence, 'signatureAlgorithm'],
	[derTags.bitString, 'signatureValue'],
];
const TBS_FIELDS: readonly Field[] = [
	[derTags.integer, 'serialNumber'],
	[derTags.sequence, 'signature'],
	[derTags.sequence, 'issuer'],
	[derTags.sequence, 'validity'],
	[derTags.sequence, 'subject'],
	[derTags.sequence, 'subjectPublicKeyInfo'],
];
const TBS_OPTIONAL: readonly Field[] = [
	[0x81, 'issuerUniqueID'],
	[0x82, 'subjectUniqueID'],
	[0xa3, 'extensions'],
];

/**
 * Reads what a debugger shows of an X.509 v1, v2 or v3 certificate (RFC 5280 §4.1). Names render
 * in encoded order, attributes joined by `, ` (multi-valued RDNs by ` + `) and values escaped as in
 * RFC 4514 §2.4; values of unknown string types appear as `#` and their DER in hex.
 * @throws {KeyFormatError} when the bytes are not a certificate.
 * @example readCertificate(der).subject // 'CN=example.com, O=Example Ltd, C=US'
 */
export function readCertificate(der: Uint8Array): Certificate {
	const [tbs] = sequenceOf(parseAs(der, 'certificate'), 'certificate', CERTIFICATE_FIELDS);
	// RFC 5280 §4.1: version is [0] EXPLICIT with DEFAULT v1, so v1 certificates leave it out; the
	// optional tail is issuerUniqueID [1], subjectUniqueID [2] and extensions [3].
	const hasVersion = tbs?.children?.[0]?.tag === 0xa0;
	const children = sequenceOf(
		tbs as DerNode,
		'tbs-certificate',
		hasVersion ? [[0xa0, 'version'], ...TBS_FIELDS] : TBS_FIELDS,
		TBS_OPTIONAL,
	);
	const [serial, , issuer, validity, subject, spki] = children.slice(hasVersion ? 1 : 0) as [
		DerNode,
		DerNode,
		DerNode,
		DerNode,
		DerNode,
		DerNode,
	];
	const [notBefore, notAfter] = sequenceOf(validity, 'validity', [
		[undefined, 'notBefore'],
		[undefined, 'notAfter'],
	]) as [DerNode, DerNode];
	if (serial.content.length === 0)
		throw new KeyFormatError({
			code: 'der-encoding',
			structure: 'tbs-certificate',
			offset: serial.start,
			problem: 'bad-integer',
		});
	return {
		spki: encodingOf(der, spki).slice(),
		subject: renderName(der, subject),
		issuer: renderName(der, issuer),
		notBefore: readTime(notBefore, 'notBefore'),
		notAfter: readTime(notAfter, 'notAfter'),
		serialHex: serialToHex(serial.content),
	};
}

function serialToHex(content: Uint8Array): string {
	// RFC 5280 §4.1.2.2 asks for positive serials, but negative ones exist in the wild.
	const negative = ((content[0] ?? 0) & 0x80) !== 0;
	let magnitude = content;
	if (negative) {
		magnitude = content.map((byte) => ~byte & 0xff);
		for (let i = magnitude.length - 1; i >= 0; i--)
			if ((magnitude[i] = ((magnitude[i] as number) + 1) & 0xff) !== 0) break;
	}
	let i = 0;
	while (i < magnitude.length - 1 && magnitude[i] === 0) i++;
	return (negative ? '-' : '') + toHexString(magnitude.subarray(i)).toUpperCase();
}

function renderName(source: Uint8Array, name: DerNode): string {
	const rdns = name.children ?? [];
	return rdns
		.map((rdn) => {
			expectTag(rdn, derTags.set, 'name', 'RelativeDistinguishedName');
			return (rdn.children ?? [])
				.map((attribute) => {
					const [type, value] = sequenceOf(attribute, 'name', [
						[derTags.oid, 'type'],
						[undefined, 'value'],
					]) as [DerNode, DerNode];
					const oid = readContent(readOid, type, 'name');
					return `${attributeNames[oid] ?? oid}=${renderValue(source, value)}`;
				})
				.join(' + ');
		})
		.join(', ');
}

const utf8 = new TextDecoder('utf-8');

function renderValue(source: Uint8Array, value: DerNode): string {
	const bytes = value.content;
	let text: string;
	switch (value.tag) {
		case derTags.utf8String:
			text = utf8.decode(bytes);
			break;
		case derTags.printableString:
		case derTags.ia5String:
		case derTags.numericString:
		case derTags.visibleString:
		case derTags.t61String: // Teletex is really ITU T.61; latin1 is the usual reading in practice.
			text = readLatin1(bytes);
			break;
		case derTags.bmpString:
			text = '';
			for (let i = 0; i + 1 < bytes.length; i += 2)
				text += String.fromCharCode(((bytes[i] as number) << 8) | (bytes[i + 1] as number));
			break;
		case derTags.universalString:
			text = '';
			for (let i = 0; i + 3 < bytes.length; i += 4) {
				const codePoint =
					(bytes[i] as number) * 0x1000000 +
					(bytes[i + 1] as number) * 0x10000 +
					(bytes[i + 2] as number) * 0x100 +
					(bytes[i + 3] as number);
				text += codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '\ufffd';
			}
			break;
		default:
			// RFC 4514 §2.4: a value with no string form is written as '#' and its BER encoding in hex.
			return `#${toHexString(encodingOf(source, value))}`;
	}
	return escapeValue(text);
}

function readLatin1(bytes: Uint8Array): string {
	let text = '';
	for (const byte of bytes) text += String.fromCharCode(byte);
	return text;
}

function escapeValue(text: string): string {
	// RFC 4514 §2.4: escape the separators and quotes anywhere, '#' or a space first, a space last.
	return text
		.replace(/[\\"+,;<>]/g, (char) => `\\${char}`)
		.replace(/^[# ]/, (char) => `\\${char}`)
		.replace(/ $/, '\\ ');
}

function readTime(time: DerNode, field: 'notBefore' | 'notAfter'): Date {
	const fault = { code: 'bad-date', structure: 'validity', field, offset: time.start } as const;
	const text = readLatin1(time.content.subarray(0, 32));
	// RFC 5280 §4.1.2.5: UTCTime years 50–99 are 19xx, 00–49 are 20xx. It also demands 'Z' and
	// seconds, but older certificates carry UTC offsets or omit seconds, which BER allows, so those are read too.
	const match =
		time.tag === derTags.utcTime
			? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})$/.exec(text)
			: time.tag === derTags.generalizedTime
				? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{1,3})\d*)?(Z|[+-]\d{4})$/.exec(text)
				: null;
	if (!match) throw new KeyFormatError(fault);
	const numbers = match.slice(1, 7).map((part) => Number(part ?? '0'));
	let [year] = numbers as [number];
	if (time.tag === derTags.utcTime) year += year < 50 ? 2000 : 1900;
	const [, month, day, hour, minute, second] = numbers as [number, number, number, number, number, number];
	const fraction = time.tag === derTags.generalizedTime ? Number((match[7] ?? '0').padEnd(3, '0')) : 0;
	const zone = match[time.tag === derTags.utcTime ? 7 : 8] as string;
	const offsetMinutes =
		zone === 'Z'
			? 0
			: (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	date.setUTCHours(hour, minute, second, fraction);
	// Date normalises 31 February to 3 March; a date that moved was not a real one.
	if (
		date.getUTCMonth() !== month - 1 ||
		date.getUTCDate() !== day ||
		hour > 23 ||
		minute > 59 ||
		second > 59
	)
		throw new KeyFormatError(fault);
	return new Date(date.getTime() - offsetMinutes * 60_000);
}
