// What a person reads for the `Key binding` status and for signing a KB-JWT (RFC 9901 §4.3, §7.3), keyed by code.

import { describeIssuedAtProblem, describeKeyBindingProblem } from '../jwt/sd-jwt/key-binding-messages';
import { describeKeyProblem, describeSignResult, describeVerdict } from './messages';
import type {
	KeyBindingFailure,
	KeyBindingSignResult,
	KeyBindingVerdict,
	UnresolvedHolderKey,
} from './key-binding-verdict';

/** The phrase the `Key binding` status begins with, by verdict status (ui-contract.md, exact). */
export const KEY_BINDING_HEADLINES = Object.freeze({
	verified: 'Key binding verified',
	invalid: 'Invalid key binding',
	none: 'No key binding',
} as const satisfies Record<KeyBindingVerdict['status'], string>);

const NONE_TEXT = Object.freeze({
	absent: 'The SD-JWT ends with "~", and the credential names no holder key.',
	'absent-bound':
		'The SD-JWT ends with "~", though the credential has a "cnf" key; anyone holding it can present it.',
	'awaiting-holder-key':
		'The presentation changed, so its old key binding JWT no longer matched and was left off. Enter the holder private key to sign a new one (fresh "iat", the "sd_hash" of this presentation).',
} as const satisfies Record<Extract<KeyBindingVerdict, { status: 'none' }>['code'], string>);

/**
 * The `Key binding` status: its headline (one of KEY_BINDING_HEADLINES) and the explanation after it.
 * @example describeKeyBinding({ status: 'none', code: 'absent' }).headline // 'No key binding'
 */
export function describeKeyBinding(verdict: KeyBindingVerdict): {
	readonly headline: string;
	readonly explanation: string;
} {
	const headline = KEY_BINDING_HEADLINES[verdict.status];
	if (verdict.status === 'none') return { headline, explanation: NONE_TEXT[verdict.code] };
	const note = verdict.iat ? ` Note: ${describeIssuedAtProblem(verdict.iat)}` : '';
	if (verdict.status === 'verified')
		return {
			headline,
			explanation: `The KB-JWT is typed "kb+jwt", signed with the credential's "cnf" key, and its "sd_hash" matches the presented SD-JWT.${note}`,
		};
	const reasons = verdict.failures.map((failure) => lowerFirst(withoutStop(describeFailure(failure))));
	return { headline, explanation: `${upperFirst(reasons.join('; '))}.${note}` };
}

/** The note under `Sign key binding`: what signing did, or why it could not. */
export function describeKeyBindingSigning(result: KeyBindingSignResult): string {
	if (result.ok)
		return 'Signed a new key binding JWT with the holder key: fresh "iat", "sd_hash" of this presentation.';
	switch (result.code) {
		case 'not-sd-jwt':
			return 'This is not an SD-JWT: it has no "~".';
		case 'no-key':
			return "Enter the holder's private key (PEM or JWK) to sign a key binding JWT.";
		case 'key-unreadable':
			return `The holder's private key cannot be used. ${describeKeyProblem(result.problem)}`;
		case 'digest-unavailable':
			return `The page cannot compute "${result.alg}" for "sd_hash".`;
		case 'sign-failed':
			return describeSignResult(result.result).replace(/ The token keeps its old signature\.$/, '');
	}
}

function describeFailure(failure: KeyBindingFailure): string {
	switch (failure.check) {
		case 'signature':
			return `its signature does not verify with the "cnf" key: ${describeVerdict(failure.signature).explanation}`;
		case 'holder-key':
			return describeUnresolved(failure.holderKey);
		default:
			return describeKeyBindingProblem(failure);
	}
}

function describeUnresolved(key: UnresolvedHolderKey): string {
	switch (key.kind) {
		case 'kid':
			return `the credential's "cnf" names the holder's key by "kid" ${JSON.stringify(key.kid)}, which this page cannot resolve, so the signature is not checked`;
		case 'jkt':
			return `the credential's "cnf" names the holder's key only by its thumbprint ("jkt"), so the page has no key to check the signature with`;
		case 'other':
			return `the credential's "cnf" has ${key.members.map((m) => `"${m}"`).join(', ') || 'no members'}, not a "jwk", so the page has no key to check the signature with`;
		case 'none':
			return 'the credential has no "cnf", so nothing says which key must have signed the key binding JWT';
	}
}

function withoutStop(text: string): string {
	return text.endsWith('.') ? text.slice(0, -1) : text;
}
function lowerFirst(text: string): string {
	return text.charAt(0).toLowerCase() + text.slice(1);
}
function upperFirst(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
