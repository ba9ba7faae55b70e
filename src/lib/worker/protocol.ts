// What the page and the analysis worker send each other: requests, replies, and an analysis packed to cross cheaply.

import type { EncodedEdit, TextAnalysis } from '../jwt/analysis';
import type { DecodedToken } from '../jwt/decode';
import { DebuggerError, type ErrorCode, type PartName } from '../jwt/errors';
import type { TokenCandidate } from '../jwt/extract';
import type { Inspection } from '../jwt/inspect';
import type { JsonNode } from '../jwt/json';
import type { TokenPart } from '../jwt/segments';
import { timeClaims } from '../jwt/time-claims';

/** What the page posts: a text to analyse, or an edited part to encode into a token. */
export type AnalysisRequest =
	| { readonly id: number; readonly kind: 'analyse'; readonly text: string; readonly pick: number }
	| {
			readonly id: number;
			readonly kind: 'encode';
			readonly token: string;
			readonly part: 'header' | 'payload';
			readonly text: string;
			readonly allowText: boolean;
	  };

/** What the worker posts back: the result, or why it could not make one. */
export type AnalysisReply =
	| { readonly id: number; readonly analysis: PackedAnalysis }
	| { readonly id: number; readonly encoded: EncodedEdit }
	| { readonly id: number; readonly failure: string };

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
