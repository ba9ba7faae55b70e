// The SD-JWT side of one token session: disclosures, the claims a verifier ends with, key binding, presentations.

import type { KeyBindingSignResult, KeyBindingVerdict } from '$lib/crypto/sd-jwt';
import { encodeBase64url, formatJson, getMember, type DecodedToken } from '$lib/jwt';
import type { DisclosureRecord, SdHashAlgorithm, SdJwtAnalysis } from '$lib/jwt/sd-jwt';
import type { Editing } from './editing.svelte';
import type { TokenView } from './token-view.svelte';

/** One row of the `Disclosures` table: a disclosure of the SD-JWT as issued, presented or not. */
export interface DisclosureRow {
	/** Position in the SD-JWT the presentation is built from. */
	readonly index: number;
	/** The disclosure is in `Encoded token` now (its checkbox is ticked). */
	readonly disclosed: boolean;
	/** Its position among the disclosures of `Encoded token` now, from 0; undefined while unticked. */
	readonly position?: number;
	readonly record: DisclosureRecord;
	/** The claim name, or undefined for an array element. */
	readonly name?: string;
	/** The value's JSON, shortened for the table. */
	readonly value: string;
}

/** The SD-JWT the person started from, and which of its disclosures the token now presents. */
interface Source {
	readonly full: string;
	readonly analysis: SdJwtAnalysis;
	readonly included: readonly boolean[];
	/** The token this state wrote last; any other token starts again from itself. */
	readonly written: string;
	/**
	 * The presentation had a KB-JWT that no longer matched it and no holder key could sign a new one: the
	 * token ends with `~`, and a KB-JWT is signed as soon as the holder's private key is entered.
	 */
	readonly awaitingKeyBinding: boolean;
}

const VALUE_LIMIT = 120;

/**
 * What `Issue: make claims selectively disclosable` offers for the issuer payload shown: the top-level claims
 * that can be concealed, those that must stay in the clear, and the `_sd_alg` digests are made with.
 */
export interface IssuingChoices {
	/** Top-level claims that `Make <claim> selectively disclosable` conceals, in payload order. */
	readonly claims: readonly string[];
	/** Top-level claims RFC 9901 §4.2 or SD-JWT VC §3.2.2.2 keeps in the clear. */
	readonly alwaysClear: readonly string[];
	/** The `_sd_alg` of the payload (sha-256 when absent); undefined when the page cannot compute it. */
	readonly alg?: SdHashAlgorithm;
	/** The `_sd_alg` name as written, or the default. */
	readonly algName: string;
}

/** Claims no SD-JWT conceals at the top level: they carry the digests and their algorithm (RFC 9901 §4.2.4). */
const STRUCTURAL_CLAIMS: readonly string[] = Object.freeze(['_sd', '...', '_sd_alg']);

/** Processes the session's SD-JWT off the clock-free path, and builds presentations from it. */
export class SdJwtState {
	/** The holder's private key (PEM or JWK), for signing key binding JWTs; memory only. Set with enterHolderKey. */
	holderKeyText = $state('');
	/** What the last signing of a KB-JWT did, or why it could not (worded by describeKeyBindingSigning). */
	#signing = $state.raw<{ token: string; result: KeyBindingSignResult } | undefined>();

	readonly #view: TokenView;
	readonly #editing: Pick<Editing, 'editPayload'>;
	#result = $state.raw<{ token: string; analysis: SdJwtAnalysis; verdict: KeyBindingVerdict } | undefined>();
	#source = $state.raw<Source | undefined>();
	#run = 0;
	/** The last processing worked out, by token; plain (not state): refresh reads it and must not depend on it. */
	#processed: { token: string; decoded: DecodedToken; processing: SdJwtAnalysis['processing'] } | undefined;

	constructor(view: TokenView, editing: Pick<Editing, 'editPayload'>) {
		this.#view = view;
		this.#editing = editing;
	}

