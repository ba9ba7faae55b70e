// PEM blocks (RFC 7468) and the key formats inside them: SPKI, PKCS#8, PKCS#1, SEC1, X.509, ECDSA signatures.

import {
	DerError,
	derTags,
	concatBytes,
	describeTag,
	encodeDer,
	encodeOid,
	readBitStringBytes,
	readDer,
	readInteger,
	readOid,
	toHexString,
	type DerNode,
} from './der';

/** Object identifiers of the key algorithms and curves this module recognises. */
export const keyOids = Object.freeze({
	rsaEncryption: '1.2.840.113549.1.1.1',
	rsassaPss: '1.2.840.113549.1.1.10',
	ecPublicKey: '1.2.840.10045.2.1',
	prime256v1: '1.2.840.10045.3.1.7',
	secp384r1: '1.3.132.0.34',
	secp521r1: '1.3.132.0.35',
	secp256k1: '1.3.132.0.10',
	ed25519: '1.3.101.112',
	ed448: '1.3.101.113',
	x25519: '1.3.101.110',
	x448: '1.3.101.111',
} as const);

/** Named-curve OID → JOSE `crv` (RFC 5480 §2.1.1.1, RFC 8812 §3.1). */
const ecCurves: Readonly<Record<string, 'P-256' | 'P-384' | 'P-521' | 'secp256k1'>> = Object.freeze({
	[keyOids.prime256v1]: 'P-256',
	[keyOids.secp384r1]: 'P-384',
	[keyOids.secp521r1]: 'P-521',
	[keyOids.secp256k1]: 'secp256k1',
});

/** Algorithm OID → JOSE `crv` of an octet key pair (RFC 8410 §3, RFC 8037 §2). */
const okpCurves: Readonly<Record<string, 'Ed25519' | 'Ed448' | 'X25519' | 'X448'>> = Object.freeze({
	[keyOids.ed25519]: 'Ed25519',
	[keyOids.ed448]: 'Ed448',
	[keyOids.x25519]: 'X25519',
	[keyOids.x448]: 'X448',
});

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

/** A PEM text that cannot be read. `offset` is the character offset in the text given to parsePem. */
export class PemError extends Error {
	constructor(
		message: string,
		readonly offset: number,
		options?: ErrorOptions,
	) {
		super(message, options);
		this.name = new.target.name;
	}
}

import { KeyFormatError } from './key-format-error';

export { KeyFormatError };

/** One RFC 1421 header line inside a PEM block, such as `DEK-Info: AES-128-CBC,…`. */
export interface PemHeader {
	name: string;
	value: string;
}

/** One `-----BEGIN label-----` … `-----END label-----` block. */
export interface PemBlock {
	label: string;
	der: Uint8Array;
	/** Character offset of the BEGIN line's first dash. */
	start: number;
	/** Character offset just past the END line's last dash. */
	end: number;
	/** Whether the key inside is passphrase-encrypted (PKCS#8 `ENCRYPTED PRIVATE KEY` or `Proc-Type: 4,ENCRYPTED`). */
	encrypted: boolean;
	/** RFC 1421 headers before the base64, in order; empty for RFC 7468 blocks. */
	headers: PemHeader[];
}

/** What a key is: type and size or curve, and whether it holds private material. */
export type KeyInfo =
	| { kty: 'RSA'; bits: number; private: boolean }
	| { kty: 'EC'; crv: 'P-256' | 'P-384' | 'P-521' | 'secp256k1'; private: boolean }
	| { kty: 'OKP'; crv: 'Ed25519' | 'Ed448' | 'X25519' | 'X448'; private: boolean }
	| { kty: 'unknown'; oid: string; private: boolean };

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

// RFC 7468 §3: a label is printable ASCII other than '-', with single spaces or hyphens inside.
const LABEL = String.raw`(?:[\x21-\x2c\x2e-\x7e](?:[- ]?[\x21-\x2c\x2e-\x7e])*)?`;
const BOUNDARY = new RegExp(`-----(BEGIN|END) (${LABEL})-----`, 'g');

