// Processes an SD-JWT as a verifier does (RFC 9901 §7.1, §7.3): digests, matching, and the claims it ends with.

import type { DecodedToken } from '../decode';
import { collectInto, type Finding } from '../findings/core';
import { sdFindingInfo } from './messages';
import type { AddFinding } from '../findings/types';
import { quoteText } from '../findings/text';
import { getMember, minifyJson, MAX_INDENTED_DEPTH, type JsonNode } from '../json';
import type { TokenPart } from '../segments';
import { readDisclosure, type DisclosureReading } from './disclosure';
import { DEFAULT_SD_ALG, digestText, findSdHashAlgorithm, type Digest, type SdHashAlgorithm } from './hash';
import { reportGrouped } from './report';

/**
 * Most disclosures read from one SD-JWT. Real credentials have tens; past this, the rest are listed
 * but neither decoded nor hashed (`sd-too-many-disclosures`), so a pasted megabyte of `~` stays quick.
 */
export const MAX_DISCLOSURES = 5000;
/**
 * Deepest chain of disclosures inside disclosures that is expanded. A disclosure nested deeper is
 * matched but not put in place (`sd-nesting-too-deep`); RFC 9901 sets no limit, real ones nest 2 or 3.
 */
export const MAX_DISCLOSURE_NESTING = 64;
/** Deepest JSON level searched for digests; deeper values are copied as they are (`sd-nesting-too-deep`). */
export const MAX_SEARCH_DEPTH = 512;

/** The `typ` values of an SD-JWT VC: `dc+sd-jwt`, and `vc+sd-jwt` from its earlier drafts (SD-JWT VC §3.2.1). */
export const SD_JWT_VC_TYPES: readonly string[] = Object.freeze(['dc+sd-jwt', 'vc+sd-jwt']);
/** Claims an SD-JWT VC must not disclose selectively (SD-JWT VC §3.2.2.2, ui-contract.md). */
export const VC_NON_SELECTIVE_CLAIMS: readonly string[] = Object.freeze([
	'iss',
	'nbf',
	'exp',
	'cnf',
	'vct',
	'status',
]);

/** One disclosure as the verifier sees it. */
export interface DisclosureRecord {
	/** Position in the SD-JWT, from 0. */
	readonly index: number;
	/** Offsets of the disclosure in the token. */
	readonly start: number;
	readonly end: number;
	readonly text: string;
	/** base64url digest by `_sd_alg`; undefined when not computed (unknown algorithm, or past MAX_DISCLOSURES). */
	readonly digest?: string;
	/** Whether the digest appears in the payload or in a matched disclosure (ui-contract.md `data-status`). */
	readonly status: 'matched' | 'unmatched';
	/** The decoded salt, name and value, or why it cannot be read. */
	readonly reading?: DisclosureReading;
	/** Where its digest sits, as a path in the processed claims: `$._sd[2]`, `$.nationalities[0]`, `$.address._sd[1]`. */
	readonly path?: string;
	/** The matched disclosure whose value holds its digest, when nested. */
	readonly parent?: number;
	/** Offsets of its digest (the JSON string) in the issuer payload's text, when it sits there. */
	readonly digestSpan?: { readonly start: number; readonly end: number };
	/** Put in place in the processed claims (matched, readable, allowed where it sits). */
	readonly placed: boolean;
}

/** Where a disclosed value sits in `claimsText`, to mark it as disclosed. */
export interface Placement {
	readonly disclosure: number;
	readonly from: number;
	readonly to: number;
}

/** Everything RFC 9901 §7.1 works out from an SD-JWT without keys or clock. */
export interface SdJwtProcessing {
	/** `_sd_alg` as written (default `sha-256`), and the page's row for it. */
	readonly alg: { readonly name: string; readonly known?: SdHashAlgorithm };
	/** The first MAX_DISCLOSURES disclosures, in token order. */
	readonly disclosures: readonly DisclosureRecord[];
	/** How many disclosures the SD-JWT has (more than `disclosures` past MAX_DISCLOSURES). */
	readonly disclosureCount: number;
	/** The processed claims, indented JSON (RFC 9901 §7.3); empty when the payload is not a JSON object. */
	readonly claimsText: string;
	readonly placements: readonly Placement[];
	/** Digests with no disclosure here: decoys, or claims the holder did not disclose (RFC 9901 §4.2.5). */
	readonly undisclosedDigests: number;
	/** Header `typ` is `dc+sd-jwt` or `vc+sd-jwt`. */
	readonly isVc: boolean;
	readonly findings: readonly Finding[];
}

