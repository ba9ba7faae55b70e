// The key formats inside PEM blocks and JWK-less keys: SPKI, PKCS#8, PKCS#1 and SEC1 (RFC 5280, 5208, 8017, 5915).

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
	type DerNode,
} from '../encoding/der';
import { KeyFormatError } from '../encoding/key-format-error';
import { checkEcKey, checkRsaModulus, checkRsaPrivate } from './key-checks';
import { KeyFaultError } from './key-faults';

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
/** What a key is: type and size or curve, and whether it holds private material. */
export type KeyInfo =
	| { kty: 'RSA'; bits: number; private: boolean }
	| { kty: 'EC'; crv: 'P-256' | 'P-384' | 'P-521' | 'secp256k1'; private: boolean }
	| { kty: 'OKP'; crv: 'Ed25519' | 'Ed448' | 'X25519' | 'X448'; private: boolean }
	| { kty: 'unknown'; oid: string; private: boolean };

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

/** readDer, with its DerError turned into a KeyFormatError that says what was expected. */
export function parseAs(bytes: Uint8Array, what: string): DerNode {
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
export function sequenceOf(
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
export function readContent<T>(read: (content: Uint8Array) => T, node: DerNode, what: string): T {
	try {
		return read(node.content);
	} catch (error) {
		if (error instanceof DerError)
			throw new KeyFormatError(`expected ${what}, but ${error.message}`, { cause: error });
		throw error;
	}
}

/** The full encoding (header and content) of `node`, which was read from `source`. */
export function encodingOf(source: Uint8Array, node: DerNode): Uint8Array {
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

/**
 * An RSA key's modulus size, once its exponent and modulus have been checked and, for a private key, once its
 * numbers have been found to fit together (RFC 8017 §3).
 */
function rsaBits(keyBytes: Uint8Array, isPrivate: boolean): number {
	const what = isPrivate ? RSA_PRIVATE : RSA_PUBLIC;
	const integers = isPrivate ? readRsaPrivateKey(keyBytes) : [undefined, ...readRsaPublicKey(keyBytes)];
	const [version, ...rest] = integers;
	const [n, e, d, p, q, dp, dq, qi] = rest
		.slice(0, isPrivate ? 8 : 2)
		.map((node) => readContent(readInteger, node as DerNode, what));
	// With e = 1 a "signature" is the padded hash itself: anyone could forge one (Wycheproof json_web_key #9).
	checkRsaExponent(e!);
	checkRsaModulus(n!);
	if (version) {
		const versionValue = readContent(readInteger, version, what);
		// RFC 8017 App. A.1.2: version 1 is a multi-prime key, which WebCrypto does not take.
		if (versionValue.length > 0) throw new KeyFaultError({ code: 'rsa-multi-prime' });
		checkRsaPrivate({ n: n!, e: e!, d: d!, p: p!, q: q!, dp: dp!, dq: dq!, qi: qi! });
	}
	return bitLength(n!);
}

/**
 * Checks that `e` is odd and at least 3 (RFC 8017 §3.1).
 * @throws {KeyFaultError} `rsa-exponent`, with the value when it has at most six bytes.
 */
export function checkRsaExponent(e: Uint8Array): void {
	if (isRsaExponent(e)) return;
	let value = 0;
	for (const byte of e) value = value * 256 + byte;
	throw new KeyFaultError({ code: 'rsa-exponent', value: e.length <= 6 ? value : undefined });
}

/** Whether a big-endian unsigned integer is odd and at least 3, as RSA public exponents are (RFC 8017 §3.1). */
export function isRsaExponent(e: Uint8Array): boolean {
	const last = e[e.length - 1] ?? 0;
	return (last & 1) === 1 && (last >= 3 || e.subarray(0, -1).some((byte) => byte !== 0));
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
	const sec1 = isPrivate ? readSec1(keyBytes) : undefined;
	if (curve === undefined) curve = sec1?.curveOid;
	const crv = curve === undefined ? undefined : ecCurves[curve];
	if (crv) {
		// SEC 1 §3.2: the point on the curve, the scalar in range, and the point made from the scalar.
		const point = sec1 ? sec1.publicKey?.children?.[0] : undefined;
		checkEcKey(crv, {
			point: sec1 ? point && readContent(readBitStringBytes, point, SEC1) : keyBytes,
			d: sec1?.privateKey.content,
		});
		return { kty: 'EC', crv, private: isPrivate };
	}
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
