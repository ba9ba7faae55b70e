// The raw key bytes signature providers take (points, seeds, scalars), read from and written to SPKI, PKCS#8 and JWK.

import { decodeBase64url, encodeBase64url } from '../encoding/base64url';
import {
	concatBytes,
	derTags,
	encodeDer,
	encodeOid,
	readBitStringBytes,
	type DerNode,
} from '../encoding/der';
import { KeyFormatError } from '../encoding/key-format-error';
import { KeyFaultError } from './key-faults';
import {
	expectTag,
	keyOids,
	mlDsaSizes,
	ML_DSA_SEED_BYTES,
	parseAs,
	PKCS8_FIELDS,
	PKCS8_OPTIONAL,
	readContent,
	readMlDsaPrivateKey,
	SEC1_FIELDS,
	SEC1_OPTIONAL,
	sequenceOf,
	SPKI_FIELDS,
	type MlDsaName,
} from './key-formats';
import type { KeyCandidate } from './keys';

/** The curves and parameter sets whose keys are handled as raw bytes here. */
export type RawKeyAlgorithm = 'secp256k1' | 'Ed25519' | 'Ed448' | MlDsaName;

/**
 * A key as raw bytes: `publicKey` a SEC1 point (secp256k1), the RFC 8032 encoding (Ed25519, Ed448) or
 * the FIPS 204 `pk`; `privateKey` the 32-byte scalar, the RFC 8032 seed, or the ML-DSA seed (or
 * expanded key when no seed is given).
 */
export interface RawKey {
	readonly algorithm: RawKeyAlgorithm;
	readonly publicKey?: Uint8Array;
	readonly privateKey?: Uint8Array;
}

/** Sizes of the raw private keys (SEC 1 §2.3.6; RFC 8032 §5.1.5, §5.2.5) and EdDSA public keys. */
const SCALAR_BYTES = 32;
const edBytes: Readonly<Record<'Ed25519' | 'Ed448', number>> = Object.freeze({ Ed25519: 32, Ed448: 57 });

/** The raw-key algorithm of a key, or undefined for keys WebCrypto takes as they are (RSA, P-curves, X25519…). */
export function rawKeyAlgorithm(info: KeyCandidate['info']): RawKeyAlgorithm | undefined {
	if (info.kty === 'EC' && info.crv === 'secp256k1') return 'secp256k1';
	if (info.kty === 'OKP' && (info.crv === 'Ed25519' || info.crv === 'Ed448')) return info.crv;
	if (info.kty === 'AKP') return info.alg;
	return undefined;
}

/**
 * The raw bytes of `key`, from its SPKI, PKCS#8 or JWK. A private key comes with its public key when
 * the format carries one (a JWK's `x`/`y`/`pub`, SEC1's `[1]`, PKCS#8 v2's `[1]`); otherwise a
 * provider derives it.
 * @throws {KeyFormatError} when the key is not one of these algorithms or its bytes have the wrong size.
 */
export function readRawKey(key: KeyCandidate): RawKey {
	const algorithm = rawKeyAlgorithm(key.info);
	// Callers pick this reader by rawKeyAlgorithm, so another key here is this page's bug, not a person's key.
	if (!algorithm) throw new RangeError('the key is not a secp256k1, Ed25519, Ed448 or ML-DSA key');
	let raw: RawKey;
	if (key.jwk) raw = fromJwk(algorithm, key.jwk);
	else if (key.spki) raw = { algorithm, publicKey: spkiPublicKey(key.spki) };
	else if (key.pkcs8) raw = fromPkcs8(algorithm, key.pkcs8);
	else throw new RangeError('the key has no material');
	checkSizes(raw);
	return raw;
}

function spkiPublicKey(spki: Uint8Array): Uint8Array {
	const [, key] = sequenceOf(parseAs(spki, 'spki'), 'spki', SPKI_FIELDS) as [DerNode, DerNode];
	return readContent(readBitStringBytes, key, 'spki');
}

