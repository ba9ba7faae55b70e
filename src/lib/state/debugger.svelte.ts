// The debugger's state: the text in the token editor, what it decodes to, and edits to header and payload.

import {
	analyzeText,
	describeValidity,
	encodeBase64urlText,
	formatJson,
	getMember,
	inspectText,
	listClaimRows,
	OFF_THREAD_CHARS,
	showPayload,
	type Inspection,
	type TextAnalysis,
	bySeverity,
	listFindingsWith,
	replacePart,
	type ClaimDocs,
	type EncodeResult,
	type FindingReview,
	type JsonSyntaxError,
	type PartName,
} from '$lib/jwt';

type Crypto = typeof CryptoModule;
const NO_KEY: ParsedKey = { kind: 'empty' };
// Type-only: the crypto code and the claims reference load after first paint (see loadCrypto, loadDocs).
import type * as CryptoModule from '$lib/crypto';
import type { EmbeddedKey, ParsedKey, Verdict } from '$lib/crypto';
import { SupersededError, type OffThreadAnalyzer } from '$lib/browser/analysis-client';

/** What the page shows while a huge text is analysed: no token yet, and no error either. */
const ANALYSING: Inspection = { candidates: [], chosen: 0, ranges: [] };

/** Text a person typed into the Header or Payload editor, and the token it produced (or why it could not). */
interface Draft {
	readonly text: string;
	/** The token this draft belongs to; a different token means the draft is stale. */
	readonly forToken: string;
	readonly error?: JsonSyntaxError;
}

/** Everything the page shows, derived from the editor text, the clock and the person's edits. */
export class DebuggerState {
	/** Exactly what is in the token editor; never rewritten except by an edit, a pick or a fragment. */
	text = $state('');
	/** Which of several tokens in the text is shown. */
	pick = $state(0);
	/** The instant findings and relative times are judged at, in seconds. */
	now = $state(Date.now() / 1000);
	/** Seconds of clock difference tolerated (ui-contract.md: default 0). */
	clockSkew = $state(0);
	/** An instant (seconds) to judge the token at instead of now, to check it against the past or future. */
	evaluateAt = $state<number | undefined>();
	/** Longest `exp` − `iat` before `long-lifetime` is raised, in seconds (default 24 h). */
	lifetimeThreshold = $state(24 * 3600);
	/** The finding or claim the person asked to see in the token and editors. */
	highlight = $state.raw<{ part?: PartName; member?: string } | undefined>();
	/** The text currently in the editor is the built-in example. */
	exampleText = $state('');
	/**
	 * The first token has been painted. The claims tables wait for it: their dates need the browser's date
	 * formatting data, whose first use costs more than decoding, and the editors come first.
	 */
	painted = $state(false);

	/** What is in `Secret or key`; kept in memory only, never in the URL or storage. */
	keyText = $state('');
	/** `Secret is base64url encoded`. */
	keyBase64 = $state(false);
	/** The verdict for the current token and key; settles a moment after either changes. */
	verdict = $state.raw<Verdict>({
		status: 'not-verified',
		reason: 'Enter the secret or key to verify the signature.',
	});
	/** What happened to the signature at the last edit or `Sign` (signed with …, or why it could not be). */
	signNote = $state('');

	/** Verification, signing and key parsing, once loaded. */
	crypto = $state.raw<Crypto | undefined>();
	/** The claims reference, once loaded. */
	docs = $state.raw<ClaimDocs | undefined>();
	/** The security review beyond the basic findings, once loaded. */
	review = $state.raw<FindingReview | undefined>();
	#cryptoLoading?: Promise<Crypto>;
	#docsLoading?: Promise<ClaimDocs>;
	#reviewLoading?: Promise<FindingReview>;

	/** The analysis of a huge text, made off the main thread, with the text and pick it belongs to. */
	#remote = $state.raw<{ text: string; pick: number; analysis: TextAnalysis } | undefined>();
	readonly #offThread?: OffThreadAnalyzer;
	/** Where the last edit or signature put its token in the text: known before a huge text's analysis arrives. */
	#written = $state.raw<{ text: string; token: string; start: number } | undefined>();

	#headerDraft = $state.raw<Draft | undefined>();
	#verifyRun = 0;
	/** The token's own key chosen by the explicit `Verify with the token's own key` action, for that token only. */
	#embeddedChoice = $state.raw<{ token: string; index: number } | undefined>();
	#payloadDraft = $state.raw<Draft | undefined>();

