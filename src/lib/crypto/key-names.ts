// The names of keys as people read them: "RSA 2048 public key", "EC P-256 private key", "HMAC secret (32 bytes)",
// and the full name of a key a verdict reports, "ML-DSA-65 public key (JWK, thumbprint rd8xB2eUq1…)".

import type { KeyInfo } from './key-formats';

/** What a key is, for naming it: a {@link KeyInfo} or an HMAC secret of some length. */
export type KeyDescription =
	KeyInfo | { readonly kty: 'oct'; readonly bytes: number; readonly private: true };

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

/**
 * The data a key's name is made of (a `KeyCandidate` has all of it): what it is, where it came from and, for keys
 * with a JWK form other than secrets, its RFC 7638 thumbprint.
 */
export interface KeyName {
	readonly source: KeySource;
	readonly info: KeyDescription;
	readonly kid?: string;
	/** Position in a JWKS, 0-based. */
	readonly index?: number;
	/** The certificate's subject, for keys taken from a certificate. */
	readonly subject?: string;
	/** The RFC 7638 SHA-256 thumbprint (RFC 9964 §4 members for AKP); never set for `oct` secrets. */
	readonly thumbprint?: string;
}

/** Characters of a thumbprint shown in a sentence: 60 bits, enough to tell keys apart at a glance. */
export const SHORT_THUMBPRINT_CHARS = 10;

/** The format each source names, in the key's name. */
const FORMATS: Readonly<Record<KeySource, string>> = Object.freeze({
	'secret-text': 'UTF-8',
	'secret-base64': 'base64-decoded',
	'pem-spki': 'PEM SPKI',
	'pem-pkcs1-public': 'PEM PKCS#1',
	'pem-certificate': 'certificate',
	'pem-pkcs8': 'PEM PKCS#8',
	'pem-pkcs1-private': 'PEM PKCS#1',
	'pem-sec1': 'PEM SEC1',
	jwk: 'JWK',
	jwks: 'JWKS key',
});

/**
 * The name a verdict, a signing note or a finding gives a key: kind, then format and source, then the shortened
 * thumbprint (RFC 7638 §3), e.g. "ML-DSA-65 public key (JWK, thumbprint rd8xB2eUq1…)", "EC P-256 public key (JWKS
 * key kid=abc, thumbprint …)", "RSA 2048 public key from certificate CN=example.com (thumbprint …)",
 * "HMAC secret (UTF-8, 32 bytes)". A secret has no thumbprint: its hash would let anyone test guesses offline.
 */
export function describeKey(key: KeyName): string {
	const details: string[] = [];
	let name = describeKeyInfo(key.info);
	if (key.info.kty === 'oct') {
		name = 'HMAC secret';
		details.push(key.source === 'jwk' || key.source === 'jwks' ? jwkSource(key) : FORMATS[key.source]);
		details.push(plural(key.info.bytes, 'byte'));
	} else if (key.source === 'pem-certificate') {
		name = `${name} from certificate ${key.subject || '(no subject)'}`;
	} else {
		details.push(jwkSource(key));
	}
	if (key.thumbprint !== undefined)
		details.push(
			key.kid === key.thumbprint
				? `kid and thumbprint ${shortThumbprint(key.thumbprint)}`
				: `thumbprint ${shortThumbprint(key.thumbprint)}`,
		);
	return details.length > 0 ? `${name} (${details.join(', ')})` : name;
}

/** "JWK", "JWK kid=abc", "JWKS key #3", "PEM SPKI": the format, with the kid or the place in the set. */
function jwkSource(key: KeyName): string {
	const format = FORMATS[key.source];
	if (key.source !== 'jwk' && key.source !== 'jwks') return format;
	// A kid that is the thumbprint (RFC 9964's examples, many JWKS) is said once, with the thumbprint.
	if (key.kid !== undefined && key.kid !== key.thumbprint) return `${format} kid=${key.kid}`;
	if (key.kid === undefined && key.index !== undefined && key.source === 'jwks')
		return `${format} #${key.index + 1}`;
	return format;
}

/** The first characters of a thumbprint and an ellipsis; the page shows the whole value beside the verdict. */
export function shortThumbprint(thumbprint: string): string {
	return thumbprint.length > SHORT_THUMBPRINT_CHARS
		? `${thumbprint.slice(0, SHORT_THUMBPRINT_CHARS)}…`
		: thumbprint;
}

/** "RSA 2048 public key", "EC P-256 private key", "Ed25519 public key", "ML-DSA-65 public key", "HMAC secret (32 bytes)". */
export function describeKeyInfo(info: KeyDescription, withKind = true): string {
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

/** "1 byte", "32 bytes". */
export function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}
