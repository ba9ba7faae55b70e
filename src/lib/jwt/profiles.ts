// Token profiles: what kind of JWT a token is (DPoP proof, access token, ID token, …), recognised from `typ` then claims, and which checks apply to it.

import type { FindingCode } from './messages';
import { getMember, type JsonNode } from './json';

/** The profiles a token can have; `jwt` is a plain JWT whose rules only its application knows. */
export type ProfileId =
	| 'dpop-proof'
	| 'access-token'
	| 'dpop-access-token'
	| 'id-token'
	| 'logout-token'
	| 'request-object'
	| 'client-assertion'
	| 'security-event'
	| 'sd-jwt-vc'
	| 'kb-jwt'
	| 'jwt';

/** What a profile means for a token: its name, its spec, and which checks apply to it. */
export interface TokenProfile {
	readonly id: ProfileId;
	/** The name the page shows, e.g. "OAuth access token (RFC 9068)". */
	readonly name: string;
	readonly spec: string;
	readonly url: string;
	/** `typ` values that name the profile, lower case, without `application/` (compared case-insensitively, RFC 2045 §5.1). */
	readonly typ: readonly string[];
	/**
	 * Claims the profile requires and the code raised when one is missing. `exp` is never listed: `no-exp`
	 * is raised for every token whose profile does not suppress it.
	 */
	readonly required: Readonly<Record<string, FindingCode>>;
	/** Generic findings that do not apply to this profile, because its spec wants exactly that shape. */
	readonly suppressed: readonly FindingCode[];
	/** Codes only this profile's own checks raise (see findings/profile-checks.ts). */
	readonly extra: readonly FindingCode[];
	/** The spec requires the explicit `typ`: a token recognised by its claims with a generic `typ` raises `typ-generic`. */
	readonly explicitTyp: boolean;
	/**
	 * For a profile with no `typ` of its own, the `typ` a related spec asks of such tokens, which
	 * `typ-generic` names: a DPoP-bound access token is a JWT access token, typed `at+jwt` by RFC 9068 §2.1.
	 */
	readonly typedBy?: { readonly typ: string; readonly spec: string };
	/** Why the suppressions hold, for people reading the table and the page. */
	readonly note?: string;
}

/** A token's profile and the evidence for it. */
export interface ProfileRecognition {
	readonly profile: TokenProfile;
	/** The evidence as a phrase: `its "typ" is "dpop+jwt"`, `it has "htm" and "htu"`. */
	readonly evidence: string;
	/** The header's `typ` named the profile (the strong evidence); otherwise its claims suggested it. */
	readonly byTyp: boolean;
}

const rfc = (n: number, section: string) => `https://www.rfc-editor.org/rfc/rfc${n}#section-${section}`;

/** The event URI of a Back-Channel Logout token (OpenID Connect Back-Channel Logout 1.0 §2.4). */
export const LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/**
 * How far a DPoP proof's `iat` may be from now, either way, before `dpop-iat-window` is raised, on top
 * of the clock skew setting. RFC 9449 §4.3 (check 11) and §11.1 leave the window to the server; a few
 * minutes is what servers commonly accept.
 */
export const DPOP_IAT_WINDOW = 300;

const profile = (p: TokenProfile): [ProfileId, TokenProfile] => [p.id, Object.freeze(p)];

/**
 * The one table of profiles: the checks each applies. A profile's own checks are in
 * findings/profile-checks.ts, keyed by the same ids; everything else about a profile is here.
 */
