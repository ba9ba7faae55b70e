// Decode a compact token's parts: base64url → bytes → UTF-8 → lossless JSON, decoding as much as can be decoded.

import { decodeBase64url, toHex, type Base64Deviation } from '../encoding/base64url';
import { DebuggerError, type PartName } from './errors';
import { parseJson, type DuplicateKey, type JsonNode, type JsonSyntaxError } from './json';
import { nestedTokenKind } from './nested';
import { splitToken, type SdJwtLayout, type TokenKind, type TokenPart } from './segments';
import { decodeUtf8 } from '../encoding/utf8';

/** A part's JSON, kept lossless: `text` is exactly the decoded UTF-8. */
export interface JsonPart {
	readonly text: string;
	/** The parsed tree when `text` is JSON. */
	readonly root?: JsonNode;
	readonly duplicates: readonly DuplicateKey[];
	/** Why `text` is not JSON, when it is not. */
	readonly syntaxError?: JsonSyntaxError;
}

/** How the payload can be shown: as JSON, as text that is not JSON, as hex bytes that are not UTF-8, or not at all. */
export type PayloadView =
	| ({ readonly mode: 'json' } & JsonPart & { readonly root: JsonNode })
	| {
			readonly mode: 'text';
			readonly text: string;
			readonly syntaxError?: JsonSyntaxError;
			/** The text is a compact JWS or JWE: a nested JWT (RFC 7519 §5.2). */
			readonly nested?: 'jws' | 'jwe';
	  }
	| { readonly mode: 'hex'; readonly text: string; readonly byteLength: number }
	| { readonly mode: 'encrypted'; readonly byteLength: number }
	| { readonly mode: 'unreadable' };

/** Everything decoding found in a token, including problems. Decoding never throws. */
export interface DecodedToken {
	readonly token: string;
	readonly kind: TokenKind;
	readonly parts: readonly TokenPart[];
	/** Set for an SD-JWT (RFC 9901 §4): `kind`, `header`, `payload` and `bytes` are then its issuer-signed JWT's. */
	readonly sdJwt?: SdJwtLayout;
	readonly header?: JsonPart;
	readonly payload: PayloadView;
	/** Raw bytes of each base64url part that decoded (signature, JWE key/iv/ciphertext/tag). */
	readonly bytes: Readonly<Partial<Record<PartName, Uint8Array>>>;
	/** Problems that stop a part from being read; the UI shows them as alerts. */
	readonly errors: readonly DebuggerError[];
	/** Parts that decoded but are not canonical base64url. */
	readonly deviations: readonly { part: PartName; deviations: readonly Base64Deviation[] }[];
	/** Parts whose bytes are not UTF-8, with the first bad byte's offset. */
	readonly invalidUtf8: readonly { part: PartName; offset: number }[];
}

/**
 * Decodes a compact JWS or JWE. Each part is decoded on its own, so a broken signature still shows
 * the header and payload. Problems are returned in `errors`, naming the part (RFC 7515 §5.2).
 * For an SD-JWT only the issuer-signed JWT is decoded here; its disclosures and KB-JWT are parts
 * that sd-jwt/ reads (RFC 9901 §4).
 */
export function decodeToken(token: string): DecodedToken {
	const { kind, parts, sdJwt } = splitToken(token);
	const errors: DebuggerError[] = [];
	const deviations: { part: PartName; deviations: Base64Deviation[] }[] = [];
	const invalidUtf8: { part: PartName; offset: number }[] = [];
	const bytes: Partial<Record<PartName, Uint8Array>> = {};

	if (kind === 'malformed') {
		const issuer = sdJwt ? token.slice(0, sdJwt.issuerEnd) : token;
		const count = issuer.split('.').length;
		const what = `${count} part${count === 1 ? '' : 's'}`;
		errors.push(
			new DebuggerError(
				'bad-segments',
				sdJwt
					? `the SD-JWT's issuer-signed JWT (before the first "~") has ${what}; it must be a JWS of 3 parts separated by dots`
					: `token has ${what}; a JWS has 3 and a JWE 5, separated by dots`,
			),
		);
		return {
			token,
			kind,
			parts,
			sdJwt,
			payload: { mode: 'unreadable' },
			bytes,
			errors,
			deviations,
			invalidUtf8,
		};
	}
	if (kind === 'unsecured-fragment') {
		errors.push(
			new DebuggerError(
				'missing-signature',
				'signature: the token has only two parts (header.payload); a JWS has three',
				'signature',
			),
		);
	}

	for (const part of parts) {
		if (part.name === 'disclosure' || part.name === 'key-binding') break;
		const result = decodeBase64url(part.text);
		if (!result.ok) {
			const where =
				result.reason === 'bad-character'
					? `invalid character '${result.character}' at position ${result.index + 1}`
					: result.reason === 'bad-padding'
						? `bad padding at position ${result.index + 1}`
						: `length ${part.text.length} is not possible in base64url (one character too many or too few)`;
			errors.push(new DebuggerError('bad-base64url', `${part.name}: ${where}`, part.name));
			continue;
		}
		bytes[part.name] = result.bytes;
		if (result.deviations.length > 0) deviations.push({ part: part.name, deviations: result.deviations });
	}

	const header = bytes.header ? readJsonPart('header', bytes.header, errors, invalidUtf8) : undefined;
	let payload: PayloadView = { mode: 'unreadable' };
	if (kind === 'jwe') {
		payload = { mode: 'encrypted', byteLength: bytes.ciphertext?.length ?? 0 };
	} else if (bytes.payload) {
		payload = readPayload(bytes.payload, errors, invalidUtf8);
	}
	return { token, kind, parts, sdJwt, header, payload, bytes, errors, deviations, invalidUtf8 };
}