	/**
	 * What the issuer payload offers to conceal (RFC 9901 §4.2): undefined until the SD-JWT code is in, and for
	 * a payload that is not a JSON object or a huge text (whose payload is read in the worker).
	 */
	readonly issuing = $derived.by<IssuingChoices | undefined>(() => {
		const view = this.#view;
		const decoded = view.decoded;
		const core = view.modules.sdJwt?.core;
		const root = decoded?.payload.mode === 'json' ? decoded.payload.root : undefined;
		if (!core || !decoded?.sdJwt || view.huge || root?.kind !== 'object') return undefined;
		const typ = decoded.header?.root && getMember(decoded.header.root, 'typ');
		const isVc = typ?.kind === 'string' && core.SD_JWT_VC_TYPES.includes(typ.value);
		const forbidden = (name: string) =>
			STRUCTURAL_CLAIMS.includes(name) || (isVc && core.VC_NON_SELECTIVE_CLAIMS.includes(name));
		// Once each: a payload may repeat a name (a finding of its own), and the page lists each claim once.
		const seen: Record<string, true> = Object.create(null);
		const names = root.entries.map((entry) => entry.key).filter((name) => !seen[name] && (seen[name] = true));
		const algNode = getMember(root, '_sd_alg');
		const algName =
			algNode === undefined ? core.DEFAULT_SD_ALG : algNode.kind === 'string' ? algNode.value : '';
		const alg = core.findSdHashAlgorithm(algName);
		return {
			claims: names.filter((name) => !forbidden(name)),
			alwaysClear: names.filter((name) => forbidden(name) && !STRUCTURAL_CLAIMS.includes(name)),
			...(alg?.compute && { alg }),
			algName,
		};
	});

	/**
	 * Makes the top-level claim `name` selectively disclosable (`Make <claim> selectively disclosable`, RFC 9901
	 * §4.2): a disclosure with a fresh 128-bit salt is appended to the token (before any KB-JWT), the claim leaves
	 * the payload and its digest joins `_sd`. The payload goes through the `Payload` edit path, so the issuer JWT
	 * is re-signed when `Secret or key` holds a signing key, as for any edit. Returns false when nothing changed.
	 */
	async conceal(name: string): Promise<boolean> {
		const view = this.#view;
		const before = view.token;
		const decoded = view.decoded;
		const choices = this.issuing;
		const modules = view.modules.sdJwt;
		if (!modules || !decoded?.sdJwt || decoded.payload.mode !== 'json' || !choices?.alg) return false;
		if (decoded.token !== before) return false;
		if (!choices.claims.includes(name)) return false;
		const result = await modules.core.concealClaim(
			decoded.payload.text,
			[name],
			randomSalt,
			choices.alg,
			modules.crypto.webCryptoDigest(),
		);
		// Dropped when the token changed while hashing: the person moved on.
		if (!result.ok || view.token !== before) return false;
		// A disclosure goes after the others and before the KB-JWT (RFC 9901 §4): `<issuer>~<d1>~…~<dn>~<kb>`.
		const end = decoded.sdJwt.presentedEnd;
		view.replaceToken(`${before.slice(0, end)}${result.disclosure}~${before.slice(end)}`);
		this.#editing.editPayload(formatJson(result.payload));
		this.#issued = { name, disclosure: `~${result.disclosure}~`, number: decoded.sdJwt.disclosureCount + 1 };
		return true;
	}

	/** The last claim made selectively disclosable, while its disclosure is in the token. */
	#issued = $state.raw<{ name: string; disclosure: string; number: number } | undefined>();
	/** The note under `Issue: make claims selectively disclosable`: which claim the last click concealed. */
	readonly issueNote = $derived.by(() => {
		const issued = this.#issued;
		return issued && this.#view.token.includes(issued.disclosure)
			? `${issued.name} is now selectively disclosable: disclosure ${issued.number}.`
			: '';
	});

