// Checks between two tokens: a DPoP proof's `ath` and `cnf.jkt`, an ID token's `at_hash`, a KB-JWT and its SD-JWT, and the claims their profiles say must agree.

import { findJwsAlgorithm } from '../jwt/algorithms';
import { encodeBase64url } from '../encoding/base64url';
import { getMember, type JsonNode } from '../jwt/json';
import { findingInfo, type CoreFindingCode } from '../jwt/messages';
import { normalizeTyp, recognizeProfile, type ProfileId } from '../jwt/profiles';
import type { Finding } from '../jwt/findings/types';
import type { Binding, BindingKind, TokenSide } from './binding-types';
import { jwkThumbprint } from './thumbprint';

/** The RFC 7638 thumbprint, as `cnf.jkt` and DPoP name a key (every key type, AKP included: thumbprint.ts). */
export { jwkThumbprint };

export type { Binding, BindingKind, TokenSide } from './binding-types';

/** The hash of each `alg` for `at_hash` and `c_hash` (OpenID Connect Core §3.1.3.6): the one in its name. */
const EDDSA_HASH = 'SHA-512';
const EDDSA_NOTE =
	'OpenID Connect Core names no hash for EdDSA; implementations use SHA-512, the hash inside Ed25519, and so does this check.';

/** base64url(SHA-256(ASCII(text))): a DPoP proof's `ath` over an access token (RFC 9449 §4.2). */
export async function sha256Base64url(
	text: string,
	subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<string> {
	const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text) as BufferSource);
	return encodeBase64url(new Uint8Array(digest));
}

/**
 * The `at_hash` an ID token signed with `alg` should carry for `accessToken`: base64url of the left
 * half of the hash of `alg`'s size (OpenID Connect Core §3.1.3.6). RS256, ES256, PS256 use SHA-256,
 * *384 SHA-384, *512 SHA-512; EdDSA SHA-512 (see the note). Undefined for an unknown `alg` or `none`.
 */