	/** The instant everything time-related is judged at: `evaluateAt` when set, else the ticking clock. */
	readonly at = $derived(this.evaluateAt ?? this.now);
	/** The text is too large to decode without blocking the page, so a worker analyses it. */
	readonly #huge = $derived(this.text.length >= OFF_THREAD_CHARS);
	/** The worker's analysis of the current text, once it has arrived. */
	readonly #analysis = $derived.by(() => {
		const remote = this.#remote;
		return this.#huge && remote?.text === this.text && remote.pick === this.pick
			? remote.analysis
			: undefined;
	});
	/** A huge text is being decoded in the background; the panels fill in when it is done. */
	readonly analysing = $derived(this.#huge && !this.#analysis);
	readonly inspection = $derived(
		this.#huge ? (this.#analysis?.inspection ?? ANALYSING) : inspectText(this.text, this.pick),
	);
	readonly decoded = $derived(this.inspection.decoded);
	readonly #writtenHere = $derived(this.#written?.text === this.text ? this.#written : undefined);
	/** The compact token shown, without whatever surrounded it in the text. */
	readonly token = $derived(this.inspection.candidate?.token ?? this.#writtenHere?.token ?? '');
	/** The header's `alg` when it is a string (the last one, if repeated). */
	readonly alg = $derived.by(() => {
		const root = this.decoded?.header?.root;
		const node = root ? getMember(root, 'alg') : undefined;
		return node?.kind === 'string' ? node.value : undefined;
	});
	/** The header's `kid` when it is a string. */
	readonly kid = $derived.by(() => {
		const root = this.decoded?.header?.root;
		const node = root ? getMember(root, 'kid') : undefined;
		return node?.kind === 'string' ? node.value : undefined;
	});
	readonly isExample = $derived(this.exampleText !== '' && this.text === this.exampleText);

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
	/** Why the key cannot be read, for its alert. */
	readonly keyError = $derived(this.parsedKey.kind === 'error' ? this.parsedKey.message : undefined);

	/** Findings that stay the same while the token does: worked out once per token, not at every clock tick. */
	readonly #tokenFindings = $derived(
		this.#analysis
			? this.#analysis.tokenFindings
			: this.decoded
				? listFindingsWith(
						this.decoded,
						{ now: 0, hadInnerWhitespace: this.inspection.candidate?.hasInnerWhitespace },
						this.review,
						'token',
					)
				: [],
	);
	readonly findings = $derived(
		this.decoded
			? [
					...this.#tokenFindings,
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

	readonly headerText = $derived(
		this.#draftFor(this.#headerDraft) ??
			this.#analysis?.headerText ??
			formatJson(this.decoded?.header?.text ?? ''),
	);
	readonly payloadText = $derived(
		this.#draftFor(this.#payloadDraft) ?? this.#analysis?.payloadText ?? showPayload(this.decoded?.payload),
	);
	readonly headerError = $derived(this.#errorFor(this.#headerDraft));
	readonly payloadError = $derived(this.#errorFor(this.#payloadDraft));
	readonly payloadEditable = $derived(this.decoded?.kind !== 'jwe' && this.decoded?.payload.mode !== 'hex');

	readonly headerRows = $derived(
		this.#analysis
			? this.#analysis.headerRows
			: this.decoded?.header?.root
				? listClaimRows(this.decoded.header.root, this.decoded.header.text, 'header', {}, this.docs)
				: [],
	);
	readonly payloadRows = $derived(
		this.#analysis
			? this.#analysis.payloadRows
			: this.decoded?.payload.mode === 'json'
				? listClaimRows(this.decoded.payload.root, this.decoded.payload.text, 'payload', {}, this.docs)
				: [],
	);
	/** How many members header and payload have: more than their rows when a worker posted only the first. */
	readonly headerMembers = $derived(this.#analysis?.headerMembers ?? this.headerRows.length);
	readonly payloadMembers = $derived(this.#analysis?.payloadMembers ?? this.payloadRows.length);
	readonly validity = $derived(
		this.decoded?.payload.mode === 'json' && this.decoded.payload.root.kind === 'object'
			? describeValidity(this.decoded.payload.root, this.at, this.clockSkew)
			: undefined,
	);

	/** `offThread` analyses huge texts in a worker; without one, the page analyses them itself. */
	constructor(offThread?: OffThreadAnalyzer) {
		this.#offThread = offThread;
	}

	/**
	 * Has a huge text analysed off the main thread. Reads the text and pick before its first `await`, so an
	 * effect that calls it runs again when either changes; an analysis of an older text is dropped.
	 */
	async analyseHugeText(): Promise<void> {
		const { text, pick } = this;
		if (!this.#huge || (this.#remote?.text === text && this.#remote.pick === pick)) return;
		let analysis: TextAnalysis;
		try {
			if (!this.#offThread) throw new Error('no worker here');
			analysis = await this.#offThread.analyze(text, pick);
		} catch (error) {
			if (error instanceof SupersededError) return;
			// No worker (a page opened from a file) or a broken one: analyse here, after the page has painted.
			const [review, docs] = await Promise.all([this.loadReview(), this.loadDocs()]);
			await new Promise((resolve) => setTimeout(resolve, 50));
			if (this.text !== text || this.pick !== pick) return;
			analysis = analyzeText(text, pick, review, docs);
		}
		if (this.text === text && this.pick === pick) this.#remote = { text, pick, analysis };
	}

	/**
	 * Recomputes the verdict for the current token and key. Reads both before its first `await`, so an
	 * effect that calls it runs again when either changes; a newer run makes older results void.
	 */
	async refreshVerdict(): Promise<void> {
		const crypto = this.crypto;
		const decoded = this.decoded;
		const embedded = this.embeddedInUse;
		if (!crypto) {
			// The page loads the module after first paint (App's loadTheRest); the effect runs again when it
			// arrives, since it read `this.crypto`. Loading it here would fetch it while the page mounts.
			this.verdict = { status: 'not-verified', reason: 'Loading the verifier…' };
			return;
		}
		const key = embedded?.keyText ? crypto.parseKeyInput(embedded.keyText) : this.parsedKey;
		const secretText = this.keyText;
		const run = ++this.#verifyRun;
		if (!decoded) {
			this.verdict = { status: 'not-verified', reason: 'No token to verify.' };
			return;
		}
		let verdict = await crypto.verifyToken({ decoded, key, secretText });
		if (embedded) verdict = fromTheToken(verdict, embedded);
		if (run === this.#verifyRun) this.verdict = verdict;
	}

	/** Loads verification, signing and key parsing (once); the page asks right after first paint. */
	loadCrypto(): Promise<Crypto> {
		this.#cryptoLoading ??= import('$lib/crypto').then((module) => (this.crypto = module));
		return this.#cryptoLoading;
	}

	/** Loads the security review (once): header, signature, claims, sensitive-data and JWE findings. */
	loadReview(): Promise<FindingReview> {
		this.#reviewLoading ??= import('$lib/jwt/findings-review').then(
			(module) => (this.review = module.review),
		);
		return this.#reviewLoading;
	}

	/** Loads the claims reference (once), which documents the claims table's rows. */
	loadDocs(): Promise<ClaimDocs> {
		this.#docsLoading ??= import('$lib/jwt/claim-docs').then((module) => (this.docs = module));
		return this.#docsLoading;
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
		await this.#signAndReplace(this.token);
	}

	/** Replaces the editor text (typing, pasting, a fragment); drafts of the old token fall away by themselves. */
	setText(text: string): void {
		if (text === this.text) return;
		this.text = text;
		this.pick = 0;
		this.signNote = '';
		this.highlight = undefined;
		// Judge a token just pasted against this instant, not the last clock tick up to a second ago.
		this.now = Date.now() / 1000;
	}

	/** Loads the example, remembering it so the page can mark it as one. */
	loadExample(token: string): void {
		this.exampleText = token;
		this.setText(token);
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
		const offThread = this.#offThread;
		if (!offThread || text.length < OFF_THREAD_CHARS) {
			this.#applyEdit(part, text, oldToken, replacePart(oldToken, part, text, allowText));
			return;
		}
		// Parsing and encoding megabytes per keystroke would stall typing: the worker does it, and the editor
		// shows the text meanwhile (the token follows when it is encoded).
		this.#setDraft(part, { text, forToken: oldToken });
		const arrived = (result: EncodeResult) => {
			const draft = part === 'header' ? this.#headerDraft : this.#payloadDraft;
			if (draft?.text !== text) return; // typed on: a newer request is coming
			if (this.token === oldToken) this.#applyEdit(part, text, oldToken, result);
			else this.#edit(part, text); // the token changed meanwhile (a header edit): encode against it
		};
		offThread.replacePart(oldToken, part, text, allowText).then(arrived, (error: unknown) => {
			if (!(error instanceof SupersededError)) arrived(replacePart(oldToken, part, text, allowText));
		});
	}

	/** Records an edit's outcome: the draft (with its error, if any) and, when it encoded, the new token. */
	#applyEdit(part: 'header' | 'payload', text: string, oldToken: string, result: EncodeResult): void {
		if (!result.ok) {
			this.#setDraft(part, { text, forToken: oldToken, error: result.error });
			return;
		}
		const other = part === 'header' ? this.#payloadDraft : this.#headerDraft;
		this.#setDraft(part, { text, forToken: result.token });
		// The other editor's valid draft still describes the new token: keep it as the person wrote it.
		if (other && other.forToken === oldToken && !other.error) {
			this.#setDraft(part === 'header' ? 'payload' : 'header', { ...other, forToken: result.token });
		}
		this.#replaceToken(result.token);
		if (this.parsedKey.kind === 'empty') this.signNote = '';
		else void this.#signAndReplace(result.token);
	}

	/** Signs `token` and, if it is still the one shown, puts the signed token in its place, drafts and all. */
	async #signAndReplace(token: string): Promise<void> {
		const crypto = await this.loadCrypto();
		const result = await crypto.signToken(token, this.parsedKey);
		if (this.token !== token) return;
		if (!result.ok) {
			this.signNote = `${result.reason} The token keeps its old signature.`;
			return;
		}
		this.signNote = `Signed with the ${result.key.label}.`;
		for (const part of ['header', 'payload'] as const) {
			const draft = part === 'header' ? this.#headerDraft : this.#payloadDraft;
			if (draft && draft.forToken === token) this.#setDraft(part, { ...draft, forToken: result.token });
		}
		this.#replaceToken(result.token);
	}

	#setDraft(part: 'header' | 'payload', draft: Draft): void {
		if (part === 'header') this.#headerDraft = draft;
		else this.#payloadDraft = draft;
	}

	/** Puts a new token where the old one stood in the text, keeping what surrounded it (a `Bearer ` prefix, say). */
	#replaceToken(token: string): void {
		const shown = { header: this.headerText, payload: this.payloadText };
		const candidate = this.inspection.candidate;
		const written = this.#writtenHere;
		const place =
			candidate && !candidate.percentDecoded
				? candidate
				: written && { start: written.start, end: written.start + written.token.length };
		const start = place?.start;
		const pick = this.pick;
		if (place) {
			this.text = this.text.slice(0, place.start) + token + this.text.slice(place.end);
			this.pick = pick;
		} else {
			this.text = token;
			this.pick = 0;
		}
		this.#written = { text: this.text, token, start: start ?? 0 };
		// A huge text is decoded again in the background: until then both editors keep what they showed.
		if (this.#huge) {
			for (const part of ['header', 'payload'] as const) {
				const draft = part === 'header' ? this.#headerDraft : this.#payloadDraft;
				if (draft?.forToken !== token) this.#setDraft(part, { text: shown[part], forToken: token });
			}
		}
	}

	#draftFor(draft: Draft | undefined): string | undefined {
		return draft && draft.forToken === this.token ? draft.text : undefined;
	}

	#errorFor(draft: Draft | undefined): JsonSyntaxError | undefined {
		return draft && draft.forToken === this.token ? draft.error : undefined;
	}
}

/** A verdict reached with the token's own key says so: such a key proves nothing about who made the token. */
function fromTheToken(verdict: Verdict, embedded: EmbeddedKey): Verdict {
	const where = `the key carried in the token's own "${embedded.member}" header`;
	if (verdict.status === 'verified')
		return {
			...verdict,
			detail: `Verified with ${where}. That proves nothing: anyone can make a token and put their own key in it.`,
		};
	if (verdict.status === 'invalid') return { ...verdict, reason: `With ${where}: ${verdict.reason}` };
	return verdict;
}
