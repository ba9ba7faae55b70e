// JWE key management (RFC 7518 §4.1) and content encryption (§5.1) facts beyond algorithms.ts's names and key types: sizes, hashes, AES use.

/** How a JWE `alg` gets the content encryption key (RFC 7518 §4.1, RFC 7516 §2 "Key Management Mode"). */
export type KeyManagementFamily =
	'rsa1_5' | 'rsa-oaep' | 'ecdh-es' | 'ecdh-es-kw' | 'aes-kw' | 'aes-gcm-kw' | 'dir' | 'pbes2';

/** What the debugger knows of one JWE `alg`. */
export interface JweKeyManagement {
	readonly name: string;
	readonly family: KeyManagementFamily;
	/** The key-encryption key's size in bytes (A*KW, A*GCMKW: the key a person gives; ECDH-ES+A*KW, PBES2: the derived one). */
	readonly kekBytes?: number;
	/** The hash of RSA-OAEP or of PBES2's PBKDF2 (RFC 7518 §4.3, §4.8). */
	readonly hash?: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';
	/**
	 * Public-key key management (RFC 7518 §4.2, §4.3, §4.6): anyone holding the recipient's public key can make
	 * such a JWE, so it says nothing about who made it (the `jwe-unsigned` finding).
	 */
	readonly publicKey: boolean;
	readonly spec: string;
	readonly url: string;
}

/** What the debugger knows of one JWE `enc`. */
export interface JweEncryption {
	readonly name: string;
	readonly family: 'aes-gcm' | 'aes-cbc-hmac';
	/** The content encryption key's size in bytes (RFC 7518 §5.2.3–5.2.5: MAC key and AES key together for CBC-HS). */
	readonly cekBytes: number;
	/** The AES key size in bits. */
	readonly aesBits: 128 | 192 | 256;
	/** The initialization vector's size in bytes (96-bit for GCM, 128-bit for CBC). */
	readonly ivBytes: number;
	/** The authentication tag's size in bytes (GCM: 16; CBC-HS: half the HMAC output). */
	readonly tagBytes: number;
	readonly spec: string;
	readonly url: string;
}

const rfc7518 = (section: string) => `https://www.rfc-editor.org/rfc/rfc7518#section-${section}`;

function rsaOaep(name: string, hash: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'): JweKeyManagement {
	return {
		name,
		family: 'rsa-oaep',
		hash,
		publicKey: true,
		spec: 'RFC 7518 §4.3',
		url: rfc7518('4.3'),
	};
}

function aesKw(bits: 128 | 192 | 256): JweKeyManagement {
	return {
		name: `A${bits}KW`,
		family: 'aes-kw',
		kekBytes: bits / 8,
		publicKey: false,
		spec: 'RFC 7518 §4.4',
		url: rfc7518('4.4'),
	};
}

function aesGcmKw(bits: 128 | 192 | 256): JweKeyManagement {
	return {
		name: `A${bits}GCMKW`,
		family: 'aes-gcm-kw',
		kekBytes: bits / 8,
		publicKey: false,
		spec: 'RFC 7518 §4.7',
		url: rfc7518('4.7'),
	};
}

function ecdhKw(bits: 128 | 192 | 256): JweKeyManagement {
	return {
		name: `ECDH-ES+A${bits}KW`,
		family: 'ecdh-es-kw',
		kekBytes: bits / 8,
		publicKey: true,
		spec: 'RFC 7518 §4.6',
		url: rfc7518('4.6'),
	};
}

function pbes2(hashBits: 256 | 384 | 512, kwBits: 128 | 192 | 256): JweKeyManagement {
	return {
		name: `PBES2-HS${hashBits}+A${kwBits}KW`,
		family: 'pbes2',
		kekBytes: kwBits / 8,
		hash: `SHA-${hashBits}`,
		publicKey: false,
		spec: 'RFC 7518 §4.8',
		url: rfc7518('4.8'),
	};
}

function gcm(bits: 128 | 192 | 256): JweEncryption {
	return {
		name: `A${bits}GCM`,
		family: 'aes-gcm',
		cekBytes: bits / 8,
		aesBits: bits,
		ivBytes: 12,
		tagBytes: 16,
		spec: 'RFC 7518 §5.3',
		url: rfc7518('5.3'),
	};
}

