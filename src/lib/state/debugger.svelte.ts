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

	/**
	 * Opens the token inside the shown JWE's plaintext (`Open inner token`) as a session of its own: its own
	 * `Secret or key`, verdict, findings and editing (RFC 7519 §5.2).
	 */
	openInner(): void {
		const nested = this.session.decryption.nested;
		if (!nested) return;
		const inner = new TokenSession(this.settings, this.modules);
		inner.view.setText(nested.token);
		const stop = inner.track();
		this.backNote = '';
		this.#opened = [...this.#opened, { session: inner, token: nested.token, stop }];
	}

	/**
	 * Goes back to the token around the shown one (`Back to outer token`). When the inner token was edited, the
	 * outer JWE is encrypted again around it for the same recipient, with a fresh content key and IV.
	 */
	async backToOuter(): Promise<void> {
		const entry = this.#opened.at(-1);
		if (!entry) return;
		const outer = this.#opened.at(-2)?.session ?? this.main;
		const edited = entry.session.view.token;
		if (edited !== entry.token && edited !== '') {
			const problem = await outer.decryption.reencrypt(edited);
			if (problem) {
				this.backNote = `${problem} The outer token was left as it was.`;
				return;
			}
		}
		entry.stop();
		this.backNote = '';
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
