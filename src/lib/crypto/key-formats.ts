// The key formats inside PEM blocks and JWK-less keys: SPKI, PKCS#8, PKCS#1 and SEC1 (RFC 5280, 5208, 8017, 5915).

import {
	DerError,
	derTags,
	concatBytes,
	encodeDer,
	encodeOid,
	readBitStringBytes,
	readDer,
	readInteger,
	readOid,
	type DerNode,
} from '../encoding/der';
import { encodeBase64url } from '../encoding/base64url';
import { derFault, KeyFormatError, type KeyStructure } from '../encoding/key-format-error';
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
	mlDsa44: '2.16.840.1.101.3.4.3.17',
	mlDsa65: '2.16.840.1.101.3.4.3.18',
	mlDsa87: '2.16.840.1.101.3.4.3.19',
} as const);

/** The ML-DSA parameter sets JOSE names (RFC 9964 §2). */
export type MlDsaName = 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87';

/** Byte sizes of each ML-DSA parameter set's keys and signatures (FIPS 204 Table 2; the seed ξ, §6.1). */
export const mlDsaSizes: Readonly<
	Record<MlDsaName, { readonly publicKey: number; readonly expandedKey: number; readonly signature: number }>
> = Object.freeze({
	'ML-DSA-44': Object.freeze({ publicKey: 1312, expandedKey: 2560, signature: 2420 }),
	'ML-DSA-65': Object.freeze({ publicKey: 1952, expandedKey: 4032, signature: 3309 }),
	'ML-DSA-87': Object.freeze({ publicKey: 2592, expandedKey: 4896, signature: 4627 }),
});

/** Length of an ML-DSA seed (FIPS 204 §6.1; RFC 9964 `priv`). */
export const ML_DSA_SEED_BYTES = 32;

/** Algorithm OID → ML-DSA parameter set (RFC 9881 §2). */
export const mlDsaOids: Readonly<Record<string, MlDsaName>> = Object.freeze({
	[keyOids.mlDsa44]: 'ML-DSA-44',
	[keyOids.mlDsa65]: 'ML-DSA-65',
	[keyOids.mlDsa87]: 'ML-DSA-87',
});

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
	| { kty: 'AKP'; alg: MlDsaName; private: boolean }
	| { kty: 'unknown'; oid: string; private: boolean };

/** One element of a SEQUENCE: its tag (undefined: any) and its ASN.1 field name, as faults name it. */
export type Field = readonly [tag: number | undefined, name: string];

const INTEGER = derTags.integer;
/** The elements of each key structure, in order, for sequenceOf: SPKI (RFC 5280 §4.1), PKCS#8, SEC1 (RFC 5915). */
export const SPKI_FIELDS: readonly Field[] = [
	[derTags.sequence, 'algorithm'],
	[derTags.bitString, 'subjectPublicKey'],
];
// RFC 5958 §2: optional [0] attributes, then the optional [1] publicKey of a version 1 key.
export const PKCS8_FIELDS: readonly Field[] = [
	[INTEGER, 'version'],
	[derTags.sequence, 'privateKeyAlgorithm'],
	[derTags.octetString, 'privateKey'],
];
export const PKCS8_OPTIONAL: readonly Field[] = [
	[0xa0, 'attributes'],
	[0x81, 'publicKey'],
];
const RSA_PUBLIC_FIELDS: readonly Field[] = [
	[INTEGER, 'modulus'],
	[INTEGER, 'publicExponent'],
];
// RFC 8017 App. A.1.2: version, n, e, d, p, q, dP, dQ, qInv, then otherPrimeInfos for multi-prime keys.
const RSA_PRIVATE_FIELDS: readonly Field[] = [
	'version',
	'modulus',
	'publicExponent',
	'privateExponent',
	'prime1',
	'prime2',
	'exponent1',
	'exponent2',
	'coefficient',
].map((name) => [INTEGER, name] as const);
export const SEC1_FIELDS: readonly Field[] = [
	[INTEGER, 'version'],
	[derTags.octetString, 'privateKey'],
];
export const SEC1_OPTIONAL: readonly Field[] = [
	[0xa0, 'parameters'],
	[0xa1, 'publicKey'],
];

/** readDer, with its DerError turned into a KeyFormatError naming `structure`. */
export function parseAs(bytes: Uint8Array, structure: KeyStructure): DerNode {
	try {
		return readDer(bytes);
	} catch (error) {
		if (error instanceof DerError)
			throw new KeyFormatError(derFault(error, structure, bytes.length), { cause: error });
		throw error;
	}
}

