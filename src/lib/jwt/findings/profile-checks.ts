// The checks a token's profile adds: its required claims, its explicit `typ`, and each profile's own rules (DPoP proof, logout token).

import { findJwsAlgorithm, isNoneAlgorithm } from '../algorithms';
import { getMember, type JsonNode } from '../json';
import type { FindingCode } from '../messages';
import { LOGOUT_EVENT, normalizeTyp, type ProfileId, type ProfileRecognition } from '../profiles';
import { describeKind, joinPhrases, quoteText } from './text';
import type { AddFinding } from './types';

/** JWK members that hold private or secret key material (RFC 7518 §6.2.2, §6.3.2, §6.4; RFC 8037 §2). */
export const PRIVATE_JWK_MEMBERS: readonly string[] = Object.freeze([
	'd',
	'p',
	'q',
	'dp',
	'dq',
	'qi',
	'oth',
	'k',
]);

/** Why each identity claim matters, for the findings that say it is missing. */
const WHY: Partial<Record<string, string>> = Object.freeze({
	iss: 'Without an issuer a verifier cannot tell whose keys and rules apply, and may accept a token from another issuer (RFC 8725 §3.8).',
	aud: 'Without an audience, a token meant for one service can be replayed at another that trusts the same issuer (RFC 8725 §3.9).',
	sub: 'Without a subject it is unclear whom or what the token speaks for.',
	jti: 'Without a unique identifier a receiver cannot detect a replayed token.',
	iat: 'Without an issue time a receiver cannot judge how old the token is.',
	client_id: 'Without it a resource server cannot tell which client the token was issued to (RFC 9068 §2.2).',
	htm: 'The server compares it with the method of the request the proof travels with (RFC 9449 §4.3).',
	htu: 'The server compares it with the URL of the request, so a proof cannot be used at another endpoint.',
});

/** Each profile's own rules, beyond the table's required claims and `typ`. */
const PROFILE_CHECKS: Partial<
	Record<ProfileId, (header: JsonNode | undefined, payload: JsonNode, add: AddFinding) => void>
> = Object.freeze({
	'dpop-proof': checkDpopProof,
	'logout-token': checkLogoutToken,
});

/**
 * Runs the checks a token's profile adds (profiles.ts `tokenProfiles`): the claims it requires, the
 * explicit `typ` when it was recognised only from its claims (RFC 8725 §3.11), and its own rules.
 */
export function checkProfile(
	recognition: ProfileRecognition,
	header: JsonNode | undefined,
	payload: JsonNode,
	add: AddFinding,
): void {
	checkRequiredClaims(recognition, payload, add);
	checkExplicitTyp(recognition, header, add);
	PROFILE_CHECKS[recognition.profile.id]?.(header, payload, add);
}

function checkRequiredClaims(recognition: ProfileRecognition, payload: JsonNode, add: AddFinding): void {
	const { profile, evidence } = recognition;
	const missingByCode = new Map<FindingCode, string[]>();
	for (const [claim, code] of Object.entries(profile.required)) {
		if (getMember(payload, claim) !== undefined) continue;
		missingByCode.set(code, [...(missingByCode.get(code) ?? []), claim]);
	}
	for (const [code, claims] of missingByCode) {
		const names = joinPhrases(
			claims.map((c) => `"${c}"`),
			'or',
		);
		const why = claims
			.map((c) => WHY[c])
			.filter(Boolean)
			.join(' ');
		add(
			code,
			`The token is ${article(profile.name)} (${evidence}) but has no ${names}, which ${profile.spec} requires.${why ? ` ${why}` : ''}`,
			{ part: 'payload' },
		);
	}
}

function checkExplicitTyp(
	recognition: ProfileRecognition,
	header: JsonNode | undefined,
	add: AddFinding,
): void {
	const { profile, evidence, byTyp } = recognition;
	if (!profile.explicitTyp || byTyp) return;
	const typ = header && getMember(header, 'typ');
	const generic = typ === undefined || (typ.kind === 'string' && normalizeTyp(typ.value) === 'jwt');
	if (!generic) return;
	const own = profile.typ[0];
	const expected = own ?? profile.typedBy?.typ ?? '';
	const spec = own === undefined && profile.typedBy ? profile.typedBy.spec : profile.spec;
	add(
		'typ-generic',
		`The token looks like ${article(profile.name)} (${evidence}), but its header ${typ?.kind === 'string' ? `says "typ": ${quoteText(typ.value)}` : 'has no "typ"'}. ${spec} types it "${expected}", so that another JWT signed by the same key cannot be passed off as one (RFC 8725 §3.11).`,
		{ part: 'header', member: 'typ' },
	);
}

