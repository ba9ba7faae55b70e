// Claim and header-parameter documentation: coverage of the registered names, exact section links, and safe lookups.

import { describe, expect, test } from 'vitest';
import {
	describeClaim,
	describeHeaderParameter,
	headerParameters,
	payloadClaims,
	timeClaims,
	type ClaimDoc,
} from '$lib/jwt/claim-docs';

const rfcUrl = (n: number, section: string) => `https://www.rfc-editor.org/rfc/rfc${n}#section-${section}`;
const oidcCore = 'https://openid.net/specs/openid-connect-core-1_0.html';

const allDocs: [string, string, ClaimDoc][] = [
	...Object.entries(payloadClaims).map(([key, doc]): [string, string, ClaimDoc] => ['payload', key, doc]),
	...Object.entries(headerParameters).map(([key, doc]): [string, string, ClaimDoc] => ['header', key, doc]),
];

describe('RFC 7519 registered claims', () => {
	test.each([
		['iss', '4.1.1'],
		['sub', '4.1.2'],
		['aud', '4.1.3'],
		['exp', '4.1.4'],
		['nbf', '4.1.5'],
		['iat', '4.1.6'],
		['jti', '4.1.7'],
	])('%s is documented as RFC 7519 §%s with a link to that section', (name, section) => {
		const doc = describeClaim(name);
		expect(doc?.spec).toBe(`RFC 7519 §${section}`);
		expect(doc?.url).toBe(rfcUrl(7519, section));
	});

	test.each(['exp', 'nbf', 'iat', 'auth_time', 'updated_at', 'toe'])('%s has kind "time"', (name) => {
		expect(describeClaim(name)?.kind).toBe('time');
	});

	test('aud has kind "audience"', () => {
		expect(describeClaim('aud')?.kind).toBe('audience');
	});

	test.each(['iss', 'sub'])('%s has kind "string-or-uri"', (name) => {
		expect(describeClaim(name)?.kind).toBe('string-or-uri');
	});
});

describe('OpenID Connect claims', () => {
	test.each(['auth_time', 'nonce', 'acr', 'amr', 'azp'])('ID token claim %s links to Core §2', (name) => {
		const doc = describeClaim(name);
		expect(doc?.spec).toBe('OpenID Connect Core §2');
		expect(doc?.url).toBe(`${oidcCore}#IDToken`);
	});

	test.each([
		['at_hash', '3.1.3.6', 'CodeIDToken'],
		['c_hash', '3.3.2.11', 'HybridIDToken'],
		['address', '5.1.1', 'AddressClaim'],
	])('%s links to Core §%s', (name, section, anchor) => {
		const doc = describeClaim(name);
		expect(doc?.spec).toBe(`OpenID Connect Core §${section}`);
		expect(doc?.url).toBe(`${oidcCore}#${anchor}`);
	});

	test.each([
		'name',
		'given_name',
		'family_name',
		'middle_name',
		'nickname',
		'preferred_username',
		'profile',
		'picture',
		'website',
		'email',
		'email_verified',
		'gender',
		'birthdate',
		'zoneinfo',
		'locale',
		'phone_number',
		'phone_number_verified',
		'updated_at',
	])('standard claim %s links to Core §5.1', (name) => {
		const doc = describeClaim(name);
		expect(doc?.spec).toBe('OpenID Connect Core §5.1');
		expect(doc?.url).toBe(`${oidcCore}#StandardClaims`);
	});

	test.each(['email_verified', 'phone_number_verified'])('%s has kind "boolean"', (name) => {
		expect(describeClaim(name)?.kind).toBe('boolean');
	});

	test('sid is documented from OpenID Connect logout', () => {
		expect(describeClaim('sid')?.spec).toMatch(/^OpenID Connect .*Logout/);
	});
});