/**
 * Checks that `node` has the tag `expected`.
 * @throws {KeyFormatError} `unexpected-element`, naming `structure` and `field`, when it has another.
 */
export function expectTag(node: DerNode, expected: number, structure: KeyStructure, field: string): void {
	if (node.tag !== expected)
		throw new KeyFormatError({
			code: 'unexpected-element',
			structure,
			field,
			offset: node.start,
			expected,
			found: node.tag,
		});
}

/**
 * The children of a SEQUENCE: first the `required` fields in order, then any of the `optional` ones, each at most
 * once and in the order given.
 * @throws {KeyFormatError} `unexpected-element` or `element-count`, naming `structure` and the field.
 */
export function sequenceOf(
	node: DerNode,
	structure: KeyStructure,
	required: readonly Field[],
	optional: readonly Field[] = [],
): DerNode[] {
	expectTag(node, derTags.sequence, structure, structure);
	const children = node.children ?? [];
	if (children.length < required.length || children.length > required.length + optional.length)
		throw new KeyFormatError({
			code: 'element-count',
			structure,
			offset: node.start,
			found: children.length,
			min: required.length,
			max: required.length + optional.length,
		});
	let next = 0;
	children.forEach((child, i) => {
		const unexpected = (field: string, expected?: number) =>
			new KeyFormatError({
				code: 'unexpected-element',
				structure,
				field,
				offset: child.start,
				expected,
				found: child.tag,
			});
		if (i < required.length) {
			const [expected, field] = required[i]!;
			if (expected === undefined || child.tag === expected) return;
			throw unexpected(field, expected);
		}
		const index = optional.findIndex(([tag], at) => at >= next && tag === child.tag);
		// Where an optional element is out of place, name the next one that could be there.
		if (index < 0) {
			const [expected, field] = optional[Math.min(next, optional.length - 1)]!;
			throw unexpected(field, expected);
		}
		next = index + 1;
	});
	return children;
}

/** Runs a der.ts content reader on `node`, turning its DerError into a KeyFormatError naming `structure`. */
export function readContent<T>(read: (content: Uint8Array) => T, node: DerNode, structure: KeyStructure): T {
	try {
		return read(node.content);
	} catch (error) {
		if (error instanceof DerError)
			throw new KeyFormatError(
				derFault(error, structure, node.content.length, node.start + node.headerLength),
				{ cause: error },
			);
		throw error;
	}
}

/** The full encoding (header and content) of `node`, which was read from `source`. */
export function encodingOf(source: Uint8Array, node: DerNode): Uint8Array {
	return source.subarray(node.start, node.start + node.headerLength + node.length);
}

function readAlgorithm(node: DerNode): { oid: string; parameters?: DerNode } {
	// RFC 5280 §4.1.1.2: the parameters are ANY DEFINED BY the algorithm, so any one element may follow the OID.
	const [oid, parameters] = sequenceOf(
		node,
		'algorithm',
		[[derTags.oid, 'algorithm']],
		[[node.children?.[1]?.tag ?? derTags.null, 'parameters']],
	);
	return { oid: readContent(readOid, oid as DerNode, 'algorithm'), parameters };
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
	const what = isPrivate ? 'rsa-private' : 'rsa-public';
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
	return sequenceOf(parseAs(bytes, 'rsa-public'), 'rsa-public', RSA_PUBLIC_FIELDS);
}