	/** The token is an SD-JWT: the page shows the disclosures, claims and key binding. */
	readonly active = $derived.by(() => this.#view.decoded?.sdJwt !== undefined);
	/** The analysis of the current token, once worked out. */
	readonly analysis = $derived.by(() =>
		this.#result?.token === this.#view.token ? this.#result.analysis : undefined,
	);
	/**
	 * The `Key binding` verdict; `awaiting-holder-key` when this page left off a KB-JWT that no longer matched
	 * the presentation and waits for the holder's private key to sign a new one.
	 */
	readonly keyBinding = $derived.by<KeyBindingVerdict | undefined>(() => {
		const verdict = this.#result?.token === this.#view.token ? this.#result.verdict : undefined;
		if (verdict?.status === 'none' && this.#currentSource?.awaitingKeyBinding)
			return { status: 'none', code: 'awaiting-holder-key' };
		return verdict;
	});
	/** The `Key binding` status as read: its contract headline and the explanation after it. */
	readonly keyBindingText = $derived.by(() => {
		const verdict = this.keyBinding;
		const crypto = this.#view.modules.sdJwt?.crypto;
		return verdict && crypto ? crypto.describeKeyBinding(verdict) : undefined;
	});
	/** The note under `Sign key binding`: what the last signing did, while the token is the one it made. */
	readonly note = $derived.by(() => {
		const signing = this.#signing;
		const crypto = this.#view.modules.sdJwt?.crypto;
		return signing && crypto && signing.token === this.#view.token
			? crypto.describeKeyBindingSigning(signing.result)
			: '';
	});
	/** Findings about disclosures and key binding. */
	readonly findings = $derived.by(() => (this.active ? (this.analysis?.findings ?? []) : []));
	/** The parsed holder key, when the SD-JWT code and a key are in. */
	readonly holderKey = $derived.by(() => {
		const crypto = this.#view.modules.crypto;
		return crypto && this.holderKeyText.trim() ? crypto.parseKeyInput(this.holderKeyText) : undefined;
	});
	readonly #currentSource = $derived.by(() =>
		this.#source?.written === this.#view.token ? this.#source : undefined,
	);

	/** The processing of the current token: the same object while only the key binding is re-checked. */
	readonly #processing = $derived.by(() => this.analysis?.processing);

	/** Every disclosure of the SD-JWT presentations are built from, in order, ticked when presented. */
	readonly rows = $derived.by<DisclosureRow[]>(() => {
		const analysis = this.#processing && { processing: this.#processing };
		if (!analysis) return [];
		const source = this.#currentSource;
		if (!source) return analysis.processing.disclosures.map((record) => row(record, record.index));
		let shown = 0;
		return source.included.map((included, index) => {
			const position = included ? shown++ : undefined;
			const current = position === undefined ? undefined : analysis.processing.disclosures[position];
			const record = current ? { ...current, index } : source.analysis.processing.disclosures[index]!;
			return row(record, current ? position : undefined);
		});
	});

	/**
	 * Works out the analysis and key binding verdict of the current token (loading the SD-JWT code the first
	 * time one appears). Reads everything it depends on before its first `await`; older runs are dropped.
	 */
	async refresh(): Promise<void> {
		const view = this.#view;
		const decoded = view.decoded;
		const token = view.token;
		const huge = view.huge;
		const settings = view.settings;
		const options = {
			now: settings.at,
			clockSkew: settings.clockSkew,
			expectedAudience: settings.expectedAudience.trim() || undefined,
			expectedNonce: settings.expectedNonce.trim() || undefined,
		};
		if (!decoded?.sdJwt) return;
		const run = ++this.#run;
		const { core, crypto } = view.modules.sdJwt ?? (await view.modules.loadSdJwt());
		const digest = crypto.webCryptoDigest();
		// The processing depends on the token alone: only the key binding follows the clock and settings.
		const previous = this.#processed?.token === token ? this.#processed : undefined;
		// A huge text is decoded in the worker, which sends the payload cut to its time claims: `_sd` must be read.
		const full = previous?.decoded ?? (huge ? core.decodeToken(token) : decoded);
		const analysis = await core.analyzeSdJwt(full, digest, options, previous?.processing);
		if (!analysis) return;
		this.#processed = { token, decoded: full, processing: analysis.processing };
		const verdict = await crypto.verifyKeyBinding(analysis.keyBinding);
		if (run === this.#run) this.#result = { token, analysis, verdict };
	}

	/**
	 * Ticks or unticks a disclosure: `Encoded token` becomes the issuer JWT with the ticked disclosures. A KB-JWT
	 * signs over the disclosures (`sd_hash`, RFC 9901 §4.3.1), so the old one cannot stay: with a holder key a new
	 * one is signed (fresh `iat`, new `sd_hash`); without one the presentation ends with `~` and the `Key
	 * binding` status asks for the key, which signs it as soon as it is entered (enterHolderKey).
	 */
	async setDisclosed(index: number, disclosed: boolean): Promise<void> {
		const view = this.#view;
		const analysis = this.analysis;
		const modules = view.modules.sdJwt;
		if (!analysis || !modules) return;
		const base: Source = this.#currentSource ?? {
			full: view.token,
			analysis,
			included: analysis.processing.disclosures.map(() => true),
			written: view.token,
			awaitingKeyBinding: false,
		};
		const included = base.included.map((value, i) => (i === index ? disclosed : value));
		// Disclosures past those read (MAX_DISCLOSURES) have no checkbox and stay as they are.
		const presentation = modules.core.buildPresentation(base.full, (i) => included[i] ?? true);
		const bound = base.awaitingKeyBinding || analysis.keyBinding.present;
		const token = bound || this.holderKey ? await this.#signed(presentation, analysis) : presentation;
		this.#source = {
			...base,
			included,
			written: token,
			awaitingKeyBinding: bound && token === presentation,
		};
		view.replaceToken(token);
	}

