// Two tokens side by side: the differences between them and the bindings that tie them (ath, cnf.jkt, at_hash, shared claims).

import type { DiffResult } from '$lib/jwt/beside';
import type { Binding } from '$lib/crypto';
import type { Finding } from '$lib/jwt';
import type { Modules } from './modules.svelte';
import type { TokenView } from './token-view.svelte';

/** What the relation reads of a token's session, and where the main one takes the findings of broken bindings. */
interface Side {
	readonly view: TokenView;
	relationFindings: Finding[];
}

/** The main token and the related one: what differs, and what binds them. */
export class Relation {
	/** The bindings between the two tokens, once worked out (hashing is asynchronous). */
	bindings = $state.raw<readonly Binding[]>([]);

	readonly #main: Side;
	readonly #related: Side;
	readonly #modules: Modules;
	#run = 0;

	constructor(main: Side, related: Side, modules: Modules) {
		this.#main = main;
		this.#related = related;
		this.#modules = modules;
	}

	/** The related token text as a binding compares it: the decoded token, or the text itself (an opaque access token). */
	readonly #relatedText = $derived.by(() => {
		const view = this.#related.view;
		return view.token || view.text.trim().replace(/^(?:bearer|dpop)\s+/i, '');
	});

	/** The two tokens' headers and payloads compared, when both decode. */
	readonly differences = $derived.by<DiffResult | undefined>(() => {
		const a = this.#main.view.decoded;
		const b = this.#related.view.decoded;
		const beside = this.#modules.beside;
		return a && b && beside ? beside.diffTokens(a, b) : undefined;
	});

	/** The differences as plain text, one line each, for copying. */
	differencesText(): string | undefined {
		const differences = this.differences;
		return differences && this.#modules.beside?.formatDifferences(differences);
	}

	/**
	 * Works the bindings out again for the current pair, and gives the main token the findings of those that
	 * break. Reads both tokens before its first `await`, so an effect calling it follows them; a newer run
	 * makes older results void.
	 */
	async refresh(): Promise<void> {
		const crypto = this.#modules.crypto;
		const main = { text: this.#main.view.token, decoded: this.#main.view.decoded };
		const related = { text: this.#relatedText, decoded: this.#related.view.decoded };
		const run = ++this.#run;
		if (!crypto || !main.decoded || related.text === '') {
			this.bindings = [];
			this.#main.relationFindings = [];
			return;
		}
		const bindings = await crypto.checkBindings(main, related);
		if (run !== this.#run) return;
		this.bindings = bindings;
		this.#main.relationFindings = crypto.listBindingFindings(bindings);
	}
}
