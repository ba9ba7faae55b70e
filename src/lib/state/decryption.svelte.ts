// The decryption of one JWE token view: what is in `Decryption key`, the outcome, the plaintext and what it holds.

import type { Decryption, DecryptionKey, NestedToken, PlaintextView, RecipientChoice } from '$lib/crypto/jwe';
import { minifyJson, parseJson, type Finding } from '$lib/jwt';
import type { TokenView } from './token-view.svelte';

/** The key a person gave for one JWE, and what decrypting with it gave. */
export class DecryptionState {
	/** What is in `Decryption key`; kept in memory only, never in the URL or storage (like `Secret or key`). */
	text = $state('');
	/**
	 * What is in `Encryption key`: the recipient's public key re-encryption encrypts to, instead of the decryption
	 * key's public half. Memory only, like `Decryption key`.
	 */
	recipientText = $state('');
	/** The recipient read from `recipientText`, for the token header it was read against. */
	#recipient = $state.raw<{ text: string; token: string; choice: RecipientChoice } | undefined>();
	#recipientRun = 0;
	/**
	 * The last token this state encrypted to the `Encryption key`, with its plaintext as shown and the recipient:
	 * the decryption key cannot open it, but the page knows what it holds, so editing goes on.
	 */
	#sent = $state.raw<{ token: string; view: PlaintextView; label: string } | undefined>();
	/** The outcome for the token and key it was reached with; settles a moment after either changes. */
	#outcome = $state.raw<{ token: string; text: string; outcome: Decryption } | undefined>();
	/** A re-encryption is running for this token: the token is about to change. */
	busy = $state(false);

	readonly #view: TokenView;
	#run = 0;
	#editRun = 0;
	/**
	 * The key and plaintext kind of the last decryption, and the last token this state wrote: an edit typed
	 * while the token it just wrote is still being decrypted is encrypted with the same key, in order.
	 */
	#last?: { key: DecryptionKey; mode: PlaintextView['mode'] };
	#written?: string;

	constructor(view: TokenView) {
		this.#view = view;
	}

