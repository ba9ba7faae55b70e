// Which of the keys a person gave fits a token's `alg` and `kid`: one choice for verifying, signing and decrypting.

import { findJwsAlgorithm, jweKeyRequirements, jwsAlgorithms, type KeyRequirement } from '../jwt/algorithms';
import type { KeyCandidate, ParsedKey } from './keys';

/** What a key is chosen for: a JWS `alg` verifies or signs (RFC 7515 §5), a JWE `alg` decrypts (RFC 7516 §5.2). */
export type KeyOperation = 'verify' | 'sign' | 'decrypt';

/** Why one key cannot do `operation` with `alg`, as data (the words are in messages.ts). */
export type KeyMisfit =
	/** The key's type or curve is not one the `alg` takes (RFC 7518 §3, RFC 8037 §3.1). */
	| { readonly code: 'key-type'; readonly alg: string; readonly needs: readonly KeyRequirement[] }
	/** The `alg` takes this curve, but nothing on this page implements it (EdDSA with Ed448). */
	/** The JWK's `use` is for the other purpose (RFC 7517 §4.2). */
	| { readonly code: 'key-use'; readonly use: string; readonly expected: 'sig' | 'enc' }
	/** The JWK's `alg` names another algorithm (RFC 7517 §4.4). */
	| { readonly code: 'key-alg'; readonly keyAlg: string; readonly alg: string }
	/** The JWK's `key_ops` leave the operation out (RFC 7517 §4.3). */
	| { readonly code: 'key-ops'; readonly keyOps: readonly string[]; readonly operation: KeyOperation }
	/** Signing and decrypting need the private key. */
	| { readonly code: 'not-private'; readonly operation: KeyOperation };

/** One key considered, with every reason it does not fit (none when it fits). */
export interface KeyMatch {
	readonly key: KeyCandidate;
	readonly misfits: readonly KeyMisfit[];
}

/** What to choose a key for. */
export interface SelectOptions {
	/** The token's `kid`: in a JWK Set only keys with this `kid` are considered (RFC 7515 §4.1.4). */
	readonly kid?: string;
	/** A JWS `alg` for verify and sign, a JWE key-management `alg` for decrypt. */
	readonly alg: string;
	readonly operation: KeyOperation;
}

/** The outcome of choosing keys, as data. */
export type KeySelection =
	| { readonly code: 'no-key' }
	| { readonly code: 'key-unreadable' }
	| { readonly code: 'unknown-alg'; readonly alg: string }
	| { readonly code: 'kid-not-found'; readonly kid: string; readonly keys: readonly KeyCandidate[] }
	/** Keys were considered (`matches`, each with its misfits) and none fits. */
	| { readonly code: 'no-fitting-key'; readonly kid?: string; readonly matches: readonly KeyMatch[] }
	/** `keys` fit, in the order given; `matches` are all the keys considered. */
	| {
			readonly code: 'selected';
			readonly kid?: string;
			readonly keys: readonly KeyCandidate[];
			readonly matches: readonly KeyMatch[];
	  };

/**
 * Chooses the keys of `parsed` that can do `operation` with `alg`: in a JWK Set, those with the token's `kid`
 * (when it has one), then those whose type, curve, `use`, `alg`, `key_ops` and private part fit. A single key
 * or secret is considered whatever its `kid`.
 */
export function selectKeys(parsed: ParsedKey, options: SelectOptions): KeySelection {
	if (parsed.kind === 'empty') return { code: 'no-key' };
	if (parsed.kind === 'error') return { code: 'key-unreadable' };
	const { kid, alg, operation } = options;
	if (requirementsFor(alg, operation) === undefined) return { code: 'unknown-alg', alg };
	let keys = parsed.kind === 'secret' ? [parsed.key] : parsed.keys;
	if (parsed.kind === 'keys' && parsed.isSet && kid !== undefined) {
		const withKid = keys.filter((key) => key.kid === kid);
		if (withKid.length === 0) return { code: 'kid-not-found', kid, keys };
		keys = withKid;
	}
	const matches = keys.map((key) => ({ key, misfits: keyMisfits(key, alg, operation) }));
	const fitting = matches.filter((match) => match.misfits.length === 0).map((match) => match.key);
	if (fitting.length === 0) return { code: 'no-fitting-key', kid, matches };
	return { code: 'selected', kid, keys: fitting, matches };
}

