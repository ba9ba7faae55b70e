// Reads one disclosure: base64url of a JSON array [salt, name, value] or [salt, value] (RFC 9901 §4.2.1, §4.2.2).

import { decodeBase64url, encodeBase64urlText } from '../../encoding/base64url';
import { decodeUtf8 } from '../../encoding/utf8';
import { parseJson, type JsonNode } from '../json';

/** Deepest JSON nesting read inside one disclosure; deeper is a malformed disclosure, never a stack overflow. */
export const MAX_DISCLOSURE_JSON_DEPTH = 256;

/** Why a disclosure cannot be read, as a stable code. */
export type DisclosureProblem =
	| 'empty'
	| 'bad-base64url'
	| 'bad-utf8'
	| 'bad-json'
	| 'not-array'
	| 'wrong-length'
	| 'salt-not-string'
	| 'name-not-string';

/** A disclosure as read: an object property (with `name`) or an array element (without). */
export type DisclosureReading =
	| {
			readonly ok: true;
			readonly kind: 'property' | 'array-element';
			readonly salt: string;
			readonly name?: string;
			readonly value: JsonNode;
			/** The decoded JSON text, which `value`'s offsets point into. */
			readonly json: string;
	  }
	| { readonly ok: false; readonly problem: DisclosureProblem; readonly detail: string };

/**
 * Decodes a disclosure string. Never throws: a disclosure that is not base64url of UTF-8 JSON array
 * of three elements (string salt, string claim name, value) or two (salt, value) says why, in
 * `detail`, with the offset where it applies.
 */
export function readDisclosure(text: string): DisclosureReading {
	const fail = (problem: DisclosureProblem, detail: string): DisclosureReading => ({
		ok: false,
		problem,
		detail,
	});
	if (text === '') return fail('empty', 'it is empty (two "~" in a row)');
	const bytes = decodeBase64url(text);
	if (!bytes.ok) {
		const where =
			bytes.reason === 'bad-length'
				? `its length ${text.length} is not possible in base64url (truncated?)`
				: `it has ${bytes.reason === 'bad-character' ? `the character '${bytes.character}'` : 'padding'} at position ${bytes.index + 1}, which base64url does not allow there`;
		return fail('bad-base64url', where);
	}
	const utf8 = decodeUtf8(bytes.bytes);
	if (!utf8.ok) return fail('bad-utf8', `byte ${utf8.offset + 1} of its decoded bytes is not UTF-8`);
	const parsed = parseJson(utf8.text, { maxDepth: MAX_DISCLOSURE_JSON_DEPTH });
	if (!parsed.ok) {
		const { message, offset } = parsed.error;
		return fail('bad-json', `it decodes to text that is not JSON (${message} at character ${offset + 1})`);
	}
	const root = parsed.root;
	if (root.kind !== 'array') return fail('not-array', `it decodes to JSON ${root.kind}, not an array`);
	const [salt, second, third] = root.items;
	if (root.items.length !== 2 && root.items.length !== 3)
		return fail(
			'wrong-length',
			`its array has ${root.items.length} element${root.items.length === 1 ? '' : 's'}; a disclosure has 3 (salt, claim name, value) or 2 for an array element (salt, value)`,
		);
	if (salt?.kind !== 'string')
		return fail('salt-not-string', `its salt (first element) is ${salt?.kind}, not a string`);
	if (root.items.length === 2)
		return { ok: true, kind: 'array-element', salt: salt.value, value: second!, json: utf8.text };
	if (second?.kind !== 'string')
		return fail('name-not-string', `its claim name (second element) is ${second?.kind}, not a string`);
	return { ok: true, kind: 'property', salt: salt.value, name: second.value, value: third!, json: utf8.text };
}

/**
 * Makes a disclosure (RFC 9901 §4.2.1, §4.2.2): base64url of the UTF-8 JSON array `[salt, name, value]`,
 * or `[salt, value]` for an array element when `name` is undefined. `valueJson` is the value's JSON text,
 * kept as written.
 */
export function createDisclosure(salt: string, name: string | undefined, valueJson: string): string {
	const items = [JSON.stringify(salt), ...(name === undefined ? [] : [JSON.stringify(name)]), valueJson];
	return encodeBase64urlText(`[${items.join(', ')}]`);
}
