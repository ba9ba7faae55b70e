// Everything the page works out from the token editor's text in one call, on the page or in a worker.

import { listClaimRows, type ClaimDocs, type ClaimRow } from './claims';
import { signingInput, type DecodedToken, type PayloadView } from './decode';
import { replacePart, type EncodeResult } from './encode';
import type { Finding } from './findings/types';
import type { Inspection } from './inspect';
import { formatParsedJson, type JsonNode } from './json';
import { splitToken } from './segments';

/**
 * Texts at least this long are analysed off the main thread: decoding, formatting and reviewing a
 * megabyte on the page is one long task (docs/performance.md), which must not block typing or scrolling.
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
export function countMembers(decoded: DecodedToken | undefined, part: 'header' | 'payload'): number {
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

/** The payload as its editor shows it: indented JSON, text as it is, hex for bytes, nothing when encrypted. */
export function showPayload(payload: PayloadView | undefined): string {
	if (!payload) return '';
	// A payload in 'json' mode was parsed when it was decoded: no need to check it again.
	if (payload.mode === 'json') return formatParsedJson(payload.text);
	return payload.mode === 'text' || payload.mode === 'hex' ? payload.text : '';
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
