// One table of every registered JOSE algorithm (RFC 7518 §3.1, §4.1, §5.1; RFC 8037; RFC 8812): what it is, the
// keys that fit it and which implementation verifies and signs it. Adding an algorithm is one row here plus, where
// WebCrypto lacks it, one provider module in src/lib/crypto/providers/.

/** How a JWS algorithm signs. */
export type JwsFamily = 'hmac' | 'rsa-pkcs1' | 'rsa-pss' | 'ecdsa' | 'eddsa' | 'none';

/** JWK key types (RFC 7518 §6.1, RFC 8037 §2). */
export type KeyType = 'oct' | 'RSA' | 'EC' | 'OKP';

/** One kind of key that fits an algorithm: its `kty` and, for curve keys, the curves (`crv`) allowed. */
export interface KeyRequirement {
	readonly kty: KeyType;
	readonly crv?: readonly string[];
}

/**
 * WebCrypto algorithm parameters as plain data (WebCrypto §18–§23): `name` plus `hash`, `namedCurve` or
 * `saltLength` where the algorithm takes them. Plain data, so this table needs no DOM types.
 */
export interface WebCryptoParams {
	readonly name: string;
	readonly hash?: string;
	readonly namedCurve?: string;
	readonly saltLength?: number;
}

/** Which implementation verifies and signs an algorithm. */
export type Implementation =
	/** The browser's `crypto.subtle`: `import` for importKey, `sign` for sign and verify. */
	| { readonly kind: 'webcrypto'; readonly import: WebCryptoParams; readonly sign: WebCryptoParams }
	/** A module `src/lib/crypto/providers/<id>.ts`, loaded on first use. */
	| { readonly kind: 'provider'; readonly id: string }
	/** Nothing on this page verifies or signs it; `why` says what is missing. */
	| { readonly kind: 'unavailable'; readonly why: 'no-signature' | 'not-in-webcrypto' }
	/** The implementation depends on the key's curve (EdDSA with Ed25519 or Ed448, RFC 8037 §3.1). */
	| { readonly kind: 'by-curve'; readonly curves: Readonly<Record<string, Implementation>> };

/** What the debugger knows of one JWS `alg`. */
export interface JwsAlgorithm {
	readonly name: string;
	readonly family: JwsFamily;
	/** Hash output in bytes (HMAC key minimum, RFC 7518 §3.2); 0 where not applicable. */
	readonly hashBytes: number;
	/** Exact signature length in bytes where fixed (HMAC, ECDSA r‖s, Ed25519); undefined where it depends on the key. */
	readonly signatureBytes?: number;
	/** The elliptic curve this `alg` is bound to (RFC 7518 §3.4, RFC 8037 §3.1). */
	readonly curve?: string;
	/** The keys that fit (RFC 7518 §3.2–§3.5, RFC 8037 §3.1, RFC 8812 §3.2); empty for `none`. */
	readonly keys: readonly KeyRequirement[];
	readonly implementation: Implementation;
	readonly spec: string;
	readonly url: string;
}

const rfc7518 = (section: string) => `https://www.rfc-editor.org/rfc/rfc7518#section-${section}`;
const sha = (bits: number) => `SHA-${bits}`;

// Builders, one per family: a row is one call.
function hmac(bits: 256 | 384 | 512): JwsAlgorithm {
	return {
		name: `HS${bits}`,
		family: 'hmac',
		hashBytes: bits / 8,
		signatureBytes: bits / 8,
		keys: [{ kty: 'oct' }],
		implementation: {
			kind: 'webcrypto',
			import: { name: 'HMAC', hash: sha(bits) },
			sign: { name: 'HMAC' },
		},
		spec: 'RFC 7518 §3.2',
		url: rfc7518('3.2'),
	};
}

