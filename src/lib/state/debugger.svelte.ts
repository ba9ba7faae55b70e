// The debugger's state: the decoded view of the token editor (TokenView) plus the key, the verdict, the
// findings about token and key, and edits and signatures that rewrite the token.

import {
	bySeverity,
	encodeBase64urlText,
	formatJson,
	getMember,
	listFindingsWith,
	OFF_THREAD_CHARS,
	replacePart,
	withoutPayload,
	type EncodedEdit,
} from '$lib/jwt';
import { SupersededError } from '$lib/worker/client';
// Type-only: the crypto code loads after first paint (see loadCrypto).
import type * as CryptoModule from '$lib/crypto';
import type { EmbeddedKey, ParsedKey, SignResult, Verdict } from '$lib/crypto';
import { TokenView } from './token-view.svelte';

type Crypto = typeof CryptoModule;
const NO_KEY: ParsedKey = { kind: 'empty' };

/** Everything the page shows, derived from the editor text, the clock, the key and the person's edits. */
export class DebuggerState extends TokenView {
	/** What is in `Secret or key`; kept in memory only, never in the URL or storage. */
	keyText = $state('');
	/** `Secret is base64url encoded`. */
	keyBase64 = $state(false);
	/** The verdict for the current token and key; settles a moment after either changes. */
	verdict = $state.raw<Verdict>({ status: 'not-verified', code: 'no-key' });
	/** What happened to the signature at the last edit or `Sign` (signed with …, or why it could not be). */
	signNote = $state('');

	/** Verification, signing and key parsing, once loaded. */
	crypto = $state.raw<Crypto | undefined>();
	#cryptoLoading?: Promise<Crypto>;
	#verifyRun = 0;
	/** The token's own key chosen by the explicit `Verify with the token's own key` action, for that token only. */
	#embeddedChoice = $state.raw<{ token: string; index: number } | undefined>();

	readonly parsedKey = $derived(
		this.crypto ? this.crypto.parseKeyInput(this.keyText, this.keyBase64) : NO_KEY,
	);
	/** Keys the token names or carries (`jwk`, `x5c`, `jku`, `x5u`): shown, never fetched or trusted by default. */
	readonly embeddedKeys = $derived<EmbeddedKey[]>(
		this.decoded && this.crypto ? this.crypto.findEmbeddedKeys(this.decoded) : [],
	);
	/** The embedded key the verdict currently uses, if the person asked for it. */
	readonly embeddedInUse = $derived.by(() => {
		const choice = this.#embeddedChoice;
		return choice && choice.token === this.token ? this.embeddedKeys[choice.index] : undefined;
	});
	/** Why the key cannot be read, or why the browser refused it when it was used, for its alert. */
	readonly keyError = $derived(
		this.parsedKey.kind === 'error'
			? this.crypto?.describeKeyProblem(this.parsedKey.problem)
			: this.verdict.code === 'key-rejected'
				? this.crypto?.describeKeyProblem({ code: 'key-rejected', label: this.verdict.key.label })
				: undefined,
	);

	readonly findings = $derived(
		this.decoded
			? [
					...this.tokenFindings,
					...listFindingsWith(
						this.decoded,
						{ now: this.at, clockSkew: this.clockSkew, lifetimeThreshold: this.lifetimeThreshold },
						undefined,
						'time',
					),
					...(this.crypto ? this.crypto.listKeyFindings(this.alg, this.parsedKey, this.kid) : []),
				].sort(bySeverity)
			: [],
	);

	/** "2 errors, 1 warning": the findings counted by severity, for the panel and the page header. */
	readonly findingSummary = $derived.by(() => {
		if (this.findings.length === 0)
			return this.decoded
				? 'No findings.'
				: this.analysing
					? 'Findings appear here once the token is decoded.'
					: 'Findings appear here once a token is in.';
		const count = (severity: string) => this.findings.filter((f) => f.severity === severity).length;
		const phrase = (n: number, one: string, many: string) => (n === 0 ? '' : `${n} ${n === 1 ? one : many}`);
		return [
			phrase(count('error'), 'error', 'errors'),
			phrase(count('warning'), 'warning', 'warnings'),
			phrase(count('info'), 'note', 'notes'),
		]
			.filter(Boolean)
			.join(', ');
	});

