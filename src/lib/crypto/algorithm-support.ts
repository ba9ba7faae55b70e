// The page's list of JWS algorithms: for each, the keys it takes, whether it verifies, signs and generates keys, and
// what computes it (issue 15: "a page section lists every algorithm, and for each: verify, sign, generate").

import { jwsAlgorithms, type Implementation, type KeyRequirement } from '../jwt/algorithms';
import { keyKinds } from './keygen';
import { describeRequirements } from './messages';

/** One row of the list. */
export interface AlgorithmSupport {
	readonly alg: string;
	/** "an EC secp256k1 key", "an ML-DSA-65 key", "a shared HMAC secret". */
	readonly keys: string;
	readonly verify: boolean;
	readonly sign: boolean;
	/** `Generate a key` makes keys for it. */
	readonly generate: boolean;
	/** "By WebCrypto" (the browser's own), "By this page's @noble/curves …", or both with when. */
	readonly computedBy: string;
	readonly spec: string;
	readonly url: string;
}

/** What computes each provider module's algorithm (src/lib/crypto/providers/raw/load.ts decides at run time). */
const PROVIDERS: Readonly<Record<string, string>> = Object.freeze({
	secp256k1: "by this page's @noble/curves (no browser has secp256k1)",
	ed448: "by this page's @noble/curves (no browser has Ed448)",
	ed25519: "by WebCrypto, else by this page's @noble/curves",
	'ml-dsa': "by WebCrypto, else by this page's @noble/post-quantum",
});

function describeImplementation(implementation: Implementation): string {
	switch (implementation.kind) {
		case 'webcrypto':
			return 'by WebCrypto';
		case 'provider':
			return PROVIDERS[implementation.id] ?? "by this page's own code";
		case 'by-curve':
			return Object.entries(implementation.curves)
				.map(([crv, each]) => `${crv} keys ${describeImplementation(each)}`)
				.join('; ');
		case 'unavailable':
			return 'by nothing: it is not a signature';
	}
}

/** Whether a key made to `made` meets `need` (same type, one of its curves, its parameter set). */
function fits(made: KeyRequirement, need: KeyRequirement): boolean {
	return (
		made.kty === need.kty &&
		(need.crv === undefined || (made.crv ?? []).some((crv) => need.crv!.includes(crv))) &&
		(need.alg === undefined || need.alg === made.alg)
	);
}

/** Every algorithm of the table (RFC 7518 §3.1 and the later RFCs its rows cite), `none` left out. */
export function listAlgorithmSupport(): AlgorithmSupport[] {
	// A generated key serves every algorithm its key fits: an RSA key made for RS256 also signs PS256.
	const generated = keyKinds.flatMap((kind) => jwsAlgorithms[kind.alg]?.keys ?? []);
	return Object.values(jwsAlgorithms)
		.filter((alg) => alg.implementation.kind !== 'unavailable')
		.map((alg) => ({
			alg: alg.name,
			keys: describeRequirements(alg.keys),
			verify: true,
			sign: true,
			generate: alg.keys.some((need) => generated.some((made) => fits(made, need))),
			computedBy: capitalize(describeImplementation(alg.implementation)),
			spec: alg.spec,
			url: alg.url,
		}));
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
