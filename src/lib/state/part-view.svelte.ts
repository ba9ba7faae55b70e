// One decoded part of a token as its editor shows it: the text (or the person's draft), its JSON error, its claims rows.

import {
	formatJson,
	listPartRows,
	parseJson,
	showPayload,
	type ClaimDocs,
	type DecodedToken,
	type JsonSyntaxError,
	type PartName,
	type TextAnalysis,
} from '$lib/jwt';
import type { PlaintextView } from '$lib/crypto/jwe';

/**
 * What the person asked to see: a part of the token, a claim (`member`) in the header or payload, and for an
 * SD-JWT one disclosure (`disclosure`, its position from 0) and the digest that references it (`digest`).
 */
export interface Highlight {
	readonly part?: PartName;
	readonly member?: string;
	readonly disclosure?: number;
	readonly digest?: string;
}

/** Text a person typed into the Header or Payload editor, and the token it produced (or why it could not). */
export interface Draft {
	readonly text: string;
	/** The token this draft belongs to; a different token means the draft is stale. */
	readonly forToken: string;
	readonly error?: JsonSyntaxError;
}

/** What a part view reads of the token view it belongs to. */
export interface PartSource {
	readonly token: string;
	readonly decoded: DecodedToken | undefined;
	/** A worker's analysis of a huge text, when there is one. */
	readonly analysis: TextAnalysis | undefined;
	readonly docs: ClaimDocs | undefined;
	/** The finding or claim the person asked to see. */
	readonly highlight: Highlight | undefined;
	/** A JWE's decrypted plaintext, which `Payload` shows instead of the ciphertext. */
	readonly plaintext?: PlaintextView;
	/** The rows may be worked out now: false for the frame in which a long text is first painted. */
	readonly settled: boolean;
}

/** The Header or the Payload of one token view. */
export class PartView {
	/** The person's last edit of this part; it stands while it belongs to the token shown. */
	draft = $state.raw<Draft | undefined>();
	readonly name: 'header' | 'payload';
	readonly #source: PartSource;

	constructor(name: 'header' | 'payload', source: PartSource) {
		this.name = name;
		this.#source = source;
	}

	/** The draft, when it belongs to the token shown. */
	readonly #current = $derived.by(() =>
		this.draft && this.draft.forToken === this.#source.token ? this.draft : undefined,
	);
	/** What the editor shows: the draft, else the part indented (JSON), as text, or as hex. */
	readonly text = $derived.by(() => {
		if (this.#current) return this.#current.text;
		const { analysis, decoded } = this.#source;
		if (this.name === 'header') return analysis?.headerText ?? formatJson(decoded?.header?.text ?? '');
		const plaintext = this.#source.plaintext;
		if (plaintext) return plaintext.text;
		return analysis?.payloadText ?? showPayload(decoded?.payload);
	});
	/** Why the draft is not a token yet (a JSON syntax error). */
	readonly error = $derived.by(() => this.#current?.error);
	readonly rows = $derived.by(() => {
		const { analysis, decoded, docs, plaintext, settled } = this.#source;
		if (!settled) return [];
		// A decrypted JWE's JSON claims get rows like a JWS payload's.
		if (this.name === 'payload' && plaintext?.mode === 'json' && decoded)
			return listPartRows(
				{ ...decoded, payload: { mode: 'json', text: plaintext.raw, root: plaintext.root, duplicates: [] } },
				'payload',
				docs,
			);
		const posted = this.name === 'header' ? analysis?.headerRows : analysis?.payloadRows;
		return posted ?? listPartRows(decoded, this.name, docs);
	});
	/** How many members the part has: more than its rows when a worker posted only the first. */
	readonly members = $derived.by(
		() =>
			(this.name === 'header'
				? this.#source.analysis?.headerMembers
				: this.#source.analysis?.payloadMembers) ?? this.rows.length,
	);
	/** A JWE's payload is ciphertext and bytes that are not UTF-8 are hex: neither is edited as text. */
	readonly editable = $derived.by(() => {
		if (this.name === 'header') return true;
		// A decrypted JWE's JSON or text is edited and encrypted again; a nested token is edited by opening it.
		const plaintext = this.#source.plaintext;
		if (plaintext) return plaintext.mode === 'json' || (plaintext.mode === 'text' && !plaintext.nested);
		return this.#source.decoded?.kind !== 'jwe' && this.#source.decoded?.payload.mode !== 'hex';
	});
	/**
	 * Where the highlighted claim stands in the text as shown (re-indented, so the token's offsets differ):
	 * from its key to the end of its value, once per occurrence.
	 */
	readonly highlighted = $derived.by((): { from: number; to: number }[] => {
		const target = this.#source.highlight;
		// An SD-JWT digest sits in the payload as a JSON string: each place it is written, quotes included.
		if (target?.digest !== undefined && this.name === 'payload') return findQuoted(this.text, target.digest);
		if (!target?.member || (target.part !== undefined && target.part !== this.name)) return [];
		const parsed = parseJson(this.text);
		if (!parsed.ok || parsed.root.kind !== 'object') return [];
		return parsed.root.entries
			.filter((entry) => entry.key === target.member)
			.map((entry) => ({ from: entry.keyStart, to: entry.value.end }));
	});
}

/** Where `"value"` is written in `text` (a digest is base64url, so it is written exactly so), at most 100 places. */
function findQuoted(text: string, value: string): { from: number; to: number }[] {
	const needle = JSON.stringify(value);
	const found: { from: number; to: number }[] = [];
	for (let at = text.indexOf(needle); at >= 0 && found.length < 100; at = text.indexOf(needle, at + 1))
		found.push({ from: at, to: at + needle.length });
	return found;
}
