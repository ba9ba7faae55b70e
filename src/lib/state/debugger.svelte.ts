// The debugger's state: the text in the token editor, what it decodes to, and edits to header and payload.

import {
	describeValidity,
	formatJson,
	getMember,
	inspectText,
	listClaimRows,
	listFindings,
	replacePart,
	type JsonSyntaxError,
} from '$lib/jwt';

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
	/** The text currently in the editor is the built-in example. */
	exampleText = $state('');

	#headerDraft = $state.raw<Draft | undefined>();
	#payloadDraft = $state.raw<Draft | undefined>();

	readonly inspection = $derived(inspectText(this.text, this.pick));
	readonly decoded = $derived(this.inspection.decoded);
	/** The compact token shown, without whatever surrounded it in the text. */
	readonly token = $derived(this.inspection.candidate?.token ?? '');
	/** The header's `alg` when it is a string (the last one, if repeated). */
	readonly alg = $derived.by(() => {
		const root = this.decoded?.header?.root;
		const node = root ? getMember(root, 'alg') : undefined;
		return node?.kind === 'string' ? node.value : undefined;
	});
	readonly isExample = $derived(this.exampleText !== '' && this.text === this.exampleText);

	readonly findings = $derived(
		this.decoded
			? listFindings(this.decoded, {
					now: this.now,
					clockSkew: this.clockSkew,
					hadInnerWhitespace: this.inspection.candidate?.hasInnerWhitespace,
				})
			: [],
	);

	readonly headerText = $derived(
		this.#draftFor(this.#headerDraft) ?? formatJson(this.decoded?.header?.text ?? ''),
	);
	readonly payloadText = $derived.by(() => {
		const draft = this.#draftFor(this.#payloadDraft);
		if (draft !== undefined) return draft;
		const payload = this.decoded?.payload;
		if (!payload) return '';
		if (payload.mode === 'json') return formatJson(payload.text);
		return payload.mode === 'text' || payload.mode === 'hex' ? payload.text : '';
	});
	readonly headerError = $derived(this.#errorFor(this.#headerDraft));
	readonly payloadError = $derived(this.#errorFor(this.#payloadDraft));
	readonly payloadEditable = $derived(this.decoded?.kind !== 'jwe' && this.decoded?.payload.mode !== 'hex');

	readonly headerRows = $derived(
		this.decoded?.header?.root
			? listClaimRows(this.decoded.header.root, this.decoded.header.text, 'header', this.now)
			: [],
	);
	readonly payloadRows = $derived(
		this.decoded?.payload.mode === 'json'
			? listClaimRows(this.decoded.payload.root, this.decoded.payload.text, 'payload', this.now)
			: [],
	);
	readonly validity = $derived(
		this.decoded?.payload.mode === 'json' && this.decoded.payload.root.kind === 'object'
			? describeValidity(this.decoded.payload.root, this.now, this.clockSkew)
			: undefined,
	);

	/** Replaces the editor text (typing, pasting, a fragment); drafts of the old token fall away by themselves. */
	setText(text: string): void {
		if (text === this.text) return;
		this.text = text;
		this.pick = 0;
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
		const result = replacePart(oldToken, part, text, allowText);
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
	}

	#setDraft(part: 'header' | 'payload', draft: Draft): void {
		if (part === 'header') this.#headerDraft = draft;
		else this.#payloadDraft = draft;
	}

	/** Puts a new token where the old one stood in the text, keeping what surrounded it (a `Bearer ` prefix, say). */
	#replaceToken(token: string): void {
		const candidate = this.inspection.candidate;
		const pick = this.pick;
		if (candidate && !candidate.percentDecoded) {
			this.text = this.text.slice(0, candidate.start) + token + this.text.slice(candidate.end);
			this.pick = pick;
		} else {
			this.text = token;
			this.pick = 0;
		}
	}

	#draftFor(draft: Draft | undefined): string | undefined {
		return draft && draft.forToken === this.token ? draft.text : undefined;
	}

	#errorFor(draft: Draft | undefined): JsonSyntaxError | undefined {
		return draft && draft.forToken === this.token ? draft.error : undefined;
	}
}