/**
 * Finds every PEM block in `text` and decodes its base64 (RFC 7468 §2). Boundaries may sit anywhere,
 * even on one line; line breaks (`\n`, `\r\n`, `\r`), indentation, whitespace between characters and
 * text outside the blocks are ignored. RFC 1421 headers (`Proc-Type:`, `DEK-Info:`) are kept in
 * `headers`. An END with no BEGIN before it is ignored; no BEGIN at all gives `[]`.
 *
 * @throws {PemError} for a BEGIN without its END, an END whose label differs from its BEGIN, or
 * base64 that is invalid (the message names the character, line and column).
 */
export function parsePem(text: string): PemBlock[] {
	const blocks: PemBlock[] = [];
	let open: { label: string; start: number; bodyStart: number } | undefined;
	for (const match of text.matchAll(BOUNDARY)) {
		const [marker, kind, label = ''] = match;
		const at = match.index;
		if (kind === 'BEGIN') {
			if (open)
				throw new PemError(
					`"BEGIN ${open.label}" at line ${lineOf(text, open.start)} has no "END ${open.label}" before the next BEGIN at line ${lineOf(text, at)}`,
					open.start,
				);
			open = { label, start: at, bodyStart: at + marker.length };
		} else if (open) {
			if (label !== open.label)
				throw new PemError(
					`"BEGIN ${open.label}" at line ${lineOf(text, open.start)} is closed by "END ${label}" at line ${lineOf(text, at)}`,
					at,
				);
			const { headers, dataStart } = readHeaders(text, open.bodyStart, at);
			const procType = headers.find((header) => header.name.toLowerCase() === 'proc-type');
			blocks.push({
				label,
				der: decodeBase64Body(text, dataStart, at),
				start: open.start,
				end: at + marker.length,
				encrypted: label === 'ENCRYPTED PRIVATE KEY' || /\bENCRYPTED\b/i.test(procType?.value ?? ''),
				headers,
			});
			open = undefined;
		}
	}
	if (open)
		throw new PemError(
			`"BEGIN ${open.label}" at line ${lineOf(text, open.start)} has no matching "END ${open.label}"`,
			open.start,
		);
	return blocks;
}

/** Reads RFC 1421 §4.4 headers at the start of a block body; they end at a blank line or the base64. */
function readHeaders(text: string, from: number, to: number): { headers: PemHeader[]; dataStart: number } {
	const headers: PemHeader[] = [];
	const lineBreak = /\r\n|\r|\n/g;
	lineBreak.lastIndex = from;
	let lineStart = from;
	let headerIndent = -1;
	while (lineStart < to) {
		const next = lineBreak.exec(text);
		const lineEnd = next && next.index < to ? next.index : to;
		const line = text.slice(lineStart, lineEnd);
		const trimmed = line.trim();
		const indent = line.length - line.trimStart().length;
		const header = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/.exec(trimmed);
		if (header) {
			headers.push({ name: header[1] as string, value: header[2] as string });
			headerIndent = indent;
		} else if (trimmed === '') {
			// A blank line ends the headers; before any header it is just the BEGIN line's end.
			if (headers.length > 0) return { headers, dataStart: lineEnd };
		} else if (headers.length > 0 && indent > headerIndent) {
			const last = headers[headers.length - 1] as PemHeader;
			last.value += trimmed;
		} else {
			return { headers, dataStart: lineStart };
		}
		if (!next || next.index >= to) break;
		lineStart = next.index + next[0].length;
	}
	return { headers, dataStart: headers.length > 0 ? to : from };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUES = (() => {
	const table = new Int8Array(128).fill(-1);
	for (let i = 0; i < BASE64.length; i++) table[BASE64.charCodeAt(i)] = i;
	return table;
})();

/** Decodes the base64 between `from` and `to` (RFC 4648 §4), skipping whitespace; `=` padding is optional. */
function decodeBase64Body(text: string, from: number, to: number): Uint8Array {
	const out = new Uint8Array(Math.ceil(((to - from) * 3) / 4));
	let length = 0;
	let buffer = 0;
	let bits = 0;
	let count = 0;
	let padding = 0;
	let paddingAt = -1;
	for (let i = from; i < to; i++) {
		const code = text.charCodeAt(i);
		if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) continue;
		if (code === 0x3d /* = */) {
			if (paddingAt < 0) paddingAt = i;
			padding++;
			continue;
		}
		const value = code < 128 ? (BASE64_VALUES[code] ?? -1) : -1;
		if (value < 0)
			throw new PemError(
				`invalid base64 character ${describeChar(text, i)} at ${describePosition(text, i)}`,
				i,
			);
		if (paddingAt >= 0)
			throw new PemError(
				`base64 continues after "=" padding at ${describePosition(text, paddingAt)}`,
				paddingAt,
			);
		buffer = ((buffer << 6) | value) & 0xffffff;
		bits += 6;
		count++;
		if (bits >= 8) {
			bits -= 8;
			out[length++] = (buffer >> bits) & 0xff;
		}
	}
	const rest = count % 4;
	const at = paddingAt >= 0 ? paddingAt : to;
	if (rest === 1)
		throw new PemError(`base64 ends with a lone character at ${describePosition(text, at)}`, at);
	if (padding > 0 && padding !== 4 - rest)
		throw new PemError(`wrong number of "=" padding characters at ${describePosition(text, at)}`, at);
	return out.slice(0, length);
}

