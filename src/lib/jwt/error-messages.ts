// The words a person reads for a text that cannot be decoded as a token: one sentence per DebuggerError code.

import type { DebuggerError, ErrorCode } from './errors';

const errorText: Readonly<Record<ErrorCode, string>> = Object.freeze({
	empty: 'Paste a token to decode it.',
	'not-a-token':
		'This does not look like a JWT: a token is two or more parts of base64url separated by dots.',
	'bad-segments': 'This token does not have the right number of parts.',
	'missing-signature': 'The signature part is missing.',
	'bad-base64url': 'A part is not valid base64url.',
	'bad-utf8': 'This cannot be decoded as a JWT: a part is not valid UTF-8 text.',
	'bad-json': 'This cannot be decoded as a JWT: a part is not valid JSON.',
	'not-json-object': 'This cannot be decoded as a JWT: its header and payload must be JSON objects.',
});

/** The sentence a person reads for a decoding error: the general problem, then the precise detail naming the part. */
export function describeError(error: DebuggerError): string {
	return `${errorText[error.code]} ${capitalize(error.message)}.`;
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
