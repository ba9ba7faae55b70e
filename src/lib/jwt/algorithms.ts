// One table of every registered JOSE algorithm (RFC 7518 §3.1, §4.1, §5.1; RFC 8037; RFC 8812): what it is and what it needs.

/** How a JWS algorithm signs. */
export type JwsFamily = 'hmac' | 'rsa-pkcs1' | 'rsa-pss' | 'ecdsa' | 'eddsa' | 'none';

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
	readonly spec: string;
	readonly url: string;
}

const rfc7518 = (section: string) => `https://www.rfc-editor.org/rfc/rfc7518#section-${section}`;

const jws = (a: JwsAlgorithm): [string, JwsAlgorithm] => [a.name, Object.freeze(a)];

/** Registered JWS algorithms, keyed by `alg` exactly as registered (case matters, RFC 7515 §4.1.1). */
export const jwsAlgorithms: Readonly<Record<string, JwsAlgorithm>> = Object.freeze(
	Object.fromEntries([
		jws({
			name: 'HS256',
			family: 'hmac',
			hashBytes: 32,
			signatureBytes: 32,
			spec: 'RFC 7518 §3.2',
			url: rfc7518('3.2'),
		}),
		jws({
			name: 'HS384',
			family: 'hmac',
			hashBytes: 48,
			signatureBytes: 48,
			spec: 'RFC 7518 §3.2',
			url: rfc7518('3.2'),
		}),
		jws({
			name: 'HS512',
			family: 'hmac',
			hashBytes: 64,
			signatureBytes: 64,
			spec: 'RFC 7518 §3.2',
			url: rfc7518('3.2'),
		}),
		jws({ name: 'RS256', family: 'rsa-pkcs1', hashBytes: 32, spec: 'RFC 7518 §3.3', url: rfc7518('3.3') }),
		jws({ name: 'RS384', family: 'rsa-pkcs1', hashBytes: 48, spec: 'RFC 7518 §3.3', url: rfc7518('3.3') }),
		jws({ name: 'RS512', family: 'rsa-pkcs1', hashBytes: 64, spec: 'RFC 7518 §3.3', url: rfc7518('3.3') }),
		jws({
			name: 'ES256',
			family: 'ecdsa',
			hashBytes: 32,
			signatureBytes: 64,
			curve: 'P-256',
			spec: 'RFC 7518 §3.4',
			url: rfc7518('3.4'),
		}),
		jws({
			name: 'ES384',
			family: 'ecdsa',
			hashBytes: 48,
			signatureBytes: 96,
			curve: 'P-384',
			spec: 'RFC 7518 §3.4',
			url: rfc7518('3.4'),
		}),
		jws({
			name: 'ES512',
			family: 'ecdsa',
			hashBytes: 64,
			signatureBytes: 132,
			curve: 'P-521',
			spec: 'RFC 7518 §3.4',
			url: rfc7518('3.4'),
		}),
		jws({
			name: 'ES256K',
			family: 'ecdsa',
			hashBytes: 32,
			signatureBytes: 64,
			curve: 'secp256k1',
			spec: 'RFC 8812 §3.2',
			url: 'https://www.rfc-editor.org/rfc/rfc8812#section-3.2',
		}),
		jws({ name: 'PS256', family: 'rsa-pss', hashBytes: 32, spec: 'RFC 7518 §3.5', url: rfc7518('3.5') }),
		jws({ name: 'PS384', family: 'rsa-pss', hashBytes: 48, spec: 'RFC 7518 §3.5', url: rfc7518('3.5') }),
		jws({ name: 'PS512', family: 'rsa-pss', hashBytes: 64, spec: 'RFC 7518 §3.5', url: rfc7518('3.5') }),
		jws({
			name: 'EdDSA',
			family: 'eddsa',
			hashBytes: 0,
			spec: 'RFC 8037 §3.1',
			url: 'https://www.rfc-editor.org/rfc/rfc8037#section-3.1',
		}),
		jws({
			name: 'Ed25519',
			family: 'eddsa',
			hashBytes: 0,
			signatureBytes: 64,
			curve: 'Ed25519',
			spec: 'RFC 9864',
			url: 'https://www.rfc-editor.org/rfc/rfc9864',
		}),
		jws({
			name: 'none',
			family: 'none',
			hashBytes: 0,
			signatureBytes: 0,
			spec: 'RFC 7518 §3.6',
			url: rfc7518('3.6'),
		}),
	]),
);

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

/** The JWS algorithm registered under exactly this name, if any (own properties only). */
export function findJwsAlgorithm(alg: string): JwsAlgorithm | undefined {
	return Object.hasOwn(jwsAlgorithms, alg) ? jwsAlgorithms[alg] : undefined;
}

/** True for `none` in any casing: some libraries compared case-insensitively (RFC 8725 §2.1). */
export function isNoneAlgorithm(alg: unknown): boolean {
	return typeof alg === 'string' && alg.toLowerCase() === 'none';
}
