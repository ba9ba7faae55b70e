// Reads what a person put in `Secret or key`: an HMAC secret, PEM (SPKI, PKCS#1, certificate, PKCS#8, SEC1), a JWK or a JWKS.

import { decodeBase64url } from '../encoding/base64url';
import { readCertificate } from './certificate';
import {
	describePkcs8,
	describeSpki,
	isRsaExponent,
	mlDsaSizes,
	ML_DSA_SEED_BYTES,
	rsaPrivatePkcs1ToPkcs8,
	rsaPublicPkcs1ToSpki,
	sec1ToPkcs8,
	type KeyInfo,
} from './key-formats';
import { parsePem, type PemBlock } from './pem';

/** Where a key came from, for the verdict's provenance. */
export type KeySource =
	| 'secret-text'
	| 'secret-base64'
	| 'pem-spki'
	| 'pem-pkcs1-public'
	| 'pem-certificate'
	| 'pem-pkcs8'
	| 'pem-pkcs1-private'
	| 'pem-sec1'
	| 'jwk'
	| 'jwks';

/** One usable key: its material for WebCrypto and what a person should be told about it. */
export interface KeyCandidate {
	readonly source: KeySource;
	/** Kind, size or curve, and whether private; `oct` for HMAC secrets. */
	readonly info: KeyInfo | { readonly kty: 'oct'; readonly bytes: number; readonly private: true };
	/** Raw HMAC key bytes (secrets and `oct` JWKs). */
	readonly secret?: Uint8Array;
	/** SubjectPublicKeyInfo DER, when the key is public and came as PEM. */
	readonly spki?: Uint8Array;
	/** PKCS#8 DER, when the key is private and came as PEM. */
	readonly pkcs8?: Uint8Array;
	/** The JWK as given (public or private), for JWK and JWKS keys. */
	readonly jwk?: Readonly<Record<string, unknown>>;
	readonly kid?: string;
	readonly use?: string;
	readonly alg?: string;
	readonly keyOps?: readonly string[];
	/** The certificate's subject, for keys taken from a certificate. */
	readonly subject?: string;
	/** Position in a JWKS, 0-based. */
	readonly index?: number;
	/** What the verdict says about this key, e.g. "RSA 2048 public key from certificate CN=example.com". */
	readonly label: string;
}

/** What the `Secret or key` text holds. */
export type ParsedKey =
	| { readonly kind: 'empty' }
	| { readonly kind: 'secret'; readonly key: KeyCandidate }
	| { readonly kind: 'keys'; readonly keys: readonly KeyCandidate[]; readonly isSet: boolean }
	| { readonly kind: 'error'; readonly message: string };

/**
 * Recognises the text as PEM, a JWK, a JWKS or, failing those, an HMAC secret. With `base64`, a
 * secret is read as base64url or standard base64 (padding optional); PEM and JWK ignore the flag.
 */
export function parseKeyInput(text: string, base64 = false): ParsedKey {
	if (text === '') return { kind: 'empty' };
	const trimmed = text.trim();
	if (trimmed.includes('-----BEGIN')) return readPemKeys(text);
	if (trimmed.startsWith('{')) return readJsonKeys(trimmed);
	return readSecret(text, base64);
}

/** The bytes of a secret as typed: UTF-8, or base64/base64url decoded (whitespace ignored). */
export function decodeSecret(
	text: string,
	base64: boolean,
): { ok: true; bytes: Uint8Array } | { ok: false; message: string } {
	if (!base64) return { ok: true, bytes: new TextEncoder().encode(text) };
	const compact = text.replace(/\s+/g, '');
	const result = decodeBase64url(compact);
	if (!result.ok) {
		// Count positions in the text as typed: the whitespace dropped above is there on screen.
		const position = ([...text.matchAll(/\S/g)][result.index]?.index ?? result.index) + 1;
		const where =
			result.reason === 'bad-character'
				? `'${result.character}' at position ${position} is not a base64 character`
				: result.reason === 'bad-padding'
					? `the padding at position ${position} is misplaced`
					: `its length (${compact.length} characters) is not possible in base64`;
		return {
			ok: false,
			message: `The secret is not valid base64: ${where}. Untick "Secret is base64url encoded" to use it as text.`,
		};
	}
	if (result.bytes.length === 0) return { ok: false, message: 'The secret decodes to zero bytes.' };
	return { ok: true, bytes: result.bytes };
}

function readSecret(text: string, base64: boolean): ParsedKey {
	const decoded = decodeSecret(text, base64);
	if (!decoded.ok) return { kind: 'error', message: decoded.message };
	const bytes = decoded.bytes.length;
	return {
		kind: 'secret',
		key: {
			source: base64 ? 'secret-base64' : 'secret-text',
			info: { kty: 'oct', bytes, private: true },
			secret: decoded.bytes,
			label: `HMAC secret (${base64 ? 'base64-decoded' : 'UTF-8'}, ${plural(bytes, 'byte')})`,
		},
	};
}

