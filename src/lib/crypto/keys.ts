// Reads what a person put in `Secret or key`: an HMAC secret, PEM (SPKI, PKCS#1, certificate, PKCS#8, SEC1), a JWK or a JWKS.

import { decodeBase64url } from '../encoding/base64url';
import { parseJson } from '../jwt/json';
import { readCertificate } from './certificate';
import { checkEcKey, checkRsaModulus, checkRsaPrivate } from './key-checks';
import { faultOf, KeyFaultError, type KeyFault } from './key-faults';
import {
	checkRsaExponent,
	describePkcs8,
	describeSpki,
	mlDsaSizes,
	ML_DSA_SEED_BYTES,
	rsaPrivatePkcs1ToPkcs8,
	rsaPublicPkcs1ToSpki,
	sec1ToPkcs8,
	type KeyInfo,
} from './key-formats';
import { describeKey, describeKeyInfo, type KeyName, type KeySource } from './key-names';
import { parsePem, PemError, type PemBlock, type PemFault } from './pem';

export { describeKey, describeKeyInfo, type KeyName, type KeySource };

/**
 * One usable key: its material for WebCrypto and what a person should be told about it (the {@link KeyName}
 * data, which describeKey in key-names.ts words; `thumbprint` is filled by key-thumbprint.ts, which hashes).
 */
export interface KeyCandidate extends KeyName {
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
}

/** Why a secret typed with "Secret is base64url encoded" ticked is not base64 (RFC 4648 §4, §5). */
export type SecretProblem =
	| {
			readonly code: 'secret-not-base64';
			readonly reason: 'bad-character' | 'bad-padding' | 'bad-length';
			/** 1-based, counting the text as typed (whitespace included). */
			readonly position: number;
			readonly character?: string;
			/** Characters without whitespace, for `bad-length`. */
			readonly length: number;
	  }
	| { readonly code: 'secret-empty' };

/** Why the `Secret or key` text cannot be used, as data; describeKeyProblem (messages.ts) words it. */
export type KeyProblem =
	| SecretProblem
	| { readonly code: 'pem-malformed'; readonly fault: PemFault }
	| { readonly code: 'pem-no-block' }
	| {
			readonly code: 'pem-no-key';
			readonly blocks: readonly { readonly label: string; readonly fault: KeyFault }[];
	  }
	| { readonly code: 'json-invalid'; readonly detail: string; readonly line: number; readonly column: number }
	| { readonly code: 'json-not-object' }
	| { readonly code: 'json-not-key' }
	| { readonly code: 'jwks-empty' }
	| {
			readonly code: 'jwks-no-key';
			readonly keys: readonly { readonly index: number; readonly fault: KeyFault }[];
	  }
	| { readonly code: 'jwk-unusable'; readonly fault: KeyFault }
	/** The browser refused a key that looked right when it was used (verify or sign); `key` names it. */
	| { readonly code: 'key-rejected'; readonly key: KeyName };

/** What the `Secret or key` text holds. */
export type ParsedKey =
	| { readonly kind: 'empty' }
	| { readonly kind: 'secret'; readonly key: KeyCandidate }
	| { readonly kind: 'keys'; readonly keys: readonly KeyCandidate[]; readonly isSet: boolean }
	| { readonly kind: 'error'; readonly problem: KeyProblem };

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
): { ok: true; bytes: Uint8Array } | { ok: false; problem: SecretProblem } {
	if (!base64) return { ok: true, bytes: new TextEncoder().encode(text) };
	const compact = text.replace(/\s+/g, '');
	const result = decodeBase64url(compact);
	if (!result.ok) {
		// Count positions in the text as typed: the whitespace dropped above is there on screen.
		const position = ([...text.matchAll(/\S/g)][result.index]?.index ?? result.index) + 1;
		return {
			ok: false,
			problem: {
				code: 'secret-not-base64',
				reason: result.reason,
				position,
				character: result.reason === 'bad-character' ? result.character : undefined,
				length: compact.length,
			},
		};
	}
	if (result.bytes.length === 0) return { ok: false, problem: { code: 'secret-empty' } };
	return { ok: true, bytes: result.bytes };
}

function readSecret(text: string, base64: boolean): ParsedKey {
	const decoded = decodeSecret(text, base64);
	if (!decoded.ok) return { kind: 'error', problem: decoded.problem };
	const bytes = decoded.bytes.length;
	return {
		kind: 'secret',
		key: {
			source: base64 ? 'secret-base64' : 'secret-text',
			info: { kty: 'oct', bytes, private: true },
			secret: decoded.bytes,
		},
	};
}

