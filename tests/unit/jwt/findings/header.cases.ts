// Header cases for the findings suites: tokens that raise jwk, jku, x5u, x5c, kid, crit and b64 findings, and near misses.

import { FRESH, HS, jwe, jws, type FindingCase } from './fixtures';

const JWK = {
	kty: 'EC',
	crv: 'P-256',
	x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
	y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
};
const ENC = { alg: 'RSA-OAEP', enc: 'A256GCM' };
const kid = (value: unknown) => jws({ ...HS, kid: value }, FRESH);
const crit = (extra: Record<string, unknown>) => jws({ ...HS, ...extra }, FRESH);

/** Each case raises its code. */
export const RAISING: FindingCase[] = [
	['a header jwk (EC public key)', jws({ alg: 'ES256', jwk: JWK }, FRESH), {}, 'embedded-jwk'],
	[
		'a header jwk with its private part',
		jws({ ...HS, jwk: { kty: 'oct', k: 'c2VjcmV0', d: 'x' } }, FRESH),
		{},
		'embedded-jwk',
	],
	['a header jwk that is a string', jws({ ...HS, jwk: 'key' }, FRESH), {}, 'embedded-jwk'],
	['a JWE header with jwk', jwe({ ...ENC, jwk: JWK }), {}, 'embedded-jwk'],
	[
		'a jku on https',
		jws({ alg: 'RS256', jku: 'https://keys.example.com/jwks.json' }, FRESH),
		{},
		'remote-key-url',
	],
	[
		'a jku on plain http',
		jws({ alg: 'RS256', jku: 'http://169.254.169.254/latest' }, FRESH),
		{},
		'remote-key-url',
	],
	['a jku that is not a string', jws({ alg: 'RS256', jku: 42 }, FRESH), {}, 'remote-key-url'],
	['an x5u', jws({ alg: 'RS256', x5u: 'https://certs.example.com/signer.pem' }, FRESH), {}, 'remote-key-url'],
	['a JWE header with jku', jwe({ ...ENC, jku: 'https://keys.example.com/jwks.json' }), {}, 'remote-key-url'],
	['an x5c chain', jws({ alg: 'RS256', x5c: ['MIIB', 'MIIC'] }, FRESH), {}, 'x5c-header'],
	['an x5c that is a string', jws({ alg: 'RS256', x5c: 'MIIB' }, FRESH), {}, 'x5c-header'],
	['kid ../../../../dev/null', kid('../../../../dev/null'), {}, 'kid-injection'],
	['kid with backslash traversal', kid('..\\..\\keys\\hmac.key'), {}, 'kid-injection'],
	['kid with URL-encoded traversal', kid('%2e%2e%2fsecret'), {}, 'kid-injection'],
	['kid /dev/null', kid('/dev/null'), {}, 'kid-injection'],
	['kid with a SQL union', kid("x' UNION SELECT 'secret' -- "), {}, 'kid-injection'],
	['kid with a SQL or', kid('1 or 1=1'), {}, 'kid-injection'],
	['kid with a double quote', kid('key"'), {}, 'kid-injection'],
	['kid with a SQL comment', kid('key/*x*/'), {}, 'kid-injection'],
	['kid with a trailing SQL comment after a space', kid('key --'), {}, 'kid-injection'],
	['kid with a semicolon', kid('key; rm -rf /'), {}, 'kid-injection'],
	['kid with a pipe', kid('key|id'), {}, 'kid-injection'],
	['kid with a backtick', kid('`id`'), {}, 'kid-injection'],
	['kid with $( )', kid('$(whoami)'), {}, 'kid-injection'],
	['kid with &&', kid('a&&b'), {}, 'kid-injection'],
	['kid that is a URL', kid('https://evil.example/jwks.json'), {}, 'kid-injection'],
	['kid that is a file URL', kid('file:///etc/passwd'), {}, 'kid-injection'],
	['kid with a NUL', kid('key\u0000.pem'), {}, 'kid-injection'],
	['kid with a line break', kid('key\nX-Injected: 1'), {}, 'kid-injection'],
	['kid that is an object (NoSQL operator)', kid({ $ne: null }), {}, 'kid-injection'],
	['kid that is an array', kid(['a', 'b']), {}, 'kid-injection'],
	['crit ["b64"] with b64', crit({ b64: false, crit: ['b64'] }), {}, 'crit-header'],
	['crit naming an absent parameter', crit({ crit: ['exp'] }), {}, 'crit-header'],
	['crit naming a standard parameter', crit({ crit: ['alg'] }), {}, 'crit-header'],
	[
		'crit naming an unknown extension',
		crit({ 'urn:example:ext': 1, crit: ['urn:example:ext'] }),
		{},
		'crit-header',
	],
	['an empty crit', crit({ crit: [] }), {}, 'crit-header'],
	['crit that is a string', crit({ b64: false, crit: 'b64' }), {}, 'crit-header'],
	['crit listing a number', crit({ crit: [1] }), {}, 'crit-header'],
	['b64 false listed in crit', crit({ b64: false, crit: ['b64'] }), {}, 'b64-false'],
	['b64 false without crit', crit({ b64: false }), {}, 'b64-false'],
];

/** Each case must not raise its code. */
export const NEAR_MISSES: FindingCase[] = [
	['kid key.v1', kid('key.v1'), {}, 'kid-injection'],
	['kid 2024-01-01', kid('2024-01-01'), {}, 'kid-injection'],
	['kid abc_DEF-123', kid('abc_DEF-123'), {}, 'kid-injection'],
	['kid a UUID', kid('018c0ae5-4d9b-471b-bfd6-eef314bc7037'), {}, 'kid-injection'],
	['kid an RFC 7638 thumbprint', kid('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs'), {}, 'kid-injection'],
	['kid a base64url value with "--"', kid('ab--cd_-'), {}, 'kid-injection'],
	['kid my.key.name', kid('my.key.name'), {}, 'kid-injection'],
	['kid an e-mail address (RFC 7520)', kid('bilbo.baggins@hobbiton.example'), {}, 'kid-injection'],
	['kid a relative resource name', kid('keys/2024/signing'), {}, 'kid-injection'],
	['kid an AWS KMS ARN', kid('arn:aws:kms:us-east-1:111122223333:key/1234abcd'), {}, 'kid-injection'],
	['kid with a space but no SQL', kid('signing key 2'), {}, 'kid-injection'],
	['kid with a word containing "or"', kid('vendor key'), {}, 'kid-injection'],
	['kid a number', kid(7), {}, 'kid-injection'],
	['no jwk', jws(HS, FRESH), {}, 'embedded-jwk'],
	['an epk in an ECDH-ES JWE', jwe({ alg: 'ECDH-ES', enc: 'A128GCM', epk: JWK }), {}, 'embedded-jwk'],
	['x5t only', jws({ alg: 'RS256', x5t: 'dGh1bWI' }, FRESH), {}, 'x5c-header'],
	['x5t only, no URL', jws({ alg: 'RS256', x5t: 'dGh1bWI' }, FRESH), {}, 'remote-key-url'],
	['no crit', jws(HS, FRESH), {}, 'crit-header'],
	['b64 true', crit({ b64: true, crit: ['b64'] }), {}, 'b64-false'],
	['b64 "false" as a string', crit({ b64: 'false' }), {}, 'b64-false'],
	['b64 false in a JWE (RFC 7797 is JWS only)', jwe({ ...ENC, b64: false }), {}, 'b64-false'],
];
