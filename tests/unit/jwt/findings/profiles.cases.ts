// Profile cases for the findings suites: each rule of the profiles table raising, and its near miss just across the line.

import { FRESH, HOUR, HS, jws, NOW, type FindingCase } from './fixtures';

/** The public P-256 key of RFC 7515 Appendix A.3. */
const EC_PUBLIC = {
	kty: 'EC',
	crv: 'P-256',
	x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
	y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
};
const RSA_PUBLIC = { kty: 'RSA', n: 'sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1Wl', e: 'AQAB' };
const OKP_PUBLIC = { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' };
const DPOP = { typ: 'dpop+jwt', alg: 'ES256', jwk: EC_PUBLIC };
const PROOF = { jti: '-BwC3ESc6acc2lTc', htm: 'POST', htu: 'https://as.example/token', iat: NOW - 5 };
const dpop = (payload: Record<string, unknown>, header: Record<string, unknown> = DPOP) =>
	jws(header, payload);
const without = <T extends Record<string, unknown>>(claims: T, ...names: string[]) =>
	Object.fromEntries(Object.entries(claims).filter(([key]) => !names.includes(key)));

const RS = { alg: 'RS256', typ: 'JWT' };
const AT = { alg: 'RS256', typ: 'at+jwt' };
const TIMES = { iat: NOW - 60, exp: NOW + HOUR };
const ACCESS = {
	iss: 'https://as.example',
	aud: 'https://api.example',
	sub: 'u1',
	client_id: 'c1',
	jti: 'at-1',
	...TIMES,
};
const ID = { iss: 'https://op.example', aud: 'client-1', sub: 'u1', nonce: 'n-0S6_WzA2Mj', ...TIMES };
const LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';
const LOGOUT = {
	iss: 'https://op.example',
	aud: 'client-1',
	sub: 'u1',
	iat: NOW - 5,
	exp: NOW + 120,
	jti: 'lt-1',
	events: { [LOGOUT_EVENT]: {} },
};
const LT = { alg: 'RS256', typ: 'logout+jwt' };
const SET = {
	iss: 'https://idp.example',
	iat: NOW - 5,
	jti: 'set-1',
	aud: 'https://rp.example',
	events: { 'urn:ietf:params:scim:event:create': { ref: 'https://scim.example/Users/44f6' } },
};
const REQUEST = {
	iss: 'c1',
	aud: 'https://as.example',
	client_id: 'c1',
	response_type: 'code',
	redirect_uri: 'https://client.example/cb',
	scope: 'openid',
	...TIMES,
};
const VC = { iss: 'https://issuer.example', vct: 'https://credentials.example/identity', ...TIMES };
/** RFC 9449 Figure 8's claims: a JWT access token bound to the proof key by cnf.jkt, with no typ. */
const BOUND = {
	sub: 'someone@example.com',
	iss: 'https://server.example.com',
	nbf: NOW - 5,
	exp: NOW + HOUR,
	cnf: { jkt: '0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I' },
};
const KB = { alg: 'ES256', typ: 'kb+jwt' };
const KB_CLAIMS = { iat: NOW - 5, aud: 'https://verifier.example', nonce: 'n-1', sd_hash: 'x' };

/** Each case raises its code. */
export const RAISING: FindingCase[] = [
	['a DPoP proof without htm', dpop(without(PROOF, 'htm')), {}, 'dpop-claims'],
	['a DPoP proof without htu', dpop(without(PROOF, 'htu')), {}, 'dpop-claims'],
	['a DPoP proof without iat', dpop(without(PROOF, 'iat')), {}, 'dpop-claims'],
	['a DPoP proof without jti', dpop(without(PROOF, 'jti')), {}, 'dpop-claims'],
	[
		'a DPoP proof whose jwk holds "d"',
		dpop(PROOF, { ...DPOP, jwk: { ...EC_PUBLIC, d: 'eA' } }),
		{},
		'dpop-private-key',
	],
	[
		'a DPoP proof whose RSA jwk holds "p" and "q"',
		dpop(PROOF, { ...DPOP, alg: 'RS256', jwk: { ...RSA_PUBLIC, p: 'eA', q: 'eA' } }),
		{},
		'dpop-private-key',
	],
	[
		'a DPoP proof whose jwk is a secret ("k")',
		dpop(PROOF, { ...DPOP, jwk: { kty: 'oct', k: 'c2VjcmV0' } }),
		{},
		'dpop-private-key',
	],
	['a DPoP proof without jwk', dpop(PROOF, without(DPOP, 'jwk')), {}, 'dpop-no-jwk'],
	['a DPoP proof whose jwk is a string', dpop(PROOF, { ...DPOP, jwk: 'key' }), {}, 'dpop-no-jwk'],
	['a DPoP proof signed HS256', dpop(PROOF, { ...DPOP, alg: 'HS256' }), {}, 'dpop-alg'],
	['a DPoP proof with alg "none"', dpop(PROOF, { ...DPOP, alg: 'none' }), {}, 'dpop-alg'],
	['a DPoP proof made 301 s ago', dpop({ ...PROOF, iat: NOW - 301 }), {}, 'dpop-iat-window'],
	['a DPoP proof made 301 s ahead', dpop({ ...PROOF, iat: NOW + 301 }), {}, 'dpop-iat-window'],
	[
		'a DPoP proof made 361 s ago with 60 s skew',
		dpop({ ...PROOF, iat: NOW - 361 }),
		{ clockSkew: 60 },
		'dpop-iat-window',
	],
	['htm and htu in a token typed "JWT"', dpop(PROOF, { ...DPOP, typ: 'JWT' }), {}, 'typ-generic'],
	['htm and htu in a token with no typ', dpop(PROOF, without(DPOP, 'typ')), {}, 'typ-generic'],
	['an at+jwt without client_id', jws(AT, without(ACCESS, 'client_id')), {}, 'missing-claim'],
	['an at+jwt without jti', jws(AT, without(ACCESS, 'jti')), {}, 'missing-claim'],
	['an at+jwt without iat', jws(AT, without(ACCESS, 'iat')), {}, 'missing-claim'],
	['an ID token without iat', jws(RS, without(ID, 'iat')), {}, 'missing-claim'],
	['a logout token without jti', jws(LT, without(LOGOUT, 'jti')), {}, 'missing-claim'],
	['a SET without jti', jws({ alg: 'RS256', typ: 'secevent+jwt' }, without(SET, 'jti')), {}, 'missing-claim'],
	[
		'a request object without client_id',
		jws({ alg: 'RS256', typ: 'oauth-authz-req+jwt' }, without(REQUEST, 'client_id')),
		{},
		'missing-claim',
	],
	[
		'a dc+sd-jwt without vct',
		jws({ alg: 'ES256', typ: 'dc+sd-jwt' }, without(VC, 'vct')),
		{},
		'missing-claim',
	],
	['a request object without iss', jws(RS, without(REQUEST, 'iss')), {}, 'missing-iss'],
	[
		'a client assertion typed client-authentication+jwt without sub',
		jws(
			{ alg: 'RS256', typ: 'client-authentication+jwt' },
			{ iss: 'c1', aud: 'https://as.example/token', jti: 'x', exp: NOW + 60 },
		),
		{},
		'missing-sub',
	],
	['a logout token with a nonce', jws(LT, { ...LOGOUT, nonce: 'n' }), {}, 'logout-token-rules'],
	['a logout token with neither sub nor sid', jws(LT, without(LOGOUT, 'sub')), {}, 'logout-token-rules'],
	['a logout+jwt without events', jws(LT, without(LOGOUT, 'events')), {}, 'logout-token-rules'],
	[
		'a logout+jwt whose events lack the logout event',
		jws(LT, { ...LOGOUT, events: { 'urn:x': {} } }),
		{},
		'logout-token-rules',
	],
	[
		'a logout+jwt whose events is a list',
		jws(LT, { ...LOGOUT, events: [LOGOUT_EVENT] }),
		{},
		'logout-token-rules',
	],
	[
		'a logout event whose value is a string',
		jws(LT, { ...LOGOUT, events: { [LOGOUT_EVENT]: 'yes' } }),
		{},
		'logout-token-rules',
	],
	['a DPoP-bound access token with no typ', jws({ alg: 'ES256' }, BOUND), {}, 'typ-generic'],
	['a DPoP-bound access token typed JWT', jws({ alg: 'ES256', typ: 'JWT' }, BOUND), {}, 'typ-generic'],
	['a DPoP-bound access token still needs exp', jws({ alg: 'ES256' }, without(BOUND, 'exp')), {}, 'no-exp'],
	['a kb+jwt without sd_hash', jws(KB, without(KB_CLAIMS, 'sd_hash')), {}, 'missing-claim'],
	['a kb+jwt without nonce', jws(KB, without(KB_CLAIMS, 'nonce')), {}, 'missing-claim'],
	['a kb+jwt without aud', jws(KB, without(KB_CLAIMS, 'aud')), {}, 'missing-aud'],
	['a KB-JWT (by its sd_hash) with no typ', jws({ alg: 'ES256' }, KB_CLAIMS), {}, 'typ-generic'],
	[
		'a logout token (by its events) with a nonce',
		jws(RS, { ...LOGOUT, nonce: 'n' }),
		{},
		'logout-token-rules',
	],
];

/** No case raises its code. */
export const NEAR_MISSES: FindingCase[] = [
	['a DPoP proof has no exp by design', dpop(PROOF), {}, 'no-exp'],
	['a DPoP proof carries its jwk by design', dpop(PROOF), {}, 'embedded-jwk'],
	['a DPoP proof names no issuer', dpop(PROOF), {}, 'missing-iss'],
	['a DPoP proof names no audience', dpop(PROOF), {}, 'missing-aud'],
	['a DPoP proof names no subject', dpop(PROOF), {}, 'missing-sub'],
	['a DPoP proof typed dpop+jwt', dpop(PROOF), {}, 'typ-generic'],
	[
		'a DPoP proof typed application/DPoP+JWT',
		dpop(PROOF, { ...DPOP, typ: 'application/DPoP+JWT' }),
		{},
		'typ-generic',
	],
	['a DPoP proof with htm, htu, iat and jti', dpop(PROOF), {}, 'dpop-claims'],
	['a DPoP proof with a public EC jwk', dpop(PROOF), {}, 'dpop-private-key'],
	[
		'a DPoP proof with a public RSA jwk',
		dpop(PROOF, { ...DPOP, alg: 'RS256', jwk: RSA_PUBLIC }),
		{},
		'dpop-private-key',
	],
	['a DPoP proof with a jwk', dpop(PROOF), {}, 'dpop-no-jwk'],
	['a DPoP proof signed EdDSA', dpop(PROOF, { ...DPOP, alg: 'EdDSA', jwk: OKP_PUBLIC }), {}, 'dpop-alg'],
	['a DPoP proof signed PS256', dpop(PROOF, { ...DPOP, alg: 'PS256', jwk: RSA_PUBLIC }), {}, 'dpop-alg'],
	['a DPoP proof made exactly 300 s ago', dpop({ ...PROOF, iat: NOW - 300 }), {}, 'dpop-iat-window'],
	['a DPoP proof made exactly 300 s ahead', dpop({ ...PROOF, iat: NOW + 300 }), {}, 'dpop-iat-window'],
	[
		'a DPoP proof made 360 s ago with 60 s skew',
		dpop({ ...PROOF, iat: NOW - 360 }),
		{ clockSkew: 60 },
		'dpop-iat-window',
	],
	[
		'a DPoP proof made 60 s ahead leaves iat-future to the window',
		dpop({ ...PROOF, iat: NOW + 60 }),
		{},
		'iat-future',
	],
	[
		'an old iat in a plain JWT is no DPoP matter',
		jws(HS, { ...FRESH, iat: NOW - 3 * HOUR }),
		{},
		'dpop-iat-window',
	],
	['htm alone does not make a proof', jws(HS, { ...FRESH, htm: 'GET' }), {}, 'dpop-claims'],
	['a plain JWT with only sub and exp', jws(HS, FRESH), {}, 'typ-generic'],
	['a complete at+jwt', jws(AT, ACCESS), {}, 'missing-claim'],
	['a complete ID token', jws(RS, ID), {}, 'missing-claim'],
	['a plain JWT without jti', jws(HS, FRESH), {}, 'missing-claim'],
	['a complete logout token', jws(LT, LOGOUT), {}, 'logout-token-rules'],
	[
		'a logout token with sid instead of sub',
		jws(LT, { ...without(LOGOUT, 'sub'), sid: 's-1' }),
		{},
		'logout-token-rules',
	],
	[
		'a logout token with sid instead of sub is not missing-sub',
		jws(LT, { ...without(LOGOUT, 'sub'), sid: 's-1' }),
		{},
		'missing-sub',
	],
	['an ID token may carry a nonce', jws(RS, ID), {}, 'logout-token-rules'],
	['a SET has no exp by design', jws({ alg: 'RS256', typ: 'secevent+jwt' }, SET), {}, 'no-exp'],
	['a complete SET', jws({ alg: 'RS256', typ: 'secevent+jwt' }, SET), {}, 'missing-claim'],
	[
		'a request object names no subject',
		jws({ alg: 'RS256', typ: 'oauth-authz-req+jwt' }, REQUEST),
		{},
		'missing-sub',
	],
	[
		'a complete request object',
		jws({ alg: 'RS256', typ: 'oauth-authz-req+jwt' }, REQUEST),
		{},
		'missing-claim',
	],
	['a dc+sd-jwt with vct', jws({ alg: 'ES256', typ: 'dc+sd-jwt' }, VC), {}, 'missing-claim'],
	['a request object (by response_type) is no access token', jws(RS, REQUEST), {}, 'typ-generic'],
	[
		'a DPoP-bound access token typed at+jwt is an RFC 9068 token',
		jws(AT, { ...ACCESS, cnf: BOUND.cnf }),
		{},
		'typ-generic',
	],
	['a DPoP-bound access token asks for no RFC 9068 claim', jws({ alg: 'ES256' }, BOUND), {}, 'missing-claim'],
	['a DPoP-bound access token asks for no audience', jws({ alg: 'ES256' }, BOUND), {}, 'missing-aud'],
	[
		'a cnf with a jwk binds no DPoP key',
		jws({ alg: 'ES256', typ: 'JWT' }, { ...without(BOUND, 'cnf'), cnf: { jwk: EC_PUBLIC } }),
		{},
		'typ-generic',
	],
	[
		'scope alone is not an access token',
		jws({ alg: 'RS256', typ: 'JWT' }, { sub: 'u', scope: 'read' }),
		{},
		'typ-generic',
	],
	[
		'scope alone raises no access-token claim',
		jws({ alg: 'RS256' }, { sub: 'u', scope: 'read' }),
		{},
		'missing-iss',
	],
	['a complete kb+jwt', jws(KB, KB_CLAIMS), {}, 'missing-claim'],
	['a kb+jwt has no exp by design', jws(KB, KB_CLAIMS), {}, 'no-exp'],
	['a kb+jwt names no issuer', jws(KB, KB_CLAIMS), {}, 'missing-iss'],
	['a kb+jwt names no subject', jws(KB, KB_CLAIMS), {}, 'missing-sub'],
	['a kb+jwt is not an ID token for its nonce', jws(KB, KB_CLAIMS), {}, 'id-token-rules'],
];