function readPemKeys(text: string): ParsedKey {
	let blocks: PemBlock[];
	try {
		blocks = parsePem(text);
	} catch (error) {
		return { kind: 'error', message: `The PEM cannot be read: ${messageOf(error)}` };
	}
	if (blocks.length === 0)
		return { kind: 'error', message: 'The PEM has no complete -----BEGIN …----- block.' };
	const keys: KeyCandidate[] = [];
	const problems: string[] = [];
	for (const block of blocks) {
		try {
			const key = readPemBlock(block);
			if (key) keys.push(key);
			else problems.push(`"${block.label}" is not a key this page can use`);
		} catch (error) {
			problems.push(`the ${block.label} block cannot be read: ${messageOf(error)}`);
		}
	}
	if (keys.length === 0)
		return { kind: 'error', message: `The PEM holds no usable key: ${problems.join('; ')}.` };
	return { kind: 'keys', keys, isSet: false };
}

function readPemBlock(block: PemBlock): KeyCandidate | undefined {
	if (block.encrypted)
		throw new Error('it is encrypted with a passphrase; decrypt it first (openssl pkey -in key.pem)');
	switch (block.label) {
		case 'PUBLIC KEY':
			return publicKey(block.der, 'pem-spki', 'PEM SPKI');
		case 'RSA PUBLIC KEY':
			return publicKey(rsaPublicPkcs1ToSpki(block.der), 'pem-pkcs1-public', 'PEM PKCS#1');
		case 'CERTIFICATE':
		case 'X509 CERTIFICATE':
		case 'TRUSTED CERTIFICATE': {
			const certificate = readCertificate(block.der);
			const info = describeSpki(certificate.spki);
			return {
				source: 'pem-certificate',
				info,
				spki: certificate.spki,
				subject: certificate.subject,
				label: `${describeKeyInfo(info)} from certificate ${certificate.subject || '(no subject)'}`,
			};
		}
		case 'PRIVATE KEY':
			return privateKey(block.der, 'pem-pkcs8', 'PEM PKCS#8');
		case 'RSA PRIVATE KEY':
			return privateKey(rsaPrivatePkcs1ToPkcs8(block.der), 'pem-pkcs1-private', 'PEM PKCS#1');
		case 'EC PRIVATE KEY':
			return privateKey(sec1ToPkcs8(block.der), 'pem-sec1', 'PEM SEC1');
		default:
			return undefined;
	}
}

function publicKey(spki: Uint8Array, source: KeySource, format: string): KeyCandidate {
	const info = describeSpki(spki);
	return { source, info, spki, label: `${describeKeyInfo(info)} (${format})` };
}

function privateKey(pkcs8: Uint8Array, source: KeySource, format: string): KeyCandidate {
	const info = describePkcs8(pkcs8);
	return { source, info, pkcs8, label: `${describeKeyInfo(info)} (${format})` };
}

function readJsonKeys(text: string): ParsedKey {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		return { kind: 'error', message: `The key looks like JSON but is not valid JSON: ${messageOf(error)}` };
	}
	if (!isRecord(value)) return { kind: 'error', message: 'The key JSON is not an object.' };
	if (Array.isArray(value.keys)) {
		const keys: KeyCandidate[] = [];
		const problems: string[] = [];
		value.keys.forEach((entry: unknown, index: number) => {
			const key = isRecord(entry) ? readJwk(entry, 'jwks', index) : 'it is not an object';
			if (typeof key === 'string') problems.push(`key ${index + 1}: ${key}`);
			else keys.push(key);
		});
		if (keys.length === 0)
			return {
				kind: 'error',
				message:
					value.keys.length === 0
						? 'The JWKS has an empty "keys" list.'
						: `The JWKS holds no usable key: ${problems.join('; ')}.`,
			};
		return { kind: 'keys', keys, isSet: true };
	}
	if (!('kty' in value))
		return { kind: 'error', message: 'The key JSON has neither "kty" (a JWK) nor "keys" (a JWKS).' };
	const key = readJwk(value, 'jwk');
	if (typeof key === 'string') return { kind: 'error', message: `The JWK cannot be used: ${key}.` };
	return { kind: 'keys', keys: [key], isSet: false };
}

const CURVE_BYTES: Readonly<Record<string, number>> = {
	'P-256': 32,
	'P-384': 48,
	'P-521': 66,
	secp256k1: 32,
};

