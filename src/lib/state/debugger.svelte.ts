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
	/**
	 * Tokens opened from the main one, outermost first (the JWS inside a JWE, a JWE inside that), each with the
	 * token it was opened with (to know whether it was edited) and the stop of its tracking. The last is shown.
	 */
	#opened = $state.raw<readonly { session: TokenSession; token: string; stop: () => void }[]>([]);
	/** What going back out last said, when it could not re-encrypt. */
	backNote = $state('');
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
		return this.#opened.at(-1)?.session ?? this.main;
	}

	/** The main token and every token opened inside it, outermost first: the breadcrumb (JWE › JWS). */
	get path(): readonly TokenSession[] {
		return [this.main, ...this.#opened.map((entry) => entry.session)];
	}

	/** Shows `session` in the panels instead of the main token; `undefined` goes back to the main token. */
	open(session: TokenSession | undefined): void {
		for (const entry of this.#opened) entry.stop();
		this.#opened = session ? [{ session, token: session.view.token, stop: () => {} }] : [];
	}

	/** Shows `session`, opened from the one shown, with the token it opened with and the stop of its tracking. */
	push(session: TokenSession, stop: () => void): void {
		this.#opened = [...this.#opened, { session, token: session.view.token, stop }];
	}

	/** The innermost opened token: its session, the token it was opened with, and the session around it. */
	get innermost(): { session: TokenSession; token: string; outer: TokenSession } | undefined {
		const entry = this.#opened.at(-1);
		return entry && { ...entry, outer: this.#opened.at(-2)?.session ?? this.main };
	}

	/** Closes the innermost opened token, stopping its tracking, and shows the one around it. */
	pop(): void {
		this.#opened.at(-1)?.stop();
		this.#opened = this.#opened.slice(0, -1);
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
