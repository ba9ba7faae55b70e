// Split a compact token into its parts (RFC 7515 §7.1, RFC 7516 §7.1, RFC 9901 §4), keeping each part's range for highlighting.

import type { PartName } from './errors';

/** One part of a compact token; `start`/`end` are offsets in the token string. */
export interface TokenPart {
	readonly name: PartName;
	readonly start: number;
	readonly end: number;
	readonly text: string;
	/** For a disclosure: its position among the SD-JWT's disclosures, from 0. */
	readonly index?: number;
}

/** What the number of parts says the token is. An SD-JWT is a `jws` (its issuer-signed JWT) with `sdJwt` set. */
export type TokenKind = 'jws' | 'jwe' | 'unsecured-fragment' | 'malformed';

/**
 * Where an SD-JWT's pieces sit (RFC 9901 §4): the issuer-signed JWT is `token.slice(0, issuerEnd)`,
 * each disclosure and the key binding JWT are parts of their own (`disclosure`, `key-binding`).
 */
export interface SdJwtLayout {
	/** Offset of the first `~`. */
	readonly issuerEnd: number;
	/** Offset just past the last `~`: the KB-JWT's `sd_hash` covers `token.slice(0, presentedEnd)` (RFC 9901 §4.3.1). */
	readonly presentedEnd: number;
	readonly disclosureCount: number;
	/** Something follows the last `~` (a KB-JWT, or what was meant to be one). */
	readonly hasKeyBinding: boolean;
}

/** The parts of a token and what kind it is. */
export interface SplitToken {
	kind: TokenKind;
	parts: TokenPart[];
	/** Set when the token has a `~`: an SD-JWT. */
	sdJwt?: SdJwtLayout;
}

const JWS_PARTS: readonly PartName[] = ['header', 'payload', 'signature'];
const JWE_PARTS: readonly PartName[] = ['header', 'encrypted-key', 'iv', 'ciphertext', 'tag'];

/**
 * Splits a compact token. Three dot-separated parts are a JWS, five a JWE; two parts are a JWS whose
 * signature was cut off (`header.payload`), decoded anyway so people see what they have.
 *
 * With a `~`, the token is an SD-JWT (RFC 9901 §4): `<issuer-signed JWT>~<disclosure>~…~[<KB-JWT>]`.
 * Its kind is the issuer-signed JWT's (a JWS, so the JWS analysis reads it; five parts there are
 * `malformed`, not a JWE), and every disclosure (empty ones included, from a stray `~`) and the
 * KB-JWT follow as parts of their own. Runs in linear time.
 */
export function splitToken(token: string): SplitToken {
	const tilde = token.indexOf('~');
	const issuer = tilde < 0 ? token : token.slice(0, tilde);
	const texts = issuer.split('.');
	let kind: TokenKind =
		texts.length === 3
			? 'jws'
			: texts.length === 5
				? 'jwe'
				: texts.length === 2
					? 'unsecured-fragment'
					: 'malformed';
	if (tilde >= 0 && kind === 'jwe') kind = 'malformed';
	const names = kind === 'jwe' ? JWE_PARTS : JWS_PARTS;
	const parts: TokenPart[] = [];
	let start = 0;
	if (kind !== 'malformed') {
		texts.forEach((text, i) => {
			parts.push({ name: names[i]!, start, end: start + text.length, text });
			start += text.length + 1;
		});
	}
	if (tilde < 0) return { kind, parts };

	let index = 0;
	let from = tilde + 1;
	for (let next = token.indexOf('~', from); next >= 0; next = token.indexOf('~', from)) {
		parts.push({ name: 'disclosure', start: from, end: next, text: token.slice(from, next), index: index++ });
		from = next + 1;
	}
	const hasKeyBinding = from < token.length;
	if (hasKeyBinding)
		parts.push({ name: 'key-binding', start: from, end: token.length, text: token.slice(from) });
	return {
		kind,
		parts,
		sdJwt: { issuerEnd: tilde, presentedEnd: from, disclosureCount: index, hasKeyBinding },
	};
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
	disclosure: 'Disclosure',
	'key-binding': 'Key binding JWT',
});
