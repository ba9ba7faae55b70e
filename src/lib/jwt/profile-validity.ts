// Where a DPoP proof stands in time: a proof has no "exp"; it is fresh for a short window after its "iat" (RFC 9449 §4.3, §11.1).

import { formatRelative, type Validity } from './claims';
import { getMember, type JsonNode } from './json';
import { DPOP_IAT_WINDOW } from './profiles';

/**
 * A DPoP proof's standing at `now`, in the shape of `describeValidity`: `valid` while its `iat` is
 * within {@link DPOP_IAT_WINDOW} seconds (plus the skew) of now, `expired` when older,
 * `not-yet-valid` when further ahead, and `no-expiry` without a numeric `iat`.
 */
export function describeProofFreshness(payload: JsonNode, now: number, clockSkew = 0): Validity {
	const iat = getMember(payload, 'iat');
	if (iat?.kind !== 'number' || !Number.isFinite(iat.value)) {
		const text = 'No usable "iat": a server cannot tell how fresh the proof is';
		return { state: 'no-expiry', text, fact: text };
	}
	const age = now - iat.value;
	const window = DPOP_IAT_WINDOW + clockSkew;
	const when = formatRelative(iat.value - now);
	if (age > window) return { state: 'expired', text: `Stale proof: made ${when}`, fact: `Made ${when}` };
	if (-age > window)
		return { state: 'not-yet-valid', text: `Proof dated ${when}, ahead of the clock`, fact: `Dated ${when}` };
	return { state: 'valid', text: `Fresh proof: made ${when}`, fact: `Made ${when}` };
}
