// What the page shows of the text in the token editor: its decoding (on the page, or in a worker for huge
// texts), claims rows, findings about the token itself, and drafts of the edited header and payload.

import {
	analyzeText,
	describeValidity,
	formatJson,
	inspectText,
	listPartRows,
	listTokenFindings,
	OFF_THREAD_CHARS,
	showPayload,
	stringMember,
	type ClaimDocs,
	type FindingReview,
	type Inspection,
	type JsonSyntaxError,
	type PartName,
	type TextAnalysis,
} from '$lib/jwt';
import { SupersededError, type OffThreadAnalyzer } from '$lib/worker/client';

/** What the page shows while a huge text is analysed: no token yet, and no error either. */
const ANALYSING: Inspection = { candidates: [], chosen: 0, ranges: [] };

/** Text a person typed into the Header or Payload editor, and the token it produced (or why it could not). */
export interface Draft {
	readonly text: string;
	/** The token this draft belongs to; a different token means the draft is stale. */
	readonly forToken: string;
	readonly error?: JsonSyntaxError;
}

/** The decoded view of the token editor's text; DebuggerState adds keys, verification, editing and signing. */
export class TokenView {
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

	/** The claims reference, once loaded. */
	docs = $state.raw<ClaimDocs | undefined>();
	/** The security review beyond the basic findings, once loaded. */
	review = $state.raw<FindingReview | undefined>();
	#docsLoading?: Promise<ClaimDocs>;
	#reviewLoading?: Promise<FindingReview>;

	/** The analysis of a huge text, made off the main thread, with the text and pick it belongs to. */
	#remote = $state.raw<{ text: string; pick: number; analysis: TextAnalysis } | undefined>();
	protected readonly offThread?: OffThreadAnalyzer;
	/** Where the last edit or signature put its token in the text: known before a huge text's analysis arrives. */
	protected written = $state.raw<{ text: string; token: string; start: number } | undefined>();

	/**
	 * Signatures being made for tokens just written; each signed token takes its token's place at once, so
	 * analysing the unsigned one meanwhile would post megabytes to the worker for nothing.
	 */
	protected signing = $state(0);

	protected headerDraft = $state.raw<Draft | undefined>();
	protected payloadDraft = $state.raw<Draft | undefined>();

