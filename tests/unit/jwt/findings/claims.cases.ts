// Claim cases for the findings suites: lifetime, required claims of access and ID tokens, aud, OpenID Connect rules and typ.

import { encodeBase64url } from '../../../../src/lib/encoding/base64url';
import { HOUR, HS, jws, NOW, type FindingCase } from './fixtures';

const DAY = 24 * HOUR;
const RS = { alg: 'RS256', typ: 'JWT' };
const AT = { alg: 'RS256', typ: 'at+jwt' };
const TIMES = { iat: NOW - 60, exp: NOW + HOUR };
/** A complete RFC 9068 access token's identity claims. */
const ACCESS = {
	iss: 'https://as.example',
	aud: 'https://api.example',
	sub: 'u1',
	client_id: 'c1',
	...TIMES,
};
/** A complete OpenID Connect ID token's identity claims. */
const ID = { iss: 'https://op.example', aud: 'client-1', sub: 'u1', nonce: 'n-0S6_WzA2Mj', ...TIMES };
const half = (length: number) => encodeBase64url(new Uint8Array(length).fill(7));
const without = <T extends Record<string, unknown>>(claims: T, name: keyof T) =>
	Object.fromEntries(Object.entries(claims).filter(([key]) => key !== name));

/** Each case raises its code. */
export const RAISING: FindingCase[] = [
	[
		'a lifetime one second over 24 h',
		jws(HS, { sub: 'x', iat: NOW, exp: NOW + DAY + 1 }),
		{},
		'long-lifetime',
	],
	['a lifetime of a year', jws(HS, { sub: 'x', iat: NOW, exp: NOW + 365 * DAY }), {}, 'long-lifetime'],
	[
		'a lifetime over a 1 h threshold',
		jws(HS, { iat: NOW, exp: NOW + HOUR + 1 }),
		{ lifetimeThreshold: HOUR },
		'long-lifetime',
	],
	['nbf and exp two days apart, no iat', jws(HS, { nbf: NOW, exp: NOW + 2 * DAY }), {}, 'long-lifetime'],
	['exp before iat', jws(HS, { iat: NOW, exp: NOW - 1 }), {}, 'time-order'],
	['nbf after exp', jws(HS, { nbf: NOW + 2 * HOUR, exp: NOW + HOUR }), {}, 'time-order'],
	[
		'an access token (scope) without iss',
		jws(RS, { ...without(ACCESS, 'iss'), scope: 'read' }),
		{},
		'missing-iss',
	],
	['an at+jwt without iss', jws(AT, without(ACCESS, 'iss')), {}, 'missing-iss'],
	['an ID token without iss', jws(RS, without(ID, 'iss')), {}, 'missing-iss'],
	['an access token (client_id) without aud', jws(AT, without(ACCESS, 'aud')), {}, 'missing-aud'],
	[
		'an application/at+jwt without aud',
		jws({ alg: 'RS256', typ: 'application/AT+JWT' }, without(ACCESS, 'aud')),
		{},
		'missing-aud',
	],
	['an ID token (nonce) without aud', jws(RS, without(ID, 'aud')), {}, 'missing-aud'],
	[
		'an access token (scp) without sub',
		jws(AT, { ...without(ACCESS, 'sub'), scp: ['read'] }),
		{},
		'missing-sub',
	],
	[
		'an ID token (at_hash) without sub',
		jws(RS, { ...without(ID, 'sub'), at_hash: half(16) }),
		{},
		'missing-sub',
	],
	[
		'a Cognito ID token (token_use "id") without aud',
		jws(RS, { iss: 'i', sub: 's', token_use: 'id', ...TIMES }),
		{},
		'missing-aud',
	],
	['aud ""', jws(HS, { sub: 'x', aud: '', ...TIMES }), {}, 'empty-aud'],
	['aud []', jws(HS, { sub: 'x', aud: [], ...TIMES }), {}, 'empty-aud'],
	['nonce that is a number', jws(RS, { ...ID, nonce: 12345 }), {}, 'id-token-rules'],
	['at_hash of 2 bytes', jws(RS, { ...ID, at_hash: 'abc' }), {}, 'id-token-rules'],
	['at_hash of 32 bytes with RS256 (wants 16)', jws(RS, { ...ID, at_hash: half(32) }), {}, 'id-token-rules'],
	['at_hash that is not base64url', jws(RS, { ...ID, at_hash: 'a+b/c=' }), {}, 'id-token-rules'],
	['c_hash that is a number', jws(RS, { ...ID, c_hash: 7 }), {}, 'id-token-rules'],
	[
		'at_hash of 20 bytes with EdDSA',
		jws({ alg: 'EdDSA' }, { ...ID, at_hash: half(20) }),
		{},
		'id-token-rules',
	],
	[
		'an ID token with two audiences and no azp',
		jws(RS, { ...ID, aud: ['client-1', 'client-2'] }),
		{},
		'id-token-rules',
	],
	['an access token typed JWT', jws(RS, ACCESS), {}, 'typ-generic'],
	[
		'an access token typed application/jwt',
		jws({ alg: 'RS256', typ: 'application/jwt' }, ACCESS),
		{},
		'typ-generic',
	],
	[
		'an access token without typ',
		jws({ alg: 'RS256' }, { ...without(ACCESS, 'client_id'), scope: 'a b' }),
		{},
		'typ-generic',
	],
];