function describeChar(text: string, index: number): string {
	const codePoint = text.codePointAt(index) ?? 0;
	const char = String.fromCodePoint(codePoint);
	const code = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
	// Invisible characters (no-break spaces, zero-width spaces, controls) are named by code point only.
	const shown =
		codePoint >= 0x21 && codePoint <= 0x7e
			? `"${char}"`
			: /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(char)
				? `"${char}" (${code})`
				: code;
	// The URL-safe alphabet is a common mix-up with a JWT debugger open (RFC 4648 §5).
	return char === '-' || char === '_' ? `${shown} (base64url, not base64)` : shown;
}

/** 1-based line of `offset`, counting `\r\n`, `\r` and `\n` as line breaks. */
function lineOf(text: string, offset: number): number {
	return positionOf(text, offset).line;
}

function positionOf(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	for (let i = 0; i < offset; i++) {
		const code = text.charCodeAt(i);
		if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
			line++;
			lineStart = i + 1;
		}
	}
	return { line, column: offset - lineStart + 1 };
}

function describePosition(text: string, offset: number): string {
	const { line, column } = positionOf(text, offset);
	return `line ${line}, column ${column}`;
}

/**
 * Wraps DER in a PEM block (RFC 7468 §2): base64 in 64-character lines and a trailing newline.
 * @throws {RangeError} when `label` is not a valid RFC 7468 label.
 * @example toPem('PUBLIC KEY', spki) // '-----BEGIN PUBLIC KEY-----\nMFkw…\n-----END PUBLIC KEY-----\n'
 */
export function toPem(label: string, der: Uint8Array): string {
	if (!new RegExp(`^${LABEL}$`).test(label)) throw new RangeError(`"${label}" is not a valid PEM label`);
	const base64 = encodeBase64(der);
	const lines = [`-----BEGIN ${label}-----`];
	for (let i = 0; i < base64.length; i += 64) lines.push(base64.slice(i, i + 64));
	lines.push(`-----END ${label}-----`, '');
	return lines.join('\n');
}

function encodeBase64(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const a = bytes[i] as number;
		const b = bytes[i + 1];
		const c = bytes[i + 2];
		const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
		out += BASE64[triple >> 18];
		out += BASE64[(triple >> 12) & 63];
		out += b === undefined ? '=' : BASE64[(triple >> 6) & 63];
		out += c === undefined ? '=' : BASE64[triple & 63];
	}
	return out;
}

// Shapes, as the messages name them.
const SPKI = 'a SubjectPublicKeyInfo SEQUENCE { algorithm SEQUENCE, subjectPublicKey BIT STRING }';
const PKCS8 =
	'a PKCS#8 PrivateKeyInfo SEQUENCE { version INTEGER, algorithm SEQUENCE, privateKey OCTET STRING }';
const ALGORITHM = 'an AlgorithmIdentifier SEQUENCE { OBJECT IDENTIFIER, parameters }';
const RSA_PUBLIC = 'an RSAPublicKey SEQUENCE of two INTEGERs (modulus, exponent)';
const RSA_PRIVATE =
	'an RSAPrivateKey SEQUENCE of a version and eight INTEGERs (modulus, exponents, primes, CRT values)';
