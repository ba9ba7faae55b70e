// Reads an SD-JWT's key binding JWT as data (RFC 9901 §4.3, §7.3): typ, sd_hash, iat, aud, nonce and the cnf key; no signature here.

import { decodeToken, type DecodedToken } from '../decode';
import { collectInto, type Finding } from '../findings/core';
import { sdFindingInfo } from './messages';
import { quoteText, quoteValue } from '../findings/text';
import { getMember, toPlainValue, type JsonNode } from '../json';
import { digestText, type Digest, type SdHashAlgorithm } from './hash';

/** How long after its `iat` a KB-JWT still counts as fresh, by default: five minutes. */
export const DEFAULT_KB_MAX_AGE = 300;

/** What the key binding checks depend on besides the token. */
export interface KeyBindingOptions {
	/** Seconds since the epoch. */
	readonly now: number;
	/** Seconds of clock difference tolerated either way. */
	readonly clockSkew?: number;
	/** Oldest acceptable `iat`, in seconds before `now` (default DEFAULT_KB_MAX_AGE). */
	readonly maxAge?: number;
	/** The verifier's own identifier, which `aud` must equal, when known. */
	readonly expectedAudience?: string;
	/** The nonce the verifier sent, which `nonce` must equal, when known. */
	readonly expectedNonce?: string;
}

/** The holder's key as the credential's `cnf` names it (RFC 7800 §3). */
export type HolderKey =
	| { readonly kind: 'jwk'; readonly jwk: Readonly<Record<string, unknown>> }
	| { readonly kind: 'kid'; readonly kid: string }
	| { readonly kind: 'jkt'; readonly jkt: string }
	| { readonly kind: 'other'; readonly members: readonly string[] }
	| { readonly kind: 'none' };

/** Why a key binding fails, besides its signature (the crypto layer checks that). */
export type KeyBindingProblem = 'malformed' | 'typ' | 'claims' | 'sd-hash' | 'audience' | 'nonce' | 'no-cnf';

/** Everything about the key binding that needs no key. */
export interface KeyBindingReport {
	/** The SD-JWT ends with a KB-JWT (not with `~`). */
	readonly present: boolean;
	readonly holderKey: HolderKey;
	/** The KB-JWT, decoded as any JWS. */
	readonly decoded?: DecodedToken;
	/** `sd_hash` as computed over the presented SD-JWT, and as the KB-JWT says. */
	readonly sdHash?: { readonly expected?: string; readonly actual?: string };
	readonly iat?: number;
	readonly aud?: unknown;
	readonly nonce?: unknown;
	/** Each failed check with what a person reads; the status says "Invalid key binding" when any is here. */
	readonly problems: readonly { readonly problem: KeyBindingProblem; readonly detail: string }[];
	readonly findings: readonly Finding[];
}

/**
 * Checks the key binding of the SD-JWT in `decoded` without keys (RFC 9901 §7.3 step 5): the KB-JWT
 * decodes, its `typ` is `kb+jwt`, it has `iat`, `aud`, `nonce` and `sd_hash`, `sd_hash` is the
 * `_sd_alg` digest of exactly the presented SD-JWT up to and including its last `~`, `iat` is recent,
 * and `aud` and `nonce` are the expected ones when given. Also: a KB-JWT without `cnf` in the credential
 * (`sd-kb-no-cnf`), and a credential with `cnf` presented without one (`sd-kb-missing`).
 * Undefined when `decoded` is not an SD-JWT.
 */