/** Each case must not raise its code. */
export const NEAR_MISSES: FindingCase[] = [
	['a lifetime of exactly 24 h', jws(HS, { sub: 'x', iat: NOW, exp: NOW + DAY }), {}, 'long-lifetime'],
	[
		'a lifetime of exactly a 1 h threshold',
		jws(HS, { iat: NOW, exp: NOW + HOUR }),
		{ lifetimeThreshold: HOUR },
		'long-lifetime',
	],
	[
		'a lifetime of 2 days under a 7-day threshold',
		jws(HS, { iat: NOW, exp: NOW + 2 * DAY }),
		{ lifetimeThreshold: 7 * DAY },
		'long-lifetime',
	],
	['exp without iat or nbf', jws(HS, { exp: NOW + 365 * DAY }), {}, 'long-lifetime'],
	[
		'exp in milliseconds (time-in-milliseconds says it)',
		jws(HS, { iat: NOW, exp: (NOW + HOUR) * 1000 }),
		{},
		'long-lifetime',
	],
	['exp before iat', jws(HS, { iat: NOW, exp: NOW - DAY * 30 }), {}, 'long-lifetime'],
	['exp of 1e400', jws(HS, '{"iat":1767225600,"exp":1e400}'), {}, 'long-lifetime'],
	['a plain {"sub","exp"} token', jws(HS, { sub: 'x', exp: NOW + HOUR }), {}, 'missing-iss'],
	[
		'a plain {"sub","exp"} token has an audience problem only if it says so',
		jws(HS, { sub: 'x', exp: NOW + HOUR }),
		{},
		'missing-aud',
	],
	['a plain token without sub', jws(HS, { exp: NOW + HOUR }), {}, 'missing-sub'],
	['a complete access token', jws(AT, ACCESS), {}, 'missing-iss'],
	['a complete access token has aud', jws(AT, ACCESS), {}, 'missing-aud'],
	['a complete ID token has sub', jws(RS, ID), {}, 'missing-sub'],
	['an access token with aud "" (empty-aud says it)', jws(AT, { ...ACCESS, aud: '' }), {}, 'missing-aud'],
	['aud "api"', jws(HS, { sub: 'x', aud: 'api', ...TIMES }), {}, 'empty-aud'],
	['aud ["api"]', jws(HS, { sub: 'x', aud: ['api'], ...TIMES }), {}, 'empty-aud'],
	['no aud', jws(HS, { sub: 'x', ...TIMES }), {}, 'empty-aud'],
	['a complete ID token', jws(RS, ID), {}, 'id-token-rules'],
	['at_hash of 16 bytes with RS256', jws(RS, { ...ID, at_hash: half(16) }), {}, 'id-token-rules'],
	['c_hash of 24 bytes with ES384', jws({ alg: 'ES384' }, { ...ID, c_hash: half(24) }), {}, 'id-token-rules'],
	[
		'at_hash of 32 bytes with EdDSA',
		jws({ alg: 'EdDSA' }, { ...ID, at_hash: half(32) }),
		{},
		'id-token-rules',
	],
	[
		'an ID token with two audiences and azp',
		jws(RS, { ...ID, aud: ['client-1', 'api'], azp: 'client-1' }),
		{},
		'id-token-rules',
	],
	[
		'azp differing from a single aud (allowed, OIDC Core §2)',
		jws(RS, { ...ID, azp: 'android-client' }),
		{},
		'id-token-rules',
	],
	[
		'an access token with two audiences and no azp',
		jws(AT, { ...ACCESS, aud: ['a', 'b'] }),
		{},
		'id-token-rules',
	],
	['an access token typed at+jwt', jws(AT, ACCESS), {}, 'typ-generic'],
	[
		'an access token typed application/at+jwt',
		jws({ alg: 'RS256', typ: 'application/at+jwt' }, ACCESS),
		{},
		'typ-generic',
	],
	['an ID token typed JWT', jws(RS, ID), {}, 'typ-generic'],
	['a plain token typed JWT', jws(HS, { sub: 'x', ...TIMES }), {}, 'typ-generic'],
];
