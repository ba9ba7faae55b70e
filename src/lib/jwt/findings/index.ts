// Turns a decoded token into findings: what a careful reviewer would warn about, each with its code and reason.

import type { DecodedToken } from '../decode';
import { listFindingsWith, type Finding, type FindingContext } from './core';
import { review } from './review';

export { bySeverity, listFindingsWith, type AddFinding, type Finding, type FindingContext } from './core';

/** Lists every finding for a decoded token, the full review included, most severe first. */
export function listFindings(decoded: DecodedToken, context: FindingContext): Finding[] {
	return listFindingsWith(decoded, context, review);
}
