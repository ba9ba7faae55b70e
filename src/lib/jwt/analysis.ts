// Everything the page works out from the token editor's text in one call, and its plain-data form for a worker's reply.

import { listClaimRows, type ClaimDocs, type ClaimRow } from './claims';
import { signingInput, type DecodedToken, type PayloadView } from './decode';
import { replacePart, type EncodeResult } from './encode';
import { DebuggerError, type ErrorCode, type PartName } from './errors';
import { listFindingsWith, type Finding } from './findings-core';
import type { FindingReview } from './findings-review';
import type { TokenCandidate } from './extract';
import { inspectText, type Inspection } from './inspect';
import { formatJson, type JsonNode } from './json';
import { splitToken, type TokenPart } from './segments';
import { timeClaims } from './time-claims';

/**
 * Texts at least this long are analysed off the main thread: decoding, formatting and reviewing a
 * megabyte takes a few hundred milliseconds, which must not block typing or scrolling.
 */
export const OFF_THREAD_CHARS = 256 * 1024;

/**
 * Claims-table rows listed per part of a huge text. Listing and copying a row to the page costs more than
 * drawing it later, and 100 000 rows would take the page longer to receive than the whole decode; the table
 * says when it lists only the first ones, and the editor above it holds every member.
 */
export const ROWS_POSTED = 1000;

/** What the page shows of one text that does not depend on the clock or the person's edits. */
export interface TextAnalysis {
	readonly inspection: Inspection;
	/** Header and payload as the editors show them (indented JSON, or the text as it is). */
	readonly headerText: string;
	readonly payloadText: string;
	/** The first ROWS_POSTED members of each part, as claims-table rows. */
	readonly headerRows: readonly ClaimRow[];
	readonly payloadRows: readonly ClaimRow[];
	/** How many members each part has; more than its rows when only the first were listed. */
	readonly headerMembers: number;
	readonly payloadMembers: number;
	/** Findings about the token itself (`token` scope); the time checks run on the page as the clock moves. */
	readonly tokenFindings: readonly Finding[];
	/** The bytes a JWS signature covers (`signingInput`), so the page need not encode megabytes to verify. */
	readonly signingInput?: Uint8Array;
}

/** Decodes a huge `text` (the token at `pick`) and works out everything the panels show of it. */
export function analyzeText(
	text: string,
	pick: number,
	review?: FindingReview,
	docs?: ClaimDocs,
): TextAnalysis {
	const inspection = inspectText(text, pick);
	const { decoded } = inspection;
	return {
		inspection,
		headerText: formatJson(decoded?.header?.text ?? ''),
		payloadText: showPayload(decoded?.payload),
		headerRows: listPartRows(decoded, 'header', docs, ROWS_POSTED),
		payloadRows: listPartRows(decoded, 'payload', docs, ROWS_POSTED),
		headerMembers: countMembers(decoded, 'header'),
		payloadMembers: countMembers(decoded, 'payload'),
		tokenFindings: listTokenFindings(inspection, review),
		signingInput:
			decoded?.kind === 'jws' || decoded?.kind === 'unsecured-fragment' ? signingInput(decoded) : undefined,
	};
}

/** The claims-table rows of the header or of a JSON payload (the first `limit`); none for other parts. */
export function listPartRows(
	decoded: DecodedToken | undefined,
	part: 'header' | 'payload',
	docs?: ClaimDocs,
	limit = Infinity,
): ClaimRow[] {
	const json = jsonOf(decoded, part);
	return json ? listClaimRows(json.root, json.text, part, {}, docs, limit) : [];
}

/** How many members the header or a JSON payload object has (its rows, when all are listed). */
function countMembers(decoded: DecodedToken | undefined, part: 'header' | 'payload'): number {
	const root = jsonOf(decoded, part)?.root;
	return root?.kind === 'object' ? root.entries.length : 0;
}

function jsonOf(
	decoded: DecodedToken | undefined,
	part: 'header' | 'payload',
): { root: JsonNode; text: string } | undefined {
	const json = part === 'header' ? decoded?.header : decoded?.payload;
	return json && 'root' in json && json.root ? { root: json.root, text: json.text } : undefined;
}

/** The findings about the inspected token itself (`token` scope), with the review when it is given. */
export function listTokenFindings(inspection: Inspection, review?: FindingReview): Finding[] {
	const { decoded, candidate } = inspection;
	if (!decoded) return [];
	return listFindingsWith(
		decoded,
		{ now: 0, hadInnerWhitespace: candidate?.hasInnerWhitespace },
		review,
		'token',
	);
}

/** The payload as its editor shows it: indented JSON, text as it is, hex for bytes, nothing when encrypted. */
export function showPayload(payload: PayloadView | undefined): string {
	if (!payload) return '';
	if (payload.mode === 'json') return formatJson(payload.text);
	return payload.mode === 'text' || payload.mode === 'hex' ? payload.text : '';
}

/** A `DebuggerError` as plain data: structured cloning keeps an Error's message but drops its code and part. */
interface PlainError {
	readonly code: ErrorCode;
	readonly message: string;
	readonly part?: PartName;
}

/** `T` with `K` left out when the page can cut it from a text it already has. */
type Elided<T, K extends keyof T> = Omit<T, K> & { readonly [P in K]?: T[P] };