/** A JWK's candidate, or why it cannot be one (RFC 7517 §4, RFC 7518 §6). */
function readJwk(
	jwk: Record<string, unknown>,
	source: 'jwk' | 'jwks',
	index?: number,
): KeyCandidate | string {
	const kty = jwk.kty;
	const kid = typeof jwk.kid === 'string' ? jwk.kid : undefined;
	const use = typeof jwk.use === 'string' ? jwk.use : undefined;
	const alg = typeof jwk.alg === 'string' ? jwk.alg : undefined;
	const keyOps = Array.isArray(jwk.key_ops) ? jwk.key_ops.filter((op) => typeof op === 'string') : undefined;
	const common = { source, jwk, kid, use, alg, keyOps, index };
	const name = (info: KeyCandidate['info']) => {
		const what = source === 'jwks' ? 'JWKS key' : 'JWK';
		const id = kid !== undefined ? ` kid=${kid}` : index !== undefined ? ` #${index + 1}` : '';
		return `${what}${id} (${describeKeyInfo(info, false)})`;
	};
	const bytesOf = (member: string): Uint8Array | undefined => {
		const value = jwk[member];
		if (typeof value !== 'string') return undefined;
		const decoded = decodeBase64url(value);
		return decoded.ok ? decoded.bytes : undefined;
	};
	switch (kty) {
		case 'oct': {
			const secret = bytesOf('k');
			if (!secret) return '"k" is missing or not base64url';
			// WebCrypto refuses a zero-length HMAC key; say so here, as for an empty base64 secret.
			if (secret.length === 0) return '"k" is empty: an HMAC key needs at least one byte';
			const info = { kty: 'oct', bytes: secret.length, private: true } as const;
			return { ...common, info, secret, label: name(info) };
		}
		case 'RSA': {
			const n = bytesOf('n');
			const e = bytesOf('e');
			if (!n || !e) return '"n" or "e" is missing or not base64url';
			// With e = 1 a "signature" is the padded hash itself: anyone could forge one (Wycheproof json_web_key #9).
			if (!isRsaExponent(e))
				return '"e" is not odd and at least 3, so it is not an RSA public exponent (RFC 8017 §3.1)';
			const info: KeyInfo = { kty: 'RSA', bits: bitLength(n), private: typeof jwk.d === 'string' };
			return { ...common, info, label: name(info) };
		}
		case 'EC': {
			const crv = jwk.crv;
			if (typeof crv !== 'string' || !(crv in CURVE_BYTES))
				return `the curve ${JSON.stringify(crv)} is not P-256, P-384, P-521 or secp256k1`;
			if (!bytesOf('x') || !bytesOf('y')) return '"x" or "y" is missing or not base64url';
			const info = { kty: 'EC', crv, private: typeof jwk.d === 'string' } as KeyInfo;
			return { ...common, info, label: name(info) };
		}
		case 'OKP': {
			const crv = jwk.crv;
			if (crv !== 'Ed25519' && crv !== 'Ed448' && crv !== 'X25519' && crv !== 'X448')
				return `the OKP curve ${JSON.stringify(crv)} is not Ed25519, Ed448, X25519 or X448`;
			if (!bytesOf('x')) return '"x" is missing or not base64url';
			const info: KeyInfo = { kty: 'OKP', crv, private: typeof jwk.d === 'string' };
			return { ...common, info, label: name(info) };
		}
		case 'AKP': {
			// RFC 9964 §4: an AKP key names its algorithm; pub is the FIPS 204 public key, priv the 32-byte seed.
			if (alg !== 'ML-DSA-44' && alg !== 'ML-DSA-65' && alg !== 'ML-DSA-87')
				return `an AKP key needs "alg" ML-DSA-44, ML-DSA-65 or ML-DSA-87, not ${JSON.stringify(alg)} (RFC 9964 §4)`;
			const pub = bytesOf('pub');
			if (!pub) return '"pub" is missing or not base64url';
			const size = mlDsaSizes[alg].publicKey;
			if (pub.length !== size)
				return `"pub" is ${plural(pub.length, 'byte')}; an ${alg} public key is ${size}`;
			const hasPriv = jwk.priv !== undefined;
			const priv = bytesOf('priv');
			if (hasPriv && priv?.length !== ML_DSA_SEED_BYTES)
				return `"priv" must be the ${ML_DSA_SEED_BYTES}-byte seed as base64url (RFC 9964 §4)`;
			const info: KeyInfo = { kty: 'AKP', alg, private: hasPriv };
			return { ...common, info, label: name(info) };
		}
		default:
			return kty === undefined
				? 'it has no "kty"'
				: `"kty" ${JSON.stringify(kty)} is not oct, RSA, EC, OKP or AKP`;
	}
}

/** "RSA 2048 public key", "EC P-256 private key", "Ed25519 public key", "ML-DSA-65 public key", "HMAC secret (32 bytes)". */
export function describeKeyInfo(info: KeyCandidate['info'], withKind = true): string {
	const visibility = info.private ? 'private' : 'public';
	const suffix = withKind ? ` ${visibility} key` : info.private ? ', private' : '';
	switch (info.kty) {
		case 'oct':
			return withKind ? `HMAC secret (${plural(info.bytes, 'byte')})` : `oct, ${plural(info.bytes, 'byte')}`;
		case 'RSA':
			return `RSA ${info.bits}${suffix}`;
		case 'EC':
			return `EC ${info.crv}${suffix}`;
		case 'OKP':
			return `${info.crv}${suffix}`;
		case 'AKP':
			return `${info.alg}${suffix}`;
		default:
			return `unknown key type ${info.oid}${suffix}`;
	}
}

/** Bit length of a big-endian unsigned integer. */
function bitLength(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length && bytes[i] === 0) i++;
	if (i === bytes.length) return 0;
	return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i]!));
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
