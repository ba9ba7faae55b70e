// What a person reads: titles and references for each finding code, and plain text for each decoding error.

import type { DebuggerError, ErrorCode } from './errors';

/** How much a finding matters. */
export type Severity = 'error' | 'warning' | 'info';

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
	| 'weak-secret';

/** The fixed facts of a finding code: how much it matters, a one-line title, and the standard behind it. */
export interface FindingInfo {
	readonly severity: Severity;
	readonly title: string;
	readonly spec: string;
	readonly url: string;
}

const rfc = (n: number, section: string) => `https://www.rfc-editor.org/rfc/rfc${n}#section-${section}`;

/** Every finding code's severity, title and reference. */
export const findingInfo: Readonly<Record<FindingCode, FindingInfo>> = Object.freeze({
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
		title: 'Time claim is not a number',
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
	'jwe-encrypted': {
		severity: 'info',
		title: 'Encrypted token (JWE)',
		spec: 'RFC 7516 §7.1',
		url: rfc(7516, '7.1'),
	},
});

const errorText: Readonly<Record<ErrorCode, string>> = Object.freeze({
	empty: 'Paste a token to decode it.',
	'not-a-token':
		'This does not look like a JWT: a token is two or more parts of base64url separated by dots.',
	'bad-segments': 'This token does not have the right number of parts.',
	'missing-signature': 'The signature part is missing.',
	'bad-base64url': 'A part is not valid base64url.',
	'bad-utf8': 'A part is not valid UTF-8 text.',
	'bad-json': 'A part is not valid JSON.',
	'not-json-object': 'A part is JSON but not an object.',
});

/** The sentence a person reads for a decoding error: the general problem, then the precise detail naming the part. */
export function describeError(error: DebuggerError): string {
	return `${errorText[error.code]} ${capitalize(error.message)}.`;
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