interface MutableRecord {
	index: number;
	start: number;
	end: number;
	text: string;
	digest?: string;
	status: 'matched' | 'unmatched';
	reading?: DisclosureReading;
	path?: string;
	parent?: number;
	digestSpan?: { start: number; end: number };
	placed: boolean;
}

/**
 * Processes the SD-JWT in `decoded` (RFC 9901 §7.1 steps 3–5): hashes each disclosure by `_sd_alg`,
 * finds its digest in `_sd` arrays and `{"...": digest}` array entries of the payload and, recursively,
 * of matched disclosures, puts matched ones in place and removes `_sd`, `_sd_alg` and `...`. Never
 * throws; every problem is a finding naming the disclosure's position. Undefined when `decoded` is not an SD-JWT.
 */
export async function processSdJwt(
	decoded: DecodedToken,
	digest: Digest,
): Promise<SdJwtProcessing | undefined> {
	if (!decoded.sdJwt) return undefined;
	const findings: Finding[] = [];
	const add = collectInto(findings, sdFindingInfo);
	const payload = decoded.payload.mode === 'json' ? decoded.payload.root : undefined;
	const header = decoded.header?.root;
	const typ = header && getMember(header, 'typ');
	const isVc = typ?.kind === 'string' && SD_JWT_VC_TYPES.includes(typ.value);

	const algNode = payload && getMember(payload, '_sd_alg');
	const algName = algNode === undefined ? DEFAULT_SD_ALG : algNode.kind === 'string' ? algNode.value : '';
	const known = algNode === undefined || algNode.kind === 'string' ? findSdHashAlgorithm(algName) : undefined;
	checkAlgorithm(algNode, algName, known, add);

	const parts = decoded.parts.filter((p) => p.name === 'disclosure');
	const records = await readDisclosures(parts.slice(0, MAX_DISCLOSURES), known, digest);
	if (parts.length > MAX_DISCLOSURES) {
		add(
			'sd-too-many-disclosures',
			`The SD-JWT has ${count(parts.length)} disclosures; the page reads at most ${count(MAX_DISCLOSURES)}, so disclosures ${count(MAX_DISCLOSURES + 1)} to ${count(parts.length)} were neither decoded nor matched. A verifier should bound this too.`,
			{ part: 'disclosure', disclosure: MAX_DISCLOSURES },
		);
	}
	reportGrouped(
		add,
		'sd-malformed-disclosure',
		records.filter((r) => r.reading?.ok === false),
		(r) =>
			`Disclosure ${r.index + 1} (characters ${r.start + 1}–${r.end} of the token) cannot be read: ${r.reading?.ok === false ? r.reading.detail : ''}.`,
	);

	const byDigest = new Map<string, MutableRecord>();
	for (const record of records) {
		if (record.digest === undefined) continue;
		const first = byDigest.get(record.digest);
		if (first) {
			add(
				'sd-duplicate-digest',
				`Disclosure ${record.index + 1} is the same as disclosure ${first.index + 1} (digest ${record.digest}). A verifier must reject an SD-JWT that presents a digest twice.`,
				{ part: 'disclosure', disclosure: record.index },
			);
		} else byDigest.set(record.digest, record);
	}

	const payloadText = decoded.payload.mode === 'json' ? decoded.payload.text : '';
	const processor = new Processor(byDigest, isVc, add, payloadText);
	const claimsText = payload?.kind === 'object' ? processor.run(payload) : '';
	for (const record of records)
		if (record.digest !== undefined && processor.seen.has(record.digest)) record.status = 'matched';
	if (known?.compute && payload?.kind === 'object') {
		reportGrouped(
			add,
			'sd-unmatched-disclosure',
			records.filter((r) => r.status === 'unmatched' && r.reading?.ok === true),
			(r) =>
				`Disclosure ${r.index + 1}${r.reading?.ok && r.reading.name !== undefined ? ` (${quoteText(r.reading.name)})` : ' (an array element)'} has digest ${r.digest}, which is neither in the payload nor in a matched disclosure. A verifier must reject it: it was not issued with this JWT, or its parent disclosure is missing.`,
		);
	}
	if (isVc && payload?.kind === 'object' && getMember(payload, 'vct') === undefined) {
		add(
			'sd-vc-missing-vct',
			`The header says "typ": ${quoteText(typ?.kind === 'string' ? typ.value : '')} (an SD-JWT VC), but the payload has no "vct": the credential names no type, so a verifier cannot tell what it attests. "vct" must be present and not selectively disclosable.`,
			{ part: 'payload', member: 'vct' },
		);
	}
	if (!isVc && payload?.kind === 'object' && getMember(payload, 'vct') !== undefined) {
		add(
			'sd-vc-typ',
			`The payload has "vct" (an SD-JWT VC), but the header ${typ?.kind === 'string' ? `says "typ": ${quoteText(typ.value)}` : 'has no "typ"'}. SD-JWT VC types the credential "dc+sd-jwt" (earlier drafts "vc+sd-jwt"), so it cannot be mistaken for another JWT.`,
			{ part: 'header', member: 'typ' },
		);
	}
	return {
		alg: known ? { name: algName, known } : { name: algName },
		disclosures: records,
		disclosureCount: parts.length,
		claimsText,
		placements: processor.placements,
		undisclosedDigests: processor.undisclosed,
		isVc,
		findings,
	};
}

