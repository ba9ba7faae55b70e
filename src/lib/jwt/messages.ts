// What a person reads about each finding code: its title, severity and reference (decoding errors: error-messages.ts).

/** How much a finding matters. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * Finding codes about SD-JWTs (RFC 9901): their titles and references are in sd-jwt/messages.ts, which
 * loads with the SD-JWT code, not with the page.
 */
export type SdFindingCode =
	| 'sd-unmatched-disclosure'
	| 'sd-duplicate-digest'
	| 'sd-malformed-disclosure'
	| 'sd-forbidden-claim'
	| 'sd-hash-mismatch'
	| 'sd-claim-exists'
	| 'sd-alg-unknown'
	| 'sd-alg-weak'
	| 'sd-invalid-digests'
	| 'sd-nesting-too-deep'
	| 'sd-too-many-disclosures'
	| 'sd-kb-missing'
	| 'sd-kb-no-cnf'
	| 'sd-kb-malformed'
	| 'sd-kb-typ'
	| 'sd-kb-iat'
	| 'sd-kb-claims'
	| 'sd-kb-audience'
	| 'sd-kb-nonce'
	| 'sd-vc-missing-vct'
	| 'sd-vc-typ';

/** Stable finding codes, as `data-code` in the Warnings list (ui-contract.md). */
export type FindingCode =
	| 'alg-none'
	| 'alg-unknown'
	| 'no-exp'
	| 'expired'
	| 'not-yet-valid'
	| 'iat-future'
	| 'time-in-milliseconds'
	| 'time-order'
	| 'invalid-time-claim'
	| 'non-canonical-base64url'
	| 'duplicate-key'
	| 'not-json-object'
	| 'invalid-utf8'
	| 'whitespace-in-token'
	| 'empty-signature'
	| 'missing-signature'
	| 'payload-not-json'
	| 'jwe-encrypted'
	| 'weak-secret'
	| 'key-confusion'
	| 'alg-key-mismatch'
	| 'weak-rsa-key'
	| 'key-use-enc'
	| 'embedded-jwk'
	| 'remote-key-url'
	| 'x5c-header'
	| 'kid-injection'
	| 'crit-header'
	| 'b64-false'
	| 'psychic-signature'
	| 'ecdsa-out-of-range'
	| 'der-signature'
	| 'signature-length'
	| 'long-lifetime'
	| 'missing-iss'
	| 'missing-aud'
	| 'missing-sub'
	| 'empty-aud'
	| 'id-token-rules'
	| 'typ-generic'
	| 'sensitive-data'
	| 'jwe-rsa1-5'
	| 'jwe-zip'
	| 'jwe-weak-p2c'
	| 'jwe-unsigned'
	| 'jwe-dir-weak-key'
	| 'jwe-nested-no-cty'
	| 'jwe-claim-mismatch'
	| 'eddsa-deprecated'
	| 'missing-claim'
	| 'dpop-claims'
	| 'dpop-private-key'
	| 'dpop-no-jwk'
	| 'dpop-alg'
	| 'dpop-iat-window'
	| 'logout-token-rules'
	| 'dpop-ath-mismatch'
	| 'dpop-jkt-mismatch'
	| 'at-hash-mismatch'
	| 'kb-key-mismatch'
	| SdFindingCode;

/** The finding codes whose facts are in `findingInfo`: all but the SD-JWT ones. */
export type CoreFindingCode = Exclude<FindingCode, SdFindingCode>;

/** The fixed facts of a finding code: how much it matters, a one-line title, and the standard behind it. */
export interface FindingInfo {
	readonly severity: Severity;
	readonly title: string;
	readonly spec: string;
	readonly url: string;
}

/** A link to a section of an RFC. */
export const rfc = (n: number, section: string) =>
	`https://www.rfc-editor.org/rfc/rfc${n}#section-${section}`;