function readRsaPrivateKey(bytes: Uint8Array): DerNode[] {
	return sequenceOf(parseAs(bytes, 'rsa-private'), 'rsa-private', RSA_PRIVATE_FIELDS, [
		[derTags.sequence, 'otherPrimeInfos'],
	]);
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
	const mlDsa = mlDsaOids[oid];
	if (mlDsa) {
		// RFC 9881 §2: the parameters are absent; the key's size is fixed by the parameter set.
		if (parameters)
			throw new KeyFormatError({
				code: 'unexpected-element',
				structure: 'algorithm',
				field: 'parameters',
				offset: parameters.start,
				found: parameters.tag,
			});
		if (isPrivate) readMlDsaPrivateKey(keyBytes, mlDsa);
		else if (keyBytes.length !== mlDsaSizes[mlDsa].publicKey)
			throw new KeyFormatError({
				code: 'field-length',
				algorithm: mlDsa,
				field: 'publicKey',
				bytes: keyBytes.length,
				expected: [mlDsaSizes[mlDsa].publicKey],
			});
		return { kty: 'AKP', alg: mlDsa, private: isPrivate };
	}
	if (oid !== keyOids.ecPublicKey) return { kty: 'unknown', oid, private: isPrivate };
	// RFC 5915 §3: a PKCS#8 EC key may carry its curve in the inner ECPrivateKey instead.
	let curve = parameters?.tag === derTags.oid ? readContent(readOid, parameters, 'algorithm') : undefined;
	const sec1 = isPrivate ? readSec1(keyBytes) : undefined;
	if (curve === undefined) curve = sec1?.curveOid;
	const crv = curve === undefined ? undefined : ecCurves[curve];
	if (crv) {
		// SEC 1 §3.2: the point on the curve, the scalar in range, and the point made from the scalar.
		const point = sec1 ? sec1.publicKey?.children?.[0] : undefined;
		checkEcKey(crv, {
			point: sec1 ? point && readContent(readBitStringBytes, point, 'sec1') : keyBytes,
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
	const [algorithm, key] = sequenceOf(parseAs(spki, 'spki'), 'spki', SPKI_FIELDS) as [DerNode, DerNode];
	return describeKey(readAlgorithm(algorithm), readContent(readBitStringBytes, key, 'spki'), false);
}

/**
 * The public JWK of an RSA or EC SubjectPublicKeyInfo, read from its DER: the members WebCrypto's export gives
 * (RFC 7518 §6.3.1 `n` and `e` without leading zeros, §6.2.1 `x` and `y` at the curve's size), without a round trip
 * through it. Undefined for other keys and for a compressed EC point, whose `y` this module does not work out.
 * @throws {KeyFormatError} when the bytes are not an SPKI.
 */
export function spkiPublicJwk(spki: Uint8Array): Record<string, string> | undefined {
	const [algorithm, key] = sequenceOf(parseAs(spki, 'spki'), 'spki', SPKI_FIELDS) as [DerNode, DerNode];
	const { oid, parameters } = readAlgorithm(algorithm);
	const keyBytes = readContent(readBitStringBytes, key, 'spki');
	if (oid === keyOids.rsaEncryption || oid === keyOids.rsassaPss) {
		const [n, e] = readRsaPublicKey(keyBytes).map((node) => readContent(readInteger, node, 'rsa-public'));
		return { kty: 'RSA', n: encodeBase64url(n!), e: encodeBase64url(e!) };
	}
	const crv =
		oid === keyOids.ecPublicKey && parameters?.tag === derTags.oid
			? ecCurves[readContent(readOid, parameters, 'algorithm')]
			: undefined;
	// SEC 1 §2.3.3: 04 ‖ x ‖ y, both coordinates as long as the curve's field.
	if (!crv || keyBytes[0] !== 0x04 || keyBytes.length % 2 === 0) return undefined;
	const size = (keyBytes.length - 1) / 2;
	return {
		kty: 'EC',
		crv,
		x: encodeBase64url(keyBytes.subarray(1, 1 + size)),
		y: encodeBase64url(keyBytes.subarray(1 + size)),
	};
}

/**
 * Says what key a DER PKCS#8 PrivateKeyInfo or OneAsymmetricKey holds (RFC 5208 §5, RFC 5958 §2),
 * like {@link describeSpki}, with `private: true`. Encrypted PKCS#8 is not PrivateKeyInfo and throws.
 * @throws {KeyFormatError} when the bytes are not PKCS#8.
 */
export function describePkcs8(pkcs8: Uint8Array): KeyInfo {
	const [version, algorithm, key] = sequenceOf(
		parseAs(pkcs8, 'pkcs8'),
		'pkcs8',
		PKCS8_FIELDS,
		PKCS8_OPTIONAL,
	) as [DerNode, DerNode, DerNode];
	checkVersion(readContent(readInteger, version, 'pkcs8'), 'pkcs8', [0, 1]);
	return describeKey(readAlgorithm(algorithm), key.content, true);
}

/**
 * Wraps a PKCS#1 RSAPublicKey (`RSA PUBLIC KEY`, RFC 8017 App. A.1.1) in a SubjectPublicKeyInfo with
 * the rsaEncryption OID and NULL parameters (RFC 3279 §2.3.1), as `PUBLIC KEY` PEM holds.
 * @throws {KeyFormatError} when the bytes are not an RSAPublicKey.
 */
export function rsaPublicPkcs1ToSpki(pkcs1: Uint8Array): Uint8Array {
	for (const integer of readRsaPublicKey(pkcs1)) readContent(readInteger, integer, 'rsa-public');
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
	for (const integer of children.slice(1, 9)) readContent(readInteger, integer, 'rsa-private');
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
	const children = sequenceOf(parseAs(sec1, 'sec1'), 'sec1', SEC1_FIELDS, SEC1_OPTIONAL);
	const [version, privateKey] = children as [DerNode, DerNode];
	checkVersion(readContent(readInteger, version, 'sec1'), 'sec1', [1]);
	const parameters = children.find((child) => child.tag === 0xa0);
	const publicKey = children.find((child) => child.tag === 0xa1);
	let curveOid: string | undefined;
	if (parameters) {
		const curve = parameters.children?.[0];
		// RFC 5480 §2.1.1: only a namedCurve; explicit parameters (a SEQUENCE) are what RFC 5915 §3 forbids too.
		if (parameters.children?.length !== 1 || curve?.tag !== derTags.oid)
			throw new KeyFormatError({ code: 'curve-missing', structure: 'sec1', explicit: curve !== undefined });
		curveOid = readContent(readOid, curve, 'sec1');
	}
	const point = publicKey?.children?.[0];
	if (publicKey && (publicKey.children?.length !== 1 || point?.tag !== derTags.bitString))
		throw new KeyFormatError({
			code: 'unexpected-element',
			structure: 'sec1',
			field: 'publicKey',
			offset: (point ?? publicKey).start,
			expected: derTags.bitString,
			found: point?.tag ?? publicKey.tag,
		});
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
	// A curve given by the caller is this page's own choice, so a wrong one is a bug, not a person's key.
	if (key.curveOid !== undefined && curveOid !== undefined && key.curveOid !== curveOid)
		throw new RangeError(`the EC PRIVATE KEY names curve ${key.curveOid}, not the given ${curveOid}`);
	const curve = key.curveOid ?? curveOid;
	if (curve === undefined)
		throw new KeyFormatError({ code: 'curve-missing', structure: 'sec1', explicit: false });
	const curveContent = encodeOid(curve);
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
 * Reads the privateKey of an ML-DSA PKCS#8 key (RFC 9881 §6): the CHOICE of `seed [0] IMPLICIT OCTET
 * STRING (32 bytes)`, `expandedKey OCTET STRING`, or `both SEQUENCE { seed, expandedKey }`. The sizes
 * are checked against `alg`'s parameter set.
 * @throws {KeyFormatError} when it is none of the three, or a size is wrong.
 */
export function readMlDsaPrivateKey(
	privateKey: Uint8Array,
	alg: MlDsaName,
): { readonly seed?: Uint8Array; readonly expandedKey?: Uint8Array } {
	const node = parseAs(privateKey, 'ml-dsa-private');
	const sized = (bytes: Uint8Array, field: 'seed' | 'expandedKey', expected: number) => {
		if (bytes.length !== expected)
			throw new KeyFormatError({
				code: 'field-length',
				algorithm: alg,
				field,
				bytes: bytes.length,
				expected: [expected],
			});
		return bytes;
	};
	const expandedBytes = mlDsaSizes[alg].expandedKey;
	if (node.tag === 0x80) return { seed: sized(node.content, 'seed', ML_DSA_SEED_BYTES) };
	if (node.tag === derTags.octetString)
		return { expandedKey: sized(node.content, 'expandedKey', expandedBytes) };
	const [seed, expandedKey] = sequenceOf(node, 'ml-dsa-private', [
		[derTags.octetString, 'seed'],
		[derTags.octetString, 'expandedKey'],
	]) as [DerNode, DerNode];
	return {
		seed: sized(seed.content, 'seed', ML_DSA_SEED_BYTES),
		expandedKey: sized(expandedKey.content, 'expandedKey', expandedBytes),
	};
}

/**
 * Checks a version INTEGER's magnitude against the versions `structure` may have.
 * @throws {KeyFormatError} `bad-version`, with the version found when it fits in a number.
 */
function checkVersion(magnitude: Uint8Array, structure: KeyStructure, expected: readonly number[]): void {
	let found = 0;
	for (const byte of magnitude) found = found * 256 + byte;
	if (magnitude.length <= 6 && expected.includes(found)) return;
	throw new KeyFormatError({
		code: 'bad-version',
		structure,
		found: magnitude.length <= 6 ? found : undefined,
		expected,
	});
}
