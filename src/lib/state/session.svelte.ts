// One token a person works on: its view, its key and verdict, its editing, and every finding about it.

import { bySeverity, EXAMPLE_SECRET, qualifyValidity, type Finding } from '$lib/jwt';
import type { OffThreadAnalyzer } from '$lib/worker/client';
import type { DecryptionState } from './decryption.svelte';
// Type-only: re-encoding and signing load after first paint (see loadEditing).
import type { Editing } from './editing.svelte';
import { KeyState } from './key.svelte';
// Type-only: the SD-JWT state loads with the SD-JWT code, when a token with a `~` first appears.
import type { SdJwtState } from './sd-jwt.svelte';
import type { Modules } from './modules.svelte';
import type { Settings } from './settings.svelte';
import { TokenView } from './token-view.svelte';

/** A token with its key, verdict and edits; the page's main token is one, and a token beside it is another. */
export class TokenSession {
	readonly view: TokenView;
	readonly key: KeyState;
	/** Re-encoding and re-signing as the person edits; `undefined` until its code has loaded (see loadEditing). */
	editing = $state.raw<Editing | undefined>();
	#editing?: Promise<Editing>;
	/**
	 * `Decryption key` and what it decrypts, once the session has shown a JWE: the class loads with the JWE code,
	 * so a page that never sees a JWE never loads it.
	 */
	decryption = $state.raw<DecryptionState | undefined>();
	/** Disclosures, claims and key binding, once an SD-JWT (RFC 9901) has appeared in this session. */
	sdJwt = $state.raw<SdJwtState | undefined>();
	/** The token is an SD-JWT: the page shows its disclosures, claims and key binding. */
	readonly isSdJwt = $derived.by(() => this.view.decoded?.sdJwt !== undefined);

	constructor(settings: Settings, modules: Modules, offThread?: OffThreadAnalyzer) {
		this.view = new TokenView(settings, modules, offThread);
		this.key = new KeyState(this.view);
		// `Payload` shows a JWE's plaintext once it is decrypted.
		this.view.plaintextSource = () => this.decryption?.plaintext;
	}

