// Split a compact token into its parts (RFC 7515 §7.1, RFC 7516 §7.1), keeping each part's range for highlighting.

import type { PartName } from './errors';

/** One dot-separated part of a compact token; `start`/`end` are offsets in the token string. */
export interface TokenPart {
	readonly name: PartName;
	readonly start: number;
	readonly end: number;
	readonly text: string;
}

/** What the number of parts says the token is. */
export type TokenKind = 'jws' | 'jwe' | 'unsecured-fragment' | 'malformed';

const JWS_PARTS: readonly PartName[] = ['header', 'payload', 'signature'];
const JWE_PARTS: readonly PartName[] = ['header', 'encrypted-key', 'iv', 'ciphertext', 'tag'];

/**
 * Splits a compact token at its dots. Three parts are a JWS, five a JWE; two parts are a JWS whose
 * signature was cut off (`header.payload`), decoded anyway so people see what they have.
 */
export function splitToken(token: string): { kind: TokenKind; parts: TokenPart[] } {
	const texts = token.split('.');
	const kind: TokenKind =
		texts.length === 3
			? 'jws'
			: texts.length === 5
				? 'jwe'
				: texts.length === 2
					? 'unsecured-fragment'
					: 'malformed';
	const names = kind === 'jwe' ? JWE_PARTS : JWS_PARTS;
	const parts: TokenPart[] = [];
	let start = 0;
	texts.forEach((text, i) => {
		const name = names[i];
		if (name !== undefined && kind !== 'malformed')
			parts.push({ name, start, end: start + text.length, text });
		start += text.length + 1;
	});
	return { kind, parts };
}

/** Human names of the parts, as the UI labels them. */
export const partLabels: Readonly<Record<PartName, string>> = Object.freeze({
	header: 'Header',
	payload: 'Payload',
	signature: 'Signature',
	'encrypted-key': 'Encrypted key',
	iv: 'Initialization vector',
	ciphertext: 'Ciphertext',
	tag: 'Authentication tag',
});