const SEC1 =
	'an EC PRIVATE KEY (SEC1 ECPrivateKey) SEQUENCE { version 1, privateKey OCTET STRING, [0] curve, [1] publicKey }';
const CERTIFICATE = 'an X.509 Certificate SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }';
const TBS =
	'a TBSCertificate SEQUENCE { [0] version, serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo, … }';

/** readDer, with its DerError turned into a KeyFormatError that says what was expected. */
function parseAs(bytes: Uint8Array, what: string): DerNode {
	try {
		return readDer(bytes);
	} catch (error) {
		if (error instanceof DerError)
			throw new KeyFormatError(`expected ${what}, but ${error.message}`, { cause: error });
		throw error;
	}
}

/**
 * The children of a SEQUENCE: first the `required` tags in order, then any of the `optional` tags,
 * each at most once and in the order given (`undefined` in `required` accepts any tag).
 */
function sequenceOf(
	node: DerNode,
	required: readonly (number | undefined)[],
	what: string,
	optional: readonly number[] = [],
): DerNode[] {
	if (node.tag !== derTags.sequence)
		throw new KeyFormatError(`expected ${what}, but found ${describeTag(node.tag)}`);
	const children = node.children ?? [];
	if (children.length < required.length || children.length > required.length + optional.length)
		throw new KeyFormatError(`expected ${what}, but the SEQUENCE has ${children.length} elements`);
	let next = 0;
	children.forEach((child, i) => {
		const found = `element ${i + 1} is ${describeTag(child.tag)}`;
		if (i < required.length) {
			const expected = required[i];
			if (expected === undefined || child.tag === expected) return;
			throw new KeyFormatError(`expected ${what}, but ${found} instead of ${describeTag(expected)}`);
		}
		const index = optional.indexOf(child.tag, next);
		if (index < 0) throw new KeyFormatError(`expected ${what}, but ${found}, which does not belong there`);
		next = index + 1;
	});
	return children;
}

/** Runs a der.ts content reader, turning its DerError into a KeyFormatError naming `what`. */
function readContent<T>(read: (content: Uint8Array) => T, node: DerNode, what: string): T {
	try {
		return read(node.content);
	} catch (error) {
		if (error instanceof DerError)
			throw new KeyFormatError(`expected ${what}, but ${error.message}`, { cause: error });
		throw error;
	}
}

/** The full encoding (header and content) of `node`, which was read from `source`. */
function encodingOf(source: Uint8Array, node: DerNode): Uint8Array {
	return source.subarray(node.start, node.start + node.headerLength + node.length);
}

function readAlgorithm(node: DerNode): { oid: string; parameters?: DerNode } {
	const [oid, parameters] = sequenceOf(node, [derTags.oid], ALGORITHM, [
		node.children?.[1]?.tag ?? derTags.null,
	]);
	return { oid: readContent(readOid, oid as DerNode, ALGORITHM), parameters };
}

function bitLength(magnitude: Uint8Array): number {
	const top = magnitude[0];
	return top === undefined ? 0 : (magnitude.length - 1) * 8 + (32 - Math.clz32(top));
}

function rsaBits(keyBytes: Uint8Array, isPrivate: boolean): number {
	const modulus = isPrivate ? readRsaPrivateKey(keyBytes)[1] : readRsaPublicKey(keyBytes)[0];
	return bitLength(readContent(readInteger, modulus as DerNode, isPrivate ? RSA_PRIVATE : RSA_PUBLIC));
}

function readRsaPublicKey(bytes: Uint8Array): DerNode[] {
	return sequenceOf(parseAs(bytes, RSA_PUBLIC), [derTags.integer, derTags.integer], RSA_PUBLIC);
}

function readRsaPrivateKey(bytes: Uint8Array): DerNode[] {
	// RFC 8017 App. A.1.2: version, n, e, d, p, q, dP, dQ, qInv, then otherPrimeInfos for multi-prime keys.
	const integers = Array<number>(9).fill(derTags.integer);
	return sequenceOf(parseAs(bytes, RSA_PRIVATE), integers, RSA_PRIVATE, [derTags.sequence]);
}