	/**
	 * Recomputes the verdict for the current token and key. Reads both before its first `await`, so an
	 * effect that calls it runs again when either changes; a newer run makes older results void.
	 */
	async refreshVerdict(): Promise<void> {
		const crypto = this.crypto;
		const decoded = this.decoded;
		const signingInput = this.signingBytes;
		const embedded = this.embeddedInUse;
		if (!crypto) {
			// The page loads the module after first paint (App's loadTheRest); the effect runs again when it
			// arrives, since it read `this.crypto`. Loading it here would fetch it while the page mounts.
			this.verdict = { status: 'not-verified', code: 'loading' };
			return;
		}
		const key = embedded?.keyText ? crypto.parseKeyInput(embedded.keyText) : this.parsedKey;
		const secretText = this.keyText;
		const run = ++this.#verifyRun;
		if (!decoded) {
			this.verdict = { status: 'not-verified', code: 'no-token' };
			return;
		}
		let verdict = await crypto.verifyToken({ decoded, key, secretText, signingInput });
		if (embedded) verdict = fromTheToken(verdict, embedded);
		if (run === this.#verifyRun) this.verdict = verdict;
	}

	/** Loads verification, signing and key parsing (once); the page asks right after first paint. */
	loadCrypto(): Promise<Crypto> {
		this.#cryptoLoading ??= import('$lib/crypto').then((module) => (this.crypto = module));
		return this.#cryptoLoading;
	}

	/** Verifies with the key the token carries (`jwk` or `x5c`): an explicit choice, undone by any change of token. */
	verifyWithEmbedded(index: number): void {
		this.#embeddedChoice = { token: this.token, index };
	}

	/** Goes back to verifying with `Secret or key`. */
	stopUsingEmbedded(): void {
		this.#embeddedChoice = undefined;
	}

	/** Starts a new token from a template (`iat` now, `exp` in an hour), with the `alg` the key suits, signed if it can be. */
	async newToken(): Promise<void> {
		const crypto = await this.loadCrypto();
		const key = this.parsedKey;
		const first = key.kind === 'secret' ? key.key : key.kind === 'keys' ? key.keys[0] : undefined;
		const alg = first ? crypto.suggestAlgorithm(first) : 'HS256';
		const iat = Math.floor(Date.now() / 1000);
		const header = JSON.stringify({ alg, typ: 'JWT' });
		const payload = JSON.stringify({ sub: '1234567890', name: 'Jane Doe', iat, exp: iat + 3600 });
		const token = `${encodeBase64urlText(header)}.${encodeBase64urlText(payload)}.`;
		this.setText(token);
		if (key.kind === 'empty')
			this.signNote = 'Enter a secret or a private key, then press Sign to sign the new token.';
		else await this.#signAndReplace(token);
	}

	/** Sets the header's `alg` (keeping the rest as written), which re-encodes and re-signs like any header edit. */
	setAlgorithm(alg: string): void {
		const header = this.decoded?.header;
		if (!header?.root || header.root.kind !== 'object') return;
		const node = getMember(header.root, 'alg');
		const literal = JSON.stringify(alg);
		const text = node
			? header.text.slice(0, node.start) + literal + header.text.slice(node.end)
			: header.text.replace('{', header.root.entries.length > 0 ? `{"alg":${literal},` : `{"alg":${literal}`);
		this.editHeader(formatJson(text));
	}

	/** Signs the current token with the key at hand (the `Sign` action); the key alone never changes the token. */
	async sign(): Promise<void> {
		await this.#signAndReplace(this.token, this.signingBytes);
	}

	/** Replaces the editor text; what the last edit or `Sign` did to the signature no longer applies. */
	override setText(text: string): void {
		const changed = text !== this.text;
		super.setText(text);
		if (changed) this.signNote = '';
	}

	/** Applies an edit of the Header editor: re-encodes the token when the JSON is valid. */
	editHeader(text: string): void {
		this.#edit('header', text);
	}

	/** Applies an edit of the Payload editor; a payload that was plain text may stay plain text. */
	editPayload(text: string): void {
		this.#edit('payload', text);
	}

	#edit(part: 'header' | 'payload', text: string): void {
		const oldToken = this.token;
		const allowText = part === 'payload' && this.decoded?.payload.mode === 'text';
		const offThread = this.offThread;
		if (!offThread || text.length < OFF_THREAD_CHARS) {
			this.#applyEdit(part, text, oldToken, replacePart(oldToken, part, text, allowText));
			return;
		}
		// Parsing and encoding megabytes per keystroke would stall typing: the worker does it, and the editor
		// shows the text meanwhile (the token follows when it is encoded).
		this.setDraft(part, { text, forToken: oldToken });
		const arrived = (result: EncodedEdit) => {
			const draft = part === 'header' ? this.headerDraft : this.payloadDraft;
			if (draft?.text !== text) return; // typed on: a newer request is coming
			if (this.token === oldToken) this.#applyEdit(part, text, oldToken, result);
			else this.#edit(part, text); // the token changed meanwhile (a header edit): encode against it
		};
		// A payload edit replaces the old payload: the worker needs only the parts around it.
		const around = part === 'payload' ? withoutPayload(oldToken) : oldToken;
		offThread.replacePart(around, part, text, allowText).then(arrived, (error: unknown) => {
			if (!(error instanceof SupersededError)) arrived(replacePart(oldToken, part, text, allowText));
		});
	}

