// The failed checks of a key binding JWT, as data (RFC 9901 §4.3, §7.3 step 5): what key-binding.ts finds and messages word.

import type { DebuggerError } from '../errors';
import type { JsonNode } from '../json';

/**
 * One failed key binding check, as data (RFC 9901 §4.3, §7.3 step 5); the signature is checked in the crypto
 * layer. describeKeyBindingProblem (key-binding-messages.ts) words it.
 */
export type KeyBindingProblem =
	/** A KB-JWT, but no `cnf` in the credential names the holder's key. */
	| { readonly check: 'no-cnf' }
	/** The text after the last `~` is not a JWS with JSON object header and payload. */
	| { readonly check: 'malformed'; readonly shape: 'not-jws' | 'not-object'; readonly error?: DebuggerError }
	/** `typ` is not `kb+jwt` (absent when missing). */
	| { readonly check: 'typ'; readonly typ?: JsonNode }
	/** Required claims missing, by name. */
	| { readonly check: 'claims'; readonly missing: readonly string[] }
	/** `sd_hash` is not the `_sd_alg` digest of the presented SD-JWT. */
	| { readonly check: 'sd-hash'; readonly alg: string; readonly expected: string; readonly actual: JsonNode }
	| { readonly check: 'audience'; readonly aud: JsonNode; readonly expected: string }
	| { readonly check: 'nonce'; readonly nonce: JsonNode; readonly expected: string };

/** A KB-JWT `iat` a verifier would not accept (RFC 9901 §7.3 step 5): not a number, ahead of `now`, or too old. */
export type IssuedAtProblem =
	| { readonly issue: 'not-number'; readonly iat: JsonNode }
	| {
			readonly issue: 'future' | 'stale';
			readonly iat: number;
			/** `now - iat`, in seconds (negative when ahead). */
			readonly age: number;
			readonly maxAge: number;
			readonly skew: number;
	  };