function describeKey(
	algorithm: { oid: string; parameters?: DerNode },
	keyBytes: Uint8Array,
	isPrivate: boolean,
): KeyInfo {
	const { oid, parameters } = algorithm;
	if (oid === keyOids.rsaEncryption || oid === keyOids.rsassaPss)
		return { kty: 'RSA', bits: rsaBits(keyBytes, isPrivate), private: isPrivate };
	const okp = okpCurves[oid];
	if (okp) return { kty: 'OKP', crv: okp, private: isPrivate };
	if (oid !== keyOids.ecPublicKey) return { kty: 'unknown', oid, private: isPrivate };
	// RFC 5915 §3: a PKCS#8 EC key may carry its curve in the inner ECPrivateKey instead.
	let curve = parameters?.tag === derTags.oid ? readContent(readOid, parameters, ALGORITHM) : undefined;
	if (curve === undefined && isPrivate) curve = readSec1(keyBytes).curveOid;
	const crv = curve === undefined ? undefined : ecCurves[curve];
	if (crv) return { kty: 'EC', crv, private: isPrivate };
	// An unnamed or explicit curve: report the curve OID when there is one, since that is the unknown part.
	return { kty: 'unknown', oid: curve ?? oid, private: isPrivate };
}

/**
 * Says what key a DER SubjectPublicKeyInfo holds (RFC 5280 §4.1.2.7): RSA with its modulus size
 * (RFC 8017; RSASSA-PSS keys count as RSA), EC with its named curve (RFC 5480), or an RFC 8410
 * octet key pair. Other algorithms, and unnamed curves, come back as `unknown` with their OID.
 * @throws {KeyFormatError} when the bytes are not an SPKI.
 */
export function describeSpki(spki: Uint8Array): KeyInfo {
	const [algorithm, key] = sequenceOf(parseAs(spki, SPKI), [derTags.sequence, derTags.bitString], SPKI) as [
		DerNode,
		DerNode,
	];
	return describeKey(readAlgorithm(algorithm), readContent(readBitStringBytes, key, SPKI), false);
}

/**
 * Says what key a DER PKCS#8 PrivateKeyInfo or OneAsymmetricKey holds (RFC 5208 §5, RFC 5958 §2),
 * like {@link describeSpki}, with `private: true`. Encrypted PKCS#8 is not PrivateKeyInfo and throws.
 * @throws {KeyFormatError} when the bytes are not PKCS#8.
 */
export function describePkcs8(pkcs8: Uint8Array): KeyInfo {
	// RFC 5958 §2: optional [0] attributes, then the optional [1] publicKey of a version 1 key.
	const required = [derTags.integer, derTags.sequence, derTags.octetString];
	const [version, algorithm, key] = sequenceOf(parseAs(pkcs8, PKCS8), required, PKCS8, [0xa0, 0x81]) as [
		DerNode,
		DerNode,
		DerNode,
	];
	const versionValue = readContent(readInteger, version, PKCS8);
	if (versionValue.length > 1 || (versionValue[0] ?? 0) > 1)
		throw new KeyFormatError(`expected ${PKCS8}, but the version is not 0 or 1`);
	return describeKey(readAlgorithm(algorithm), key.content, true);
}

/**
 * Wraps a PKCS#1 RSAPublicKey (`RSA PUBLIC KEY`, RFC 8017 App. A.1.1) in a SubjectPublicKeyInfo with
 * the rsaEncryption OID and NULL parameters (RFC 3279 §2.3.1), as `PUBLIC KEY` PEM holds.
 * @throws {KeyFormatError} when the bytes are not an RSAPublicKey.
 */
export function rsaPublicPkcs1ToSpki(pkcs1: Uint8Array): Uint8Array {
	for (const integer of readRsaPublicKey(pkcs1)) readContent(readInteger, integer, RSA_PUBLIC);
	return encodeDer(derTags.sequence, [
		rsaAlgorithm(),
		encodeDer(derTags.bitString, concatBytes([Uint8Array.of(0), pkcs1])),
	]);
}