export const tokenProfiles: Readonly<Record<ProfileId, TokenProfile>> = Object.freeze(
	Object.fromEntries([
		profile({
			id: 'dpop-proof',
			name: 'DPoP proof',
			spec: 'RFC 9449 §4.2',
			url: rfc(9449, '4.2'),
			typ: ['dpop+jwt'],
			required: { htm: 'dpop-claims', htu: 'dpop-claims', iat: 'dpop-claims', jti: 'dpop-claims' },
			// A proof is short-lived by its iat and single-use by its jti, not by exp; it carries its own
			// public key by design and names no issuer, audience or subject (RFC 9449 §4.2). The iat
			// window check covers an iat in the future, so iat-future would say the same twice.
			suppressed: [
				'no-exp',
				'embedded-jwk',
				'missing-iss',
				'missing-aud',
				'missing-sub',
				'typ-generic',
				'iat-future',
			],
			extra: ['dpop-claims', 'dpop-private-key', 'dpop-no-jwk', 'dpop-alg', 'dpop-iat-window', 'typ-generic'],
			explicitTyp: true,
			note: 'A DPoP proof carries the public key it is signed with in its header "jwk"; that key is the one to verify it with. It proves possession of the private key, not who holds it.',
		}),
		profile({
			id: 'access-token',
			name: 'OAuth access token (RFC 9068)',
			spec: 'RFC 9068 §2',
			url: rfc(9068, '2'),
			typ: ['at+jwt'],
			required: {
				iss: 'missing-iss',
				aud: 'missing-aud',
				sub: 'missing-sub',
				client_id: 'missing-claim',
				iat: 'missing-claim',
				jti: 'missing-claim',
			},
			suppressed: [],
			extra: ['missing-claim', 'typ-generic'],
			explicitTyp: true,
		}),
		profile({
			id: 'dpop-access-token',
			name: 'DPoP-bound access token',
			spec: 'RFC 9449 §6.1',
			url: rfc(9449, '6.1'),
			// Recognised only by its claims ("cnf.jkt"): with "typ" "at+jwt" it is an RFC 9068 access token.
			typ: [],
			// RFC 9449 §6.1 asks only for "cnf.jkt"; the RFC 9068 claims apply to tokens typed "at+jwt".
			required: {},
			suppressed: [],
			extra: ['typ-generic'],
			explicitTyp: true,
			typedBy: { typ: 'at+jwt', spec: 'RFC 9068 §2.1' },
			note: 'Its "cnf.jkt" binds it to a DPoP key: a resource server accepts it only with a DPoP proof signed by the key with that RFC 7638 thumbprint. Paste the proof in Related token to check. Without "typ" "at+jwt" it is not held to the RFC 9068 claims.',
		}),
		profile({
			id: 'id-token',
			name: 'OpenID Connect ID token',
			spec: 'OpenID Connect Core 1.0 §2',
			url: 'https://openid.net/specs/openid-connect-core-1_0.html#IDToken',
			typ: [],
			required: { iss: 'missing-iss', aud: 'missing-aud', sub: 'missing-sub', iat: 'missing-claim' },
			suppressed: [],
			extra: ['missing-claim', 'id-token-rules'],
			explicitTyp: false,
		}),
		profile({
			id: 'logout-token',
			name: 'Logout token',
			spec: 'OpenID Connect Back-Channel Logout 1.0 §2.4',
			url: 'https://openid.net/specs/openid-connect-backchannel-1_0.html#LogoutToken',
			typ: ['logout+jwt'],
			required: {
				iss: 'missing-iss',
				aud: 'missing-aud',
				iat: 'missing-claim',
				jti: 'missing-claim',
				events: 'logout-token-rules',
			},
			// "sub" is optional when "sid" is there: logout-token-rules asks for one of the two.
			suppressed: ['missing-sub'],
			extra: ['missing-claim', 'logout-token-rules'],
			explicitTyp: false,
		}),
		profile({
			id: 'request-object',
			name: 'Request object (RFC 9101)',
			spec: 'RFC 9101 §4',
			url: rfc(9101, '4'),
			typ: ['oauth-authz-req+jwt'],
			required: { iss: 'missing-iss', aud: 'missing-aud', client_id: 'missing-claim' },
			// An authorization request speaks for the client, not for a subject.
			suppressed: ['missing-sub'],
			extra: ['missing-claim'],
			explicitTyp: false,
		}),
		profile({
			id: 'client-assertion',
			name: 'Client assertion (RFC 7523)',
			spec: 'RFC 7523 §3',
			url: rfc(7523, '3'),
			typ: ['client-authentication+jwt'],
			required: { iss: 'missing-iss', sub: 'missing-sub', aud: 'missing-aud' },
			suppressed: [],
			extra: [],
			explicitTyp: false,
		}),
		profile({
			id: 'security-event',
			name: 'Security event token (RFC 8417)',
			spec: 'RFC 8417 §2.2',
			url: rfc(8417, '2.2'),
			typ: ['secevent+jwt'],
			required: { iss: 'missing-iss', iat: 'missing-claim', jti: 'missing-claim', events: 'missing-claim' },
			// A SET states that something happened; it grants nothing, and RFC 8417 §2.2 defines no "exp".
			suppressed: ['no-exp'],
			extra: ['missing-claim'],
			explicitTyp: false,
		}),
		profile({
			id: 'sd-jwt-vc',
			name: 'SD-JWT VC',
			spec: 'SD-JWT-based Verifiable Credentials §3.2',
			url: 'https://datatracker.ietf.org/doc/draft-ietf-oauth-sd-jwt-vc/',
			typ: ['dc+sd-jwt', 'vc+sd-jwt'],
			required: { vct: 'missing-claim' },
			suppressed: [],
			extra: ['missing-claim'],
			explicitTyp: false,
		}),
		profile({
			id: 'kb-jwt',
			name: 'Key binding JWT (RFC 9901)',
			spec: 'RFC 9901 §4.3',
			url: rfc(9901, '4.3'),
			typ: ['kb+jwt'],
			required: {
				iat: 'missing-claim',
				aud: 'missing-aud',
				nonce: 'missing-claim',
				sd_hash: 'missing-claim',
			},
			// A KB-JWT is fresh by its iat and bound to one presentation by sd_hash; it names no issuer or
			// subject, and has no exp (RFC 9901 §4.3).
			suppressed: ['no-exp', 'missing-iss', 'missing-sub'],
			extra: ['missing-claim', 'typ-generic'],
			explicitTyp: true,
			note: 'It shows that the holder of an SD-JWT presented it, to this "aud" with this "nonce". Paste the SD-JWT it belongs to (ending in "~") in Related token to check its "sd_hash" and its signature with the credential\'s "cnf" key.',
		}),
		profile({
			id: 'jwt',
			name: 'JWT',
			spec: 'RFC 7519',
			url: 'https://www.rfc-editor.org/rfc/rfc7519',
			typ: [],
			required: {},
			suppressed: [],
			extra: [],
			explicitTyp: false,
		}),
	]) as Record<ProfileId, TokenProfile>,
);