	/**
	 * Takes the holder's private key as typed (`Holder private key`). When a presentation waits for a KB-JWT
	 * (see setDisclosed), it is signed at once with this key.
	 */
	async enterHolderKey(text: string): Promise<void> {
		this.holderKeyText = text;
		const source = this.#currentSource;
		if (source?.awaitingKeyBinding && this.holderKey?.kind === 'keys') await this.signKeyBinding();
	}

	/** Matched disclosures of the current token by digest, for finding the one a selected digest references. */
	readonly #byDigest = $derived.by((): Readonly<Record<string, number>> =>
		Object.fromEntries(
			(this.#processing?.disclosures ?? [])
				.filter((record) => record.digest !== undefined && record.status === 'matched')
				.map((record) => [record.digest!, record.index]),
		),
	);

	/** The disclosure highlighted now (its position in `Encoded token`), when one is. */
	readonly highlighted = $derived.by(() => this.#view.highlight?.disclosure);

	/**
	 * Highlights the disclosure at `position` of `Encoded token` there, its digest where it is written in the
	 * `Payload` editor (a nested one's digest sits in its parent disclosure, highlighted with the value in
	 * `Disclosed claims`), and its value in `Disclosed claims` (`Show disclosure <n> in token`).
	 */
	showDisclosure(position: number): void {
		const record = this.analysis?.processing.disclosures[position];
		if (!record) return;
		this.#view.highlight = {
			part: 'disclosure',
			disclosure: position,
			...(record.digest !== undefined && { digest: record.digest }),
		};
	}

