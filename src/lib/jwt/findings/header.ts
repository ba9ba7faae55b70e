// Findings about header parameters that bring or point to keys (jwk, jku, x5u, x5c, kid) or change processing (crit, b64).

import type { AddFinding } from './types';
import { describeKind, joinPhrases, quoteText } from './text';
import { getMember, type JsonNode } from '../json';
import type { TokenKind } from '../segments';

/**
 * Header parameters defined by JWS, JWE and JWA themselves (RFC 7515 §4.1, RFC 7516 §4.1, RFC 7518
 * §4.6.1, §4.7.1, §4.8.1). RFC 7515 §4.1.11 forbids listing them in `crit`.
 */
const STANDARD_PARAMETERS: ReadonlySet<string> = new Set([
	'alg',
	'jku',
	'jwk',
	'kid',
	'x5u',
	'x5c',
	'x5t',
	'x5t#S256',
	'typ',
	'cty',
	'crit',
	'enc',
	'zip',
	'epk',
	'apu',
	'apv',
	'iv',
	'tag',
	'p2s',
	'p2c',
]);

/** Extensions this debugger understands when listed in `crit`: only RFC 7797's `b64`. */
const UNDERSTOOD_EXTENSIONS: ReadonlySet<string> = new Set(['b64']);

/**
 * What makes a `kid` dangerous to pass to a file path, query or command (RFC 8725 §3.10), each with
 * the phrase a detail uses. A `kid` of only letters, digits and `_-.@:+=~` is never tested: such a
 * value cannot carry any of these, and base64url thumbprints may contain `--`.
 */