/**
 * Claims only access tokens carry: RFC 9068 §2.2.3 (`scope`, `client_id`) and Microsoft's `scp`. One of them
 * counts as evidence only in a token with `iss` or `exp`: an issued access token has both (RFC 9068 §2.2),
 * while `scope` alone is any application's claim.
 */
const ACCESS_TOKEN_CLAIMS: readonly string[] = Object.freeze(['scope', 'scp', 'client_id']);
/** Claims OpenID Connect Core §2 defines for ID tokens. */
const ID_TOKEN_CLAIMS: readonly string[] = Object.freeze(['nonce', 'at_hash', 'c_hash', 'auth_time', 'azp']);

/** A `typ` value in lower case without the optional `application/` prefix (RFC 7515 §4.1.9). */
export function normalizeTyp(typ: string): string {
	const lower = typ.toLowerCase();
	return lower.startsWith('application/') ? lower.slice('application/'.length) : lower;
}

/**
 * Recognises a token's profile, offline: first from the header's `typ` (explicit typing, RFC 8725
 * §3.11), then from the claims, in this order:
 *
 * - Logout token: `events` has the Back-Channel Logout event (it is a SET, so it comes before SETs).
 * - Security event token: `events` is an object (RFC 8417 §2.2).
 * - DPoP proof: `htm` and `htu` (RFC 9449 §4.2).
 * - Key binding JWT: `sd_hash` (RFC 9901 §4.3).
 * - SD-JWT VC: `vct`.
 * - Request object: `response_type` (RFC 9101 §4 carries the authorization request's parameters,
 *   `client_id` and `scope` among them, so it comes before access tokens).
 * - Access token: `scope`, `scp` or `client_id` with `iss` or `exp`, or Cognito's `token_use` "access".
 *   Access-token evidence wins over ID-token evidence because IdPs such as Keycloak put `azp` and
 *   `auth_time` in access tokens too.
 * - DPoP-bound access token: `cnf.jkt` (RFC 9449 §6.1), when nothing above names the token and it is
 *   no SD-JWT issuer JWT (`_sd`, `_sd_alg`); the RFC 9449 examples carry no `typ`.
 * - ID token: `nonce`, `at_hash`, `c_hash`, `auth_time` or `azp` (OpenID Connect Core §2), or
 *   `token_use` "id".
 * - Client assertion: `iss` and `sub` are the same string and `aud` and `jti` are present (RFC 7523
 *   §3: for client authentication both name the client).
 *
 * Anything else is a plain JWT (`jwt`), of which nothing is required.
 */