	/** The person put the cursor at `offset` of the `Payload` editor's `text`: on a digest, its disclosure is shown. */
	selectInPayload(text: string, offset: number): void {
		// A digest is a base64url JSON string; look only around the cursor (bounded, whatever the payload's size).
		const from = Math.max(0, offset - 200);
		const around = text.slice(from, offset + 200);
		for (const match of around.matchAll(/"([A-Za-z0-9_-]{16,})"/g)) {
			const start = from + match.index;
			if (offset < start || offset > start + match[0].length) continue;
			const digest = match[1]!;
			if (Object.hasOwn(this.#byDigest, digest)) this.showDisclosure(this.#byDigest[digest]!);
			return;
		}
	}

	/** The person put the cursor at `offset` of `Encoded token`: inside a disclosure, that disclosure is shown. */
	selectInToken(offset: number): void {
		const range = this.#view.inspection.ranges.find(
			(r) => r.name === 'disclosure' && r.from <= offset && offset <= r.to,
		);
		if (range?.index !== undefined && range.index !== this.highlighted) this.showDisclosure(range.index);
	}

	/** Signs a new KB-JWT for the current presentation with the holder key (`Sign key binding`). */
	async signKeyBinding(): Promise<void> {
		const analysis = this.analysis;
		const modules = this.#view.modules.sdJwt;
		if (!analysis || !modules) return;
		const before = this.#view.token;
		const token = await this.#signed(modules.core.withoutKeyBinding(before), analysis);
		// Dropped when the token changed while signing (the person moved on), or when nothing was signed.
		if (this.#view.token !== before) return;
		if (token.endsWith('~')) {
			// Not signed: the note says why, beside the token as it is.
			if (this.#signing) this.#signing = { ...this.#signing, token: before };
			return;
		}
		const source = this.#currentSource;
		if (source) this.#source = { ...source, written: token, awaitingKeyBinding: false };
		this.#view.replaceToken(token);
	}

	/**
	 * The presentation (ending with `~`) with a KB-JWT signed by the holder key: `aud` and `nonce` from the
	 * settings' expected values, else the old KB-JWT's, `iat` the ticking clock. Without a usable key, the
	 * presentation as given; the note says why.
	 */
	async #signed(presentation: string, analysis: SdJwtAnalysis): Promise<string> {
		const modules = this.#view.modules.sdJwt!;
		const key = this.holderKey;
		const alg = analysis.processing.alg.known;
		if (!key || key.kind === 'empty' || !alg) {
			this.#signing = { token: presentation, result: { ok: false, code: 'no-key' } };
			return presentation;
		}
		const settings = this.#view.settings;
		// The KB-JWT the presentation started from keeps its aud and nonce, even after it was left off.
		const original = this.#currentSource?.analysis.keyBinding;
		const kb = analysis.keyBinding.present || !original ? analysis.keyBinding : original;
		const result = await modules.crypto.signKeyBinding(
			presentation,
			key,
			{
				now: Math.floor(settings.now),
				aud:
					settings.expectedAudience.trim() ||
					(typeof kb.aud === 'string' ? kb.aud : 'https://verifier.example'),
				nonce: settings.expectedNonce.trim() || (typeof kb.nonce === 'string' ? kb.nonce : randomNonce()),
			},
			alg,
			modules.crypto.webCryptoDigest(),
		);
		const token = result.ok ? result.token : presentation;
		this.#signing = { token, result };
		return token;
	}
}

function row(record: DisclosureRecord, position: number | undefined): DisclosureRow {
	const reading = record.reading?.ok ? record.reading : undefined;
	const raw = reading ? reading.json.slice(reading.value.start, reading.value.end) : '';
	return {
		index: record.index,
		disclosed: position !== undefined,
		...(position !== undefined && { position }),
		record,
		name: reading?.name,
		value: raw.length > VALUE_LIMIT ? `${raw.slice(0, VALUE_LIMIT)}…` : raw,
	};
}

/** A salt of 128 random bits, base64url (RFC 9901 §4.2.1, §9.3). */
function randomSalt(): string {
	return encodeBase64url(globalThis.crypto.getRandomValues(new Uint8Array(16)));
}

function randomNonce(): string {
	return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(12)), (b) =>
		b.toString(16).padStart(2, '0'),
	).join('');
}
