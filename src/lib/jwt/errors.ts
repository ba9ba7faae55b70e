// Errors the core throws or returns, each with a stable code; messages.ts turns codes into what a person reads.

/** Which part of a compact token something is about (RFC 7515 §7.1, RFC 7516 §7.1, RFC 9901 §4). */
export type PartName =
	| 'header'
	| 'payload'
	| 'signature'
	| 'encrypted-key'
	| 'iv'
	| 'ciphertext'
	| 'tag'
	| 'disclosure'
	| 'key-binding';

/** Stable codes of decoding problems; a person reads the matching text from messages.ts. */
export type ErrorCode =
	| 'empty'
	| 'not-a-token'
	| 'bad-segments'
	| 'missing-signature'
	| 'bad-base64url'
	| 'bad-utf8'
	| 'bad-json'
	| 'not-json-object';

/** A problem found while decoding, tied to the part it is in. */
export class DebuggerError extends Error {
	constructor(
		readonly code: ErrorCode,
		message: string,
		readonly part?: PartName,
		options?: ErrorOptions,
	) {
		super(message, options);
		this.name = new.target.name;
	}
}