export function recognizeProfile(
	header: JsonNode | undefined,
	payload: JsonNode | undefined,
): ProfileRecognition {
	const typNode = header && getMember(header, 'typ');
	if (typNode?.kind === 'string') {
		const typ = normalizeTyp(typNode.value);
		const named = Object.values(tokenProfiles).find((p) => p.typ.includes(typ));
		if (named) return { profile: named, evidence: `its "typ" is "${typNode.value}"`, byTyp: true };
	}
	const byClaims = payload?.kind === 'object' ? recognizeByClaims(payload) : undefined;
	return byClaims
		? { profile: tokenProfiles[byClaims.id], evidence: byClaims.evidence, byTyp: false }
		: { profile: tokenProfiles.jwt, evidence: 'nothing names a more specific profile', byTyp: false };
}

function recognizeByClaims(payload: JsonNode): { id: ProfileId; evidence: string } | undefined {
	const has = (name: string) => getMember(payload, name) !== undefined;
	const events = getMember(payload, 'events');
	if (events?.kind === 'object') {
		if (getMember(events, LOGOUT_EVENT) !== undefined)
			return { id: 'logout-token', evidence: 'its "events" has the back-channel logout event' };
		return { id: 'security-event', evidence: 'it has an "events" object' };
	}
	if (has('htm') && has('htu')) return { id: 'dpop-proof', evidence: 'it has "htm" and "htu"' };
	if (has('sd_hash')) return { id: 'kb-jwt', evidence: 'it has "sd_hash"' };
	if (has('vct')) return { id: 'sd-jwt-vc', evidence: 'it has "vct"' };
	if (has('response_type')) return { id: 'request-object', evidence: 'it has "response_type"' };
	const tokenUse = getMember(payload, 'token_use');
	const use = tokenUse?.kind === 'string' ? tokenUse.value : undefined;
	const access = ACCESS_TOKEN_CLAIMS.find(has);
	const issued = ['iss', 'exp'].find(has);
	if (access && issued) return { id: 'access-token', evidence: `it has "${access}" and "${issued}"` };
	if (use === 'access') return { id: 'access-token', evidence: 'its "token_use" is "access"' };
	const cnf = getMember(payload, 'cnf');
	const jkt = cnf?.kind === 'object' ? getMember(cnf, 'jkt') : undefined;
	// An SD-JWT's issuer JWT (`_sd`, `_sd_alg`) binds a holder key by `cnf` too, as a credential, not for DPoP.
	const credential = has('_sd') || has('_sd_alg');
	if (jkt?.kind === 'string' && !credential)
		return { id: 'dpop-access-token', evidence: 'its "cnf" has "jkt", the thumbprint of a DPoP key' };
	const id = ID_TOKEN_CLAIMS.find(has);
	if (id) return { id: 'id-token', evidence: `it has "${id}"` };
	if (use === 'id') return { id: 'id-token', evidence: 'its "token_use" is "id"' };
	const iss = getMember(payload, 'iss');
	const sub = getMember(payload, 'sub');
	if (iss?.kind === 'string' && sub?.kind === 'string' && iss.value === sub.value && has('aud') && has('jti'))
		return {
			id: 'client-assertion',
			evidence: 'its "iss" and "sub" are the same and it has "aud" and "jti"',
		};
	return undefined;
}

/** Whether a generic finding applies to a token of this profile (the table's `suppressed`). */
export function appliesTo(profile: TokenProfile, code: FindingCode): boolean {
	return !profile.suppressed.includes(code);
}
