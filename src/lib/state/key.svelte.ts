// The key of one token view: what is in `Secret or key`, the keys the token carries, and the verdict they give.

import type { EmbeddedKey, ParsedKey, Verdict } from '$lib/crypto';
import { EXAMPLE_SECRET } from '$lib/jwt';
import type { TokenView } from './token-view.svelte';

const NO_KEY: ParsedKey = { kind: 'empty' };

/** The phrase each verdict begins with (ui-contract.md "Verdict"). */
const HEADLINES: Readonly<Record<Verdict['status'], string>> = Object.freeze({
	verified: 'Signature verified',
	invalid: 'Invalid signature',
	'not-verified': 'Not verified',
});

/** The key a person gave for one token, and the verification verdict it gives. */
export class KeyState {
	/** What is in `Secret or key`; kept in memory only, never in the URL or storage. */
	text = $state('');
	/** `Secret is base64url encoded`. */
	base64 = $state(false);
	/** The verdict for the current token and key; settles a moment after either changes. */
	verdict = $state.raw<Verdict>({ status: 'not-verified', code: 'no-key' });

	/** The phrase the `Signature` status begins with. */
	readonly headline = $derived(HEADLINES[this.verdict.status]);
	/** The whole RFC 7638 thumbprint of the one key the verdict names; the verdict shows only its first characters. */
	readonly thumbprint = $derived(
		this.verdict.status === 'not-verified' ? undefined : this.verdict.key?.thumbprint,
	);

	readonly #view: TokenView;
	#verifyRun = 0;
	/** The token's own key chosen by the explicit `Verify with the token's own key` action, for that token only. */
	#embeddedChoice = $state.raw<{ token: string; index: number } | undefined>();

	constructor(view: TokenView) {
		this.#view = view;
	}

	readonly parsed = $derived.by(() =>
		this.#view.modules.crypto ? this.#view.modules.crypto.parseKeyInput(this.text, this.base64) : NO_KEY,
	);
	/** Keys the token names or carries (`jwk`, `x5c`, `jku`, `x5u`): shown, never fetched or trusted by default. */
	readonly embeddedKeys = $derived.by<EmbeddedKey[]>(() =>
		this.#view.decoded && this.#view.modules.crypto
			? this.#view.modules.crypto.findEmbeddedKeys(this.#view.decoded)
			: [],
	);
	/** The embedded key the verdict currently uses, if the person asked for it. */
	readonly embeddedInUse = $derived.by(() => {
		const choice = this.#embeddedChoice;
		return choice && choice.token === this.#view.token ? this.embeddedKeys[choice.index] : undefined;
	});
	/** Why the key cannot be read, or why the browser refused it when it was used, for its alert. */
	readonly error = $derived.by(() => {
		const crypto = this.#view.modules.crypto;
		if (this.parsed.kind === 'error') return crypto?.describeKeyProblem(this.parsed.problem);
		if (this.verdict.code === 'key-rejected')
			return crypto?.describeKeyProblem({ code: 'key-rejected', key: this.verdict.key });
		return undefined;
	});
	/** What the key says about itself and the token (weak secret, key confusion, `use: enc`, …). */
	readonly findings = $derived.by(() =>
		this.#view.modules.crypto
			? this.#view.modules.crypto.listKeyFindings(this.#view.alg, this.parsed, this.#view.kid)
			: [],
	);
	/** A key that can sign is at hand (a secret or keys, not nothing and not an unreadable text). */
	readonly canSign = $derived.by(() => this.parsed.kind === 'secret' || this.parsed.kind === 'keys');

	/** Replaces the key text (typing, a generated key); the token's own key stops being used. */
	setText(text: string): void {
		this.text = text;
		this.#embeddedChoice = undefined;
	}

	/**
	 * Recomputes the verdict for the current token and key. Reads both before its first `await`, so an
	 * effect that calls it runs again when either changes; a newer run makes older results void.
	 */
	async refreshVerdict(): Promise<void> {
		const view = this.#view;
		const crypto = view.modules.crypto;
		const decoded = view.decoded;
		const signingInput = view.signingBytes;
		const embedded = this.embeddedInUse;
		if (!crypto) {
			// The page loads the module after first paint; the effect runs again when it arrives, since it read
			// `crypto`. Loading it here would fetch it while the page mounts.
			this.verdict = { status: 'not-verified', code: 'loading' };
			return;
		}
		// What verifying this token's alg needs (a library, the weak-secret index) is readied now, not once a key is given.
		crypto.prepareVerification(view.alg);
		const key = embedded?.keyText ? crypto.parseKeyInput(embedded.keyText) : this.parsed;
		const secretText = this.text;
		const run = ++this.#verifyRun;
		if (!decoded) {
			this.verdict = { status: 'not-verified', code: 'no-token' };
			return;
		}
		// A DPoP proof is checked with the public key in its own header when no key is given (RFC 9449 §4.3):
		// the one token whose own key is the intended key.
		const proof =
			key.kind === 'empty' && !embedded ? await crypto.verifyDpopProof(decoded, signingInput) : undefined;
		let verdict = proof ?? (await crypto.verifyToken({ decoded, key, secretText, signingInput }));
		if (embedded) verdict = fromTheToken(verdict, embedded);
		if (run === this.#verifyRun) this.verdict = verdict;
	}

	/** Empties `Secret or key` when it holds the example's secret, which is public and belongs to the example only. */
	dropExampleSecret(): void {
		if (this.text === EXAMPLE_SECRET) this.setText('');
	}

	/** Verifies with the key the token carries (`jwk` or `x5c`): an explicit choice, undone by any change of token. */
	verifyWithEmbedded(index: number): void {
		this.#embeddedChoice = { token: this.#view.token, index };
	}

	/** Goes back to verifying with `Secret or key`. */
	stopUsingEmbedded(): void {
		this.#embeddedChoice = undefined;
	}
}

/** A verdict reached with the token's own key says so: such a key proves nothing about who made the token. */
function fromTheToken(verdict: Verdict, embedded: EmbeddedKey): Verdict {
	return verdict.status === 'not-verified' ? verdict : { ...verdict, via: embedded.member };
}