/** RFC 9449 §4.2–4.3: the header's public `jwk`, an asymmetric `alg`. The claims are the table's. */
function checkDpopProof(header: JsonNode | undefined, _payload: JsonNode, add: AddFinding): void {
	const jwk = header && getMember(header, 'jwk');
	if (jwk?.kind !== 'object') {
		add(
			'dpop-no-jwk',
			jwk === undefined
				? 'The proof has no "jwk" in its header. A DPoP proof carries the public key it is signed with, so the server can check the signature and bind the access token to that key.'
				: `The header's "jwk" is ${describeKind(jwk.kind)}, not a key. A DPoP proof carries the public key it is signed with as a JWK object.`,
			{ part: 'header', member: 'jwk' },
		);
	} else {
		const found = PRIVATE_JWK_MEMBERS.filter((name) => getMember(jwk, name) !== undefined);
		if (found.length > 0) {
			add(
				'dpop-private-key',
				`The header's "jwk" holds private key material (${joinPhrases(
					found.map((n) => `"${n}"`),
					'and',
				)}). Anyone who sees the proof can now sign proofs as this client and use its bound tokens; a proof must carry only the public key. Replace the key pair.`,
				{ part: 'header', member: 'jwk' },
			);
		}
	}
	const algNode = header && getMember(header, 'alg');
	const alg = algNode?.kind === 'string' ? algNode.value : undefined;
	if (alg !== undefined && (isNoneAlgorithm(alg) || findJwsAlgorithm(alg)?.family === 'hmac')) {
		add(
			'dpop-alg',
			`The proof's "alg" is ${quoteText(alg)}. A DPoP proof must be signed with an asymmetric algorithm (RS*, PS*, ES*, EdDSA), so the server can check it with the public key in the proof; a shared secret proves nothing about the client.`,
			{ part: 'header', member: 'alg' },
		);
	}
}

/** OpenID Connect Back-Channel Logout 1.0 §2.4 and the checks of §2.6 a client can make offline. */
function checkLogoutToken(_header: JsonNode | undefined, payload: JsonNode, add: AddFinding): void {
	const broken = (member: string, detail: string) =>
		add('logout-token-rules', detail, { part: 'payload', member });
	const events = getMember(payload, 'events');
	if (events !== undefined) {
		const event = events.kind === 'object' ? getMember(events, LOGOUT_EVENT) : undefined;
		if (events.kind !== 'object')
			broken(
				'events',
				`"events" is ${describeKind(events.kind)}; it must be an object whose member "${LOGOUT_EVENT}" says this is a logout.`,
			);
		else if (event === undefined)
			broken(
				'events',
				`"events" has no member "${LOGOUT_EVENT}", so a relying party must not treat it as a logout.`,
			);
		else if (event.kind !== 'object')
			broken(
				'events',
				`The logout event's value is ${describeKind(event.kind)}; it must be a JSON object (usually {}).`,
			);
	}
	if (getMember(payload, 'nonce') !== undefined)
		broken(
			'nonce',
			'The logout token has a "nonce". Logout tokens must not carry one, so that an ID token (which may) can never be passed off as a logout token, or the reverse.',
		);
	if (getMember(payload, 'sub') === undefined && getMember(payload, 'sid') === undefined)
		broken(
			'sub',
			'The logout token has neither "sub" nor "sid", so it names no user and no session to log out; a relying party must reject it.',
		);
}

/** "a DPoP proof", "an OAuth access token (RFC 9068)", "an SD-JWT VC": the name with its article, by sound. */
export function article(name: string): string {
	return /^(?:[AEIOU]|SD-)/.test(name) ? `an ${name}` : `a ${name}`;
}