function readPemKeys(text: string): ParsedKey {
	let blocks: PemBlock[];
	try {
		blocks = parsePem(text);
	} catch (error) {
		if (!(error instanceof PemError)) throw error;
		return { kind: 'error', problem: { code: 'pem-malformed', fault: error.fault } };
	}
	if (blocks.length === 0) return { kind: 'error', problem: { code: 'pem-no-block' } };
	const keys: KeyCandidate[] = [];
	const problems: { label: string; fault: KeyFault }[] = [];
	for (const block of blocks) {
		try {
			const key = readPemBlock(block);
			if (key) keys.push(key);
			else problems.push({ label: block.label, fault: { code: 'not-a-key', label: block.label } });
		} catch (error) {
			problems.push({ label: block.label, fault: faultOf(error) });
		}
	}
	if (keys.length === 0) return { kind: 'error', problem: { code: 'pem-no-key', blocks: problems } };
	return { kind: 'keys', keys, isSet: false };
}

function readPemBlock(block: PemBlock): KeyCandidate | undefined {
	if (block.encrypted) throw new KeyFaultError({ code: 'encrypted' });
	switch (block.label) {
		case 'PUBLIC KEY':
			return publicKey(block.der, 'pem-spki');
		case 'RSA PUBLIC KEY':
			return publicKey(rsaPublicPkcs1ToSpki(block.der), 'pem-pkcs1-public');
		case 'CERTIFICATE':
		case 'X509 CERTIFICATE':
		case 'TRUSTED CERTIFICATE': {
			const certificate = readCertificate(block.der);
			const info = describeSpki(certificate.spki);
			return { source: 'pem-certificate', info, spki: certificate.spki, subject: certificate.subject };
		}
		case 'PRIVATE KEY':
			return privateKey(block.der, 'pem-pkcs8');
		case 'RSA PRIVATE KEY':
			return privateKey(rsaPrivatePkcs1ToPkcs8(block.der), 'pem-pkcs1-private');
		case 'EC PRIVATE KEY':
			return privateKey(sec1ToPkcs8(block.der), 'pem-sec1');
		default:
			return undefined;
	}
}

function publicKey(spki: Uint8Array, source: KeySource): KeyCandidate {
	return { source, info: describeSpki(spki), spki };
}

function privateKey(pkcs8: Uint8Array, source: KeySource): KeyCandidate {
	return { source, info: describePkcs8(pkcs8), pkcs8 };
}

function readJsonKeys(text: string): ParsedKey {
	const parsed = parseJson(text, { maxDepth: 64 });
	if (!parsed.ok) {
		const { message, line, column } = parsed.error;
		return { kind: 'error', problem: { code: 'json-invalid', detail: message, line, column } };
	}
	const value: unknown = JSON.parse(text);
	if (!isRecord(value)) return { kind: 'error', problem: { code: 'json-not-object' } };
	if (Array.isArray(value.keys)) {
		const keys: KeyCandidate[] = [];
		const problems: { index: number; fault: KeyFault }[] = [];
		value.keys.forEach((entry: unknown, index: number) => {
			const key = isRecord(entry) ? readJwk(entry, 'jwks', index) : ({ code: 'not-object' } as const);
			if ('code' in key) problems.push({ index, fault: key });
			else keys.push(key);
		});
		if (keys.length === 0)
			return {
				kind: 'error',
				problem: value.keys.length === 0 ? { code: 'jwks-empty' } : { code: 'jwks-no-key', keys: problems },
			};
		return { kind: 'keys', keys, isSet: true };
	}
	if (!('kty' in value)) return { kind: 'error', problem: { code: 'json-not-key' } };
	const key = readJwk(value, 'jwk');
	if ('code' in key) return { kind: 'error', problem: { code: 'jwk-unusable', fault: key } };
	return { kind: 'keys', keys: [key], isSet: false };
}

const CURVE_BYTES: Readonly<Record<string, number>> = {
	'P-256': 32,
	'P-384': 48,
	'P-521': 66,
	secp256k1: 32,
};

/** Key sizes of octet key pairs (RFC 8037 §2, RFC 8032 §5.1.5 and §5.2.5, RFC 7748 §5). */
const OKP_BYTES: Readonly<Record<string, number>> = { Ed25519: 32, Ed448: 57, X25519: 32, X448: 56 };

const RSA_PRIVATE_MEMBERS = ['p', 'q', 'dp', 'dq', 'qi'] as const;

/** A JWK's candidate, or why it cannot be one (RFC 7517 §4, RFC 7518 §6, RFC 8037 §2). */
function readJwk(
	jwk: Record<string, unknown>,
	source: 'jwk' | 'jwks',
	index?: number,
): KeyCandidate | KeyFault {
	try {
		return readJwkMembers(jwk, source, index);
	} catch (error) {
		return faultOf(error);
	}
}