/**
 * Wraps a PKCS#1 RSAPrivateKey (`RSA PRIVATE KEY`, RFC 8017 App. A.1.2) in a version-0 PKCS#8
 * PrivateKeyInfo with the rsaEncryption OID (RFC 5208 §5).
 * @throws {KeyFormatError} when the bytes are not an RSAPrivateKey.
 */
export function rsaPrivatePkcs1ToPkcs8(pkcs1: Uint8Array): Uint8Array {
	const children = readRsaPrivateKey(pkcs1);
	for (const integer of children.slice(1, 9)) readContent(readInteger, integer, RSA_PRIVATE);
	return encodeDer(derTags.sequence, [
		encodeDer(derTags.integer, Uint8Array.of(0)),
		rsaAlgorithm(),
		encodeDer(derTags.octetString, pkcs1),
	]);
}

function rsaAlgorithm(): Uint8Array {
	return encodeDer(derTags.sequence, [
		encodeDer(derTags.oid, encodeOid(keyOids.rsaEncryption)),
		encodeDer(derTags.null, []),
	]);
}

function readSec1(sec1: Uint8Array): { privateKey: DerNode; publicKey?: DerNode; curveOid?: string } {
	const children = sequenceOf(
		parseAs(sec1, SEC1),
		[derTags.integer, derTags.octetString],
		SEC1,
		[0xa0, 0xa1],
	);
	const [version, privateKey] = children as [DerNode, DerNode];
	const versionValue = readContent(readInteger, version, SEC1);
	if (versionValue.length !== 1 || versionValue[0] !== 1)
		throw new KeyFormatError(`expected ${SEC1}, but the version is not 1`);
	const parameters = children.find((child) => child.tag === 0xa0);
	const publicKey = children.find((child) => child.tag === 0xa1);
	let curveOid: string | undefined;
	if (parameters) {
		const curve = parameters.children?.[0];
		if (parameters.children?.length !== 1 || curve?.tag !== derTags.oid)
			throw new KeyFormatError(
				`expected ${SEC1}, but [0] holds ${curve ? describeTag(curve.tag) : 'nothing'} instead of a named-curve OBJECT IDENTIFIER (explicit curve parameters are not supported)`,
			);
		curveOid = readContent(readOid, curve, SEC1);
	}
	if (publicKey && (publicKey.children?.length !== 1 || publicKey.children[0]?.tag !== derTags.bitString))
		throw new KeyFormatError(`expected ${SEC1}, but [1] does not hold a BIT STRING public key`);
	return { privateKey, publicKey, curveOid };
}

/**
 * Converts a SEC1 ECPrivateKey (`EC PRIVATE KEY`, RFC 5915 §3) to PKCS#8 (RFC 5208 §5) with
 * id-ecPublicKey and the named curve in the AlgorithmIdentifier (RFC 5480 §2.1.1). The curve comes
 * from the key's [0] parameters, or from `curveOid` when they are absent; the inner key keeps its
 * [1] public key and drops [0], as the curve now lives outside it.
 * @throws {KeyFormatError} when the bytes are not SEC1, the curve is unknown in both places, the two
 * disagree, or the key uses explicit curve parameters.
 */
export function sec1ToPkcs8(sec1: Uint8Array, curveOid?: string): Uint8Array {
	const key = readSec1(sec1);
	if (key.curveOid !== undefined && curveOid !== undefined && key.curveOid !== curveOid)
		throw new KeyFormatError(`the EC PRIVATE KEY names curve ${key.curveOid}, not the given ${curveOid}`);
	const curve = key.curveOid ?? curveOid;
	if (curve === undefined)
		throw new KeyFormatError(
			'the EC PRIVATE KEY does not name its curve ([0] parameters are absent) and no curve OID was given',
		);
	let curveContent: Uint8Array;
	try {
		curveContent = encodeOid(curve);
	} catch (error) {
		if (error instanceof DerError)
			throw new KeyFormatError(`"${curve}" is not a curve OID`, { cause: error });
		throw error;
	}
	const inner = encodeDer(derTags.sequence, [
		encodeDer(derTags.integer, Uint8Array.of(1)),
		encodingOf(sec1, key.privateKey),
		...(key.publicKey ? [encodingOf(sec1, key.publicKey)] : []),
	]);
	const algorithm = encodeDer(derTags.sequence, [
		encodeDer(derTags.oid, encodeOid(keyOids.ecPublicKey)),
		encodeDer(derTags.oid, curveContent),
	]);
	return encodeDer(derTags.sequence, [
		encodeDer(derTags.integer, Uint8Array.of(0)),
		algorithm,
		encodeDer(derTags.octetString, inner),
	]);
}

