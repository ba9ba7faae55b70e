// One token on the page: the text it came in, its decoding (on the page, or in a worker for huge texts), its
// parts as the editors show them, and the findings about the token itself. A second token is a second view.

import {
	describeError,
	describeValidity,
	inspectText,
	OFF_THREAD_CHARS,
	stringMember,
	type Inspection,
	type TextAnalysis,
	type DecodedToken,
} from '$lib/jwt';
import type { PlaintextView } from '$lib/crypto/jwe';
import type { OffThreadAnalyzer } from '$lib/worker/client';
import { SupersededError } from '$lib/worker/superseded';
import type { Modules } from './modules.svelte';
import { PartView, type Draft, type Highlight } from './part-view.svelte';
import type { Settings } from './settings.svelte';

/**
 * Texts at least this long show their parts first, and their findings and claims rows a frame later, so a
 * paste paints in one frame and no task runs long (issue 14; figures in docs/performance.md). Shorter texts
 * get everything at once, as the work is well within a frame.
 */
export const SETTLE_CHARS = 32_768;

/** Runs `work` once the browser has painted what is on screen now; without a browser, in the next task. */
function afterPaint(work: () => void): void {
	if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(work));
	else setTimeout(work);
}

/** What the page shows while a huge text is analysed: no token yet, and no error either. */
const ANALYSING: Inspection = { candidates: [], chosen: 0, ranges: [] };

/** The decoded view of one token text; a TokenSession adds its key, verdict, editing and signing. */
export class TokenView {
	/** Exactly what is in the token editor; never rewritten except by an edit, a pick or a fragment. */
	text = $state('');
	/** Which of several tokens in the text is shown. */
	pick = $state(0);
	/**
	 * Counts the texts that came from outside the Header and Payload editors (typing or pasting in the token
	 * editor, a link, a swap); their edits do not count. Each starts a new undo history in those editors, even
	 * when a part's text happens to be what its editor shows already.
	 */
	generation = $state(0);
	/** The finding, claim or SD-JWT disclosure the person asked to see in the token and editors. */
	highlight = $state.raw<Highlight | undefined>();
	/** The text currently in the editor is the built-in example. */
	exampleText = $state('');
	/**
	 * Signatures being made for tokens just written; each signed token takes its token's place at once, so
	 * analysing the unsigned one meanwhile would post megabytes to the worker for nothing.
	 */
	signing = $state(0);

	readonly settings: Settings;
	readonly modules: Modules;
	/** Analyses huge texts in a worker; without one, the page analyses them itself. */
	readonly offThread?: OffThreadAnalyzer;
	readonly header: PartView;
	readonly payload: PartView;
	/** A JWE's decrypted plaintext, from the session's decryption; `Payload` shows it. */
	plaintextSource: () => PlaintextView | undefined = () => undefined;

	/** The long text (and pick) whose findings and claims rows may be worked out: see SETTLE_CHARS. */
	#settledFor = $state.raw<{ text: string; pick: number } | undefined>();
	/** The analysis of a huge text, made off the main thread, with the text and pick it belongs to. */
	#remote = $state.raw<{ text: string; pick: number; analysis: TextAnalysis } | undefined>();
	/** Where the last edit or signature put its token in the text: known before a huge text's analysis arrives. */
	#written = $state.raw<{ text: string; token: string; start: number } | undefined>();

