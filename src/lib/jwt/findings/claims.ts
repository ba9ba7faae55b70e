// Findings about claims any token may carry: an empty audience, and the OpenID Connect ID token rules a client can check offline.

import { findJwsAlgorithm } from '../algorithms';
import { decodeBase64url } from '../../encoding/base64url';
import type { AddFinding } from './types';
import { describeKind, quoteText } from './text';
import { getMember, stringMember, type JsonNode } from '../json';
import { recognizeProfile, type ProfileRecognition } from '../profiles';

/** Half of SHA-256, SHA-384 and SHA-512: the lengths of `at_hash` and `c_hash` (OpenID Connect Core §3.1.3.6, §3.3.2.11). */
const HALF_HASH_BYTES: readonly number[] = Object.freeze([16, 24, 32]);

/**
 * Checks a payload object's claims that do not depend on its profile's table: `empty-aud` for any
 * token (RFC 7519 §4.1.3) and `id-token-rules` for what OpenID Connect Core lets a client check
 * offline. Required claims and `typ` are the profile's (profile-checks.ts).
 */
export function checkClaims(
	header: JsonNode | undefined,
	payload: JsonNode,
	add: AddFinding,
	recognition: ProfileRecognition = recognizeProfile(header, payload),
): void {
	const aud = getMember(payload, 'aud');
	if (
		aud &&
		((aud.kind === 'string' && aud.value === '') || (aud.kind === 'array' && aud.items.length === 0))
	) {
		add(
			'empty-aud',
			`"aud" is ${aud.kind === 'string' ? 'an empty string' : 'an empty list'}: the token names no audience, so no service can tell it was meant for it, and code that checks "aud only if present" accepts it anywhere.`,
			{ part: 'payload', member: 'aud' },
		);
	}
	checkIdTokenRules(header, payload, recognition, add);
}

function checkIdTokenRules(
	header: JsonNode | undefined,
	payload: JsonNode,
	recognition: ProfileRecognition,
	add: AddFinding,
): void {
	const broken = (member: string, detail: string) =>
		add('id-token-rules', detail, { part: 'payload', member });
	const nonce = getMember(payload, 'nonce');
	if (nonce !== undefined && nonce.kind !== 'string') {
		broken(
			'nonce',
			`"nonce" is ${describeKind(nonce.kind)}; OpenID Connect Core §2 makes it a string, compared exactly with the one the client sent. A client that converts types may match the wrong value.`,
		);
	}
	const alg = header && stringMember(header, 'alg');
	const algorithm = alg ? findJwsAlgorithm(alg) : undefined;
	// The hash is the one of the alg: SHA-256 for *256 (16-byte halves) and so on. EdDSA has no
	// hash in its name, so any of the three lengths passes there.
	const expected = algorithm && algorithm.hashBytes > 0 ? algorithm.hashBytes / 2 : undefined;
	for (const name of ['at_hash', 'c_hash']) {
		const node = getMember(payload, name);
		if (node === undefined) continue;
		const problem = describeHashProblem(node, expected, algorithm?.name);
		if (problem) {
			broken(
				name,
				`"${name}" ${problem}. It must be the base64url of the left half of the hash of the ${name === 'at_hash' ? 'access token' : 'authorization code'} (OpenID Connect Core §3.1.3.6), so a client cannot check it.`,
			);
		}
	}
	const aud = getMember(payload, 'aud');
	if (
		recognition.profile.id === 'id-token' &&
		aud?.kind === 'array' &&
		aud.items.length > 1 &&
		getMember(payload, 'azp') === undefined
	) {
		broken(
			'aud',
			`The ID token has ${aud.items.length} audiences but no "azp". With several audiences the client should find "azp" naming itself (OpenID Connect Core §3.1.3.7), or another party the token was issued to can present it.`,
		);
	}
}

/** Why an `at_hash` or `c_hash` cannot be right, or undefined when its form is fine. */
function describeHashProblem(node: JsonNode, expected: number | undefined, alg?: string): string | undefined {
	if (node.kind !== 'string') return `is ${describeKind(node.kind)}, not a string`;
	const decoded = decodeBase64url(node.value);
	if (!decoded.ok || decoded.deviations.length > 0)
		return `is ${quoteText(node.value)}, not canonical base64url`;
	const length = decoded.bytes.length;
	if (expected !== undefined && length !== expected)
		return `decodes to ${length} bytes, but half a hash for ${alg} is ${expected}`;
	if (!HALF_HASH_BYTES.includes(length))
		return `decodes to ${length} bytes, not 16, 24 or 32 (half of SHA-256, SHA-384 or SHA-512)`;
	return undefined;
}