function cbcHmac(bits: 128 | 192 | 256): JweEncryption {
	const hash = bits * 2;
	return {
		name: `A${bits}CBC-HS${hash}`,
		family: 'aes-cbc-hmac',
		cekBytes: (bits / 8) * 2,
		aesBits: bits,
		ivBytes: 16,
		tagBytes: bits / 8,
		spec: 'RFC 7518 §5.2',
		url: rfc7518('5.2'),
	};
}

function freezeAll<T extends { readonly name: string }>(rows: readonly T[]): Readonly<Record<string, T>> {
	for (const row of rows) {
		Object.freeze(row);
		for (const value of Object.values(row))
			if (typeof value === 'object' && value !== null) Object.freeze(value);
	}
	return Object.freeze(Object.fromEntries(rows.map((row) => [row.name, row])));
}

/** Registered JWE key management algorithms, keyed by `alg` exactly as registered (RFC 7518 §4.1). */
export const jweKeyManagement: Readonly<Record<string, JweKeyManagement>> = freezeAll([
	{
		name: 'RSA1_5',
		family: 'rsa1_5',
		publicKey: true,
		spec: 'RFC 7518 §4.2',
		url: rfc7518('4.2'),
	},
	rsaOaep('RSA-OAEP', 'SHA-1'),
	rsaOaep('RSA-OAEP-256', 'SHA-256'),
	// RSA-OAEP-384 and -512 are registered by the IANA JOSE registry (from the W3C WebCrypto API's JWK mapping).
	rsaOaep('RSA-OAEP-384', 'SHA-384'),
	rsaOaep('RSA-OAEP-512', 'SHA-512'),
	aesKw(128),
	aesKw(192),
	aesKw(256),
	{ name: 'dir', family: 'dir', publicKey: false, spec: 'RFC 7518 §4.5', url: rfc7518('4.5') },
	{
		name: 'ECDH-ES',
		family: 'ecdh-es',
		publicKey: true,
		spec: 'RFC 7518 §4.6',
		url: rfc7518('4.6'),
	},
	ecdhKw(128),
	ecdhKw(192),
	ecdhKw(256),
	aesGcmKw(128),
	aesGcmKw(192),
	aesGcmKw(256),
	pbes2(256, 128),
	pbes2(384, 192),
	pbes2(512, 256),
]);

/** Registered JWE content encryption algorithms, keyed by `enc` (RFC 7518 §5.1). */
export const jweContentEncryptions: Readonly<Record<string, JweEncryption>> = freezeAll([
	cbcHmac(128),
	cbcHmac(192),
	cbcHmac(256),
	gcm(128),
	gcm(192),
	gcm(256),
]);

/** The JWE `alg` registered under exactly this name, if any (own properties only). */
export function findJweKeyManagement(alg: string | undefined): JweKeyManagement | undefined {
	return alg !== undefined && Object.hasOwn(jweKeyManagement, alg) ? jweKeyManagement[alg] : undefined;
}

/** The JWE `enc` registered under exactly this name, if any (own properties only). */
export function findJweEncryption(enc: string | undefined): JweEncryption | undefined {
	return enc !== undefined && Object.hasOwn(jweContentEncryptions, enc)
		? jweContentEncryptions[enc]
		: undefined;
}

/**
 * The AES key sizes (bits) a JWE with this `alg` and `enc` runs: the content encryption's, and the key wrap's
 * where there is one. Chromium's WebCrypto has no 192-bit AES, so the page asks before it tries.
 */
export function aesSizesUsed(
	alg: JweKeyManagement,
	enc: JweEncryption,
): { kw?: number; gcmKw?: number; content: number } {
	const kwBits = alg.kekBytes !== undefined ? alg.kekBytes * 8 : undefined;
	return {
		content: enc.aesBits,
		kw: alg.family === 'aes-kw' || alg.family === 'ecdh-es-kw' || alg.family === 'pbes2' ? kwBits : undefined,
		gcmKw: alg.family === 'aes-gcm-kw' ? kwBits : undefined,
	};
}
