// Reports one finding per disclosure for the first few, then one that counts the rest, so 10 000 bad disclosures stay readable.

import type { FindingCode } from '../messages';
import type { AddFinding } from '../findings/types';

/** Individual findings per code before the rest are counted in one. */
export const FINDINGS_PER_CODE = 10;

/**
 * Adds `code` for each of `items` (a finding naming its disclosure) up to FINDINGS_PER_CODE, then one
 * finding that says how many more there are and lists their positions (the first hundred).
 */
export function reportGrouped<T extends { readonly index: number }>(
	add: AddFinding,
	code: FindingCode,
	items: readonly T[],
	detail: (item: T) => string,
): void {
	for (const item of items.slice(0, FINDINGS_PER_CODE))
		add(code, detail(item), { part: 'disclosure', disclosure: item.index });
	const rest = items.slice(FINDINGS_PER_CODE);
	if (rest.length === 0) return;
	const shown = rest.slice(0, 100).map((r) => r.index + 1);
	add(
		code,
		`${rest.length.toLocaleString('en-US')} more disclosures have the same problem: ${shown.join(', ')}${rest.length > shown.length ? ', …' : ''}. The Disclosures table lists each.`,
		{ part: 'disclosure', disclosure: rest[0]!.index },
	);
}