/** Every finding code's severity, title and reference, but the SD-JWT ones (sd-jwt/messages.ts). */
export const findingInfo: Readonly<Record<CoreFindingCode, FindingInfo>> = Object.freeze({
	'alg-none': {
		severity: 'error',
		title: 'Unsigned token (alg "none")',
		spec: 'RFC 8725 §3.1',
		url: rfc(8725, '3.1'),
	},
	'alg-unknown': {
		severity: 'warning',
		title: 'Unknown or missing algorithm',
		spec: 'RFC 7515 §4.1.1',
		url: rfc(7515, '4.1.1'),
	},
	'no-exp': {
		severity: 'warning',
		title: 'No expiration time',
		spec: 'RFC 7519 §4.1.4',
		url: rfc(7519, '4.1.4'),
	},
	expired: {
		severity: 'error',
		title: 'Token has expired',
		spec: 'RFC 7519 §4.1.4',
		url: rfc(7519, '4.1.4'),
	},
	'not-yet-valid': {
		severity: 'error',
		title: 'Token is not valid yet',
		spec: 'RFC 7519 §4.1.5',
		url: rfc(7519, '4.1.5'),
	},
	'iat-future': {
		severity: 'warning',
		title: 'Issued in the future',
		spec: 'RFC 7519 §4.1.6',
		url: rfc(7519, '4.1.6'),
	},
	'time-in-milliseconds': {
		severity: 'warning',
		title: 'Time looks like milliseconds',
		spec: 'RFC 7519 §2 (NumericDate)',
		url: rfc(7519, '2'),
	},
	'time-order': {
		severity: 'warning',
		title: 'Times out of order',
		spec: 'RFC 7519 §4.1.4',
		url: rfc(7519, '4.1.4'),
	},
	'invalid-time-claim': {
		severity: 'warning',
		title: 'Time claim is not a possible date',
		spec: 'RFC 7519 §2 (NumericDate)',
		url: rfc(7519, '2'),
	},
	'non-canonical-base64url': {
		severity: 'warning',
		title: 'Not canonical base64url',
		spec: 'RFC 7515 §2',
		url: rfc(7515, '2'),
	},
	'duplicate-key': {
		severity: 'warning',
		title: 'Duplicate JSON key',
		spec: 'RFC 7515 §5.2, RFC 8725 §3.4',
		url: rfc(7515, '5.2'),
	},
	'not-json-object': {
		severity: 'error',
		title: 'Not a JSON object',
		spec: 'RFC 7519 §7.2',
		url: rfc(7519, '7.2'),
	},
	'invalid-utf8': {
		severity: 'error',
		title: 'Not valid UTF-8',
		spec: 'RFC 7519 §7.2, RFC 8725 §3.7',
		url: rfc(8725, '3.7'),
	},
	'whitespace-in-token': {
		severity: 'info',
		title: 'Whitespace inside the token',
		spec: 'RFC 7515 §7.1',
		url: rfc(7515, '7.1'),
	},
	'empty-signature': {
		severity: 'error',
		title: 'Empty signature',
		spec: 'RFC 7515 §5.2, CVE-2020-28042',
		url: rfc(7515, '5.2'),
	},
	'missing-signature': {
		severity: 'error',
		title: 'Signature part missing',
		spec: 'RFC 7515 §7.1',
		url: rfc(7515, '7.1'),
	},
	'payload-not-json': {
		severity: 'info',
		title: 'Payload is not JSON',
		spec: 'RFC 7519 §7.2',
		url: rfc(7519, '7.2'),
	},
	'weak-secret': {
		severity: 'warning',
		title: 'Weak HMAC secret',
		spec: 'RFC 7518 §3.2, RFC 8725 §3.5',
		url: rfc(8725, '3.5'),
	},
	'key-confusion': {
		severity: 'error',
		title: 'Public key used as an HMAC secret',
		spec: 'RFC 8725 §2.1, CVE-2016-10555',
		url: rfc(8725, '2.1'),
	},
	'alg-key-mismatch': {
		severity: 'warning',
		title: 'Key does not fit the algorithm',
		spec: 'RFC 8725 §3.1',
		url: rfc(8725, '3.1'),
	},
	'weak-rsa-key': {
		severity: 'warning',
		title: 'RSA key under 2048 bits',
		spec: 'RFC 7518 §3.3',
		url: rfc(7518, '3.3'),
	},
	'key-use-enc': {
		severity: 'warning',
		title: 'Encryption key used to verify',
		spec: 'RFC 7517 §4.2',
		url: rfc(7517, '4.2'),
	},
	'embedded-jwk': {
		severity: 'warning',
		title: 'Key embedded in the header (jwk)',
		spec: 'RFC 7515 §4.1.3, RFC 8725 §3.10, CVE-2018-0114',
		url: rfc(8725, '3.10'),
	},
	'remote-key-url': {
		severity: 'warning',
		title: 'Key URL in the header (jku or x5u)',
		spec: 'RFC 7515 §4.1.2, §4.1.5, RFC 8725 §3.10',
		url: rfc(8725, '3.10'),
	},
	'x5c-header': {
		severity: 'info',
		title: 'Certificate chain in the header (x5c)',
		spec: 'RFC 7515 §4.1.6',
		url: rfc(7515, '4.1.6'),
	},
	'kid-injection': {
		severity: 'warning',
		title: 'Key ID (kid) looks like an injection',
		spec: 'RFC 7515 §4.1.4, RFC 8725 §3.10',
		url: rfc(8725, '3.10'),
	},
	'crit-header': {
		severity: 'warning',
		title: 'Critical header parameters (crit)',
		spec: 'RFC 7515 §4.1.11',
		url: rfc(7515, '4.1.11'),
	},
	'b64-false': {
		severity: 'warning',
		title: 'Unencoded payload (b64: false)',
		spec: 'RFC 7797 §3, §6',
		url: rfc(7797, '3'),
	},
	'psychic-signature': {
		severity: 'error',
		title: 'ECDSA signature with r or s zero',
		spec: 'RFC 7518 §3.4, CVE-2022-21449',
		url: 'https://nvd.nist.gov/vuln/detail/CVE-2022-21449',
	},
	'ecdsa-out-of-range': {
		severity: 'error',
		title: 'ECDSA signature with r or s not below the curve order',
		spec: 'RFC 7518 §3.4, SEC 1 §4.1.4',
		url: rfc(7518, '3.4'),
	},
	'der-signature': {
		severity: 'warning',
		title: 'ECDSA signature in DER form',
		spec: 'RFC 7518 §3.4',
		url: rfc(7518, '3.4'),
	},
	'signature-length': {
		severity: 'warning',
		title: 'Signature length does not fit the algorithm',
		spec: 'RFC 7518 §3.2–3.5, RFC 8037 §3.1',
		url: rfc(7518, '3.1'),
	},
	'long-lifetime': {
		severity: 'warning',
		title: 'Long-lived token',
		spec: 'RFC 6819 §5.1.5.3, RFC 7519 §4.1.4',
		url: rfc(6819, '5.1.5.3'),
	},
	'missing-iss': {
		severity: 'warning',
		title: 'No issuer (iss)',
		spec: 'RFC 7519 §4.1.1, RFC 8725 §3.8, RFC 9068 §2.2',
		url: rfc(8725, '3.8'),
	},
	'missing-aud': {
		severity: 'warning',
		title: 'No audience (aud)',
		spec: 'RFC 7519 §4.1.3, RFC 8725 §3.9, RFC 9068 §2.2',
		url: rfc(8725, '3.9'),
	},
	'missing-sub': {
		severity: 'info',
		title: 'No subject (sub)',
		spec: 'RFC 7519 §4.1.2, RFC 8725 §3.8, RFC 9068 §2.2',
		url: rfc(9068, '2.2'),
	},
	'empty-aud': {
		severity: 'warning',
		title: 'Empty audience (aud)',
		spec: 'RFC 7519 §4.1.3',
		url: rfc(7519, '4.1.3'),
	},
	'id-token-rules': {
		severity: 'warning',
		title: 'ID token breaks an OpenID Connect rule',
		spec: 'OpenID Connect Core 1.0 §2, §3.1.3.6, §3.1.3.7',
		url: 'https://openid.net/specs/openid-connect-core-1_0.html#IDToken',
	},
	'typ-generic': {
		severity: 'info',
		title: 'Generic typ where explicit typing is expected',
		spec: 'RFC 9068 §2.1, RFC 8725 §3.11',
		url: rfc(9068, '2.1'),
	},
	'sensitive-data': {
		severity: 'warning',
		title: 'Sensitive data in a readable claim',
		spec: 'RFC 7519 §12',
		url: rfc(7519, '12'),
	},
	'jwe-rsa1-5': {
		severity: 'warning',
		title: 'RSA1_5 key encryption (padding oracle)',
		spec: 'RFC 8725 §3.2, RFC 7516 §11.5',
		url: rfc(8725, '3.2'),
	},
	'jwe-zip': {
		severity: 'warning',
		title: 'Compressed before encryption (zip)',
		spec: 'RFC 8725 §3.6, RFC 7516 §4.1.3',
		url: rfc(8725, '3.6'),
	},
	'jwe-weak-p2c': {
		severity: 'warning',
		title: 'Low PBES2 iteration count (p2c)',
		spec: 'RFC 7518 §4.8.1.2',
		url: rfc(7518, '4.8.1.2'),
	},
	'jwe-unsigned': {
		severity: 'warning',
		title: 'Encrypted but not signed',
		spec: 'RFC 7519 §11.2, RFC 7516 §11.3',
		url: rfc(7519, '11.2'),
	},
	'jwe-dir-weak-key': {
		severity: 'warning',
		title: 'Direct encryption with a text key',
		spec: 'RFC 7518 §4.5, RFC 8725 §3.5',
		url: rfc(8725, '3.5'),
	},
	'jwe-nested-no-cty': {
		severity: 'info',
		title: 'Nested token without cty "JWT"',
		spec: 'RFC 7519 §5.2',
		url: rfc(7519, '5.2'),
	},
	'jwe-claim-mismatch': {
		severity: 'warning',
		title: 'Header claim differs from the encrypted claim',
		spec: 'RFC 7519 §5.3',
		url: rfc(7519, '5.3'),
	},
	'eddsa-deprecated': {
		severity: 'info',
		title: '"EdDSA" is deprecated: use "Ed25519" or "Ed448"',
		spec: 'RFC 9864 §2.2',
		url: rfc(9864, '2.2'),
	},
	'jwe-encrypted': {
		severity: 'info',
		title: 'Encrypted token (JWE)',
		spec: 'RFC 7516 §7.1',
		url: rfc(7516, '7.1'),
	},
	'missing-claim': {
		severity: 'warning',
		title: 'A claim this kind of token requires is missing',
		spec: 'RFC 9068 §2.2, OpenID Connect Core §2, RFC 8417 §2.2',
		url: rfc(9068, '2.2'),
	},
	'dpop-claims': {
		severity: 'error',
		title: 'DPoP proof without htm, htu, iat or jti',
		spec: 'RFC 9449 §4.2',
		url: rfc(9449, '4.2'),
	},
	'dpop-private-key': {
		severity: 'error',
		title: 'DPoP proof carries a private key',
		spec: 'RFC 9449 §4.2, §4.3',
		url: rfc(9449, '4.3'),
	},
	'dpop-no-jwk': {
		severity: 'error',
		title: 'DPoP proof without its public key (jwk)',
		spec: 'RFC 9449 §4.2',
		url: rfc(9449, '4.2'),
	},
	'dpop-alg': {
		severity: 'error',
		title: 'DPoP proof not signed with an asymmetric algorithm',
		spec: 'RFC 9449 §4.2, §4.3',
		url: rfc(9449, '4.3'),
	},
	'dpop-iat-window': {
		severity: 'warning',
		title: 'DPoP proof created outside the acceptance window',
		spec: 'RFC 9449 §4.3, §11.1',
		url: rfc(9449, '11.1'),
	},
	'logout-token-rules': {
		severity: 'warning',
		title: 'Logout token breaks a Back-Channel Logout rule',
		spec: 'OpenID Connect Back-Channel Logout 1.0 §2.4, §2.6',
		url: 'https://openid.net/specs/openid-connect-backchannel-1_0.html#LogoutToken',
	},
	'dpop-ath-mismatch': {
		severity: 'error',
		title: "DPoP proof's ath does not match the access token",
		spec: 'RFC 9449 §4.2, §7',
		url: rfc(9449, '4.2'),
	},
	'dpop-jkt-mismatch': {
		severity: 'error',
		title: "Access token's cnf.jkt is not the proof key's thumbprint",
		spec: 'RFC 9449 §6.1, RFC 7638',
		url: rfc(9449, '6.1'),
	},
	'at-hash-mismatch': {
		severity: 'error',
		title: "ID token's at_hash does not match the access token",
		spec: 'OpenID Connect Core §3.1.3.6',
		url: 'https://openid.net/specs/openid-connect-core-1_0.html#CodeIDToken',
	},
	'kb-key-mismatch': {
		severity: 'error',
		title: "KB-JWT is not signed by the credential's cnf key",
		spec: 'RFC 9901 §4.3, §7.3',
		url: rfc(9901, '7.3'),
	},
});
