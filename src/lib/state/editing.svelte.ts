// Edits that rewrite one token: the Header and Payload editors, `Sign`, `New token` and a change of `alg`.

import {
	encodeBase64urlText,
	formatJson,
	getMember,
	OFF_THREAD_CHARS,
	replacePart,
	withoutPayload,
	type EncodedEdit,
} from '$lib/jwt';
import type { SignResult } from '$lib/crypto';
import { SupersededError } from '$lib/worker/superseded';
import type { KeyState } from './key.svelte';
import type { TokenView } from './token-view.svelte';

/** Re-encodes and re-signs one token view's token as the person edits it. */
export class Editing {
	readonly #view: TokenView;
	readonly #key: KeyState;
	/** The note of the last edit or `Sign`, with the text it was written for. */
	#note = $state.raw<{ text: string; note: string }>({ text: '', note: '' });

	constructor(view: TokenView, key: KeyState) {
		this.#view = view;
		this.#key = key;
	}

	/** What happened to the signature at the last edit or `Sign`; gone once the text changes otherwise. */
	readonly signNote = $derived.by(() => (this.#note.text === this.#view.text ? this.#note.note : ''));

	/** Applies an edit of the Header editor: re-encodes the token when the JSON is valid. */
	editHeader(text: string): void {
		this.#edit('header', text);
	}

	/** Applies an edit of the Payload editor; a payload that was plain text may stay plain text. */
	editPayload(text: string): void {
		this.#edit('payload', text);
	}

	/** Signs the current token with the key at hand (the `Sign` action); the key alone never changes the token. */
	async sign(): Promise<void> {
		await this.#signAndReplace(this.#view.token, this.#view.signingBytes);
	}

	/** Starts a new token from a template (`iat` now, `exp` in an hour), with the `alg` the key suits, signed if it can be. */
	async newToken(): Promise<void> {
		const crypto = await this.#view.modules.loadCrypto();
		// The template is a new token: the example's secret neither picks its alg nor signs it.
		this.#key.dropExampleSecret();
		const key = this.#key.parsed;
		const first = key.kind === 'secret' ? key.key : key.kind === 'keys' ? key.keys[0] : undefined;
		const alg = first ? crypto.suggestAlgorithm(first) : 'HS256';
		const iat = Math.floor(Date.now() / 1000);
		const header = JSON.stringify({ alg, typ: 'JWT' });
		const payload = JSON.stringify({ sub: '1234567890', name: 'Jane Doe', iat, exp: iat + 3600 });
		const token = `${encodeBase64urlText(header)}.${encodeBase64urlText(payload)}.`;
		this.#view.setText(token);
		if (key.kind === 'empty')
			this.#say('Enter a secret or a private key, then press Sign to sign the new token.');
		else await this.#signAndReplace(token);
	}

	/** Sets the header's `alg` (keeping the rest as written), which re-encodes and re-signs like any header edit. */
	setAlgorithm(alg: string): void {
		const header = this.#view.decoded?.header;
		if (!header?.root || header.root.kind !== 'object') return;
		const node = getMember(header.root, 'alg');
		const literal = JSON.stringify(alg);
		const text = node
			? header.text.slice(0, node.start) + literal + header.text.slice(node.end)
			: header.text.replace('{', header.root.entries.length > 0 ? `{"alg":${literal},` : `{"alg":${literal}`);
		this.editHeader(formatJson(text));
	}

	#say(note: string): void {
		this.#note = { text: this.#view.text, note };
	}

	#edit(part: 'header' | 'payload', text: string): void {
		const view = this.#view;
		const oldToken = view.token;
		const allowText = part === 'payload' && view.decoded?.payload.mode === 'text';
		const offThread = view.offThread;
		if (!offThread || text.length < OFF_THREAD_CHARS) {
			this.#applyEdit(part, text, oldToken, replacePart(oldToken, part, text, allowText));
			return;
		}
		// Parsing and encoding megabytes per keystroke would stall typing: the worker does it, and the editor
		// shows the text meanwhile (the token follows when it is encoded).
		view.setDraft(part, { text, forToken: oldToken });
		const arrived = (result: EncodedEdit) => {
			if (view.part(part).draft?.text !== text) return; // typed on: a newer request is coming
			if (view.token === oldToken) this.#applyEdit(part, text, oldToken, result);
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
		const view = this.#view;
		if (!result.ok) {
			view.setDraft(part, { text, forToken: oldToken, error: result.error });
			return;
		}
		const otherPart = part === 'header' ? 'payload' : 'header';
		const other = view.part(otherPart).draft;
		view.setDraft(part, { text, forToken: result.token });
		// The other editor's valid draft still describes the new token: keep it as the person wrote it.
		if (other && other.forToken === oldToken && !other.error)
			view.setDraft(otherPart, { ...other, forToken: result.token });
		view.replaceToken(result.token);
		if (this.#key.parsed.kind !== 'empty') void this.#signAndReplace(result.token, result.signingInput);
	}

	/**
	 * Signs `token` and, if it is still the one shown, puts the signed token in its place, drafts and all.
	 * `signingInput` is the token's `header.payload` as bytes, when a worker has encoded them.
	 */
	async #signAndReplace(token: string, signingInput?: Uint8Array): Promise<void> {
		const view = this.#view;
		view.signing++;
		let result: SignResult;
		let note: string;
		try {
			const crypto = await view.modules.loadCrypto();
			result = await crypto.signToken(token, this.#key.parsed, { signingInput });
			note = crypto.describeSignResult(result);
		} finally {
			view.signing--;
		}
		if (view.token !== token) return;
		if (!result.ok) {
			this.#say(note);
			return;
		}
		for (const part of ['header', 'payload'] as const) {
			const draft = view.part(part).draft;
			if (draft && draft.forToken === token) view.setDraft(part, { ...draft, forToken: result.token });
		}
		view.replaceToken(result.token);
		this.#say(note);
	}
}
