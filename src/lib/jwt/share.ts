// Sharing a token safely: the header and payload without the signature, chosen claims redacted, and a warning when the token still works.

import type { DecodedToken, JsonPart } from './decode';
import { encodeBase64urlText } from '../encoding/base64url';
import { buildShareUrl } from './fragment';
import { PRIVATE_JWK_MEMBERS } from './findings/profile-checks';
import { formatRelative, isExpired } from './claims';
import { getMember, type JsonNode } from './json';
import { DPOP_IAT_WINDOW, recognizeProfile } from './profiles';

/** The value a redacted claim gets, so the shared view says plainly that something was there. */
export const REDACTED = '[redacted]';

/** A part's JSON with chosen members replaced by {@link REDACTED}. */
export interface RedactedPart {
	readonly text: string;
	/** The JSON Pointers (below the part) that were replaced, in the order given. */
	readonly redacted: readonly string[];
}

/** Reads a JSON Pointer reference token: `~1` is `/`, `~0` is `~` (RFC 6901 §4). */
function unescapePointer(token: string): string {
	return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The node at a JSON Pointer below `root` (RFC 6901), or undefined. */
export function resolvePointer(root: JsonNode, pointer: string): JsonNode | undefined {
	if (pointer === '') return root;
	if (!pointer.startsWith('/')) return undefined;
	let node: JsonNode | undefined = root;
	for (const token of pointer.slice(1).split('/').map(unescapePointer)) {
		if (node?.kind === 'object') node = getMember(node, token);
		else if (node?.kind === 'array' && /^(?:0|[1-9][0-9]*)$/.test(token)) node = node.items[Number(token)];
		else return undefined;
	}
	return node;
}

/**
 * The part's JSON text with each member at `pointers` (RFC 6901, below the part: `/email`) replaced
 * by `"[redacted]"`, everything else exactly as written. Pointers that name nothing are skipped; a
 * member inside one already redacted needs nothing more.
 */
export function redactJson(part: JsonPart, pointers: readonly string[]): RedactedPart {
	const root = part.root;
	if (!root) return { text: part.text, redacted: [] };
	const found = pointers
		.map((pointer) => ({ pointer, node: pointer === '' ? undefined : resolvePointer(root, pointer) }))
		.filter((f): f is { pointer: string; node: JsonNode } => f.node !== undefined);
	// Outermost spans first, so nested ones can be dropped; then replace from the end so offsets hold.
	const spans = [...found].sort((a, b) => a.node.start - b.node.start || b.node.end - a.node.end);
	const kept: { start: number; end: number }[] = [];
	for (const { node } of spans) {
		const last = kept.at(-1);
		if (last && node.start >= last.start && node.end <= last.end) continue;
		kept.push({ start: node.start, end: node.end });
	}
	let text = part.text;
	for (const span of kept.reverse())
		text = text.slice(0, span.start) + JSON.stringify(REDACTED) + text.slice(span.end);
	return { text, redacted: found.map((f) => f.pointer) };
}

/** The header's `jwk` members that hold private or secret key material, as pointers below the header: always redacted when sharing. */
export function privateKeyPointers(header: JsonNode | undefined): string[] {
	const jwk = header && getMember(header, 'jwk');
	if (jwk?.kind !== 'object') return [];
	return PRIVATE_JWK_MEMBERS.filter((name) => getMember(jwk, name) !== undefined).map(
		(name) => `/jwk/${name}`,
	);
}

/** What to redact before sharing: JSON Pointers below `/header` or `/payload` (`/payload/email`). */
export type RedactionChoice = readonly string[];

/** A token's header and payload as they will be shared, redactions applied. */
export interface SharedParts {
	readonly header: RedactedPart;
	readonly payload: RedactedPart;
	/** `header.payload.`: the shared token, with an empty signature. */
	readonly unsignedToken: string;
}

/**
 * The header and payload to share, with the chosen members redacted and any private key material in
 * the header's `jwk` always redacted; the signature is dropped. Undefined for a token that is not a
 * JWS with a readable header and JSON payload (a JWE, or one that does not decode).
 */
export function shareParts(decoded: DecodedToken, redact: RedactionChoice = []): SharedParts | undefined {
	if (decoded.kind !== 'jws' && decoded.kind !== 'unsecured-fragment') return undefined;
	const header = decoded.header;
	const payload = decoded.payload;
	if (!header?.root || payload.mode !== 'json') return undefined;
	const below = (prefix: string) =>
		redact.filter((p) => p.startsWith(`${prefix}/`)).map((p) => p.slice(prefix.length));
	const sharedHeader = redactJson(header, [...below('/header'), ...privateKeyPointers(header.root)]);
	const sharedPayload = redactJson(payload, below('/payload'));
	return {
		header: sharedHeader,
		payload: sharedPayload,
		unsignedToken: `${encodeBase64urlText(sharedHeader.text)}.${encodeBase64urlText(sharedPayload.text)}.`,
	};
}

/**
 * What `Share without signature` copies: this page's URL ending in `#token=<header>.<payload>.`,
 * with redactions applied (ui-contract.md). It never holds the signature, and no key or secret is
 * ever an input to it. Undefined when {@link shareParts} is.
 */
export function buildUnsignedShareUrl(
	pageUrl: string,
	decoded: DecodedToken,
	redact: RedactionChoice = [],
): string | undefined {
	const parts = shareParts(decoded, redact);
	return parts && buildShareUrl(pageUrl, parts.unsignedToken);
}

/** Whether sharing the token as it is hands over something that works (RFC 6750 §5.3: bearer tokens are credentials). */
export type ShareRisk =
	| {
			readonly live: true;
			/** A short note the page shows beside `Share link` before it is clicked. */
			readonly text: string;
			readonly expiresIn?: number;
	  }
	| { readonly live: false; readonly reason: 'expired' | 'unsigned' | 'not-a-jws' | 'stale-proof' };

/** What the note beside `Share link` ends with: the two ways to share without handing the token over. */
const INSTEAD = 'Share without signature, or redact.';

/**
 * Says whether the token, shared as it is with `Share link`, would still work at `now`: a signed JWS
 * that has not expired (or never expires). A working bearer token is a credential; the page says so
 * beside `Share link` before it is clicked (issue 18), while the button copies at once, as ui-contract.md
 * says it does.
 */
export function describeShareRisk(decoded: DecodedToken, now: number, clockSkew = 0): ShareRisk {
	if (decoded.kind !== 'jws') return { live: false, reason: 'not-a-jws' };
	const signature = decoded.parts.find((p) => p.name === 'signature');
	const alg = decoded.header?.root && getMember(decoded.header.root, 'alg');
	if (!signature?.text || (alg?.kind === 'string' && alg.value.toLowerCase() === 'none'))
		return { live: false, reason: 'unsigned' };
	const payload = decoded.payload.mode === 'json' ? decoded.payload.root : undefined;
	if (recognizeProfile(decoded.header?.root, payload).profile.id === 'dpop-proof') {
		// A proof works only within the server's window after its iat, for one method and URL (RFC 9449 §4.3).
		const iat = payload && getMember(payload, 'iat');
		const age = iat?.kind === 'number' ? now - iat.value : Infinity;
		if (Math.abs(age) > DPOP_IAT_WINDOW + clockSkew) return { live: false, reason: 'stale-proof' };
		return {
			live: true,
			expiresIn: DPOP_IAT_WINDOW + clockSkew - age,
			text: `This DPoP proof is still fresh: a server may accept it for a few more minutes, with the access token bound to its key. ${INSTEAD}`,
		};
	}
	const exp = payload && getMember(payload, 'exp');
	if (exp?.kind !== 'number')
		return {
			live: true,
			text: `This token is still valid and has no "exp": a link to it hands over a working credential. ${INSTEAD}`,
		};
	if (isExpired(exp.value, now, clockSkew)) return { live: false, reason: 'expired' };
	return {
		live: true,
		expiresIn: exp.value - now,
		text: `This token is still valid (it expires ${formatRelative(exp.value - now)}): a link to it hands over a working credential. ${INSTEAD}`,
	};
}