/**
 * A `TextAnalysis` as a worker posts it: errors as plain data, the payload tree cut to what the page reads,
 * and the token and its parts left out wherever they are slices of the text the page sent.
 */
export interface PackedAnalysis extends Omit<TextAnalysis, 'inspection'> {
	readonly inspection: Omit<Inspection, 'error' | 'decoded' | 'candidates' | 'candidate'> & {
		readonly candidates: readonly Elided<TokenCandidate, 'token'>[];
		/** `candidates[chosen]` is the candidate shown (an inspection with a token always has one). */
		readonly hasCandidate: boolean;
		readonly error?: PlainError;
		readonly decoded?: Elided<Omit<DecodedToken, 'errors' | 'parts'>, 'token'> & {
			readonly parts: readonly Elided<TokenPart, 'text'>[];
			readonly errors: readonly PlainError[];
		};
	};
}

/**
 * Makes the analysis of `text` cheap to post to the page. Copying a megabyte payload's tree of nodes would
 * take the page longer than decoding it, and the page only reads the time claims from it (for the time
 * findings and the validity badge); the rows, formatted text and other findings were worked out from the
 * whole tree. The token appears four times over (candidate, decoded token, parts): the page cuts each from
 * the text it sent, which costs it nothing, rather than receive megabytes it has.
 */
export function packAnalysis(analysis: TextAnalysis, text: string): PackedAnalysis {
	const { candidate, decoded, error, ...inspection } = analysis.inspection;
	return {
		...analysis,
		inspection: {
			...inspection,
			candidates: inspection.candidates.map((c) => elide(c, 'token', text, c.start)),
			hasCandidate: candidate !== undefined,
			error: error && plainError(error),
			decoded: decoded && {
				...decoded,
				token: decoded.token === candidate?.token ? undefined : decoded.token,
				parts: decoded.parts.map((part) => elide(part, 'text', decoded.token, part.start)),
				payload:
					decoded.payload.mode === 'json'
						? { ...decoded.payload, root: timeMembers(decoded.payload.root) }
						: decoded.payload,
				errors: decoded.errors.map(plainError),
			},
		},
	};
}

/** `item` without its string `key` when that string stands in `source` at `start`. */
function elide<T, K extends keyof T>(item: T, key: K, source: string, start: number): Elided<T, K> {
	const value = item[key];
	if (typeof value !== 'string' || value === '' || !source.startsWith(value, start)) return item;
	return { ...item, [key]: undefined };
}

/** The buffers of a packed analysis's bytes, which a worker hands over to the page instead of copying them. */
export function transferableBuffers(packed: PackedAnalysis): ArrayBuffer[] {
	return buffersOf([packed.signingInput, ...Object.values(packed.inspection.decoded?.bytes ?? {})]);
}

/** The distinct buffers under `arrays`, each listed once (a transfer list may not repeat one). */
export function buffersOf(arrays: readonly (Uint8Array | undefined)[]): ArrayBuffer[] {
	const buffers = new Set<ArrayBuffer>();
	for (const array of arrays) if (array?.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
	return [...buffers];
}

/** The analysis of `text` again as the page uses it: errors as `DebuggerError`s, tokens cut from `text`. */
export function unpackAnalysis(packed: PackedAnalysis, text: string): TextAnalysis {
	const { hasCandidate, decoded, error, ...inspection } = packed.inspection;
	const candidates = inspection.candidates.map((c) => ({
		...c,
		token: c.token ?? text.slice(c.start, c.end),
	}));
	const candidate = hasCandidate ? candidates[inspection.chosen] : undefined;
	return {
		...packed,
		inspection: {
			...inspection,
			candidates,
			candidate,
			error: error && toDebuggerError(error),
			decoded: decoded && unpackDecoded(decoded, decoded.token ?? candidate?.token ?? ''),
		},
	};
}

function unpackDecoded(
	decoded: NonNullable<PackedAnalysis['inspection']['decoded']>,
	token: string,
): DecodedToken {
	return {
		...decoded,
		token,
		parts: decoded.parts.map((p) => ({ ...p, text: p.text ?? token.slice(p.start, p.end) })),
		errors: decoded.errors.map(toDebuggerError),
	};
}

/** An encoded edit, with the bytes the new token's signature covers when they were worked out with it. */
export type EncodedEdit = EncodeResult & { readonly signingInput?: Uint8Array };

/**
 * `replacePart`, plus the new token's signing input: a worker encodes a huge edit, and the page signs the
 * result next without encoding megabytes itself.
 */
export function encodeEdit(
	token: string,
	part: 'header' | 'payload',
	text: string,
	allowText: boolean,
): EncodedEdit {
	const encoded = replacePart(token, part, text, allowText);
	if (!encoded.ok) return encoded;
	const split = splitToken(encoded.token);
	return split.kind === 'jws' ? { ...encoded, signingInput: signingInput(split) } : encoded;
}

/** An object with only its time claims (offsets kept); any other value as an empty one of its kind. */
function timeMembers(root: JsonNode): JsonNode {
	if (root.kind === 'object')
		return { ...root, entries: root.entries.filter((e) => timeClaims.includes(e.key)) };
	if (root.kind === 'array') return { ...root, items: [] };
	return root;
}

function plainError(error: DebuggerError): PlainError {
	return { code: error.code, message: error.message, part: error.part };
}

function toDebuggerError(error: PlainError): DebuggerError {
	return new DebuggerError(error.code, error.message, error.part);
}
