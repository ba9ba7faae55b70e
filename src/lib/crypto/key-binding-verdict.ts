// The outcomes of checking and signing an SD-JWT key binding, as data (RFC 9901 §4.3, §7.3); key-binding-messages.ts words them.

import type { HolderKey } from '../jwt/sd-jwt/key-binding';
import type { IssuedAtProblem, KeyBindingProblem } from '../jwt/sd-jwt/key-binding-problems';
import type { KeyProblem } from './keys';
import type { SignResult } from './sign';
import type { Verdict } from './verify';

/** Why the KB-JWT's signature could not be checked: `cnf` names no key the page holds (RFC 7800 §3). */
export type UnresolvedHolderKey = Exclude<HolderKey, { readonly kind: 'jwk' }>;

/** One reason a key binding is invalid: a check of the report, the signature, or a holder key the page cannot resolve. */
export type KeyBindingFailure =
	| KeyBindingProblem
	| { readonly check: 'signature'; readonly signature: Verdict }
	| { readonly check: 'holder-key'; readonly holderKey: UnresolvedHolderKey };

/**
 * The outcome behind the status `Key binding` (ui-contract.md), as data; describeKeyBinding
 * (key-binding-messages.ts) words it. `none` codes: `absent` (ends with `~`, no `cnf`), `absent-bound`
 * (ends with `~` though `cnf` binds it to a holder), `awaiting-holder-key` (the page dropped a KB-JWT that
 * no longer matched the presentation, and needs the holder's private key to sign a new one).
 */
export type KeyBindingVerdict =
	| {
			readonly status: 'verified';
			readonly code: 'verified';
			readonly signature: Verdict;
			/** `iat` a verifier would not accept: a warning beside the verdict. */
			readonly iat?: IssuedAtProblem;
	  }
	| {
			readonly status: 'invalid';
			readonly code: 'invalid';
			/** Every failed check, the signature or unresolvable key first. */
			readonly failures: readonly KeyBindingFailure[];
			readonly signature?: Verdict;
			readonly iat?: IssuedAtProblem;
	  }
	| { readonly status: 'none'; readonly code: 'absent' | 'absent-bound' | 'awaiting-holder-key' };

/** A presentation with a freshly signed KB-JWT, or why it could not be signed. */
export type KeyBindingSignResult =
	| { readonly ok: true; readonly token: string; readonly kbJwt: string }
	| { readonly ok: false; readonly code: 'not-sd-jwt' | 'no-key' }
	/** The holder key's text cannot be read: `problem` says why, as for `Secret or key` (issue 19). */
	| { readonly ok: false; readonly code: 'key-unreadable'; readonly problem: KeyProblem }
	| { readonly ok: false; readonly code: 'digest-unavailable'; readonly alg: string }
	/** `signToken` refused; describeSignResult words why. */
	| { readonly ok: false; readonly code: 'sign-failed'; readonly result: Exclude<SignResult, { ok: true }> };
