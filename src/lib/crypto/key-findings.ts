// Findings about the key a person gave, beside the token's own: weak secrets and RSA keys, key confusion, keys that do not fit.

import { findJwsAlgorithm } from '../jwt/algorithms';
import type { Finding } from '../jwt/findings';
import { findingInfo, type CoreFindingCode } from '../jwt/messages';
import { describeKey, describeKeyInfo, type KeyCandidate, type ParsedKey } from './keys';
import { describeKeyMisfit } from './messages';
import { selectKeys, type KeyMatch } from './select-keys';
import { findWeakSecret } from './weak-secrets';

/** RFC 7518 §3.3: RSA keys of 2048 bits or more. */
const MIN_RSA_BITS = 2048;

/**
 * Findings about `key` used with the token's `alg` and `kid`. For a JWKS only the keys that would be
 * used count: the one with the token's `kid`, or every key when the token has none.
 */
export function listKeyFindings(alg: string | undefined, key: ParsedKey, kid?: string): Finding[] {
	if (key.kind !== 'secret' && key.kind !== 'keys') return [];
	const algorithm = alg === undefined ? undefined : findJwsAlgorithm(alg);
	if (!algorithm || algorithm.family === 'none') return [];
	let selection = selectKeys(key, { kid, alg: algorithm.name, operation: 'verify' });
	// A kid no key has is the verdict's to report; the findings then judge every key.
	if (selection.code === 'kid-not-found')
		selection = selectKeys(key, { alg: algorithm.name, operation: 'verify' });
	const matches: readonly KeyMatch[] = 'matches' in selection ? selection.matches : [];
	const keys = matches.map((m) => m.key);
	const findings: Finding[] = [];
	const add = (code: CoreFindingCode, detail: string) =>
		findings.push({ code, ...findingInfo[code], detail });

	if (algorithm.family === 'hmac') {
		const publicKeys = keys.filter((k) => k.info.kty !== 'oct');
		if (publicKeys.length > 0 && publicKeys.length === keys.length)
			add(
				'key-confusion',
				`This ${algorithm.name} token is being checked with ${article(publicKeys[0]!)} as its HMAC secret. A server that does this lets anyone who has the public key forge tokens (the RS256→HS256 confusion attack, CVE-2016-10555).`,
			);
		for (const secret of keys.filter((k) => k.secret !== undefined)) {
			const weak = findWeakSecret(secret.secret!, algorithm.name as 'HS256' | 'HS384' | 'HS512');
			if (weak) add('weak-secret', weak.detail);
		}
	} else {
		const mismatched = matches.flatMap(({ key: candidate, misfits }) => {
			const misfit = misfits.find((m) => m.code === 'key-type' || m.code === 'key-alg');
			return misfit ? [describeKeyMisfit(misfit, candidate)] : [];
		});
		// In a set without a kid, other key types are normal; only a set where nothing fits is worth a finding.
		if (mismatched.length > 0 && (key.kind === 'secret' || !key.isSet || mismatched.length === keys.length))
			add('alg-key-mismatch', `${capitalize(mismatched[0]!)}.`);
	}

	for (const rsa of keys) {
		if (rsa.info.kty === 'RSA' && rsa.info.bits < MIN_RSA_BITS)
			add(
				'weak-rsa-key',
				`The ${describeKey(rsa)} has ${rsa.info.bits} bits; RSA keys must have at least ${MIN_RSA_BITS} (RFC 7518 §3.3). Keys this small can be factored.`,
			);
	}
	for (const encryption of keys.filter((k) => k.use === 'enc'))
		add(
			'key-use-enc',
			`The ${describeKey(encryption)} says "use": "enc": it is meant for encryption. Using one key for both encryption and signatures weakens both (RFC 7517 §4.2).`,
		);
	return findings;
}

/** "an RSA 2048 public key", "an HMAC secret (32 bytes)": every key phrase starts with a vowel sound. */
function article(key: KeyCandidate): string {
	return `an ${describeKeyInfo(key.info)}`;
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