	/** The token shown is a JWE: only then is there anything to decrypt, and only then do its controls show. */
	readonly isJwe = $derived.by(() => this.#view.decoded?.kind === 'jwe');

	/** The outcome for the token and key shown now; "not decrypted" while it is being worked out. */
	readonly outcome = $derived.by<Decryption>(() => {
		const current = this.#outcome;
		return current && current.token === this.#view.token && current.text === this.text
			? current.outcome
			: { status: 'not-decrypted' };
	});

	/** The status text: the contract's phrase and why (ui-contract.md "JWE"). */
	readonly status = $derived.by(() => {
		const jwe = this.#view.modules.jwe;
		if (!jwe)
			return {
				phrase: 'Not decrypted',
				detail: this.text ? 'Loading the decrypter…' : 'Enter the decryption key to see the payload.',
			};
		const sent = this.#sent;
		if (sent?.token === this.#view.token && this.outcome.status !== 'decrypted')
			return jwe.describeSentToRecipient(sent.label);
		const settled = this.#outcome?.token === this.#view.token && this.#outcome.text === this.text;
		if (this.text.trim() !== '' && !settled) return { phrase: 'Not decrypted', detail: 'Decrypting…' };
		return jwe.describeDecryption(this.outcome);
	});

	/** The decrypted plaintext as `Payload` shows it. */
	readonly plaintext = $derived.by<PlaintextView | undefined>(() => {
		if (this.outcome.status === 'decrypted') return this.outcome.view;
		const sent = this.#sent;
		return sent?.token === this.#view.token ? sent.view : undefined;
	});

	/** The token inside the plaintext (a nested JWT), if it is one. */
	readonly nested = $derived.by<NestedToken | undefined>(() =>
		this.plaintext?.mode === 'text' ? this.plaintext.nested : undefined,
	);

	/** The token's `alg` encrypts to a public key (RSA-OAEP, ECDH-ES): only then can `Encryption key` name another recipient. */
	readonly encryptsToPublicKey = $derived.by(() => {
		const jwe = this.#view.modules.jwe;
		const found = jwe?.findJweKeyManagement(this.#view.alg);
		return found !== undefined && found.publicKey && found.family !== 'rsa1_5';
	});

	/** What `Encryption key` holds, in words: the recipient edits are encrypted to, or why it cannot be one. */
	readonly recipientNote = $derived.by<{ ok: boolean; text: string } | undefined>(() => {
		const jwe = this.#view.modules.jwe;
		const current = this.#recipient;
		if (!jwe || this.recipientText.trim() === '') return undefined;
		if (current?.text !== this.recipientText || current.token !== this.#view.token)
			return { ok: true, text: 'Reading the encryption key…' };
		return current.choice.ok
			? { ok: true, text: `Edits are encrypted to the ${current.choice.label}.` }
			: { ok: false, text: jwe.describeRecipientProblem(current.choice.problem) };
	});

	/**
	 * Reads `Encryption key` against the current token's `alg` and `kid`, so its note shows before any edit. Reads
	 * both before its first `await`; a newer run makes older results void.
	 */
	async refreshRecipient(): Promise<void> {
		const text = this.recipientText;
		const token = this.#view.token;
		const alg = this.#view.alg;
		const kid = this.#view.kid;
		if (text.trim() === '' || this.#view.decoded?.kind !== 'jwe') return;
		const run = ++this.#recipientRun;
		const jwe = await this.#view.modules.loadJwe();
		const found = jwe.findJweKeyManagement(alg);
		const choice: RecipientChoice = found
			? await jwe.chooseRecipientKey(text, found, kid)
			: { ok: false, problem: { code: 'recipient-not-public-key-alg', alg: alg ?? '' } };
		if (run === this.#recipientRun) this.#recipient = { text, token, choice };
	}

	/** The key that decrypted the token, for re-encrypting to the same recipient. */
	readonly key = $derived.by<DecryptionKey | undefined>(() =>
		this.outcome.status === 'decrypted' ? this.outcome.key : undefined,
	);

	/** What the plaintext says about the token: unsigned, a text key for dir, cty, replicated claims. */
	readonly findings = $derived.by<Finding[]>(() => {
		const jwe = this.#view.modules.jwe;
		const header = this.#view.decoded?.header?.root;
		const outcome = this.outcome;
		if (!jwe || !header || outcome.status !== 'decrypted') return [];
		return jwe.listDecryptedJweFindings({
			header,
			plaintext: outcome.view,
			directKey: jwe.describeDirectKey(outcome.key),
		});
	});

	/**
	 * Decrypts the current token with the current key. Reads both before its first `await`, so an effect that
	 * calls it runs again when either changes; a newer run makes older results void. Loads the JWE code (and
	 * jose) only when the token is a JWE.
	 */
	async refresh(): Promise<void> {
		const { decoded, token } = this.#view;
		const text = this.text;
		if (decoded?.kind !== 'jwe') return;
		const run = ++this.#run;
		const jwe = await this.#view.modules.loadJwe();
		if (text.trim() === '') {
			if (run === this.#run) this.#outcome = { token, text, outcome: { status: 'not-decrypted' } };
			return;
		}
		const outcome = await jwe.decryptJwe({ decoded, keyText: text });
		if (run !== this.#run) return;
		this.#outcome = { token, text, outcome };
		if (outcome.status === 'decrypted') this.#last = { key: outcome.key, mode: outcome.view.mode };
	}

	/**
	 * Encrypts `plaintext` for the same recipient with the key that decrypted the token (fresh content key and
	 * IV, same header members), and puts the new JWE in the old one's place. Returns why not, as words, or nothing.
	 */
	async reencrypt(plaintext: string): Promise<string | undefined> {
		const result = await this.#encrypt(plaintext);
		return 'problem' in result ? result.problem : undefined;
	}

	/**
	 * Applies an edit of the decrypted `Payload`: JSON (minified, literals kept) or, for a text plaintext, the text
	 * is encrypted again for the same recipient and the new JWE takes the old one's place; the editor keeps the
	 * text as typed. JSON with a mistake stays a draft with its error until it is valid.
	 */
	async editPlaintext(text: string): Promise<void> {
		const view = this.#view;
		const oldToken = view.token;
		const run = ++this.#editRun;
		const parsed = parseJson(text);
		if (!parsed.ok && (this.plaintext?.mode ?? this.#last?.mode) === 'json') {
			view.setDraft('payload', { text, forToken: oldToken, error: parsed.error });
			return;
		}
		view.setDraft('payload', { text, forToken: oldToken });
		const result = await this.#encrypt(parsed.ok ? minifyJson(text) : text, () => run === this.#editRun);
		if ('token' in result && run === this.#editRun)
			view.setDraft('payload', { text, forToken: result.token });
	}

	async #encrypt(
		plaintext: string,
		isLatest: () => boolean = () => true,
	): Promise<{ token: string } | { problem: string }> {
		const key = this.key ?? (this.#view.token === this.#written ? this.#last?.key : undefined);
		const header = this.#view.decoded?.header?.root;
		const token = this.#view.token;
		if (!key || !header) return { problem: 'The token is not decrypted, so it cannot be encrypted again.' };
		const recipientText = this.recipientText;
		const kid = this.#view.kid;
		this.busy = true;
		try {
			const jwe = await this.#view.modules.loadJwe();
			// A public key given for encryption takes the place of the decryption key's public half.
			let recipient: { jwk: JsonWebKey; kid?: string; label: string } | undefined;
			if (recipientText.trim() !== '') {
				const alg = jwe.findJweKeyManagement(this.#view.alg);
				const choice: RecipientChoice = alg
					? await jwe.chooseRecipientKey(recipientText, alg, kid)
					: { ok: false, problem: { code: 'recipient-not-public-key-alg', alg: this.#view.alg ?? '' } };
				if (!choice.ok) return { problem: jwe.describeRecipientProblem(choice.problem) };
				recipient = choice;
			}
			const result = await jwe.encryptJwe({
				header,
				plaintext,
				key,
				...(recipient ? { recipient: recipient.jwk, recipientKid: recipient.kid } : {}),
			});
			if (!result.ok) return { problem: jwe.describeEncryptionFailure(result.code) };
			// The token is still the one encrypted from, or the one this state wrote since: nothing else changed it.
			const current = this.#view.token;
			if (isLatest() && (current === token || current === this.#written)) {
				this.#written = result.token;
				const bytes = new TextEncoder().encode(plaintext);
				this.#sent = recipient
					? { token: result.token, view: jwe.readPlaintext(bytes), label: recipient.label }
					: undefined;
				this.#view.replaceToken(result.token);
			}
			return { token: result.token };
		} finally {
			this.busy = false;
		}
	}
}
