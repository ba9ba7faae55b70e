// Findings about the key a person gave, beside the token's own: a weak HMAC secret (RFC 7518 §3.2, RFC 8725 §3.5).

import { findJwsAlgorithm } from '../jwt/algorithms';
import type { Finding } from '../jwt/findings';
import { findingInfo } from '../jwt/messages';
import type { ParsedKey } from './keys';
import { findWeakSecret } from './weak-secrets';

/** Findings about `key` used with the token's `alg`; none when the key is not an HMAC secret for an HS token. */
export function listKeyFindings(alg: string | undefined, key: ParsedKey): Finding[] {
	const algorithm = alg === undefined ? undefined : findJwsAlgorithm(alg);
	if (!algorithm || algorithm.family !== 'hmac') return [];
	const secrets =
		key.kind === 'secret'
			? [key.key]
			: key.kind === 'keys'
				? key.keys.filter((k) => k.secret !== undefined)
				: [];
	const findings: Finding[] = [];
	for (const secret of secrets) {
		const weak = findWeakSecret(secret.secret!, algorithm.name as 'HS256' | 'HS384' | 'HS512');
		if (!weak) continue;
		const info = findingInfo['weak-secret'];
		findings.push({ code: 'weak-secret', ...info, detail: weak.detail });
	}
	return findings;
}
