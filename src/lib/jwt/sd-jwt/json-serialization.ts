// Reads an SD-JWT in JWS JSON serialization (RFC 9901 §8) into its compact form, which everything else reads.

import { getMember, parseJson, type JsonNode } from '../json';

/** The compact SD-JWT an SD-JWT in JSON serialization stands for, or why the text is not one. */
export type JsonSerializationResult =
	| {
			readonly ok: true;
			/** `<protected>.<payload>.<signature>~<disclosures>~[<kb_jwt>]` with the first signature (RFC 9901 §8.1). */
			readonly token: string;
			readonly form: 'flattened' | 'general';
			/** How many signatures the JSON holds; only the first is in `token`. */
			readonly signatureCount: number;
	  }
	| {
			readonly ok: false;
			readonly reason: 'not-json' | 'not-sd-jwt' | 'bad-member';
			readonly detail: string;
	  };

/**
 * Reads the flattened (RFC 7515 §7.2.2) or general (§7.2.1) JWS JSON serialization of an SD-JWT:
 * `disclosures` and `kb_jwt` in the unprotected `header` (of the first signature, for the general
 * form), as RFC 9901 §8 puts them. The result's compact token is the string RFC 9901 §8.1 builds
 * to check `sd_hash`, so the key binding is checked as for a compact SD-JWT.
 */
export function readJsonSerialization(text: string): JsonSerializationResult {
	const parsed = parseJson(text, { maxDepth: 64 });
	if (!parsed.ok) return { ok: false, reason: 'not-json', detail: `not JSON: ${parsed.error.message}` };
	const root = parsed.root;
	const payload = stringMember(root, 'payload');
	const signatures = getMember(root, 'signatures');
	const general = signatures?.kind === 'array';
	const first = general ? signatures.items[0] : root;
	if (payload === undefined || first === undefined)
		return {
			ok: false,
			reason: 'not-sd-jwt',
			detail: 'no "payload" string with a signature: not a JWS in JSON serialization',
		};
	const protectedHeader = stringMember(first, 'protected');
	const signature = stringMember(first, 'signature');
	if (protectedHeader === undefined || signature === undefined)
		return {
			ok: false,
			reason: 'bad-member',
			detail: `${general ? 'the first signature' : 'the JSON'} lacks a "protected" or "signature" string`,
		};
	const header = getMember(first, 'header');
	const disclosures = header && getMember(header, 'disclosures');
	if (disclosures === undefined)
		return {
			ok: false,
			reason: 'not-sd-jwt',
			detail: `no "disclosures" in the unprotected header${general ? ' of the first signature' : ''}: a JWS, not an SD-JWT`,
		};
	if (disclosures.kind !== 'array' || disclosures.items.some((d) => d.kind !== 'string'))
		return { ok: false, reason: 'bad-member', detail: '"disclosures" is not an array of strings' };
	const kb = stringMember(header!, 'kb_jwt');
	if (header && getMember(header, 'kb_jwt') !== undefined && kb === undefined)
		return { ok: false, reason: 'bad-member', detail: '"kb_jwt" is not a string' };
	const texts = disclosures.items.map((d) => (d.kind === 'string' ? `${d.value}~` : ''));
	return {
		ok: true,
		token: `${protectedHeader}.${payload}.${signature}~${texts.join('')}${kb ?? ''}`,
		form: general ? 'general' : 'flattened',
		signatureCount: general ? signatures.items.length : 1,
	};
}

function stringMember(node: JsonNode, name: string): string | undefined {
	const member = getMember(node, name);
	return member?.kind === 'string' ? member.value : undefined;
}