function rsa(bits: 256 | 384 | 512): JwsAlgorithm {
	return {
		name: `RS${bits}`,
		family: 'rsa-pkcs1',
		hashBytes: bits / 8,
		keys: [{ kty: 'RSA' }],
		implementation: {
			kind: 'webcrypto',
			import: { name: 'RSASSA-PKCS1-v1_5', hash: sha(bits) },
			sign: { name: 'RSASSA-PKCS1-v1_5' },
		},
		spec: 'RFC 7518 §3.3',
		url: rfc7518('3.3'),
	};
}

function pss(bits: 256 | 384 | 512): JwsAlgorithm {
	return {
		name: `PS${bits}`,
		family: 'rsa-pss',
		hashBytes: bits / 8,
		keys: [{ kty: 'RSA' }],
		implementation: {
			kind: 'webcrypto',
			import: { name: 'RSA-PSS', hash: sha(bits) },
			// RFC 7518 §3.5: the salt is as long as the hash output.
			sign: { name: 'RSA-PSS', saltLength: bits / 8 },
		},
		spec: 'RFC 7518 §3.5',
		url: rfc7518('3.5'),
	};
}

function ecdsa(
	name: string,
	curve: string,
	bits: 256 | 384 | 512,
	signatureBytes: number,
	implementation?: Implementation,
	spec = { spec: 'RFC 7518 §3.4', url: rfc7518('3.4') },
): JwsAlgorithm {
	return {
		name,
		family: 'ecdsa',
		hashBytes: bits / 8,
		signatureBytes,
		curve,
		keys: [{ kty: 'EC', crv: [curve] }],
		implementation: implementation ?? {
			kind: 'webcrypto',
			import: { name: 'ECDSA', namedCurve: curve },
			sign: { name: 'ECDSA', hash: sha(bits) },
		},
		...spec,
	};
}

const ed25519: Implementation = { kind: 'webcrypto', import: { name: 'Ed25519' }, sign: { name: 'Ed25519' } };

const rows: readonly JwsAlgorithm[] = [
	hmac(256),
	hmac(384),
	hmac(512),
	rsa(256),
	rsa(384),
	rsa(512),
	ecdsa('ES256', 'P-256', 256, 64),
	ecdsa('ES384', 'P-384', 384, 96),
	ecdsa('ES512', 'P-521', 512, 132),
	ecdsa(
		'ES256K',
		'secp256k1',
		256,
		64,
		{ kind: 'unavailable', why: 'not-in-webcrypto' },
		{ spec: 'RFC 8812 §3.2', url: 'https://www.rfc-editor.org/rfc/rfc8812#section-3.2' },
	),
	pss(256),
	pss(384),
	pss(512),
	{
		name: 'EdDSA',
		family: 'eddsa',
		hashBytes: 0,
		keys: [{ kty: 'OKP', crv: ['Ed25519', 'Ed448'] }],
		implementation: {
			kind: 'by-curve',
			curves: { Ed25519: ed25519, Ed448: { kind: 'unavailable', why: 'not-in-webcrypto' } },
		},
		spec: 'RFC 8037 §3.1',
		url: 'https://www.rfc-editor.org/rfc/rfc8037#section-3.1',
	},
	{
		name: 'Ed25519',
		family: 'eddsa',
		hashBytes: 0,
		signatureBytes: 64,
		curve: 'Ed25519',
		keys: [{ kty: 'OKP', crv: ['Ed25519'] }],
		implementation: ed25519,
		spec: 'RFC 9864',
		url: 'https://www.rfc-editor.org/rfc/rfc9864',
	},
	{
		name: 'none',
		family: 'none',
		hashBytes: 0,
		signatureBytes: 0,
		keys: [],
		implementation: { kind: 'unavailable', why: 'no-signature' },
		spec: 'RFC 7518 §3.6',
		url: rfc7518('3.6'),
	},
];

function freeze<T>(value: T): T {
	if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const inner of Object.values(value)) freeze(inner);
	}
	return value;
}

