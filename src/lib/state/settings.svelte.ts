// The findings settings and the clock every token on the page is judged by.

import type { FindingContext } from '$lib/jwt';

/** When and how strictly times are judged: the ticking clock, an instant to judge at instead, skew and lifetime. */
export class Settings {
	/** The instant findings and relative times are judged at, in seconds; the page ticks it every second. */
	now = $state(Date.now() / 1000);
	/** Seconds of clock difference tolerated (ui-contract.md: default 0). */
	clockSkew = $state(0);
	/** An instant (seconds) to judge tokens at instead of now, to check them against the past or future. */
	evaluateAt = $state<number | undefined>();
	/** Longest `exp` − `iat` before `long-lifetime` is raised, in seconds (default 24 h). */
	lifetimeThreshold = $state(24 * 3600);
	/** The audience an SD-JWT's key binding JWT must name (`aud`), when set (RFC 9901 §7.3). */
	expectedAudience = $state('');
	/** The nonce an SD-JWT's key binding JWT must carry, when set (RFC 9901 §7.3). */
	expectedNonce = $state('');

	/** The instant everything time-related is judged at: `evaluateAt` when set, else the ticking clock. */
	readonly at = $derived(this.evaluateAt ?? this.now);
	/** What the time findings depend on besides the token. */
	readonly findingContext = $derived<FindingContext>({
		now: this.at,
		clockSkew: this.clockSkew,
		lifetimeThreshold: this.lifetimeThreshold,
	});

	/** Moves the clock to this instant (a token just pasted is judged now, not at the last tick). */
	tick(): void {
		this.now = Date.now() / 1000;
	}
}
