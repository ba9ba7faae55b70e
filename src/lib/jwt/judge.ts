// What judges a token: its findings (the engine, their words, the review), its profile, and a huge text's whole
// analysis. The worker imports it at once; the page loads it after first paint (Modules.loadReview), so the first
// paint carries only decoding (docs/performance.md).

import { countMembers, listPartRows, ROWS_POSTED, showPayload, type TextAnalysis } from './analysis';
import type { ClaimDocs } from './claims';
import { signingInput } from './decode';
import { listFindingsWith, type Finding } from './findings/core';
import { review, type FindingReview } from './findings/review';
import { inspectText, type Inspection } from './inspect';
import { formatJson } from './json';

export { listFindingsWith, review };
export { recognizeProfile } from './profiles';
export { describeProofFreshness } from './profile-validity';

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