/** Registered JWS algorithms, keyed by `alg` exactly as registered (case matters, RFC 7515 §4.1.1); deeply frozen. */
export const jwsAlgorithms: Readonly<Record<string, JwsAlgorithm>> = freeze(
	Object.fromEntries(rows.map((row) => [row.name, row])),
);

/**
 * The implementation that verifies and signs `alg` with a key on curve `crv` (resolving `by-curve` rows); a
 * curve the row does not list is `unavailable`.
 */
export function implementationFor(
	alg: JwsAlgorithm,
	crv?: string,
): Exclude<Implementation, { kind: 'by-curve' }> {
	const implementation = alg.implementation;
	if (implementation.kind !== 'by-curve') return implementation;
	const chosen =
		crv !== undefined && Object.hasOwn(implementation.curves, crv) ? implementation.curves[crv] : undefined;
	return chosen && chosen.kind !== 'by-curve' ? chosen : { kind: 'unavailable', why: 'not-in-webcrypto' };
}

/**
 * The order n of each ECDSA curve's base point, as hex (FIPS 186-5 / SP 800-186 §3.2.1 for the NIST
 * curves, SEC 2 §2.4.1 for secp256k1). A signature's r and s must lie in [1, n − 1] (SEC 1 §4.1.4).
 */
export const curveOrders: Readonly<Record<string, string>> = Object.freeze({
	'P-256': 'ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551',
	'P-384': 'ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973',
	'P-521':
		'01ff' +
		'ffffffff'.repeat(7) +
		'fffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409',
	secp256k1: 'fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141',
});

/** Registered JWE key-management algorithms (RFC 7518 §4.1) and content encryptions (§5.1). */
export const jweAlgorithms: readonly string[] = Object.freeze([
	'RSA1_5',
	'RSA-OAEP',
	'RSA-OAEP-256',
	'RSA-OAEP-384',
	'RSA-OAEP-512',
	'A128KW',
	'A192KW',
	'A256KW',
	'dir',
	'ECDH-ES',
	'ECDH-ES+A128KW',
	'ECDH-ES+A192KW',
	'ECDH-ES+A256KW',
	'A128GCMKW',
	'A192GCMKW',
	'A256GCMKW',
	'PBES2-HS256+A128KW',
	'PBES2-HS384+A192KW',
	'PBES2-HS512+A256KW',
]);

/** Registered JWE `enc` values (RFC 7518 §5.1). */
export const jweEncryptions: readonly string[] = Object.freeze([
	'A128CBC-HS256',
	'A192CBC-HS384',
	'A256CBC-HS512',
	'A128GCM',
	'A192GCM',
	'A256GCM',
]);

const ecdhKeys: readonly KeyRequirement[] = [
	{ kty: 'EC', crv: ['P-256', 'P-384', 'P-521'] },
	{ kty: 'OKP', crv: ['X25519', 'X448'] },
];

/**
 * The keys that fit each JWE key-management `alg` (RFC 7518 §4.2–§4.8, RFC 8037 §3.2), for choosing the key
 * that decrypts; deeply frozen. PBES2 takes a password, read as an `oct` secret.
 */
export const jweKeyRequirements: Readonly<Record<string, readonly KeyRequirement[]>> = freeze(
	Object.fromEntries(
		jweAlgorithms.map((alg): [string, readonly KeyRequirement[]] => [
			alg,
			alg.startsWith('RSA') ? [{ kty: 'RSA' }] : alg.startsWith('ECDH-ES') ? ecdhKeys : [{ kty: 'oct' }],
		]),
	),
);

/** The JWS algorithm registered under exactly this name, if any (own properties only). */
export function findJwsAlgorithm(alg: string): JwsAlgorithm | undefined {
	return Object.hasOwn(jwsAlgorithms, alg) ? jwsAlgorithms[alg] : undefined;
}

/** True for `none` in any casing: some libraries compared case-insensitively (RFC 8725 §2.1). */
export function isNoneAlgorithm(alg: unknown): boolean {
	return typeof alg === 'string' && alg.toLowerCase() === 'none';
}