function fromPkcs8(algorithm: RawKeyAlgorithm, pkcs8: Uint8Array): RawKey {
	const children = sequenceOf(parseAs(pkcs8, 'pkcs8'), 'pkcs8', PKCS8_FIELDS, PKCS8_OPTIONAL);
	const inner = (children[2] as DerNode).content;
	// RFC 5958 §2: a version 2 key may carry its public key as [1] IMPLICIT BIT STRING.
	const outerPublic = children.find((child) => child.tag === 0x81);
	const publicKey = outerPublic ? readContent(readBitStringBytes, outerPublic, 'pkcs8') : undefined;
	if (algorithm === 'secp256k1') {
		const sec1 = sequenceOf(parseAs(inner, 'sec1'), 'sec1', SEC1_FIELDS, SEC1_OPTIONAL);
		const scalar = leftPad((sec1[1] as DerNode).content, SCALAR_BYTES);
		const tagged = sec1.find((child) => child.tag === 0xa1)?.children?.[0];
		const point = tagged ? readContent(readBitStringBytes, tagged, 'sec1') : publicKey;
		return { algorithm, privateKey: scalar, publicKey: point };
	}
	if (algorithm === 'Ed25519' || algorithm === 'Ed448') {
		const node = parseAs(inner, 'curve-private');
		expectTag(node, derTags.octetString, 'curve-private', 'CurvePrivateKey');
		return { algorithm, privateKey: node.content, publicKey };
	}
	const { seed, expandedKey } = readMlDsaPrivateKey(inner, algorithm);
	return { algorithm, privateKey: seed ?? expandedKey, publicKey };
}

function fromJwk(algorithm: RawKeyAlgorithm, jwk: Readonly<Record<string, unknown>>): RawKey {
	const bytes = (member: string): Uint8Array | undefined => {
		const value = jwk[member];
		if (value === undefined) return undefined;
		const decoded = typeof value === 'string' ? decodeBase64url(value) : undefined;
		if (!decoded?.ok) throw new KeyFaultError({ code: 'members-missing', members: [member] });
		return decoded.bytes;
	};
	if (algorithm === 'secp256k1') {
		// RFC 8812 §3.1: x and y are 32 bytes each.
		const [x, y] = (['x', 'y'] as const).map((member) => {
			const value = bytes(member);
			if (value === undefined) throw new KeyFaultError({ code: 'members-missing', members: [member] });
			if (value.length !== SCALAR_BYTES)
				throw new KeyFaultError({
					code: 'member-length',
					member,
					crv: algorithm,
					bytes: value.length,
					expected: SCALAR_BYTES,
				});
			return value;
		}) as [Uint8Array, Uint8Array];
		return { algorithm, publicKey: concatBytes([Uint8Array.of(4), x, y]), privateKey: bytes('d') };
	}
	if (algorithm === 'Ed25519' || algorithm === 'Ed448')
		return { algorithm, publicKey: bytes('x'), privateKey: bytes('d') };
	return { algorithm, publicKey: bytes('pub'), privateKey: bytes('priv') };
}

function checkSizes(raw: RawKey): void {
	const { algorithm, publicKey, privateKey } = raw;
	const check = (field: 'publicKey' | 'privateKey', bytes: Uint8Array | undefined, expected: number[]) => {
		if (bytes && !expected.includes(bytes.length))
			throw new KeyFormatError({ code: 'field-length', algorithm, field, bytes: bytes.length, expected });
	};
	if (algorithm === 'secp256k1') {
		check('privateKey', privateKey, [SCALAR_BYTES]);
		// SEC 1 §2.3.3: 65 bytes uncompressed, 33 compressed.
		check('publicKey', publicKey, [65, 33]);
		return;
	}
	if (algorithm === 'Ed25519' || algorithm === 'Ed448') {
		check('privateKey', privateKey, [edBytes[algorithm]]);
		check('publicKey', publicKey, [edBytes[algorithm]]);
		return;
	}
	const sizes = mlDsaSizes[algorithm];
	check('privateKey', privateKey, [ML_DSA_SEED_BYTES, sizes.expandedKey]);
	check('publicKey', publicKey, [sizes.publicKey]);
}

function leftPad(bytes: Uint8Array, length: number): Uint8Array {
	// A longer value is returned as it is, for checkSizes to refuse.
	if (bytes.length >= length) return bytes;
	const out = new Uint8Array(length);
	out.set(bytes, length - bytes.length);
	return out;
}