describe('OAuth, token exchange and security event claims', () => {
	test.each([
		['client_id', 8693, '4.3'],
		['scope', 8693, '4.2'],
		['act', 8693, '4.1'],
		['may_act', 8693, '4.4'],
		['roles', 9068, '2.2.3.1'],
		['groups', 9068, '2.2.3.1'],
		['entitlements', 9068, '2.2.3.1'],
		['cnf', 7800, '3.1'],
		['events', 8417, '2.2'],
		['toe', 8417, '2.2'],
		['txn', 8417, '2.2'],
	])('%s is documented as RFC %i §%s', (name, rfc, section) => {
		const doc = describeClaim(name);
		expect(doc?.spec).toBe(`RFC ${rfc} §${section}`);
		expect(doc?.url).toBe(rfcUrl(rfc, section));
	});

	test.each(['act', 'may_act', 'cnf', 'events'])('%s has kind "object"', (name) => {
		expect(describeClaim(name)?.kind).toBe('object');
	});
});

describe('vendor claims', () => {
	test.each([
		['tid', 'Microsoft Entra ID'],
		['oid', 'Microsoft Entra ID'],
		['upn', 'Microsoft Entra ID'],
		['unique_name', 'Microsoft Entra ID'],
		['appid', 'Microsoft Entra ID'],
		['ver', 'Microsoft Entra ID'],
		['idp', 'Microsoft Entra ID'],
		['wids', 'Microsoft Entra ID'],
		['scp', 'Microsoft Entra ID'],
		['hd', 'Google'],
		['cognito:username', 'Amazon Cognito'],
		['cognito:groups', 'Amazon Cognito'],
		['token_use', 'Amazon Cognito'],
		['username', 'Amazon Cognito'],
		['origin_jti', 'Amazon Cognito'],
		['event_id', 'Amazon Cognito'],
		['realm_access', 'Keycloak'],
		['resource_access', 'Keycloak'],
		['typ', 'Keycloak'],
		['session_state', 'Keycloak'],
		['allowed-origins', 'Keycloak'],
		['uid', 'Okta'],
		['cid', 'Okta'],
		['firebase', 'Firebase'],
		['user_id', 'Firebase'],
	])('%s is marked as a %s claim', (name, vendor) => {
		expect(describeClaim(name)?.spec).toBe(vendor);
	});

	test('namespaced custom claims such as Auth0 URLs are not documented', () => {
		expect(describeClaim('https://example.com/roles')).toBeUndefined();
	});
});

describe('header parameters', () => {
	test.each([
		['alg', '4.1.1'],
		['jku', '4.1.2'],
		['jwk', '4.1.3'],
		['kid', '4.1.4'],
		['x5u', '4.1.5'],
		['x5c', '4.1.6'],
		['x5t', '4.1.7'],
		['x5t#S256', '4.1.8'],
		['typ', '4.1.9'],
		['cty', '4.1.10'],
		['crit', '4.1.11'],
	])('%s is documented as RFC 7515 §%s with a link to that section', (name, section) => {
		const doc = describeHeaderParameter(name);
		expect(doc?.spec).toBe(`RFC 7515 §${section}`);
		expect(doc?.url).toBe(rfcUrl(7515, section));
	});

	test.each([
		['enc', 7516, '4.1.2'],
		['zip', 7516, '4.1.3'],
		['epk', 7518, '4.6.1.1'],
		['apu', 7518, '4.6.1.2'],
		['apv', 7518, '4.6.1.3'],
		['iv', 7518, '4.7.1.1'],
		['tag', 7518, '4.7.1.2'],
		['p2s', 7518, '4.8.1.1'],
		['p2c', 7518, '4.8.1.2'],
		['b64', 7797, '3'],
		['url', 8555, '6.4.1'],
		['nonce', 8555, '6.5.2'],
		['ppt', 8225, '8.1'],
	])('%s is documented as RFC %i §%s', (name, rfc, section) => {
		const doc = describeHeaderParameter(name);
		expect(doc?.spec).toBe(`RFC ${rfc} §${section}`);
		expect(doc?.url).toBe(rfcUrl(rfc, section));
	});

	test.each(['url', 'nonce'])('header %s is titled as ACME', (name) => {
		expect(describeHeaderParameter(name)?.title).toMatch(/^ACME /);
	});

	test('nonce means the OpenID Connect nonce in the payload and the ACME nonce in the header', () => {
		expect(describeClaim('nonce')?.spec).toMatch(/^OpenID Connect/);
		expect(describeHeaderParameter('nonce')?.spec).toMatch(/^RFC 8555/);
	});

	test('url is a header parameter only', () => {
		expect(describeClaim('url')).toBeUndefined();
	});

	test.each(['jku', 'x5u', 'jwk'])('%s warns never to trust or fetch it blindly', (name) => {
		expect(describeHeaderParameter(name)?.description).toMatch(/never/i);
	});

	test('alg says "none" must be rejected', () => {
		expect(describeHeaderParameter('alg')?.description).toMatch(/reject "none"/);
	});

	test('b64 has kind "boolean" and p2c has kind "number"', () => {
		expect(describeHeaderParameter('b64')?.kind).toBe('boolean');
		expect(describeHeaderParameter('p2c')?.kind).toBe('number');
	});
});