function checkAlgorithm(
	node: JsonNode | undefined,
	name: string,
	known: SdHashAlgorithm | undefined,
	add: AddFinding,
): void {
	const where = { part: 'payload' as const, member: '_sd_alg' };
	if (node !== undefined && node.kind !== 'string') {
		add('sd-alg-unknown', `"_sd_alg" is ${node.kind}, not a hash name: no digest can be checked.`, where);
		return;
	}
	if (!known) {
		const lower = findSdHashAlgorithm(name.toLowerCase());
		add(
			'sd-alg-unknown',
			`"_sd_alg" is ${quoteText(name)}, which is not a hash name in the IANA registry${lower ? ` (names are lower case: ${quoteText(lower.name)})` : ''}: no digest can be checked, so every disclosure stays unmatched.`,
			where,
		);
		return;
	}
	if (known.weak) {
		add(
			'sd-alg-weak',
			`"_sd_alg" is ${quoteText(name)}: ${known.registered ? 'a truncated SHA-256' : 'a broken or unregistered hash'}. Digests must resist second preimages, or a holder could swap a disclosure for another with the same digest.`,
			where,
		);
	}
	if (!known.compute) {
		add(
			'sd-alg-unknown',
			`"_sd_alg" is ${quoteText(name)}, which ${known.registered ? 'is registered but' : ''} this page cannot compute (WebCrypto has SHA-256, SHA-384 and SHA-512): the disclosures are shown unmatched, unchecked.`,
			where,
		);
	}
}

/**
 * Disclosures read and hashed per batch: each batch waits for its digests (WebCrypto answers in a later task), so
 * 1 000 disclosures are not decoded in one task of the page (issue #16: no long task over 100 ms).
 */
const READ_BATCH = 100;

async function readDisclosures(
	parts: readonly TokenPart[],
	alg: SdHashAlgorithm | undefined,
	digest: Digest,
): Promise<MutableRecord[]> {
	const records: MutableRecord[] = [];
	for (let from = 0; from < parts.length; from += READ_BATCH) {
		const batch = parts.slice(from, from + READ_BATCH).map(async (part, offset): Promise<MutableRecord> => {
			const record: MutableRecord = {
				index: from + offset,
				start: part.start,
				end: part.end,
				text: part.text,
				status: 'unmatched',
				placed: false,
			};
			record.reading = readDisclosure(part.text);
			// The digest is over the disclosure as presented, readable or not (RFC 9901 §4.2.3).
			if (alg && part.text !== '') record.digest = await digestText(part.text, alg, digest);
			return record;
		});
		records.push(...(await Promise.all(batch)));
	}
	return records;
}

/** Walks the payload, putting matched disclosures in place and writing the processed claims as indented JSON. */
class Processor {
	readonly seen = new Map<string, string>();
	readonly placements: Placement[] = [];
	undisclosed = 0;
	readonly #out: string[] = [];
	#length = 0;
	#deepReported = false;
	#invalidReported = 0;

