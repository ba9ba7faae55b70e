// Reads an SD-JWT's key binding JWT as data (RFC 9901 §4.3, §7.3): typ, sd_hash, iat, aud, nonce and the cnf key; no signature here.

import { decodeToken, type DecodedToken } from '../decode';
import { collectInto, type Finding } from '../findings/core';
import type { IssuedAtProblem, KeyBindingProblem } from './key-binding-problems';
import type { SdFindingCode } from '../messages';
import { sdFindingInfo } from './messages';
import { describeIssuedAtProblem, describeKeyBindingProblem, KB_MISSING_TEXT } from './key-binding-messages';
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
	/** Set when `iat` is not recent: a warning (`sd-kb-iat`), not a failure of the binding itself. */
	readonly iatProblem?: IssuedAtProblem;
	readonly aud?: unknown;
	readonly nonce?: unknown;
	/** Each failed check; the status says "Invalid key binding" when any is here. */
	readonly problems: readonly KeyBindingProblem[];
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
		if (holderKey.kind !== 'none') add('sd-kb-missing', KB_MISSING_TEXT, { part: 'payload', member: 'cnf' });
		return { present: false, holderKey, problems: [], findings };
	}

	const problems: KeyBindingProblem[] = [];
	const fail = (problem: KeyBindingProblem, member?: string) => {
		problems.push(problem);
		add(
			PROBLEM_CODES[problem.check],
			describeKeyBindingProblem(problem),
			member ? { part: 'key-binding', member } : { part: 'key-binding' },
		);
	};
	if (holderKey.kind === 'none') fail({ check: 'no-cnf' });

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
		fail({ check: 'malformed', shape: kb.kind !== 'jws' ? 'not-jws' : 'not-object', error: kb.errors[0] });
		return { present: true, holderKey, decoded: kb, problems, findings };
	}

	const typ = getMember(header, 'typ');
	if (!(typ?.kind === 'string' && typ.value === 'kb+jwt')) fail({ check: 'typ', typ }, 'typ');

	const member = (name: string) => getMember(kbPayload, name);
	const missing = ['iat', 'aud', 'nonce', 'sd_hash'].filter((name) => member(name) === undefined);
	if (missing.length > 0) fail({ check: 'claims', missing });

	const sdHashNode = member('sd_hash');
	const actual = sdHashNode?.kind === 'string' ? sdHashNode.value : undefined;
	const expected = alg
		? await digestText(decoded.token.slice(0, layout.presentedEnd), alg, digest)
		: undefined;
	if (sdHashNode !== undefined && expected !== undefined && actual !== expected)
		fail({ check: 'sd-hash', alg: alg!.name, expected, actual: sdHashNode }, 'sd_hash');

	const iatNode = member('iat');
	const iat = iatNode?.kind === 'number' ? iatNode.value : undefined;
	const iatProblem = iatNode && checkIssuedAt(iatNode, options);
	if (iatProblem)
		add('sd-kb-iat', describeIssuedAtProblem(iatProblem), { part: 'key-binding', member: 'iat' });

	const aud = member('aud');
	if (
		options.expectedAudience !== undefined &&
		aud !== undefined &&
		!audienceIncludes(aud, options.expectedAudience)
	)
		fail({ check: 'audience', aud, expected: options.expectedAudience }, 'aud');
	const nonce = member('nonce');
	if (
		options.expectedNonce !== undefined &&
		nonce !== undefined &&
		!(nonce.kind === 'string' && nonce.value === options.expectedNonce)
	)
		fail({ check: 'nonce', nonce, expected: options.expectedNonce }, 'nonce');
	return {
		present: true,
		holderKey,
		decoded: kb,
		sdHash: { expected, actual },
		iat,
		iatProblem,
		aud: aud && toPlainValue(aud),
		nonce: nonce && toPlainValue(nonce),
		problems,
		findings,
	};
}

/** The finding each failed check raises (ui-contract.md and messages.ts). */
const PROBLEM_CODES = Object.freeze({
	'no-cnf': 'sd-kb-no-cnf',
	malformed: 'sd-kb-malformed',
	typ: 'sd-kb-typ',
	claims: 'sd-kb-claims',
	'sd-hash': 'sd-hash-mismatch',
	audience: 'sd-kb-audience',
	nonce: 'sd-kb-nonce',
} as const satisfies Record<KeyBindingProblem['check'], SdFindingCode>);

function checkIssuedAt(node: JsonNode, options: KeyBindingOptions): IssuedAtProblem | undefined {
	const skew = options.clockSkew ?? 0;
	const maxAge = options.maxAge ?? DEFAULT_KB_MAX_AGE;
	if (node.kind !== 'number' || !Number.isFinite(node.value)) return { issue: 'not-number', iat: node };
	const age = options.now - node.value;
	if (age < -skew) return { issue: 'future', iat: node.value, age, maxAge, skew };
	if (age > maxAge + skew) return { issue: 'stale', iat: node.value, age, maxAge, skew };
	return undefined;
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
