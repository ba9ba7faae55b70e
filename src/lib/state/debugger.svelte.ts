// The page's state: the settings and lazily loaded code every token shares, and the token session shown.

import type { OffThreadAnalyzer } from '$lib/worker/client';
import { Modules } from './modules.svelte';
import { TokenSession } from './session.svelte';
import { Settings } from './settings.svelte';

/** Everything the page shows, composed: one object per concern, and one session per token. */
export class DebuggerState {
	readonly settings = new Settings();
	readonly modules = new Modules();
	/** The token in the token editor. */
	readonly main: TokenSession;
	/** A token opened from the main one (the token inside a JWE, say), shown instead of it. */
	#opened = $state.raw<TokenSession | undefined>();
	/**
	 * The first token has been painted. The claims tables wait for it: their dates need the browser's date
	 * formatting data, whose first use costs more than decoding, and the editors come first.
	 */
	painted = $state(false);

	constructor(offThread?: OffThreadAnalyzer) {
		this.main = new TokenSession(this.settings, this.modules, offThread);
	}

	/** The session the panels show: the main token, or a token opened from it. */
	get session(): TokenSession {
		return this.#opened ?? this.main;
	}

	/** Shows `session` in the panels instead of the main token; `undefined` goes back to the main token. */
	open(session: TokenSession | undefined): void {
		this.#opened = session;
	}

	/** Starts following the outside world for the main session (the worker, verification); returns the stop. */
	track(): () => void {
		return this.main.track();
	}

	/** What first paint does not need: the security review, verification and the claims reference. */
	loadTheRest(): void {
		this.painted = true;
		void this.modules.loadReview();
		void this.modules.loadCrypto();
		void this.modules.loadDocs();
	}
}