function readJwkMembers(jwk: Record<string, unknown>, source: 'jwk' | 'jwks', index?: number): KeyCandidate {
	const kty = jwk.kty;
	const kid = typeof jwk.kid === 'string' ? jwk.kid : undefined;
	const use = typeof jwk.use === 'string' ? jwk.use : undefined;
	const alg = typeof jwk.alg === 'string' ? jwk.alg : undefined;
	const keyOps = Array.isArray(jwk.key_ops) ? jwk.key_ops.filter((op) => typeof op === 'string') : undefined;
	const common = { source, jwk, kid, use, alg, keyOps, index };
	/** The bytes of each member; members missing or not base64url are a fault naming them all. */
	const members = <const T extends readonly string[]>(...names: T): { [K in keyof T]: Uint8Array } => {
		const values = names.map((member) => {
			const value = jwk[member];
			const decoded = typeof value === 'string' ? decodeBase64url(value) : undefined;
			return decoded?.ok ? decoded.bytes : undefined;
		});
		const missing = names.filter((_, i) => values[i] === undefined);
		if (missing.length > 0) throw new KeyFaultError({ code: 'members-missing', members: missing });
		return values as { [K in keyof T]: Uint8Array };
	};
	const has = (member: string) => jwk[member] !== undefined;
	const sized = (member: string, bytes: Uint8Array, crv: string, expected: number) => {
		if (bytes.length !== expected)
			throw new KeyFaultError({ code: 'member-length', member, crv, bytes: bytes.length, expected });
	};
	switch (kty) {
		case 'oct': {
			const [secret] = members('k');
			// WebCrypto refuses a zero-length HMAC key; say so here, as for an empty base64 secret.
			if (secret.length === 0) throw new KeyFaultError({ code: 'member-empty', member: 'k' });
			const info = { kty: 'oct', bytes: secret.length, private: true } as const;
			return { ...common, info, secret };
		}
		case 'RSA': {
			const [n, e] = members('n', 'e');
			// With e = 1 a "signature" is the padded hash itself: anyone could forge one (Wycheproof json_web_key #9).
			checkRsaExponent(e);
			checkRsaModulus(n);
			const isPrivate = has('d');
			if (isPrivate) {
				const [d] = members('d');
				const present = RSA_PRIVATE_MEMBERS.filter(has);
				if (present.length > 0 && present.length < RSA_PRIVATE_MEMBERS.length)
					throw new KeyFaultError({
						code: 'rsa-private-incomplete',
						missing: RSA_PRIVATE_MEMBERS.filter((member) => !has(member)),
					});
				if (present.length > 0) {
					const [p, q, dp, dq, qi] = members(...RSA_PRIVATE_MEMBERS);
					checkRsaPrivate({ n, e, d, p, q, dp, dq, qi });
				}
			}
			const info: KeyInfo = { kty: 'RSA', bits: bitLength(n), private: isPrivate };
			return { ...common, info };
		}
		case 'EC': {
			const crv = jwk.crv;
			if (typeof crv !== 'string' || !Object.hasOwn(CURVE_BYTES, crv))
				throw new KeyFaultError({
					code: 'unknown-curve',
					kty: 'EC',
					crv: crv === undefined ? undefined : describeValue(crv),
				});
			const size = CURVE_BYTES[crv]!;
			const [x, y] = members('x', 'y');
			sized('x', x, crv, size);
			sized('y', y, crv, size);
			const d = has('d') ? members('d')[0] : undefined;
			if (d) sized('d', d, crv, size);
			checkEcKey(crv, { x, y, d });
			const info = { kty: 'EC', crv, private: d !== undefined } as KeyInfo;
			return { ...common, info };
		}
		case 'OKP': {
			const crv = jwk.crv;
			if (crv !== 'Ed25519' && crv !== 'Ed448' && crv !== 'X25519' && crv !== 'X448')
				throw new KeyFaultError({
					code: 'unknown-curve',
					kty: 'OKP',
					crv: crv === undefined ? undefined : describeValue(crv),
				});
			const [x] = members('x');
			sized('x', x, crv, OKP_BYTES[crv]!);
			const d = has('d') ? members('d')[0] : undefined;
			if (d) sized('d', d, crv, OKP_BYTES[crv]!);
			const info: KeyInfo = { kty: 'OKP', crv, private: d !== undefined };
			return { ...common, info };
		}
		case 'AKP': {
			// RFC 9964 §4: an AKP key names its algorithm; pub is the FIPS 204 public key, priv the 32-byte seed.
			if (alg !== 'ML-DSA-44' && alg !== 'ML-DSA-65' && alg !== 'ML-DSA-87')
				throw new KeyFaultError({
					code: 'akp-alg',
					alg: jwk.alg === undefined ? undefined : describeValue(jwk.alg),
				});
			const [pub] = members('pub');
			sized('pub', pub, alg, mlDsaSizes[alg].publicKey);
			const priv = has('priv') ? members('priv')[0] : undefined;
			if (priv) sized('priv', priv, alg, ML_DSA_SEED_BYTES);
			const info: KeyInfo = { kty: 'AKP', alg, private: priv !== undefined };
			return { ...common, info };
		}
		default:
			throw new KeyFaultError(
				kty === undefined ? { code: 'no-kty' } : { code: 'unknown-kty', kty: describeValue(kty) },
			);
	}
}

/** A member's value as written in JSON, for naming it: `"P-257"`, `5`, `null`. */
function describeValue(value: unknown): string {
	return JSON.stringify(value) ?? 'nothing';
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