	/** The instant everything time-related is judged at: `evaluateAt` when set, else the ticking clock. */
	readonly at = $derived(this.evaluateAt ?? this.now);
	/** The text is too large to decode without blocking the page, so a worker analyses it. */
	protected readonly huge = $derived(this.text.length >= OFF_THREAD_CHARS);
	/** The worker's analysis of the current text, once it has arrived. */
	readonly #analysis = $derived.by(() => {
		const remote = this.#remote;
		return this.huge && remote?.text === this.text && remote.pick === this.pick ? remote.analysis : undefined;
	});
	/** The bytes the token's signature covers, when the worker encoded them (a huge text). */
	protected readonly signingBytes = $derived(this.#analysis?.signingInput);
	/** A huge text is being decoded in the background; the panels fill in when it is done. */
	readonly analysing = $derived(this.huge && !this.#analysis);
	readonly inspection = $derived(
		this.huge ? (this.#analysis?.inspection ?? ANALYSING) : inspectText(this.text, this.pick),
	);
	readonly decoded = $derived(this.inspection.decoded);
	protected readonly writtenHere = $derived(this.written?.text === this.text ? this.written : undefined);
	/** The compact token shown, without whatever surrounded it in the text. */
	readonly token = $derived(this.inspection.candidate?.token ?? this.writtenHere?.token ?? '');
	/** The header's `alg` when it is a string (the last one, if repeated). */
	readonly alg = $derived.by(() => {
		const root = this.decoded?.header?.root;
		return root ? stringMember(root, 'alg') : undefined;
	});
	/** The header's `kid` when it is a string. */
	readonly kid = $derived.by(() => {
		const root = this.decoded?.header?.root;
		return root ? stringMember(root, 'kid') : undefined;
	});
	readonly isExample = $derived(this.exampleText !== '' && this.text === this.exampleText);

	/** Findings that stay the same while the token does: worked out once per token, not at every clock tick. */
	protected readonly tokenFindings = $derived(
		this.#analysis?.tokenFindings ?? listTokenFindings(this.inspection, this.review),
	);
	readonly headerText = $derived(
		this.draftFor(this.headerDraft) ??
			this.#analysis?.headerText ??
			formatJson(this.decoded?.header?.text ?? ''),
	);
	readonly payloadText = $derived(
		this.draftFor(this.payloadDraft) ?? this.#analysis?.payloadText ?? showPayload(this.decoded?.payload),
	);
	readonly headerError = $derived(this.errorFor(this.headerDraft));
	readonly payloadError = $derived(this.errorFor(this.payloadDraft));
	readonly payloadEditable = $derived(this.decoded?.kind !== 'jwe' && this.decoded?.payload.mode !== 'hex');

	readonly headerRows = $derived(
		this.#analysis?.headerRows ?? listPartRows(this.decoded, 'header', this.docs),
	);
	readonly payloadRows = $derived(
		this.#analysis?.payloadRows ?? listPartRows(this.decoded, 'payload', this.docs),
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
		this.offThread = offThread;
	}

	/**
	 * Has a huge text analysed off the main thread. Reads the text and pick before its first `await`, so an
	 * effect that calls it runs again when either changes; an analysis of an older text is dropped.
	 */
	async analyseHugeText(): Promise<void> {
		const { text, pick } = this;
		if (!this.huge || this.signing > 0 || (this.#remote?.text === text && this.#remote.pick === pick)) return;
		let analysis: TextAnalysis;
		try {
			if (!this.offThread) throw new Error('no worker here');
			analysis = await this.offThread.analyze(text, pick);
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

	/** Loads the security review (once): header, signature, claims, sensitive-data and JWE findings. */
	loadReview(): Promise<FindingReview> {
		this.#reviewLoading ??= import('$lib/jwt/findings/review').then(
			(module) => (this.review = module.review),
		);
		return this.#reviewLoading;
	}

	/** Loads the claims reference (once), which documents the claims table's rows. */
	loadDocs(): Promise<ClaimDocs> {
		this.#docsLoading ??= import('$lib/jwt/claim-docs').then((module) => (this.docs = module));
		return this.#docsLoading;
	}

	/** Replaces the editor text (typing, pasting, a fragment); drafts of the old token fall away by themselves. */
	setText(text: string): void {
		if (text === this.text) return;
		this.text = text;
		this.pick = 0;
		this.highlight = undefined;
		// Judge a token just pasted against this instant, not the last clock tick up to a second ago.
		this.now = Date.now() / 1000;
	}

	/** Loads the example, remembering it so the page can mark it as one. */
	loadExample(token: string): void {
		this.exampleText = token;
		this.setText(token);
	}

	protected setDraft(part: 'header' | 'payload', draft: Draft): void {
		if (part === 'header') this.headerDraft = draft;
		else this.payloadDraft = draft;
	}

	/** Puts a new token where the old one stood in the text, keeping what surrounded it (a `Bearer ` prefix, say). */
	protected replaceToken(token: string): void {
		const shown = { header: this.headerText, payload: this.payloadText };
		const candidate = this.inspection.candidate;
		const written = this.writtenHere;
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
		this.written = { text: this.text, token, start: start ?? 0 };
		// A huge text is decoded again in the background: until then both editors keep what they showed.
		if (this.huge) {
			for (const part of ['header', 'payload'] as const) {
				const draft = part === 'header' ? this.headerDraft : this.payloadDraft;
				if (draft?.forToken !== token) this.setDraft(part, { text: shown[part], forToken: token });
			}
		}
	}

	protected draftFor(draft: Draft | undefined): string | undefined {
		return draft && draft.forToken === this.token ? draft.text : undefined;
	}

	protected errorFor(draft: Draft | undefined): JsonSyntaxError | undefined {
		return draft && draft.forToken === this.token ? draft.error : undefined;
	}
}