	constructor(
		readonly byDigest: ReadonlyMap<string, MutableRecord>,
		readonly isVc: boolean,
		readonly add: AddFinding,
		readonly payloadText: string,
	) {}

	run(payload: JsonNode): string {
		this.#value(payload, { source: this.payloadText, path: '$', depth: 0, nesting: 0, inPayload: true });
		return this.#out.join('');
	}

	#write(text: string): void {
		this.#out.push(text);
		this.#length += text.length;
	}

	#newline(depth: number): void {
		if (depth <= MAX_INDENTED_DEPTH) this.#write(`\n${'  '.repeat(depth)}`);
	}

	#value(node: JsonNode, at: Where): void {
		if (at.depth > MAX_SEARCH_DEPTH && (node.kind === 'object' || node.kind === 'array')) {
			if (!this.#deepReported) {
				this.#deepReported = true;
				this.add(
					'sd-nesting-too-deep',
					`The JSON at ${at.path} is nested more than ${MAX_SEARCH_DEPTH} levels deep; below that it is shown as it is, and digests there are not looked for.`,
					{ part: 'payload' },
				);
			}
			this.#write(minifyJson(at.source.slice(node.start, node.end)));
			return;
		}
		switch (node.kind) {
			case 'object':
				return this.#object(node, at);
			case 'array':
				return this.#array(node, at);
			case 'string':
			case 'number':
				return this.#write(node.raw);
			case 'boolean':
				return this.#write(String(node.value));
			case 'null':
				return this.#write('null');
		}
	}

	#object(node: Extract<JsonNode, { kind: 'object' }>, at: Where): void {
		const names = new Set(node.entries.filter((e) => e.key !== '_sd').map((e) => e.key));
		let first = true;
		const member = (rawKey: string): void => {
			this.#write(first ? '{' : ',');
			first = false;
			this.#newline(at.depth + 1);
			this.#write(`${rawKey}: `);
		};
		for (const entry of node.entries) {
			if (entry.key === '_sd_alg' && at.path === '$') continue;
			if (entry.key !== '_sd') {
				member(entry.rawKey);
				this.#value(entry.value, child(at, entry.key));
				continue;
			}
			if (entry.value.kind !== 'array') {
				this.#invalid(`"_sd" at ${at.path} is ${entry.value.kind}, not an array of digests`);
				continue;
			}
			entry.value.items.forEach((item, i) => {
				const path = `${at.path}._sd[${i}]`;
				if (item.kind !== 'string') return this.#invalid(`${path} is ${item.kind}, not a digest string`);
				const record = this.#match(item, path, at, 'property');
				if (!record || record.reading?.ok !== true || record.reading.name === undefined) return;
				const { name, value, json } = record.reading;
				if (name === '_sd' || name === '...') {
					return this.add(
						'sd-forbidden-claim',
						`Disclosure ${record.index + 1} names the claim ${quoteText(name)}, which is reserved for digests: a verifier must reject it.`,
						{ part: 'disclosure', disclosure: record.index },
					);
				}
				if (names.has(name)) {
					return this.add(
						'sd-claim-exists',
						`Disclosure ${record.index + 1} discloses ${quoteText(name)} at ${at.path}, where the payload${at.inPayload ? '' : "'s disclosed object"} already has that claim. A verifier must reject the SD-JWT: which value counts would be ambiguous.`,
						{ part: 'disclosure', disclosure: record.index, member: name },
					);
				}
				if (this.isVc && at.path === '$' && VC_NON_SELECTIVE_CLAIMS.includes(name)) {
					this.add(
						'sd-forbidden-claim',
						`Disclosure ${record.index + 1} discloses ${quoteText(name)}, which an SD-JWT VC must carry in the clear (SD-JWT VC §3.2.2.2): a verifier may reject it or miss it.`,
						{ part: 'disclosure', disclosure: record.index, member: name },
					);
				}
				names.add(name);
				member(JSON.stringify(name));
				this.#place(record, value, json, child(at, name));
			});
		}
		if (first) this.#write('{}');
		else {
			this.#newline(at.depth);
			this.#write('}');
		}
	}

	#array(node: Extract<JsonNode, { kind: 'array' }>, at: Where): void {
		let first = true;
		let position = 0;
		const element = (): void => {
			this.#write(first ? '[' : ',');
			first = false;
			this.#newline(at.depth + 1);
		};
		node.items.forEach((item, i) => {
			const path = `${at.path}[${i}]`;
			const digest = item.kind === 'object' ? getMember(item, '...') : undefined;
			if (digest === undefined || (item.kind === 'object' && item.entries.length !== 1)) {
				if (digest !== undefined)
					this.#invalid(`${path} has "..." beside other members, so it is not an array element digest`);
				element();
				this.#value(item, { ...at, path: `${at.path}[${position++}]`, depth: at.depth + 1 });
				return;
			}
			if (digest.kind !== 'string')
				return this.#invalid(`${path}["..."] is ${digest.kind}, not a digest string`);
			const record = this.#match(digest, path, at, 'array-element');
			if (!record || record.reading?.ok !== true) return;
			element();
			this.#place(record, record.reading.value, record.reading.json, {
				...at,
				path: `${at.path}[${position++}]`,
				depth: at.depth + 1,
			});
		});
		if (first) this.#write('[]');
		else {
			this.#newline(at.depth);
			this.#write(']');
		}
	}

	/** Looks a digest up; the matched disclosure when it may be put in place here. */
	#match(
		node: Extract<JsonNode, { kind: 'string' }>,
		path: string,
		at: Where,
		kind: 'property' | 'array-element',
	): MutableRecord | undefined {
		const digest = node.value;
		const earlier = this.seen.get(digest);
		if (earlier !== undefined) {
			this.add(
				'sd-duplicate-digest',
				`The digest ${quoteText(digest)} appears at ${earlier} and again at ${path}. A verifier must reject the SD-JWT: one disclosure could fill two places.`,
				{ part: 'payload' },
			);
			return undefined;
		}
		this.seen.set(digest, path);
		const record = this.byDigest.get(digest);
		if (!record) {
			this.undisclosed++;
			return undefined;
		}
		record.path = path;
		if (at.parent !== undefined) record.parent = at.parent;
		if (at.inPayload) record.digestSpan = { start: node.start, end: node.end };
		if (record.reading?.ok !== true) return undefined;
		if (record.reading.kind !== kind) {
			this.add(
				'sd-malformed-disclosure',
				kind === 'property'
					? `Disclosure ${record.index + 1} is an array element (2 elements) but its digest is in the "_sd" list at ${path}, which takes object properties (3 elements: salt, name, value).`
					: `Disclosure ${record.index + 1} is an object property (3 elements) but its digest is an array element at ${path}, which takes [salt, value].`,
				{ part: 'disclosure', disclosure: record.index },
			);
			return undefined;
		}
		if (at.nesting >= MAX_DISCLOSURE_NESTING) {
			this.add(
				'sd-nesting-too-deep',
				`Disclosure ${record.index + 1} sits ${at.nesting + 1} disclosures deep (at ${path}); the page expands at most ${MAX_DISCLOSURE_NESTING} levels, so it and any below it are not put in place.`,
				{ part: 'disclosure', disclosure: record.index },
			);
			return undefined;
		}
		return record;
	}

	#place(record: MutableRecord, value: JsonNode, json: string, at: Where): void {
		record.placed = true;
		const from = this.#length;
		this.#value(value, {
			...at,
			source: json,
			nesting: at.nesting + 1,
			parent: record.index,
			inPayload: false,
		});
		this.placements.push({ disclosure: record.index, from, to: this.#length });
	}

	#invalid(detail: string): void {
		// One finding per problem, up to a few: a payload of 10 000 bad entries says so once more at the end.
		this.#invalidReported++;
		if (this.#invalidReported <= 10)
			this.add('sd-invalid-digests', `${detail}. A verifier must reject the SD-JWT.`, { part: 'payload' });
	}
}

/** Where the walk is: the text `node` offsets point into, its path, JSON depth and disclosure nesting. */
interface Where {
	readonly source: string;
	readonly path: string;
	readonly depth: number;
	readonly nesting: number;
	readonly inPayload: boolean;
	readonly parent?: number;
}

function child(at: Where, key: string): Where {
	const path = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)
		? `${at.path}.${key}`
		: `${at.path}[${JSON.stringify(key)}]`;
	return { ...at, path, depth: at.depth + 1 };
}

function count(n: number): string {
	return n.toLocaleString('en-US');
}
