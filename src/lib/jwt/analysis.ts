// Everything the page works out from the token editor's text in one call, and its plain-data form for a worker's reply.

import { listClaimRows, type ClaimDocs, type ClaimRow } from './claims';
import type { DecodedToken, PayloadView } from './decode';
import { DebuggerError, type ErrorCode, type PartName } from './errors';
import { listFindingsWith, type Finding } from './findings-core';
import type { FindingReview } from './findings-review';
import { inspectText, type Inspection } from './inspect';
import { formatJson, type JsonNode } from './json';
import { timeClaims } from './time-claims';

/**
 * Texts at least this long are analysed off the main thread: decoding, formatting and reviewing a
 * megabyte takes a few hundred milliseconds, which must not block typing or scrolling.
 */
export const OFF_THREAD_CHARS = 256 * 1024;

/**
 * Claims-table rows a worker posts per part. Copying a row costs the page more than drawing it later, and
 * 100 000 rows would take the page longer to receive than the whole decode; the table says when it lists
 * only the first ones, and the editor above it holds every member.
 */
export const ROWS_POSTED = 1000;

/** What the page shows of one text that does not depend on the clock or the person's edits. */
export interface TextAnalysis {
	readonly inspection: Inspection;
	/** Header and payload as the editors show them (indented JSON, or the text as it is). */
	readonly headerText: string;
	readonly payloadText: string;
	readonly headerRows: readonly ClaimRow[];
	readonly payloadRows: readonly ClaimRow[];
	/** How many members each part has; more than its rows when only the first rows were posted. */
	readonly headerMembers: number;
	readonly payloadMembers: number;
	/** Findings about the token itself (`token` scope); the time checks run on the page as the clock moves. */
	readonly tokenFindings: readonly Finding[];
}

/** Decodes `text` (the token at `pick`) and works out everything the panels show of it. */
export function analyzeText(
	text: string,
	pick: number,
	review?: FindingReview,
	docs?: ClaimDocs,
): TextAnalysis {
	const inspection = inspectText(text, pick);
	const decoded = inspection.decoded;
	const header = decoded?.header;
	const payload = decoded?.payload;
	const headerRows = header?.root ? listClaimRows(header.root, header.text, 'header', {}, docs) : [];
	const payloadRows =
		payload?.mode === 'json' ? listClaimRows(payload.root, payload.text, 'payload', {}, docs) : [];
	return {
		inspection,
		headerText: formatJson(header?.text ?? ''),
		payloadText: showPayload(payload),
		headerRows,
		payloadRows,
		headerMembers: headerRows.length,
		payloadMembers: payloadRows.length,
		tokenFindings: decoded
			? listFindingsWith(
					decoded,
					{ now: 0, hadInnerWhitespace: inspection.candidate?.hasInnerWhitespace },
					review,
					'token',
				)
			: [],
	};
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

/** A `TextAnalysis` as a worker posts it: errors as plain data, and the payload tree cut to what the page reads. */
export interface PackedAnalysis extends Omit<TextAnalysis, 'inspection'> {
	readonly inspection: Omit<Inspection, 'error' | 'decoded'> & {
		readonly error?: PlainError;
		readonly decoded?: Omit<DecodedToken, 'errors'> & { readonly errors: readonly PlainError[] };
	};
}

/**
 * Makes an analysis cheap to post to the page. Copying a megabyte payload's tree of nodes would take the
 * page longer than decoding it, and the page only reads the time claims from it (for the time findings and
 * the validity badge); rows, formatted text and the other findings were worked out from the whole tree.
 */
export function packAnalysis(analysis: TextAnalysis): PackedAnalysis {
	const { inspection } = analysis;
	const decoded = inspection.decoded;
	return {
		...analysis,
		headerRows: analysis.headerRows.slice(0, ROWS_POSTED),
		payloadRows: analysis.payloadRows.slice(0, ROWS_POSTED),
		inspection: {
			...inspection,
			error: inspection.error && plainError(inspection.error),
			decoded: decoded && {
				...decoded,
				payload:
					decoded.payload.mode === 'json'
						? { ...decoded.payload, root: timeMembers(decoded.payload.root) }
						: decoded.payload,
				errors: decoded.errors.map(plainError),
			},
		},
	};
}

/** The analysis again as the page uses it, errors as `DebuggerError`s. */
export function unpackAnalysis(packed: PackedAnalysis): TextAnalysis {
	const { inspection } = packed;
	const decoded = inspection.decoded;
	return {
		...packed,
		inspection: {
			...inspection,
			error: inspection.error && toDebuggerError(inspection.error),
			decoded: decoded && { ...decoded, errors: decoded.errors.map(toDebuggerError) },
		},
	};
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