	/** The text is too large to decode without blocking the page, so a worker analyses it. */
	readonly huge = $derived.by(() => this.text.length >= OFF_THREAD_CHARS);
	/** The worker's analysis of the current text, once it has arrived. */
	readonly analysis = $derived.by(() => {
		const remote = this.#remote;
		return this.huge && remote?.text === this.text && remote.pick === this.pick ? remote.analysis : undefined;
	});
	/** The bytes the token's signature covers, when the worker encoded them (a huge text). */
	readonly signingBytes = $derived.by(() => this.analysis?.signingInput);
	/** A huge text is being decoded in the background; the panels fill in when it is done. */
	readonly analysing = $derived.by(() => this.huge && !this.analysis);
	readonly inspection = $derived.by(() =>
		this.huge ? (this.analysis?.inspection ?? ANALYSING) : inspectText(this.text, this.pick),
	);
	readonly decoded = $derived.by(() => this.inspection.decoded);
	/**
	 * The findings and claims rows of the text shown can be worked out: at once for a short text, after the
	 * first paint for a long one (`settle`), from the worker's analysis for a huge one.
	 */
	readonly settled = $derived.by(
		() =>
			this.modules.judge !== undefined &&
			(this.text.length < SETTLE_CHARS ||
				this.huge ||
				(this.#settledFor?.text === this.text && this.#settledFor.pick === this.pick)),
	);
	readonly #writtenHere = $derived.by(() => (this.#written?.text === this.text ? this.#written : undefined));
	/** The compact token shown, without whatever surrounded it in the text. */
	readonly token = $derived.by(() => this.inspection.candidate?.token ?? this.#writtenHere?.token ?? '');
	/** The header's `alg` when it is a string (the last one, if repeated). */
	readonly alg = $derived.by(() => stringMember(this.decoded?.header?.root, 'alg'));
	/** The header's `kid` when it is a string. */
	readonly kid = $derived.by(() => stringMember(this.decoded?.header?.root, 'kid'));
	/** What kind of token it is (DPoP proof, access token, ID token, …) and why: profiles.ts. */
	readonly profile = $derived.by(() => {
		const claims = this.claimsDecoded;
		return claims && this.modules.judge
			? this.modules.judge.recognizeProfile(
					claims.header?.root,
					claims.payload.mode === 'json' ? claims.payload.root : undefined,
				)
			: undefined;
	});
	/** What is wrong with the text as a token, in words, one alert each (ui-contract.md "Errors"). */
	readonly alerts = $derived.by(() => {
		const { error, decoded } = this.inspection;
		if (error && error.code !== 'empty') return [describeError(error)];
		return (decoded?.errors ?? []).map(describeError);
	});
	readonly isExample = $derived.by(() => this.exampleText !== '' && this.text === this.exampleText);
	/** The claims reference, for the parts' rows. */
	readonly docs = $derived.by(() => this.modules.docs);
	/** A JWE's plaintext once decrypted (through `plaintextSource`). */
	get plaintext(): PlaintextView | undefined {
		return this.decoded?.kind === 'jwe' ? this.plaintextSource() : undefined;
	}

	/** Findings that stay the same while the token does: worked out once per token, not at every clock tick. */
	readonly tokenFindings = $derived.by(
		() =>
			this.analysis?.tokenFindings ??
			(this.settled
				? (this.modules.judge?.listTokenFindings(this.inspection, this.modules.review) ?? [])
				: []),
	);
	/**
	 * The token as its claims are judged: a decrypted JWE whose plaintext is a JSON claims set stands with that
	 * plaintext as its payload (RFC 7519 §7.2 step 10), so its times get the checks a JWS payload gets.
	 */
	readonly claimsDecoded = $derived.by<DecodedToken | undefined>(() => {
		const decoded = this.decoded;
		const plaintext = decoded?.kind === 'jwe' ? this.plaintext : undefined;
		if (!decoded || plaintext?.mode !== 'json') return decoded;
		return {
			...decoded,
			payload: { mode: 'json', text: plaintext.raw, root: plaintext.root, duplicates: [] },
		};
	});
	/** The time checks, which follow the clock and the settings. */
	readonly timeFindings = $derived.by(() =>
		this.claimsDecoded && this.settled
			? (this.modules.judge?.listFindingsWith(
					this.claimsDecoded,
					this.settings.findingContext,
					undefined,
					'time',
				) ?? [])
			: [],
	);
	readonly validity = $derived.by(() => {
		const claims = this.claimsDecoded;
		const payload =
			claims?.payload.mode === 'json' && claims.payload.root.kind === 'object'
				? claims.payload.root
				: undefined;
		if (!payload) return undefined;
		// A DPoP proof has no "exp" by design: its standing is how fresh its "iat" is (RFC 9449 §4.3).
		const judge = this.modules.judge;
		const describe =
			judge && this.profile?.profile.id === 'dpop-proof' ? judge.describeProofFreshness : describeValidity;
		return describe(payload, this.settings.at, this.settings.clockSkew);
	});

	constructor(settings: Settings, modules: Modules, offThread?: OffThreadAnalyzer) {
		this.settings = settings;
		this.modules = modules;
		this.offThread = offThread;
		this.header = new PartView('header', this);
		this.payload = new PartView('payload', this);
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
			const [review, docs] = await Promise.all([this.modules.loadReview(), this.modules.loadDocs()]);
			await new Promise((resolve) => setTimeout(resolve, 50));
			if (this.text !== text || this.pick !== pick || !this.modules.judge) return;
			analysis = this.modules.judge.analyzeText(text, pick, review, docs);
		}
		if (this.text === text && this.pick === pick) this.#remote = { text, pick, analysis };
	}

	/**
	 * Lets a long text's findings and claims rows be worked out once its parts have been painted. Reads the text
	 * and pick at once, so an effect that calls it runs again when either changes.
	 */
	settle(): void {
		const { text, pick } = this;
		if (this.settled) return;
		afterPaint(() => {
			if (this.text === text && this.pick === pick) this.#settledFor = { text, pick };
		});
	}

	/** Replaces the editor text (typing, pasting, a fragment); drafts of the old token fall away by themselves. */
	setText(text: string): void {
		if (text === this.text) return;
		this.text = text;
		this.generation++;
		this.pick = 0;
		this.highlight = undefined;
		// Judge a token just pasted against this instant, not the last clock tick up to a second ago.
		this.settings.tick();
	}

	/** Loads the example, remembering it so the page can mark it as one. */
	loadExample(token: string): void {
		this.exampleText = token;
		this.setText(token);
	}

	/** The view of `part`. */
	part(part: 'header' | 'payload'): PartView {
		return part === 'header' ? this.header : this.payload;
	}

	/** Sets the draft of `part`. */
	setDraft(part: 'header' | 'payload', draft: Draft): void {
		this.part(part).draft = draft;
	}

	/** Puts a new token where the old one stood in the text, keeping what surrounded it (a `Bearer ` prefix, say). */
	replaceToken(token: string): void {
		const shown = { header: this.header.text, payload: this.payload.text };
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
		if (this.huge) {
			for (const part of ['header', 'payload'] as const) {
				if (this.part(part).draft?.forToken !== token)
					this.setDraft(part, { text: shown[part], forToken: token });
			}
		}
	}
}
