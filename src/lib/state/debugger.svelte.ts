// The page's state: the settings and lazily loaded code every token shares, and the token session shown.

import type { OffThreadAnalyzer } from '$lib/worker/client';
import { Modules } from './modules.svelte';
// Type-only: the related token's bindings and the sharing choices load after first paint (see loadBeside).
import type { Relation } from './relation.svelte';
import type { Sharing } from './sharing.svelte';
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
	/** The token in `Related token`: a second session of the same kind, compared with the main one. */
	readonly related: TokenSession;
	/** What differs between the two tokens and what binds them; `undefined` until loaded (see loadBeside). */
	relation = $state.raw<Relation | undefined>();
	/** Redactions, the link without signature and the report, for the token shown; `undefined` until loaded. */
	sharing = $state.raw<Sharing | undefined>();
	#beside?: Promise<void>;
	/**
	 * The first token has been painted. The claims tables wait for it: their dates need the browser's date
	 * formatting data, whose first use costs more than decoding, and the editors come first.
	 */
	painted = $state(false);

	readonly #offThread?: OffThreadAnalyzer;

	constructor(offThread?: OffThreadAnalyzer) {
		this.#offThread = offThread;
		this.main = new TokenSession(this.settings, this.modules, offThread);
		// No worker of its own: the worker answers one text at a time, and it is the main token's.
		this.related = new TokenSession(this.settings, this.modules);
	}

	/** The session the panels show: the main token, or a token opened from it. */
	get session(): TokenSession {
		return this.#opened.at(-1)?.session ?? this.main;
	}

	/** The main token and every token opened inside it, outermost first: the breadcrumb (JWE › JWS). */
	get path(): readonly TokenSession[] {
		return [this.main, ...this.#opened.map((entry) => entry.session)];
	}

	/**
	 * The token shown was opened from inside a JWE (decrypted): sharing it shares what the encryption protected.
	 * A token opened from a JWS payload only was readable by anyone holding the outer token.
	 */
	get insideEncryption(): boolean {
		return this.path.slice(0, -1).some((session) => session.view.decoded?.kind === 'jwe');
	}

	/** Closes every opened token, stopping their tracking, and shows the main token. */
	closeAll(): void {
		for (const entry of this.#opened) entry.stop();
		this.#opened = [];
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

	/** Starts following the outside world for both sessions (the worker, verification) and their bindings; returns the stop. */
	track(): () => void {
		const stops = [
			this.main.track(),
			this.related.track(),
			$effect.root(() => {
				$effect(() => {
					void this.relation?.refresh();
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
		this.closeAll();
		a.view.setText(texts[1]);
		b.view.setText(texts[0]);
		a.view.pick = picks[1];
		b.view.pick = picks[0];
		a.key.setText(keys[1]);
		b.key.setText(keys[0]);
		a.key.base64 = base64[1];
		b.key.base64 = base64[0];
	}

	/**
	 * What first paint does not need: the security review, verification, the claims reference, the related
	 * token and sharing, and editing.
	 */
	loadTheRest(): void {
		this.painted = true;
		void this.modules.loadReview();
		void this.modules.loadCrypto();
		void this.modules.loadDocs();
		void this.loadBeside();
		// Only the session shown is edited: the related token never is, and a token opened inside loads its
		// editing (by then at hand) at its first edit.
		void this.main.loadEditing();
	}

	/**
	 * Loads the diff, share links and report, with the related token's bindings and the sharing choices built on
	 * them (once, in one chunk): the related token and sharing come after first paint. What needs them (the note
	 * beside Share link, Share without signature) waited for the diff and share code before too.
	 */
	loadBeside(): Promise<void> {
		this.#beside ??= import('./after-paint.svelte').then(({ beside, Relation, Sharing }) => {
			this.modules.beside = beside;
			this.relation = new Relation(this.main, this.related, this.modules);
			this.sharing = new Sharing(() => this.session, this.settings);
		});
		return this.#beside;
	}

	/**
	 * Starts the analysis worker ahead of the first huge text, which would otherwise wait for it to load and
	 * compile its chunks. The page calls it once a service worker answers the worker's requests from its cache:
	 * before that, the worker would fetch again from the network what the page already has.
	 */
	prepareOffThread(): void {
		this.#offThread?.prepare();
	}
}