describe('timeClaims', () => {
	test('lists exactly the NumericDate claims, in order', () => {
		expect(timeClaims).toEqual(['exp', 'nbf', 'iat', 'auth_time', 'updated_at', 'toe']);
	});

	test('is frozen', () => {
		expect(Object.isFrozen(timeClaims)).toBe(true);
	});

	test('matches the payload claims whose kind is "time"', () => {
		const timeKinds = Object.values(payloadClaims)
			.filter((doc) => doc.kind === 'time')
			.map((doc) => doc.name);
		expect([...timeKinds].sort()).toEqual([...timeClaims].sort());
	});
});

describe('lookups', () => {
	test.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'])(
		'%s is not documented in either table',
		(name) => {
			expect(describeClaim(name)).toBeUndefined();
			expect(describeHeaderParameter(name)).toBeUndefined();
		},
	);

	test.each(['', 'EXP', 'Alg', 'unknown_claim'])(
		'%j is not documented (names are case-sensitive)',
		(name) => {
			expect(describeClaim(name)).toBeUndefined();
			expect(describeHeaderParameter(name)).toBeUndefined();
		},
	);

	test('describeClaim and describeHeaderParameter return the table entries', () => {
		expect(describeClaim('exp')).toBe(payloadClaims['exp']);
		expect(describeHeaderParameter('kid')).toBe(headerParameters['kid']);
	});

	test('typ means the Keycloak token type in the payload and the media type in the header', () => {
		expect(describeClaim('typ')?.spec).toBe('Keycloak');
		expect(describeHeaderParameter('typ')?.spec).toBe('RFC 7515 §4.1.9');
	});
});

describe('tables', () => {
	test.each([
		['payloadClaims', payloadClaims],
		['headerParameters', headerParameters],
	])('%s is frozen and has no prototype', (_label, docs) => {
		expect(Object.isFrozen(docs)).toBe(true);
		expect(Object.getPrototypeOf(docs)).toBeNull();
	});

	test.each(allDocs)('%s %s is complete, frozen and keyed by its name', (_where, key, doc) => {
		expect(doc.name).toBe(key);
		expect(Object.isFrozen(doc)).toBe(true);
		expect(doc.title.trim()).not.toBe('');
		expect(doc.description.trim().length).toBeGreaterThan(20);
		expect(doc.spec.trim()).not.toBe('');
		expect(new URL(doc.url).protocol).toBe('https:');
	});

	test.each(allDocs.filter(([, , doc]) => doc.spec.startsWith('RFC ')))(
		'%s %s links to the RFC section its spec names',
		(_where, _key, doc) => {
			const match = /^RFC (\d+) §([\d.]+)$/.exec(doc.spec);
			expect(match).not.toBeNull();
			expect(doc.url).toBe(rfcUrl(Number(match?.[1]), match?.[2] ?? ''));
		},
	);

	test.each(allDocs.filter(([, , doc]) => doc.spec.startsWith('OpenID Connect Core')))(
		'%s %s links into OpenID Connect Core',
		(_where, _key, doc) => {
			expect(doc.url.startsWith(`${oidcCore}#`)).toBe(true);
		},
	);
});
