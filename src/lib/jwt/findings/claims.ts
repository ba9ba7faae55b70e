// Findings about the claims a token needs for what it looks like: an OAuth access token (RFC 9068) or an OpenID Connect ID token.

import { findJwsAlgorithm } from '../algorithms';
import { decodeBase64url } from '../../encoding/base64url';
import type { AddFinding } from './types';
import { describeKind, quoteText } from './text';
import { getMember, stringMember, type JsonNode } from '../json';

/** What a token looks like, and the evidence, as a phrase: `it has "scope"`. */
export interface TokenProfile {
	readonly kind: 'access-token' | 'id-token';
	readonly evidence: string;
}

/** Claims that only access tokens carry: RFC 9068 §2.2.3 (`scope`, `client_id`) and Microsoft's `scp`. */
const ACCESS_TOKEN_CLAIMS: readonly string[] = Object.freeze(['scope', 'scp', 'client_id']);
/** Claims OpenID Connect Core §2 defines for ID tokens. */
const ID_TOKEN_CLAIMS: readonly string[] = Object.freeze(['nonce', 'at_hash', 'c_hash', 'auth_time', 'azp']);
/** Half of SHA-256, SHA-384 and SHA-512: the lengths of `at_hash` and `c_hash` (OpenID Connect Core §3.1.3.6, §3.3.2.11). */
const HALF_HASH_BYTES: readonly number[] = Object.freeze([16, 24, 32]);

/**
 * Guesses, offline, whether a token is an access token or an ID token; undefined for anything else.
 *
 * - Access token: header `typ` is `at+jwt` or `application/at+jwt` (RFC 9068 §2.1; media types
 *   compare case-insensitively), or the payload has `scope`, `scp` or `client_id`, or Cognito's
 *   `token_use` is `"access"`.
 * - ID token: not an access token by the above, and the payload has `nonce`, `at_hash`, `c_hash`,
 *   `auth_time` or `azp` (OpenID Connect Core §2), or `token_use` is `"id"`.
 *
 * Access-token evidence wins because IdPs such as Keycloak put `azp` and `auth_time` in access
 * tokens too. A token with none of these, such as `{"sub":"x","exp":…}`, is a plain JWT whose needs
 * only its application knows, so no claim is required of it.
 */
export function classifyToken(header: JsonNode | undefined, payload: JsonNode): TokenProfile | undefined {
	const typ = header && getMember(header, 'typ');
	if (typ?.kind === 'string' && /^(?:application\/)?at\+jwt$/i.test(typ.value))
		return { kind: 'access-token', evidence: `its "typ" is ${quoteText(typ.value)}` };
	const tokenUse = getMember(payload, 'token_use');
	const use = tokenUse?.kind === 'string' ? tokenUse.value : undefined;
	const access = ACCESS_TOKEN_CLAIMS.find((name) => getMember(payload, name) !== undefined);
	if (access) return { kind: 'access-token', evidence: `it has "${access}"` };
	if (use === 'access') return { kind: 'access-token', evidence: 'its "token_use" is "access"' };
	const id = ID_TOKEN_CLAIMS.find((name) => getMember(payload, name) !== undefined);
	if (id) return { kind: 'id-token', evidence: `it has "${id}"` };
	if (use === 'id') return { kind: 'id-token', evidence: 'its "token_use" is "id"' };
	return undefined;
}

/**
 * Checks a payload object's identity claims: `missing-iss`, `missing-aud`, `missing-sub` for tokens
 * that look like access or ID tokens ({@link classifyToken}; RFC 9068 §2.2, OpenID Connect Core §2),
 * `empty-aud` for any token (RFC 7519 §4.1.3), `id-token-rules` for what OpenID Connect Core lets
 * a client check offline, and `typ-generic` for an access token typed `JWT` or not at all (RFC 9068
 * §2.1, RFC 8725 §3.11).
 */
export function checkClaims(header: JsonNode | undefined, payload: JsonNode, add: AddFinding): void {
	const profile = classifyToken(header, payload);
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
	if (profile) checkRequiredClaims(profile, payload, add);
	checkIdTokenRules(header, payload, profile, add);
	if (profile?.kind === 'access-token') {
		const typ = header && getMember(header, 'typ');
		const generic =
			typ === undefined || (typ.kind === 'string' && /^(?:application\/)?jwt$/i.test(typ.value));
		if (generic) {
			add(
				'typ-generic',
				`The token looks like an access token (${profile.evidence}), but its header ${typ?.kind === 'string' ? `says "typ": ${quoteText(typ.value)}` : 'has no "typ"'}. RFC 9068 §2.1 types access tokens "at+jwt", so that an ID token or another JWT signed by the same issuer cannot be passed off as one (RFC 8725 §3.11).`,
				{ part: 'header', member: 'typ' },
			);
		}
	}
}

function checkRequiredClaims(profile: TokenProfile, payload: JsonNode, add: AddFinding): void {
	const what = profile.kind === 'access-token' ? 'an access token' : 'an ID token';
	const rule = profile.kind === 'access-token' ? 'RFC 9068 §2.2' : 'OpenID Connect Core §2';
	const why = {
		'missing-iss':
			'Without an issuer a verifier cannot tell whose keys and rules apply, and may accept a token from another issuer (RFC 8725 §3.8).',
		'missing-aud':
			'Without an audience, a token meant for one service can be replayed at another that trusts the same issuer (RFC 8725 §3.9).',
		'missing-sub': 'Without a subject it is unclear whom or what the token speaks for.',
	} as const;
	for (const [claim, code] of [
		['iss', 'missing-iss'],
		['aud', 'missing-aud'],
		['sub', 'missing-sub'],
	] as const) {
		if (getMember(payload, claim) !== undefined) continue;
		add(
			code,
			`The token looks like ${what} (${profile.evidence}) but has no "${claim}", which ${rule} requires. ${why[code]}`,
			{ part: 'payload' },
		);
	}
}

function checkIdTokenRules(
	header: JsonNode | undefined,
	payload: JsonNode,
	profile: TokenProfile | undefined,
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
		profile?.kind === 'id-token' &&
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