/** The AlgorithmIdentifier of each raw-key algorithm: no parameters, except the named curve of EC keys (RFC 5480, 8410, 9881). */
function algorithmIdentifier(algorithm: RawKeyAlgorithm): Uint8Array {
	const oid = (text: string) => encodeDer(derTags.oid, encodeOid(text));
	switch (algorithm) {
		case 'secp256k1':
			return encodeDer(derTags.sequence, [oid(keyOids.ecPublicKey), oid(keyOids.secp256k1)]);
		case 'Ed25519':
			return encodeDer(derTags.sequence, [oid(keyOids.ed25519)]);
		case 'Ed448':
			return encodeDer(derTags.sequence, [oid(keyOids.ed448)]);
		case 'ML-DSA-44':
			return encodeDer(derTags.sequence, [oid(keyOids.mlDsa44)]);
		case 'ML-DSA-65':
			return encodeDer(derTags.sequence, [oid(keyOids.mlDsa65)]);
		case 'ML-DSA-87':
			return encodeDer(derTags.sequence, [oid(keyOids.mlDsa87)]);
	}
}

/** A SubjectPublicKeyInfo for a raw public key (RFC 5280 §4.1.2.7). */
export function encodeSpki(algorithm: RawKeyAlgorithm, publicKey: Uint8Array): Uint8Array {
	return encodeDer(derTags.sequence, [
		algorithmIdentifier(algorithm),
		encodeDer(derTags.bitString, concatBytes([Uint8Array.of(0), publicKey])),
	]);
}

/**
 * A version 0 PKCS#8 PrivateKeyInfo for a raw private key (RFC 5208 §5): an ECPrivateKey with its
 * public point for secp256k1 (RFC 5915), a CurvePrivateKey for EdDSA (RFC 8410 §7), the `seed [0]`
 * form for an ML-DSA seed (RFC 9881 §6; the form the RFC recommends).
 */
export function encodePkcs8(
	algorithm: RawKeyAlgorithm,
	privateKey: Uint8Array,
	publicKey?: Uint8Array,
): Uint8Array {
	let inner: Uint8Array;
	if (algorithm === 'secp256k1')
		inner = encodeDer(derTags.sequence, [
			encodeDer(derTags.integer, Uint8Array.of(1)),
			encodeDer(derTags.octetString, privateKey),
			...(publicKey
				? [encodeDer(0xa1, encodeDer(derTags.bitString, concatBytes([Uint8Array.of(0), publicKey])))]
				: []),
		]);
	else if (algorithm === 'Ed25519' || algorithm === 'Ed448')
		inner = encodeDer(derTags.octetString, privateKey);
	else
		inner =
			privateKey.length === ML_DSA_SEED_BYTES
				? encodeDer(0x80, privateKey)
				: encodeDer(derTags.octetString, privateKey);
	return encodeDer(derTags.sequence, [
		encodeDer(derTags.integer, Uint8Array.of(0)),
		algorithmIdentifier(algorithm),
		encodeDer(derTags.octetString, inner),
	]);
}

/** A JWK for a raw key (RFC 8812 §3.1, RFC 8037 §2, RFC 9964 §4), private when `privateKey` is given. */
export function encodeJwk(
	algorithm: RawKeyAlgorithm,
	publicKey: Uint8Array,
	privateKey?: Uint8Array,
): Record<string, string> {
	if (algorithm === 'secp256k1') {
		if (publicKey.length !== 65)
			throw new KeyFormatError({
				code: 'field-length',
				algorithm,
				field: 'publicKey',
				bytes: publicKey.length,
				expected: [65],
			});
		return {
			kty: 'EC',
			crv: 'secp256k1',
			x: encodeBase64url(publicKey.subarray(1, 33)),
			y: encodeBase64url(publicKey.subarray(33)),
			...(privateKey ? { d: encodeBase64url(privateKey) } : {}),
		};
	}
	if (algorithm === 'Ed25519' || algorithm === 'Ed448')
		return {
			kty: 'OKP',
			crv: algorithm,
			x: encodeBase64url(publicKey),
			...(privateKey ? { d: encodeBase64url(privateKey) } : {}),
		};
	if (privateKey && privateKey.length !== ML_DSA_SEED_BYTES)
		throw new KeyFormatError({
			code: 'field-length',
			algorithm,
			field: 'seed',
			bytes: privateKey.length,
			expected: [ML_DSA_SEED_BYTES],
		});
	return {
		kty: 'AKP',
		alg: algorithm,
		pub: encodeBase64url(publicKey),
		...(privateKey ? { priv: encodeBase64url(privateKey) } : {}),
	};
}