const KID_PATTERNS: readonly (readonly [string, RegExp])[] = Object.freeze([
	['path traversal', /\.\.[\\/]|%2e%2e(?:%2f|%5c|[\\/])/i],
	['an absolute file path', /^(?:\/[^/\s]|[a-z]:[\\/]|\\\\)/i],
	['a URL', /[a-z][a-z0-9+.-]*:\/\//i],
	['SQL syntax', /['"]|--(?:\s|$)|\/\*|;|\s(?:or|union)\s/i],
	['shell syntax', /[|`]|\$\(|&&|;/],
	['a NUL or control character', /[\u0000-\u001f\u007f]/],
] as const);
const PLAIN_KID = /^[A-Za-z0-9_\-.@:+=~]*$/;

/** How many `crit` entries are examined, so a huge list cannot make a huge detail. */
const CRIT_CHECKED = 20;

/**
 * Checks a header object for `jwk`, `jku`, `x5u`, `x5c`, a suspicious `kid`, `crit` and (outside a
 * JWE) `b64: false`. Raises `embedded-jwk`, `remote-key-url`, `x5c-header`, `kid-injection`,
 * `crit-header` and `b64-false` (RFC 7515 §4.1, RFC 7797, RFC 8725 §3.10).
 */
export function checkHeaderParameters(header: JsonNode, kind: TokenKind, add: AddFinding): void {
	checkEmbeddedKey(header, kind, add);
	for (const name of ['jku', 'x5u'] as const) checkKeyUrl(header, name, add);
	checkCertificateChain(header, add);
	checkKid(header, add);
	checkCrit(header, add);
	// b64 is a JWS parameter (RFC 7797 §3); a two-part token is a JWS missing its signature.
	if (kind !== 'jwe') checkUnencodedPayload(header, add);
}

function checkEmbeddedKey(header: JsonNode, kind: TokenKind, add: AddFinding): void {
	const jwk = getMember(header, 'jwk');
	if (jwk === undefined) return;
	const kty = getMember(jwk, 'kty');
	const what =
		jwk.kind !== 'object'
			? `a "jwk" that is ${describeKind(jwk.kind)}, not a key`
			: `its own key ("jwk"${kty?.kind === 'string' ? `, kty ${quoteText(kty.value)}` : ''})`;
	const risk =
		kind === 'jwe'
			? 'It may only help pick one of your own keys; never decrypt or trust anything because of a key the token brings.'
			: 'A verifier that takes the key from the token lets whoever made the token choose the key, so any forged token verifies (CVE-2018-0114). Verify only with keys you already trust.';
	const privatePart =
		jwk.kind === 'object' && getMember(jwk, 'd') !== undefined
			? ' It even includes a private part ("d"), so anyone holding the token can sign with that key.'
			: '';
	add('embedded-jwk', `The header carries ${what}. ${risk}${privatePart}`, { part: 'header', member: 'jwk' });
}

function checkKeyUrl(header: JsonNode, name: 'jku' | 'x5u', add: AddFinding): void {
	const node = getMember(header, name);
	if (node === undefined) return;
	const what = name === 'jku' ? 'a JWK Set' : 'an X.509 certificate';
	const target =
		node.kind === 'string'
			? `points to ${what} at ${quoteText(node.value)}`
			: `is ${describeKind(node.kind)}, not a URL`;
	// RFC 7515 §4.1.2 and §4.1.5 require TLS with server identity checks for these URLs.
	const plain =
		node.kind === 'string' && !/^https:\/\//i.test(node.value)
			? ' It is not an https URL, so whatever it serves could be changed on the way.'
			: '';
	add(
		'remote-key-url',
		`The header's "${name}" ${target}. A verifier that fetches keys from a URL in the token lets its sender choose the key, and can be made to request internal addresses (server-side request forgery). Accept only URLs from your own allow-list.${plain} This page never fetches it.`,
		{ part: 'header', member: name },
	);
}

function checkCertificateChain(header: JsonNode, add: AddFinding): void {
	const node = getMember(header, 'x5c');
	if (node === undefined) return;
	const count = node.kind === 'array' ? node.items.length : 0;
	const what =
		node.kind === 'array'
			? `a certificate chain ("x5c", ${count} certificate${count === 1 ? '' : 's'})`
			: `an "x5c" that is ${describeKind(node.kind)}, not a list of certificates`;
	add(
		'x5c-header',
		`The header carries ${what}. It proves nothing by itself: anyone can put a self-signed certificate there. Trust it only after validating the chain up to a root you chose (RFC 7515 §4.1.6).`,
		{ part: 'header', member: 'x5c' },
	);
}

function checkKid(header: JsonNode, add: AddFinding): void {
	const kid = getMember(header, 'kid');
	if (kid === undefined) return;
	if (kid.kind === 'object' || kid.kind === 'array') {
		// A document database may read {"$ne": null} as an operator rather than a key ID.
		add(
			'kid-injection',
			`"kid" is ${describeKind(kid.kind)}, not a string (RFC 7515 §4.1.4). Passed to a database query, a structure can act as an operator (NoSQL injection) and match a key the sender did not name.`,
			{ part: 'header', member: 'kid' },
		);
		return;
	}
	if (kid.kind !== 'string' || PLAIN_KID.test(kid.value)) return;
	const matched = KID_PATTERNS.filter(([, pattern]) => pattern.test(kid.value)).map(([phrase]) => phrase);
	if (matched.length === 0) return;
	add(
		'kid-injection',
		`"kid" is ${quoteText(kid.value)}, which contains ${joinPhrases(matched)}. A server that builds a file path, query or command from "kid" can be made to use a key the attacker knows, such as an empty file (RFC 8725 §3.10). Look keys up by exact match in a fixed set.`,
		{ part: 'header', member: 'kid' },
	);
}

function checkCrit(header: JsonNode, add: AddFinding): void {
	const crit = getMember(header, 'crit');
	if (crit === undefined) return;
	const problems: string[] = [];
	const names: string[] = [];
	if (crit.kind !== 'array') {
		problems.push(`it is ${describeKind(crit.kind)}, not a list of parameter names`);
	} else if (crit.items.length === 0) {
		problems.push('the list is empty, which is not allowed');
	} else {
		if (crit.items.length > CRIT_CHECKED)
			problems.push(`it lists ${crit.items.length} names; only the first ${CRIT_CHECKED} are checked here`);
		for (const item of crit.items.slice(0, CRIT_CHECKED)) {
			if (item.kind !== 'string') {
				problems.push(`it lists ${describeKind(item.kind)}, not a parameter name`);
				continue;
			}
			const name = quoteText(item.value);
			if (names.includes(item.value)) problems.push(`it lists ${name} twice`);
			names.push(item.value);
			if (STANDARD_PARAMETERS.has(item.value))
				problems.push(`${name} is a standard parameter, which must not be listed`);
			else if (getMember(header, item.value) === undefined)
				problems.push(`${name} is listed but absent from the header`);
			else if (!UNDERSTOOD_EXTENSIONS.has(item.value))
				problems.push(
					`${name} is an extension this page does not support, and a recipient that does not understand it must reject the token`,
				);
		}
	}
	const listed =
		names.length > 0
			? `marks ${joinPhrases([...new Set(names)].map((n) => quoteText(n)))} as critical ("crit")`
			: 'has a "crit" parameter';
	const verdict =
		problems.length > 0
			? ` But ${problems.join('; ')} (RFC 7515 §4.1.11).`
			: ' Every listed extension is one this page understands.';
	add(
		'crit-header',
		`The header ${listed}: a recipient must understand and process each listed parameter, or reject the token.${verdict}`,
		{ part: 'header', member: 'crit' },
	);
}

function checkUnencodedPayload(header: JsonNode, add: AddFinding): void {
	const b64 = getMember(header, 'b64');
	if (b64?.kind !== 'boolean' || b64.value) return;
	const crit = getMember(header, 'crit');
	const listed = crit?.kind === 'array' && crit.items.some((i) => i.kind === 'string' && i.value === 'b64');
	const unlisted = listed
		? ''
		: ' "crit" does not list "b64", as RFC 7797 §6 requires, so a recipient that does not know b64 will not even reject the token.';
	add(
		'b64-false',
		`The header has "b64": false (RFC 7797): the payload is signed as raw bytes, not as its base64url encoding. A verifier that ignores "b64" checks the signature over a different input than the signer used, so two libraries can disagree about the same token.${unlisted}`,
		{ part: 'header', member: 'b64' },
	);
}
