// The time checks a token's profile adds: a DPoP proof's `iat` must fall within the acceptance window.

import { formatRelative } from '../claims';
import { getMember, type JsonNode } from '../json';
import { DPOP_IAT_WINDOW, type ProfileRecognition } from '../profiles';
import type { AddFinding, FindingContext } from './types';

/**
 * Raises `dpop-iat-window` for a DPoP proof whose `iat` is more than {@link DPOP_IAT_WINDOW} seconds
 * (plus the clock skew setting) before or after `now` (RFC 9449 §4.3 check 11, §11.1). Exactly at the
 * edge does not raise. A proof with no numeric `iat` is left to `dpop-claims` and `invalid-time-claim`.
 */
export function checkProfileTimes(
	recognition: ProfileRecognition,
	payload: JsonNode,
	context: FindingContext,
	add: AddFinding,
): void {
	if (recognition.profile.id !== 'dpop-proof') return;
	const iat = getMember(payload, 'iat');
	if (iat?.kind !== 'number' || !Number.isFinite(iat.value)) return;
	const window = DPOP_IAT_WINDOW + (context.clockSkew ?? 0);
	const age = context.now - iat.value;
	if (Math.abs(age) <= window) return;
	const when = formatRelative(iat.value - context.now);
	const detail =
		age > 0
			? `The proof was created ${when} ("iat"), long before now. A server accepts a proof only for a short while after it is made (here ${window} seconds), so this one is stale and would be rejected; a proof is made fresh for each request.`
			: `The proof says it was created ${when} ("iat"), in the future beyond the ${window} seconds a server tolerates. The client's clock may be wrong; a server would reject it.`;
	add('dpop-iat-window', detail, { part: 'payload', member: 'iat' });
}