/** Only a token's header: for work that never reads the payload (signing), so a 10 MB payload is not parsed. */
export function decodeHeader(token: string): {
	readonly kind: TokenKind;
	readonly parts: readonly TokenPart[];
	readonly sdJwt?: SdJwtLayout;
	readonly header?: JsonPart;
} {
	const { kind, parts, sdJwt } = splitToken(token);
	const first = kind === 'malformed' ? undefined : parts[0];
	const bytes = first ? decodeBase64url(first.text) : undefined;
	const header = bytes?.ok ? readJsonPart('header', bytes.bytes, [], []) : undefined;
	return { kind, parts, sdJwt, header };
}

function readJsonPart(
	part: PartName,
	data: Uint8Array,
	errors: DebuggerError[],
	invalidUtf8: { part: PartName; offset: number }[],
): JsonPart | undefined {
	const utf8 = decodeUtf8(data);
	if (!utf8.ok) {
		invalidUtf8.push({ part, offset: utf8.offset });
		errors.push(new DebuggerError('bad-utf8', `${part}: byte ${utf8.offset + 1} is not valid UTF-8`, part));
		return undefined;
	}
	const parsed = parseJson(utf8.text);
	if (!parsed.ok) {
		const { message, line, column } = parsed.error;
		errors.push(new DebuggerError('bad-json', `${part}: ${message} at line ${line}, column ${column}`, part));
		return { text: utf8.text, duplicates: [], syntaxError: parsed.error };
	}
	if (part === 'header') checkObject(part, parsed.root, errors);
	return { text: utf8.text, root: parsed.root, duplicates: parsed.duplicates };
}

/** RFC 7519 §7.2 steps 4 and 10: a JWT's header and claims set are JSON objects; anything else is no JWT. */
function checkObject(part: PartName, root: JsonNode, errors: DebuggerError[]): void {
	if (root.kind !== 'object')
		errors.push(new DebuggerError('not-json-object', `${part}: JSON ${root.kind}, not an object`, part));
}

/**
 * A JWS may sign any bytes (RFC 7515 §3), so a payload that is not JSON is still shown (as text, or as hex
 * when it is not UTF-8) and stays editable; but such a token is no JWT (RFC 7519 §7.2), which the errors
 * say, naming the payload. An empty payload is a JWS with detached content (RFC 7515 Appendix F): no error.
 */
function readPayload(
	data: Uint8Array,
	errors: DebuggerError[],
	invalidUtf8: { part: PartName; offset: number }[],
): PayloadView {
	const utf8 = decodeUtf8(data);
	if (!utf8.ok) {
		invalidUtf8.push({ part: 'payload', offset: utf8.offset });
		errors.push(
			new DebuggerError(
				'bad-utf8',
				`payload: byte ${utf8.offset + 1} is not valid UTF-8; shown as hex`,
				'payload',
			),
		);
		return { mode: 'hex', text: toHex(data, ' '), byteLength: data.length };
	}
	if (utf8.text === '') return { mode: 'text', text: '' };
	const parsed = parseJson(utf8.text);
	// A payload that is itself a compact token is a nested JWT (RFC 7519 §5.2, "cty": "JWT"), not broken JSON.
	const nested = parsed.ok ? undefined : nestedTokenKind(utf8.text);
	if (nested) return { mode: 'text', text: utf8.text, nested };
	if (!parsed.ok) {
		const { message, line, column } = parsed.error;
		errors.push(
			new DebuggerError(
				'bad-json',
				`payload: ${message} at line ${line}, column ${column}; shown as text`,
				'payload',
			),
		);
		return { mode: 'text', text: utf8.text, syntaxError: parsed.error };
	}
	checkObject('payload', parsed.root, errors);
	return { mode: 'json', text: utf8.text, root: parsed.root, duplicates: parsed.duplicates };
}

/** The bytes a JWS signs: the ASCII of `header.payload` exactly as in the token (RFC 7515 §5.1). */
export function signingInput(decoded: Pick<DecodedToken, 'parts'>): Uint8Array {
	const [header, payload] = decoded.parts;
	return new TextEncoder().encode(`${header?.text ?? ''}.${payload?.text ?? ''}`);
}
