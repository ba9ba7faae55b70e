// The shape of a binding line between two tokens, shared by bindings.ts and the SD-JWT pair it loads lazily.

import type { DecodedToken } from '../jwt/decode';
import type { FindingCode, FindingInfo } from '../jwt/messages';

/** What a binding line compares. */
export type BindingKind =
	| 'dpop-ath'
	| 'dpop-jkt'
	| 'dpop-cnf-jwk'
	| 'at-hash'
	| 'kb-sd-hash'
	| 'kb-signature'
	| 'same-iss'
	| 'same-sub'
	| 'client-audience'
	| 'logout-audience'
	| 'logout-session';

/** One comparison between the two tokens: what was compared and whether it holds. */
export interface Binding {
	readonly kind: BindingKind;
	readonly holds: boolean;
	/** `must`: the spec requires it; `expected`: the tokens usually agree, and a difference is worth a look. */
	readonly level: 'must' | 'expected';
	/** What was compared, in words: `the proof's "ath" and the SHA-256 of the access token`. */
	readonly compared: string;
	/** The value worked out from the other token (a hash, a thumbprint, a claim). */
	readonly expected: string;
	/** The value the token states. */
	readonly actual: string;
	/** The finding a broken binding raises, when it has one (ui-contract.md). */
	readonly code?: FindingCode;
	/**
	 * The facts of `code` when they are not in `findingInfo`: the SD-JWT codes, whose table loads with the
	 * SD-JWT code (sd-jwt/messages.ts).
	 */
	readonly info?: FindingInfo;
	readonly spec: string;
	readonly url: string;
	/** Anything the comparison assumed, e.g. the hash used for EdDSA. */
	readonly note?: string;
}

/** One of the two tokens: the text as given (an opaque access token is fine) and, when it decodes, the decoded token. */
export interface TokenSide {
	readonly text: string;
	readonly decoded?: DecodedToken;
}