/**
 * Reads what a debugger shows of an X.509 v1, v2 or v3 certificate (RFC 5280 §4.1). Names render
 * in encoded order, attributes joined by `, ` (multi-valued RDNs by ` + `) and values escaped as in
 * RFC 4514 §2.4; values of unknown string types appear as `#` and their DER in hex.
 * @throws {KeyFormatError} when the bytes are not a certificate.
 * @example readCertificate(der).subject // 'CN=example.com, O=Example Ltd, C=US'
 */
export function readCertificate(der: Uint8Array): Certificate {
	const [tbs] = sequenceOf(
		parseAs(der, CERTIFICATE),
		[derTags.sequence, derTags.sequence, derTags.bitString],
		CERTIFICATE,
	);
	// RFC 5280 §4.1: version is [0] EXPLICIT with DEFAULT v1, so v1 certificates leave it out; the
	// optional tail is issuerUniqueID [1], subjectUniqueID [2] and extensions [3].
	const hasVersion = tbs?.children?.[0]?.tag === 0xa0;
	const fields = [
		derTags.integer,
		derTags.sequence,
		derTags.sequence,
		derTags.sequence,
		derTags.sequence,
		derTags.sequence,
	];
	const children = sequenceOf(
		tbs as DerNode,
		hasVersion ? [0xa0, ...fields] : fields,
		TBS,
		[0x81, 0x82, 0xa3],
	);
	const [serial, , issuer, validity, subject, spki] = children.slice(hasVersion ? 1 : 0) as [
		DerNode,
		DerNode,
		DerNode,
		DerNode,
		DerNode,
		DerNode,
	];
	const [notBefore, notAfter] = sequenceOf(
		validity,
		[undefined, undefined],
		'a validity SEQUENCE of two times',
	) as [DerNode, DerNode];
	if (serial.content.length === 0)
		throw new KeyFormatError(`expected ${TBS}, but the serial number is empty`);
	return {
		spki: encodingOf(der, spki).slice(),
		subject: renderName(der, subject),
		issuer: renderName(der, issuer),
		notBefore: readTime(notBefore),
		notAfter: readTime(notAfter),
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
			if (rdn.tag !== derTags.set)
				throw new KeyFormatError(`expected a Name of SETs, but found ${describeTag(rdn.tag)}`);
			return (rdn.children ?? [])
				.map((attribute) => {
					const [type, value] = sequenceOf(
						attribute,
						[derTags.oid, undefined],
						'an AttributeTypeAndValue SEQUENCE { type OBJECT IDENTIFIER, value }',
					) as [DerNode, DerNode];
					const oid = readContent(readOid, type, 'an attribute type');
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

function readTime(time: DerNode): Date {
	const text = readLatin1(time.content.subarray(0, 32));
	// RFC 5280 §4.1.2.5: UTCTime years 50–99 are 19xx, 00–49 are 20xx. It also demands 'Z' and
	// seconds, but older certificates carry UTC offsets or omit seconds, which BER allows, so those are read too.
	const match =
		time.tag === derTags.utcTime
			? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})$/.exec(text)
			: time.tag === derTags.generalizedTime
				? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{1,3})\d*)?(Z|[+-]\d{4})$/.exec(text)
				: null;
	if (!match)
		throw new KeyFormatError(`expected a UTCTime or GeneralizedTime validity date, but found "${text}"`);
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
		throw new KeyFormatError(`expected a valid validity date, but found "${text}"`);
	return new Date(date.getTime() - offsetMinutes * 60_000);
}

export { derEcdsaToJose, isDerEcdsaSignature, joseEcdsaToDer } from './ecdsa';
