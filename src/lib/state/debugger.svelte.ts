// The page's state: the settings and lazily loaded code every token shares, and the token session shown.

import type { OffThreadAnalyzer } from '$lib/worker/client';
import { Modules } from './modules.svelte';
import { Relation } from './relation.svelte';
import { Sharing } from './sharing.svelte';
import { TokenSession } from './session.svelte';
import { Settings } from './settings.svelte';

/** Everything the page shows, composed: one object per concern, and one session per token. */
export class DebuggerState {
	readonly settings = new Settings();
	readonly modules = new Modules();
	/** The token in the token editor. */
	readonly main: TokenSession;
	/** The token in `Related token`: a second session of the same kind, compared with the main one. */
	readonly related: TokenSession;
	/** What differs between the two tokens and what binds them. */
	readonly relation: Relation;
	/** Redactions, the link without signature and the report, for the token shown. */
	readonly sharing: Sharing;
	/** A token opened from the main one (the token inside a JWE, say), shown instead of it. */
	#opened = $state.raw<TokenSession | undefined>();
	/**
	 * The first token has been painted. The claims tables wait for it: their dates need the browser's date
	 * formatting data, whose first use costs more than decoding, and the editors come first.
	 */
	painted = $state(false);

	constructor(offThread?: OffThreadAnalyzer) {
		this.main = new TokenSession(this.settings, this.modules, offThread);
		// No worker of its own: the worker answers one text at a time, and it is the main token's.
		this.related = new TokenSession(this.settings, this.modules);
		this.relation = new Relation(this.main, this.related, this.modules);
		this.sharing = new Sharing(() => this.session, this.settings);
	}

	/** The session the panels show: the main token, or a token opened from it. */
	get session(): TokenSession {
		return this.#opened ?? this.main;
	}

	/** Shows `session` in the panels instead of the main token; `undefined` goes back to the main token. */
	open(session: TokenSession | undefined): void {
		this.#opened = session;
	}

	/** Starts following the outside world for both sessions (the worker, verification) and their bindings; returns the stop. */
	track(): () => void {
		const stops = [
			this.main.track(),
			this.related.track(),
			$effect.root(() => {
				$effect(() => {
					void this.relation.refresh();
				});
			}),
		];
		return () => stops.forEach((stop) => stop());
	}

	/**
	 * Swaps the main and the related token, keys included, so the related token's verdict and findings show
	 * in the main panels (one click away, issue 18).
	 */
	swap(): void {
		const [a, b] = [this.main, this.related];
		const texts = [a.view.text, b.view.text] as const;
		const picks = [a.view.pick, b.view.pick] as const;
		const keys = [a.key.text, b.key.text] as const;
		const base64 = [a.key.base64, b.key.base64] as const;
		this.#opened = undefined;
		a.view.setText(texts[1]);
		b.view.setText(texts[0]);
		a.view.pick = picks[1];
		b.view.pick = picks[0];
		a.key.setText(keys[1]);
		b.key.setText(keys[0]);
		a.key.base64 = base64[1];
		b.key.base64 = base64[0];
	}

	/** What first paint does not need: the security review, verification and the claims reference. */
	loadTheRest(): void {
		this.painted = true;
		void this.modules.loadReview();
		void this.modules.loadCrypto();
		void this.modules.loadDocs();
	}
}