	/** Records an edit's outcome: the draft (with its error, if any) and, when it encoded, the new token. */
	#applyEdit(part: 'header' | 'payload', text: string, oldToken: string, result: EncodedEdit): void {
		if (!result.ok) {
			this.setDraft(part, { text, forToken: oldToken, error: result.error });
			return;
		}
		const other = part === 'header' ? this.payloadDraft : this.headerDraft;
		this.setDraft(part, { text, forToken: result.token });
		// The other editor's valid draft still describes the new token: keep it as the person wrote it.
		if (other && other.forToken === oldToken && !other.error) {
			this.setDraft(part === 'header' ? 'payload' : 'header', { ...other, forToken: result.token });
		}
		this.replaceToken(result.token);
		if (this.parsedKey.kind === 'empty') this.signNote = '';
		else void this.#signAndReplace(result.token, result.signingInput);
	}

	/**
	 * Signs `token` and, if it is still the one shown, puts the signed token in its place, drafts and all.
	 * `signingInput` is the token's `header.payload` as bytes, when a worker has encoded them.
	 */
	async #signAndReplace(token: string, signingInput?: Uint8Array): Promise<void> {
		this.signing++;
		let result: SignResult;
		try {
			const crypto = await this.loadCrypto();
			result = await crypto.signToken(token, this.parsedKey, { signingInput });
		} finally {
			this.signing--;
		}
		if (this.token !== token) return;
		this.signNote = (await this.loadCrypto()).describeSignResult(result);
		if (!result.ok) return;
		for (const part of ['header', 'payload'] as const) {
			const draft = part === 'header' ? this.headerDraft : this.payloadDraft;
			if (draft && draft.forToken === token) this.setDraft(part, { ...draft, forToken: result.token });
		}
		this.replaceToken(result.token);
	}
}

/** A verdict reached with the token's own key says so: such a key proves nothing about who made the token. */
function fromTheToken(verdict: Verdict, embedded: EmbeddedKey): Verdict {
	return verdict.status === 'not-verified' ? verdict : { ...verdict, via: embedded.member };
}