export async function expectedAtHash(
	accessToken: string,
	alg: string,
	subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<{ value: string; hash: string; note?: string } | undefined> {
	const algorithm = findJwsAlgorithm(alg);
	if (!algorithm || algorithm.family === 'none') return undefined;
	const eddsa = algorithm.family === 'eddsa';
	const hash = eddsa ? EDDSA_HASH : `SHA-${algorithm.hashBytes * 8}`;
	const digest = new Uint8Array(
		await subtle.digest(hash, new TextEncoder().encode(accessToken) as BufferSource),
	);
	return {
		value: encodeBase64url(digest.slice(0, digest.length / 2)),
		hash,
		note: eddsa ? EDDSA_NOTE : undefined,
	};
}

interface Side extends TokenSide {
	readonly profile?: ProfileId;
	readonly header?: JsonNode;
	readonly payload?: JsonNode;
}

function describeSide(side: TokenSide): Side {
	const header = side.decoded?.header?.root;
	const payload = side.decoded?.payload.mode === 'json' ? side.decoded.payload.root : undefined;
	if (!side.decoded || side.decoded.kind === 'malformed') return { ...side };
	return { ...side, header, payload, profile: recognizeProfile(header, payload).profile.id };
}

/**
 * Tokens that can stand for the access token beside a proof or an ID token: anything that is not itself a
 * proof, ID, logout or key binding token, nor an SD-JWT (a credential is presented with a KB-JWT, not as an
 * access token).
 */
function canBeAccessToken(side: Side): boolean {
	return (
		side.profile !== 'dpop-proof' &&
		side.profile !== 'id-token' &&
		side.profile !== 'logout-token' &&
		side.profile !== 'kb-jwt' &&
		!isSdJwt(side)
	);
}

/**
 * An SD-JWT: an issuer JWT that decodes, then disclosures, ending with `~` or with a KB-JWT (RFC 9901 §4).
 * An opaque access token may hold a `~` too (RFC 9449 Figure 6 does): its first part is no JWT header.
 */
function isSdJwt(side: Side): boolean {
	return side.decoded?.kind === 'jws' && side.decoded.sdJwt !== undefined && side.header?.kind === 'object';
}

/** A KB-JWT on its own (no `~`): its `typ` is `kb+jwt`, or it has `sd_hash` (RFC 9901 §4.3). */
function isKeyBindingJwt(side: Side): boolean {
	if (side.decoded?.kind !== 'jws' || side.decoded.sdJwt !== undefined) return false;
	const typ = side.header && getMember(side.header, 'typ');
	if (typ?.kind === 'string' && normalizeTyp(typ.value) === 'kb+jwt') return true;
	return side.payload !== undefined && getMember(side.payload, 'sd_hash') !== undefined;
}

/**
 * Compares two tokens wherever their profiles relate them, in either order: a DPoP proof's `ath`
 * with the SHA-256 of the access token, the access token's `cnf.jkt` with the RFC 7638 thumbprint
 * of the proof's `jwk` (RFC 9449 §4.2, §6.1; a `cnf.jwk` compared the same way), an ID token's
 * `at_hash` with the access token (OpenID Connect Core §3.1.3.6), a KB-JWT's `sd_hash` and signature
 * with the SD-JWT it presents and that credential's `cnf` key (RFC 9901 §4.3, §7.3; the SD-JWT code
 * loads only for such a pair), and `iss`, `sub`, `aud`/`client_id` and `sid` where the profiles say
 * they agree. Never throws; tokens with nothing to compare give no lines.
 */
export async function checkBindings(
	first: TokenSide,
	second: TokenSide,
	subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<Binding[]> {
	const a = describeSide(first);
	const b = describeSide(second);
	const bindings: Binding[] = [];
	for (const [x, y] of [
		[a, b],
		[b, a],
	] as const) {
		if (x.profile === 'dpop-proof' && canBeAccessToken(y)) bindings.push(...(await bindProof(x, y, subtle)));
		if (x.profile === 'id-token' && canBeAccessToken(y)) bindings.push(...(await bindIdToken(x, y, subtle)));
		if (x.profile === 'logout-token' && y.profile === 'id-token') bindings.push(...bindLogout(x, y));
		if (isSdJwt(x) && isKeyBindingJwt(y)) {
			const { bindKeyBindingJwt } = await import('./sd-jwt-pair');
			bindings.push(...(await bindKeyBindingJwt(x.decoded!, y.text.trim(), subtle)));
		}
	}
	return bindings;
}

async function bindProof(proof: Side, token: Side, subtle: SubtleCrypto): Promise<Binding[]> {
	const bindings: Binding[] = [];
	const ath = proof.payload && getMember(proof.payload, 'ath');
	const accessToken = token.text.trim();
	if (ath !== undefined && accessToken !== '') {
		const expected = await sha256Base64url(accessToken, subtle);
		const actual = ath.kind === 'string' ? ath.value : JSON.stringify(ath);
		bindings.push({
			kind: 'dpop-ath',
			holds: actual === expected,
			level: 'must',
			compared: 'the proof\'s "ath" and the SHA-256 of the access token',
			expected,
			actual,
			code: 'dpop-ath-mismatch',
			spec: 'RFC 9449 §4.2',
			url: findingInfo['dpop-ath-mismatch'].url,
		});
	}
	const cnf = token.payload && getMember(token.payload, 'cnf');
	const jkt = cnf?.kind === 'object' ? getMember(cnf, 'jkt') : undefined;
	const jwk = proof.header && getMember(proof.header, 'jwk');
	const thumbprint = jwk?.kind === 'object' ? await jwkThumbprint(plainStrings(jwk), subtle) : undefined;
	const cnfJwk = cnf?.kind === 'object' ? getMember(cnf, 'jwk') : undefined;
	if (jkt === undefined && cnfJwk !== undefined) {
		// RFC 7800 §3.2 names the key itself; RFC 9449 §6.1 binds JWT access tokens by "jkt", so a server
		// that follows it looks for "jkt": the same key is what a person would expect, not what DPoP checks.
		const named = cnfJwk.kind === 'object' ? await jwkThumbprint(plainStrings(cnfJwk), subtle) : undefined;
		bindings.push({
			kind: 'dpop-cnf-jwk',
			holds: named !== undefined && named === thumbprint,
			level: 'expected',
			compared: 'the RFC 7638 thumbprints of the access token\'s "cnf.jwk" and of the proof\'s "jwk"',
			expected: thumbprint ?? 'no thumbprint: the proof\'s "jwk" is missing or incomplete',
			actual: named ?? 'no thumbprint: "cnf.jwk" is not a complete public key',
			spec: 'RFC 7800 §3.2, RFC 9449 §6.1',
			url: 'https://www.rfc-editor.org/rfc/rfc9449#section-6.1',
			note: 'RFC 9449 binds a JWT access token to the proof key by "cnf.jkt"; a resource server that follows it finds no "jkt" here.',
		});
	}
	if (jkt !== undefined) {
		const actual = jkt.kind === 'string' ? jkt.value : JSON.stringify(jkt);
		bindings.push({
			kind: 'dpop-jkt',
			holds: thumbprint !== undefined && actual === thumbprint,
			level: 'must',
			compared: 'the access token\'s "cnf.jkt" and the RFC 7638 thumbprint of the proof\'s "jwk"',
			expected: thumbprint ?? 'no thumbprint: the proof\'s "jwk" is missing or incomplete',
			actual,
			code: 'dpop-jkt-mismatch',
			spec: 'RFC 9449 §6.1, RFC 7638',
			url: findingInfo['dpop-jkt-mismatch'].url,
		});
	}
	return bindings;
}

async function bindIdToken(idToken: Side, token: Side, subtle: SubtleCrypto): Promise<Binding[]> {
	const bindings: Binding[] = [];
	const atHash = idToken.payload && getMember(idToken.payload, 'at_hash');
	const algNode = idToken.header && getMember(idToken.header, 'alg');
	const accessToken = token.text.trim();
	if (atHash !== undefined && algNode?.kind === 'string' && accessToken !== '') {
		const expected = await expectedAtHash(accessToken, algNode.value, subtle);
		const actual = atHash.kind === 'string' ? atHash.value : JSON.stringify(atHash);
		bindings.push({
			kind: 'at-hash',
			holds: expected !== undefined && actual === expected.value,
			level: 'must',
			compared: `the ID token's "at_hash" and the left half of the ${expected?.hash ?? 'hash'} of the access token (its "alg" is ${algNode.value})`,
			expected: expected?.value ?? `no hash: "${algNode.value}" names none`,
			actual,
			code: 'at-hash-mismatch',
			spec: 'OpenID Connect Core §3.1.3.6',
			url: findingInfo['at-hash-mismatch'].url,
			note: expected?.note,
		});
	}
	if (token.payload?.kind === 'object') {
		const same = agree(
			'same-iss',
			'iss',
			idToken,
			token,
			'expected',
			'the two tokens\' "iss" (the same provider issued both)',
			'RFC 9068 §2.2, OpenID Connect Core §2',
		);
		if (same) bindings.push(same);
		const sub = agree(
			'same-sub',
			'sub',
			idToken,
			token,
			'expected',
			'the two tokens\' "sub" (the same user)',
			'RFC 9068 §2.2.2, OpenID Connect Core §2',
		);
		if (sub) bindings.push(sub);
		const clientId = stringClaim(token.payload, 'client_id');
		if (clientId !== undefined && idToken.payload) {
			const audiences = audienceList(idToken.payload);
			const azp = stringClaim(idToken.payload, 'azp');
			bindings.push({
				kind: 'client-audience',
				holds: audiences.includes(clientId) || azp === clientId,
				level: 'expected',
				compared:
					'the access token\'s "client_id" and the ID token\'s "aud" or "azp" (the client both were issued to)',
				expected: clientId,
				actual: [...audiences, ...(azp !== undefined ? [`azp ${azp}`] : [])].join(', ') || 'none',
				spec: 'OpenID Connect Core §2, RFC 9068 §2.2',
				url: 'https://openid.net/specs/openid-connect-core-1_0.html#IDToken',
			});
		}
	}
	return bindings;
}

/** OpenID Connect Back-Channel Logout 1.0 §2.6: the logout token is checked like an ID token from the same provider, for the same client and session. */
function bindLogout(logout: Side, idToken: Side): Binding[] {
	const bindings: Binding[] = [];
	const spec = 'OpenID Connect Back-Channel Logout 1.0 §2.6';
	const url = 'https://openid.net/specs/openid-connect-backchannel-1_0.html#Validation';
	const iss = agree(
		'same-iss',
		'iss',
		logout,
		idToken,
		'must',
		'the two tokens\' "iss" (the provider that logged the user in)',
		spec,
	);
	if (iss) bindings.push(iss);
	if (logout.payload && idToken.payload) {
		const logoutAud = audienceList(logout.payload);
		const idAud = audienceList(idToken.payload);
		if (logoutAud.length > 0 && idAud.length > 0)
			bindings.push({
				kind: 'logout-audience',
				holds: idAud.some((a) => logoutAud.includes(a)),
				level: 'must',
				compared: 'the logout token\'s "aud" and the ID token\'s "aud" (the same client)',
				expected: idAud.join(', '),
				actual: logoutAud.join(', '),
				spec,
				url,
			});
		for (const claim of ['sid', 'sub'] as const) {
			const mine = stringClaim(logout.payload, claim);
			const theirs = stringClaim(idToken.payload, claim);
			if (mine === undefined || theirs === undefined) continue;
			bindings.push({
				kind: claim === 'sid' ? 'logout-session' : 'same-sub',
				holds: mine === theirs,
				level: 'must',
				compared: `the two tokens' "${claim}" (the ${claim === 'sid' ? 'session' : 'user'} to log out)`,
				expected: theirs,
				actual: mine,
				spec,
				url,
			});
		}
	}
	return bindings;
}

function agree(
	kind: BindingKind,
	claim: string,
	x: Side,
	y: Side,
	level: Binding['level'],
	compared: string,
	spec: string,
): Binding | undefined {
	const mine = x.payload && stringClaim(x.payload, claim);
	const theirs = y.payload && stringClaim(y.payload, claim);
	if (mine === undefined || theirs === undefined) return undefined;
	return {
		kind,
		holds: mine === theirs,
		level,
		compared,
		expected: theirs,
		actual: mine,
		spec,
		url:
			level === 'must'
				? 'https://openid.net/specs/openid-connect-backchannel-1_0.html#Validation'
				: 'https://www.rfc-editor.org/rfc/rfc9068#section-2.2',
	};
}

function stringClaim(payload: JsonNode, name: string): string | undefined {
	const node = getMember(payload, name);
	return node?.kind === 'string' ? node.value : undefined;
}

/** `aud` as a list of strings, whether it is one string or an array (RFC 7519 §4.1.3). */
function audienceList(payload: JsonNode): string[] {
	const aud = getMember(payload, 'aud');
	if (aud?.kind === 'string') return [aud.value];
	if (aud?.kind === 'array') return aud.items.flatMap((i) => (i.kind === 'string' ? [i.value] : []));
	return [];
}

/** An object's string members, which is all a thumbprint reads. */
function plainStrings(node: JsonNode): Record<string, string> {
	const out: Record<string, string> = {};
	if (node.kind !== 'object') return out;
	for (const entry of node.entries) if (entry.value.kind === 'string') out[entry.key] = entry.value.value;
	return out;
}

/** The findings of the bindings that do not hold and have a code, in the shape of every other finding. */
export function listBindingFindings(bindings: readonly Binding[]): Finding[] {
	return bindings.flatMap((binding): Finding[] => {
		if (binding.holds || !binding.code) return [];
		const info = binding.info ?? findingInfo[binding.code as CoreFindingCode];
		if (!info) return [];
		return [
			{
				code: binding.code,
				severity: info.severity,
				title: info.title,
				detail: `${capitalize(binding.compared)} differ: the token says ${JSON.stringify(binding.actual)}, the other token gives ${JSON.stringify(binding.expected)}.${binding.note ? ` ${binding.note}` : ''}`,
				spec: info.spec,
				url: info.url,
				part: 'payload',
			},
		];
	});
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