export async function checkKeyBinding(
	decoded: DecodedToken,
	alg: SdHashAlgorithm | undefined,
	digest: Digest,
	options: KeyBindingOptions,
): Promise<KeyBindingReport | undefined> {
	const layout = decoded.sdJwt;
	if (!layout) return undefined;
	const findings: Finding[] = [];
	const add = collectInto(findings, sdFindingInfo);
	const payload = decoded.payload.mode === 'json' ? decoded.payload.root : undefined;
	const holderKey = readHolderKey(payload && getMember(payload, 'cnf'));
	if (!layout.hasKeyBinding) {
		if (holderKey.kind !== 'none')
			add(
				'sd-kb-missing',
				'The credential has a "cnf" key, so it is bound to a holder, but this presentation ends with "~" and has no key binding JWT: anyone who copied it can present it. A verifier that requires key binding rejects it.',
				{ part: 'payload', member: 'cnf' },
			);
		return { present: false, holderKey, problems: [], findings };
	}

	const problems: { problem: KeyBindingProblem; detail: string }[] = [];
	const fail = (
		problem: KeyBindingProblem,
		code: Parameters<typeof add>[0],
		detail: string,
		member?: string,
	) => {
		problems.push({ problem, detail });
		add(code, detail, member ? { part: 'key-binding', member } : { part: 'key-binding' });
	};
	if (holderKey.kind === 'none')
		fail(
			'no-cnf',
			'sd-kb-no-cnf',
			'The SD-JWT ends with a key binding JWT, but the credential has no "cnf" naming the holder\'s key, so nothing says which key must have signed it.',
		);

	const text = decoded.token.slice(layout.presentedEnd);
	const kb = decodeToken(text);
	const header = kb.header?.root;
	const kbPayload = kb.payload.mode === 'json' ? kb.payload.root : undefined;
	if (
		kb.kind !== 'jws' ||
		kb.errors.length > 0 ||
		header?.kind !== 'object' ||
		kbPayload?.kind !== 'object'
	) {
		const why =
			kb.errors[0]?.message ??
			(kb.kind !== 'jws' ? 'it is not a JWS of three parts' : 'its header or payload is not a JSON object');
		fail('malformed', 'sd-kb-malformed', `The key binding JWT after the last "~" cannot be read: ${why}.`);
		return { present: true, holderKey, decoded: kb, problems, findings };
	}

	const typ = getMember(header, 'typ');
	if (!(typ?.kind === 'string' && typ.value === 'kb+jwt'))
		fail(
			'typ',
			'sd-kb-typ',
			`The key binding JWT's "typ" is ${typ ? quoteValue(typ) : 'missing'}, not "kb+jwt", so it could be another JWT the holder signed, replayed here.`,
			'typ',
		);

	const member = (name: string) => getMember(kbPayload, name);
	const missing = ['iat', 'aud', 'nonce', 'sd_hash'].filter((name) => member(name) === undefined);
	if (missing.length > 0)
		fail(
			'claims',
			'sd-kb-claims',
			`The key binding JWT has no ${missing.map((m) => `"${m}"`).join(', ')}; RFC 9901 §4.3 requires iat, aud, nonce and sd_hash.`,
		);

	const sdHashNode = member('sd_hash');
	const actual = sdHashNode?.kind === 'string' ? sdHashNode.value : undefined;
	const expected = alg
		? await digestText(decoded.token.slice(0, layout.presentedEnd), alg, digest)
		: undefined;
	if (sdHashNode !== undefined && expected !== undefined && actual !== expected)
		fail(
			'sd-hash',
			'sd-hash-mismatch',
			`The key binding JWT's "sd_hash" is ${quoteValue(sdHashNode)}, but the ${alg!.name} digest of the presented SD-JWT (up to and including its last "~") is "${expected}": the disclosures were changed after the holder signed, or the KB-JWT belongs to another presentation.`,
			'sd_hash',
		);

	const iatNode = member('iat');
	const iat = iatNode?.kind === 'number' ? iatNode.value : undefined;
	checkIssuedAt(iatNode, options, add);

	const aud = member('aud');
	if (
		options.expectedAudience !== undefined &&
		aud !== undefined &&
		!audienceIncludes(aud, options.expectedAudience)
	)
		fail(
			'audience',
			'sd-kb-audience',
			`The key binding JWT's "aud" is ${quoteValue(aud)}, not the expected ${quoteText(options.expectedAudience)}: the presentation was made for another verifier.`,
			'aud',
		);
	const nonce = member('nonce');
	if (
		options.expectedNonce !== undefined &&
		nonce !== undefined &&
		!(nonce.kind === 'string' && nonce.value === options.expectedNonce)
	)
		fail(
			'nonce',
			'sd-kb-nonce',
			`The key binding JWT's "nonce" is ${quoteValue(nonce)}, not the expected ${quoteText(options.expectedNonce)}: it may be a replay of an earlier presentation.`,
			'nonce',
		);
	return {
		present: true,
		holderKey,
		decoded: kb,
		sdHash: { expected, actual },
		iat,
		aud: aud && toPlainValue(aud),
		nonce: nonce && toPlainValue(nonce),
		problems,
		findings,
	};
}

function checkIssuedAt(
	node: JsonNode | undefined,
	options: KeyBindingOptions,
	add: ReturnType<typeof collectInto>,
): void {
	if (node === undefined) return;
	const skew = options.clockSkew ?? 0;
	const maxAge = options.maxAge ?? DEFAULT_KB_MAX_AGE;
	const where = { part: 'key-binding' as const, member: 'iat' };
	if (node.kind !== 'number' || !Number.isFinite(node.value)) {
		add(
			'sd-kb-iat',
			`The key binding JWT's "iat" is ${quoteValue(node)}, not a NumericDate, so its freshness cannot be judged.`,
			where,
		);
		return;
	}
	const age = options.now - node.value;
	if (age < -skew)
		add(
			'sd-kb-iat',
			`The key binding JWT was issued ${describeSeconds(-age)} in the future (allowed clock skew ${skew} s): the holder's clock is wrong, or it was made ahead of use.`,
			where,
		);
	else if (age > maxAge + skew)
		add(
			'sd-kb-iat',
			`The key binding JWT was issued ${describeSeconds(age)} ago; a verifier accepts it only within a short window (here ${describeSeconds(maxAge)}) to limit replay.`,
			where,
		);
}

/** Reads `cnf` (RFC 7800 §3.1–3.4, RFC 9449 §6.1 for `jkt`). */
export function readHolderKey(cnf: JsonNode | undefined): HolderKey {
	if (cnf?.kind !== 'object') return { kind: 'none' };
	const jwk = getMember(cnf, 'jwk');
	if (jwk?.kind === 'object') return { kind: 'jwk', jwk: toPlainValue(jwk) as Record<string, unknown> };
	const kid = getMember(cnf, 'kid');
	if (kid?.kind === 'string') return { kind: 'kid', kid: kid.value };
	const jkt = getMember(cnf, 'jkt');
	if (jkt?.kind === 'string') return { kind: 'jkt', jkt: jkt.value };
	return { kind: 'other', members: cnf.entries.map((e) => e.key) };
}

function audienceIncludes(aud: JsonNode, expected: string): boolean {
	if (aud.kind === 'string') return aud.value === expected;
	return aud.kind === 'array' && aud.items.some((item) => item.kind === 'string' && item.value === expected);
}

function describeSeconds(seconds: number): string {
	const s = Math.round(seconds);
	if (s < 120) return `${s} s`;
	if (s < 7200) return `${Math.round(s / 60)} min`;
	if (s < 172_800) return `${Math.round(s / 3600)} h`;
	return `${Math.round(s / 86_400)} days`;
}
