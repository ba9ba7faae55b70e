// One call from pasted text to everything the page shows: which token, its decoding, and where its parts sit in the text.

import { decodeToken, type DecodedToken } from './decode';
import { DebuggerError, type PartName } from './errors';
import { findTokens, type TokenCandidate } from './extract';

/** A part's place in the text the person typed (offsets into that text). */
export interface PartRange {
	readonly name: PartName | 'dot';
	readonly from: number;
	readonly to: number;
}

/** The result of reading what is in the token editor. */
export interface Inspection {
	readonly candidates: readonly TokenCandidate[];
	/** Index of the candidate shown. */
	readonly chosen: number;
	readonly candidate?: TokenCandidate;
	readonly decoded?: DecodedToken;
	/** Ranges of each part in the editor text, for colouring; empty when they cannot be mapped. */
	readonly ranges: readonly PartRange[];
	/** A problem with the text as a whole (nothing that looks like a token). */
	readonly error?: DebuggerError;
}

/**
 * Finds the tokens in `text`, decodes the one at index `pick` (the first by default) and maps its
 * parts back onto the text, skipping any whitespace that was inside the token.
 */
export function inspectText(text: string, pick = 0): Inspection {
	if (text.trim() === '')
		return { candidates: [], chosen: 0, ranges: [], error: new DebuggerError('empty', 'nothing to decode') };
	const candidates = findTokens(text);
	if (candidates.length === 0) {
		const error = new DebuggerError(
			'not-a-token',
			'no header.payload.signature sequence of base64url found in the text',
		);
		return { candidates, chosen: 0, ranges: [], error };
	}
	const chosen = pick >= 0 && pick < candidates.length ? pick : 0;
	const candidate = candidates[chosen] as TokenCandidate;
	const decoded = decodeToken(candidate.token);
	const ranges = candidate.percentDecoded ? [] : mapRanges(text, candidate, decoded);
	return { candidates, chosen, candidate, decoded, ranges };
}

function mapRanges(text: string, candidate: TokenCandidate, decoded: DecodedToken): PartRange[] {
	if (!candidate.hasInnerWhitespace) {
		const ranges: PartRange[] = [];
		for (const part of decoded.parts) {
			if (part.start > 0)
				ranges.push({
					name: 'dot',
					from: candidate.start + part.start - 1,
					to: candidate.start + part.start,
				});
			if (part.end > part.start)
				ranges.push({ name: part.name, from: candidate.start + part.start, to: candidate.start + part.end });
		}
		return ranges;
	}
	// Walk the text, counting only token characters, to find where each part starts and ends.
	const ranges: PartRange[] = [];
	let tokenIndex = 0;
	let partIndex = 0;
	let from = -1;
	let lastEnd = candidate.start;
	for (let i = candidate.start; i < candidate.end && partIndex < decoded.parts.length; i++) {
		const code = text.charCodeAt(i);
		if (code === 32 || code === 9 || code === 10 || code === 13) continue;
		const part = decoded.parts[partIndex]!;
		if (tokenIndex === part.end) {
			if (from >= 0) ranges.push({ name: part.name, from, to: lastEnd });
			ranges.push({ name: 'dot', from: i, to: i + 1 });
			partIndex++;
			from = -1;
		} else if (from < 0) {
			from = i;
		}
		lastEnd = i + 1;
		tokenIndex++;
	}
	const last = decoded.parts[partIndex];
	if (last && from >= 0) ranges.push({ name: last.name, from, to: lastEnd });
	return ranges;
}