/** The keys `alg` takes for `operation`, from the algorithm table; undefined for an `alg` it does not hold. */
function requirementsFor(alg: string, operation: KeyOperation): readonly KeyRequirement[] | undefined {
	if (operation === 'decrypt')
		return Object.hasOwn(jweKeyRequirements, alg) ? jweKeyRequirements[alg] : undefined;
	return findJwsAlgorithm(alg)?.keys;
}

/** Whether a key of this type and curve is one that `requirements` allow. */
export function fitsRequirements(
	info: KeyCandidate['info'],
	requirements: readonly KeyRequirement[],
): boolean {
	const crv = 'crv' in info ? info.crv : undefined;
	// An AKP key is for one algorithm (RFC 9964 §4): an ML-DSA-44 key does not fit ML-DSA-65.
	const keyAlg = info.kty === 'AKP' ? info.alg : undefined;
	return requirements.some(
		(requirement) =>
			requirement.kty === info.kty &&
			(requirement.crv === undefined || (crv !== undefined && requirement.crv.includes(crv))) &&
			(requirement.alg === undefined || requirement.alg === keyAlg),
	);
}

/**
 * Every reason `key` cannot do `operation` with `alg`, in the order a person should fix them; empty when it
 * fits (RFC 7517 §4.2–4.4, RFC 7518 §3). An `alg` the table does not hold fits no key.
 */
export function keyMisfits(key: KeyCandidate, alg: string, operation: KeyOperation): KeyMisfit[] {
	const requirements = requirementsFor(alg, operation) ?? [];
	const misfits: KeyMisfit[] = [];
	const info = key.info;
	// Every curve a row's keys name has an implementation (algorithms.ts), so a key that fits can be used.
	if (!fitsRequirements(info, requirements)) misfits.push({ code: 'key-type', alg, needs: requirements });
	const expected = operation === 'decrypt' ? 'enc' : 'sig';
	if (key.use !== undefined && key.use !== expected)
		misfits.push({ code: 'key-use', use: key.use, expected });
	if (key.alg !== undefined && key.alg !== alg) misfits.push({ code: 'key-alg', keyAlg: key.alg, alg });
	// RFC 7517 §4.3: a key that decrypts a JWE's content key either decrypts or unwraps it.
	const allowed = operation === 'decrypt' ? ['decrypt', 'unwrapKey'] : [operation];
	if (key.keyOps !== undefined && !allowed.some((op) => key.keyOps!.includes(op)))
		misfits.push({ code: 'key-ops', keyOps: key.keyOps, operation });
	if (operation !== 'verify' && !info.private) misfits.push({ code: 'not-private', operation });
	return misfits;
}

/**
 * The JWS `alg` a key is made for: its JWK `alg`, else the first row of the algorithm table the key fits and
 * this page can sign with; for a secret, the strongest HMAC its length allows (RFC 7518 §3.2). HS256 when none fits.
 */
export function suggestAlgorithm(key: KeyCandidate): string {
	if (key.alg !== undefined) return key.alg;
	const info = key.info;
	const fitting = Object.values(jwsAlgorithms).filter(
		(alg) => alg.keys.length > 0 && keyMisfits(key, alg.name, 'verify').length === 0,
	);
	if (info.kty === 'oct') {
		const strong = fitting.filter((alg) => alg.hashBytes <= info.bytes);
		return (strong.at(-1) ?? fitting[0])?.name ?? 'HS256';
	}
	return fitting[0]?.name ?? 'HS256';
}
