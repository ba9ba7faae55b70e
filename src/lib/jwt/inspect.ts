// One call from pasted text to everything the page shows: which token, its decoding, and where its parts sit in the text.

import { decodeToken, type DecodedToken } from './decode';
import { DebuggerError, type PartName } from './errors';
import { findTokens, type TokenCandidate } from './extract';

/** A part's place in the text the person typed (offsets into that text). */
export interface PartRange {
	/** The part, or the separator before it: `dot`, or `tilde` between an SD-JWT's pieces (RFC 9901 §4). */
	readonly name: PartName | 'dot' | 'tilde';
	readonly from: number;
	readonly to: number;
	/** For a disclosure: its position among the SD-JWT's disclosures, from 0 (so each can have its own colour). */
	readonly index?: number;
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
	const ranges = listTokenRanges(decoded);
	if (!candidate.hasInnerWhitespace)
		return ranges.map((r) => ({ ...r, from: candidate.start + r.from, to: candidate.start + r.to }));
	// Where each token character sits in the text, skipping the whitespace that was removed.
	const offsets = new Int32Array(decoded.token.length + 1);
	let tokenIndex = 0;
	for (let i = candidate.start; i < candidate.end && tokenIndex < decoded.token.length; i++) {
		const code = text.charCodeAt(i);
		if (code === 32 || code === 9 || code === 10 || code === 13) continue;
		offsets[tokenIndex++] = i;
	}
	offsets[tokenIndex] = tokenIndex > 0 ? offsets[tokenIndex - 1]! + 1 : candidate.start;
	// A range ends just past its last character, so a part followed by a line break is not stretched over it.
	return ranges.map((r) => ({ ...r, from: offsets[r.from]!, to: offsets[r.to - 1]! + 1 }));
}

/**
 * Disclosures coloured one by one; past this many, the rest of an SD-JWT is one range, so a megabyte of
 * `~` does not become a million marks in the editor.
 */
export const MAX_COLOURED_DISCLOSURES = 2000;

/** Each part and separator (`.`, or `~` in an SD-JWT) as offsets in the token, in order; empty parts are left out. */
function listTokenRanges(decoded: DecodedToken): PartRange[] {
	const { token } = decoded;
	const ranges: PartRange[] = [];
	let at = 0;
	const separatorsTo = (end: number): void => {
		for (; at < end; at++) ranges.push({ name: token[at] === '~' ? 'tilde' : 'dot', from: at, to: at + 1 });
	};
	for (const part of decoded.parts) {
		if (part.index !== undefined && part.index >= MAX_COLOURED_DISCLOSURES) {
			ranges.push({ name: 'disclosure', from: part.start, to: token.length });
			return ranges;
		}
		separatorsTo(part.start);
		if (part.end > part.start)
			ranges.push(
				part.index === undefined
					? { name: part.name, from: part.start, to: part.end }
					: { name: part.name, from: part.start, to: part.end, index: part.index },
			);
		at = part.end;
	}
	if (decoded.sdJwt) separatorsTo(token.length);
	return ranges;
}
