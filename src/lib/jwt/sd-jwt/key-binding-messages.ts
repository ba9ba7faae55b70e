// What a person reads for each failed key binding check (RFC 9901 §4.3, §7.3), keyed by the check's code.

import { quoteText, quoteValue } from '../findings/text';
import type { IssuedAtProblem, KeyBindingProblem } from './key-binding-problems';

/**
 * The sentence for one failed key binding check, for the finding it raises and the `Key binding` status.
 * @example describeKeyBindingProblem({ check: 'typ' }) // 'The key binding JWT\'s "typ" is missing, not "kb+jwt", …'
 */
export function describeKeyBindingProblem(problem: KeyBindingProblem): string {
	switch (problem.check) {
		case 'no-cnf':
			return 'The SD-JWT ends with a key binding JWT, but the credential has no "cnf" naming the holder\'s key, so nothing says which key must have signed it.';
		case 'malformed':
			return `The key binding JWT after the last "~" cannot be read: ${
				problem.error
					? `${problem.error.message}`
					: problem.shape === 'not-jws'
						? 'it is not a JWS of three parts'
						: 'its header or payload is not a JSON object'
			}.`;
		case 'typ':
			return `The key binding JWT's "typ" is ${problem.typ ? quoteValue(problem.typ) : 'missing'}, not "kb+jwt", so it could be another JWT the holder signed, replayed here.`;
		case 'claims':
			return `The key binding JWT has no ${problem.missing.map((m) => `"${m}"`).join(', ')}; RFC 9901 §4.3 requires iat, aud, nonce and sd_hash.`;
		case 'sd-hash':
			return `The key binding JWT's "sd_hash" is ${quoteValue(problem.actual)}, but the ${problem.alg} digest of the presented SD-JWT (up to and including its last "~") is "${problem.expected}": the disclosures were changed after the holder signed, or the KB-JWT belongs to another presentation.`;
		case 'audience':
			return `The key binding JWT's "aud" is ${quoteValue(problem.aud)}, not the expected ${quoteText(problem.expected)}: the presentation was made for another verifier.`;
		case 'nonce':
			return `The key binding JWT's "nonce" is ${quoteValue(problem.nonce)}, not the expected ${quoteText(problem.expected)}: it may be a replay of an earlier presentation.`;
	}
}

/** The sentence for a KB-JWT `iat` a verifier would not accept (RFC 9901 §7.3 step 5). */
export function describeIssuedAtProblem(problem: IssuedAtProblem): string {
	switch (problem.issue) {
		case 'not-number':
			return `The key binding JWT's "iat" is ${quoteValue(problem.iat)}, not a NumericDate, so its freshness cannot be judged.`;
		case 'future':
			return `The key binding JWT was issued ${describeSeconds(-problem.age)} in the future (allowed clock skew ${problem.skew} s): the holder's clock is wrong, or it was made ahead of use.`;
		case 'stale':
			return `The key binding JWT was issued ${describeSeconds(problem.age)} ago; a verifier accepts it only within a short window (here ${describeSeconds(problem.maxAge)}) to limit replay.`;
	}
}

/** The finding sentence for a credential with `cnf` presented without a KB-JWT (`sd-kb-missing`). */
export const KB_MISSING_TEXT =
	'The credential has a "cnf" key, so it is bound to a holder, but this presentation ends with "~" and has no key binding JWT: anyone who copied it can present it. A verifier that requires key binding rejects it.';

function describeSeconds(seconds: number): string {
	const s = Math.round(seconds);
	if (s < 120) return `${s} s`;
	if (s < 7200) return `${Math.round(s / 60)} min`;
	if (s < 172_800) return `${Math.round(s / 3600)} h`;
	return `${Math.round(s / 86_400)} days`;
}
