// Issuing side: makes a claim selectively disclosable by replacing it with the digest of a new disclosure (RFC 9901 §4.2).

import { getMember, minifyJson, parseJson, type JsonNode } from '../json';
import { createDisclosure } from './disclosure';
import { digestText, type Digest, type SdHashAlgorithm } from './hash';

/** Gives a fresh salt: base64url of at least 128 random bits (RFC 9901 §4.2.1, §9.3). Injected so tests can fix it. */
export type SaltSource = () => string;

/** A payload with one claim concealed, and the disclosure that reveals it; or why not. */
export type ConcealResult =
	| { readonly ok: true; readonly payload: string; readonly disclosure: string; readonly digest: string }
	| { readonly ok: false; readonly reason: 'not-json' | 'no-such-claim' | 'reserved-name' | 'no-digest' };

/**
 * Conceals the claim at `path` (member names and array positions from the payload root) in the JSON
 * `payloadText`: an object member leaves its object and its digest joins that object's `_sd` (made if
 * missing); an array element is replaced by `{"...": digest}` (RFC 9901 §4.2.4). Everything else keeps
 * its literals as written; the result is minified. The disclosure is `[salt, name, value]` or
 * `[salt, value]` with the value's JSON as written.
 */
export async function concealClaim(
	payloadText: string,
	path: readonly (string | number)[],
	salt: SaltSource,
	alg: SdHashAlgorithm,
	digest: Digest,
): Promise<ConcealResult> {
	const parsed = parseJson(payloadText);
	if (!parsed.ok) return { ok: false, reason: 'not-json' };
	let container: JsonNode = parsed.root;
	for (const step of path.slice(0, -1)) {
		const next = childOf(container, step);
		if (!next) return { ok: false, reason: 'no-such-claim' };
		container = next;
	}
	const last = path[path.length - 1];
	if (last === undefined) return { ok: false, reason: 'no-such-claim' };
	if (last === '_sd' || last === '...' || (path.length === 1 && last === '_sd_alg'))
		return { ok: false, reason: 'reserved-name' };
	const target = childOf(container, last);
	if (!target) return { ok: false, reason: 'no-such-claim' };
	const source = (node: JsonNode) => minifyJson(payloadText.slice(node.start, node.end));
	const disclosure = createDisclosure(salt(), typeof last === 'string' ? last : undefined, source(target));
	const hash = await digestText(disclosure, alg, digest);
	if (hash === undefined) return { ok: false, reason: 'no-digest' };

	let rebuilt: string;
	if (container.kind === 'object') {
		const sd = getMember(container, '_sd');
		const digests =
			sd?.kind === 'array' ? [...sd.items.map(source), JSON.stringify(hash)] : [JSON.stringify(hash)];
		const members = container.entries
			.filter((e) => e.key !== last && e.key !== '_sd')
			.map((e) => `${e.rawKey}:${source(e.value)}`);
		rebuilt = `{${[...members, `"_sd":[${digests.join(',')}]`].join(',')}}`;
	} else if (container.kind === 'array') {
		rebuilt = `[${container.items.map((item, i) => (i === last ? `{"...":${JSON.stringify(hash)}}` : source(item))).join(',')}]`;
	} else return { ok: false, reason: 'no-such-claim' };
	const payload = minifyJson(
		payloadText.slice(0, container.start) + rebuilt + payloadText.slice(container.end),
	);
	return { ok: true, payload, disclosure, digest: hash };
}

function childOf(node: JsonNode, step: string | number): JsonNode | undefined {
	if (typeof step === 'string') return node.kind === 'object' ? getMember(node, step) : undefined;
	return node.kind === 'array' ? node.items[step] : undefined;
}
