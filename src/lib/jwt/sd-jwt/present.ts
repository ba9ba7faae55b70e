// Builds presentations from an SD-JWT: the issuer JWT with a chosen subset of its disclosures (RFC 9901 §4, §5.2).

import { splitToken } from '../segments';

/**
 * The SD-JWT `token` with only the disclosures whose position (from 0) `keep` accepts, and no KB-JWT:
 * `<issuer-signed JWT>~<disclosure>~…~`. The issuer JWT and the kept disclosures stay byte for byte,
 * in their order. A token that is not an SD-JWT comes back unchanged.
 */
export function buildPresentation(token: string, keep: (index: number) => boolean): string {
	const { parts, sdJwt } = splitToken(token);
	if (!sdJwt) return token;
	const kept = parts.filter((p) => p.name === 'disclosure' && keep(p.index!)).map((p) => `${p.text}~`);
	return `${token.slice(0, sdJwt.issuerEnd)}~${kept.join('')}`;
}

/** The presented SD-JWT without its KB-JWT, as `sd_hash` covers it (RFC 9901 §4.3.1): up to and including the last `~`. */
export function withoutKeyBinding(token: string): string {
	const last = token.lastIndexOf('~');
	return last < 0 ? token : token.slice(0, last + 1);
}

/**
 * The positions `selected` needs to be processed as chosen: each selected disclosure plus the
 * disclosures its digest sits in, up to the payload (RFC 9901 §7.1 matches only through matched parents).
 */
export function withParents(
	selected: Iterable<number>,
	parentOf: (index: number) => number | undefined,
): Set<number> {
	const result = new Set<number>();
	for (const index of selected) {
		// Bounded by the number of disclosures: a parent already in the set ends the climb.
		for (let at: number | undefined = index; at !== undefined && !result.has(at); at = parentOf(at))
			result.add(at);
	}
	return result;
}