	/**
	 * Loads the editing code (once; again after a load that failed). The page asks after first paint, as the
	 * editors turn editable; an edit, `Sign` or `New token` before it has arrived waits for it.
	 */
	loadEditing(): Promise<Editing> {
		this.#editing ??= import('./after-paint.svelte').then(
			({ Editing }) => (this.editing = new Editing(this.view, this.key)),
			(error: unknown) => {
				this.#editing = undefined;
				throw error;
			},
		);
		return this.#editing;
	}

	/** Applies an edit of the Header editor (Editing.editHeader). */
	editHeader(text: string): void {
		this.#withEditing((editing) => editing.editHeader(text));
	}

	/** Applies an edit of the Payload editor (Editing.editPayload). */
	editPayload(text: string): void {
		this.#withEditing((editing) => editing.editPayload(text));
	}

	/** Signs the current token with the key at hand (`Sign`, Editing.sign). */
	async sign(): Promise<void> {
		await (await this.loadEditing()).sign();
	}

	/** Starts a new token from a template (`New token`, Editing.newToken). */
	async newToken(): Promise<void> {
		await (await this.loadEditing()).newToken();
	}

	/** Changes the header's `alg` and signs again where the key can (Editing.setAlgorithm). */
	setAlgorithm(alg: string): void {
		this.#withEditing((editing) => editing.setAlgorithm(alg));
	}

	/** What happened to the signature at the last edit or `Sign`; empty before any. */
	get signNote(): string {
		return this.editing?.signNote ?? '';
	}

	/**
	 * Runs an edit at once when the editing code is in, else once it has arrived, in the order asked. An edit
	 * whose code cannot be fetched is dropped: the editors' own code, fetched the same way, has not come either.
	 */
	#withEditing(run: (editing: Editing) => void): void {
		if (this.editing) run(this.editing);
		else this.loadEditing().then(run, () => undefined);
	}

	/**
	 * The token inside this one, which `Open inner token` opens: a decrypted JWE's plaintext, or a JWS payload,
	 * that is itself a compact JWS or JWE (a nested JWT, RFC 7519 §5.2).
	 */
	readonly inner = $derived.by<{ readonly kind: 'jws' | 'jwe'; readonly token: string } | undefined>(() => {
		const decoded = this.view.decoded;
		if (decoded?.kind === 'jwe') return this.decryption?.nested;
		if (decoded?.kind !== 'jws' || decoded.payload.mode !== 'text' || !decoded.payload.nested)
			return undefined;
		return { kind: decoded.payload.nested, token: decoded.payload.text.trim() };
	});

	/** Findings about this token beside a related one (a broken `ath`, `cnf.jkt` or `at_hash` binding): set by the Relation. */
	relationFindings = $state.raw<Finding[]>([]);

	/** Everything worth telling about the token and its key, most severe first. */
	readonly findings = $derived.by<Finding[]>(() =>
		this.view.decoded
			? [
					...this.view.tokenFindings,
					...this.view.timeFindings,
					...this.key.findings,
					...(this.decryption?.findings ?? []),
					...this.relationFindings,
					...(this.isSdJwt ? (this.sdJwt?.findings ?? []) : []),
				].sort(bySeverity)
			: [],
	);

	/** The payload's time badge, never a green all-clear while the token has errors: times alone prove nothing. */
	readonly validity = $derived.by(() => {
		// A long text's badge waits for its findings, which come a frame after its parts (TokenView.settled).
		const validity = this.view.settled ? this.view.validity : undefined;
		return (
			validity &&
			qualifyValidity(validity, { errors: this.view.decoded?.errors ?? [], findings: this.findings })
		);
	});

	/** The page header's finding count colour: its worst finding's, but never green for a token that is no JWT. */
	readonly findingTone = $derived.by(() => {
		const worst = this.findings[0]?.severity;
		if (worst === 'error' || worst === 'warning') return worst;
		return (this.view.decoded?.errors.length ?? 0) > 0 ? 'unconfirmed' : (worst ?? 'none');
	});

	/**
	 * Replaces the token text (typing, pasting, a fragment, Clear). The example's secret goes with the example:
	 * a token the person brings is never verified or re-signed with it.
	 */
	setText(text: string): void {
		if (text === this.view.text) return;
		this.view.setText(text);
		this.key.dropExampleSecret();
	}

	/**
	 * Shows the example token verified, the whole flow at first look: its secret fills `Secret or key`, unless
	 * the person has typed a key already.
	 */
	showExample(token: string): void {
		this.view.loadExample(token);
		if (this.key.text !== '') return;
		this.key.setText(EXAMPLE_SECRET);
		this.key.base64 = false;
	}

	/** "2 errors, 1 warning": the findings counted by severity, for the panel and the page header. */
	readonly findingSummary = $derived.by(() => {
		if (this.findings.length === 0)
			return this.view.decoded && this.view.settled
				? 'No findings.'
				: this.view.analysing || this.view.decoded
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

	/** Loads the decryption state for a JWE (once), then decrypts with the key given. */
	async #decrypt(): Promise<void> {
		if (this.decryption) return this.decryption.refresh();
		const { DecryptionState } = await import('./decryption.svelte');
		this.decryption ??= new DecryptionState(this.view);
		return this.decryption.refresh();
	}

	/**
	 * Keeps the session in step with the outside world: a huge text is sent to the worker, and the verdict
	 * follows the token and the key. Returns the function that stops it.
	 */
	track(): () => void {
		return $effect.root(() => {
			$effect(() => {
				void this.view.analyseHugeText();
			});
			$effect(() => {
				this.view.settle();
			});
			$effect(() => {
				void this.key.refreshVerdict();
			});
			$effect(() => {
				if (this.view.decoded?.kind === 'jwe') void this.#decrypt();
			});
			$effect(() => {
				void this.decryption?.refreshRecipient();
			});
			$effect(() => {
				if (!this.isSdJwt) return;
				if (this.sdJwt) void this.sdJwt.refresh();
				else
					void import('./sd-jwt.svelte').then(({ SdJwtState }) => {
						this.sdJwt ??= new SdJwtState(this.view, this);
					});
			});
		});
	}
}
