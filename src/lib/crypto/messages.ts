// The words people read about keys, verification and signing, made from the outcomes' codes and data.

import type { KeyRequirement } from '../jwt/algorithms';
import { describeKeyInfo, type KeyCandidate } from './keys';
import type { KeyMisfit } from './select-keys';
import type { LibraryUse } from './signature-provider';

/** "an RSA key", "an EC P-256 key", "an Ed25519 or Ed448 key", "an ML-DSA-65 key", "a shared HMAC secret". */
export function describeRequirements(needs: readonly KeyRequirement[]): string {
	const phrases = needs.map((need) => {
		const curves = listOr(need.crv ?? []);
		switch (need.kty) {
			case 'oct':
				return 'a shared HMAC secret';
			case 'RSA':
				return 'an RSA key';
			case 'EC':
				return `an EC ${curves} key`;
			case 'OKP':
				return `an ${curves} key`;
			case 'AKP':
				return `an ${need.alg ?? 'ML-DSA'} key`;
		}
	});
	return phrases.length === 0 ? 'no key at all' : listOr(phrases);
}

/** Why `key` does not fit, as a clause that starts in lower case (it follows a key's label or a colon). */
export function describeKeyMisfit(misfit: KeyMisfit, key: KeyCandidate): string {
	const what = `the key is ${article(describeKeyInfo(key.info))}`;
	switch (misfit.code) {
		case 'key-type': {
			const needs = `this token is ${misfit.alg}, which needs ${describeRequirements(misfit.needs)}; ${what}`;
			const secretOnly = misfit.needs.length > 0 && misfit.needs.every((need) => need.kty === 'oct');
			return secretOnly
				? `${needs}. Using a public key as an HMAC secret is the key-confusion attack (CVE-2016-10555)`
				: needs;
		}
		case 'curve-unavailable':
			return `the key is an ${misfit.crv} key, which WebCrypto in this browser cannot use`;
		case 'key-use':
			return misfit.expected === 'sig'
				? `the key's "use" is "${misfit.use}", not "sig": it is meant for encryption, not signatures`
				: `the key's "use" is "${misfit.use}", not "enc": it is meant for signatures, not encryption`;
		case 'key-alg':
			return `the key's "alg" is "${misfit.keyAlg}" but the token's is "${misfit.alg}"`;
		case 'key-ops':
			return `the key's "key_ops" (${misfit.keyOps.join(', ') || 'empty'}) does not allow "${misfit.operation}"`;
		case 'not-private':
			return `${what}; ${misfit.operation === 'decrypt' ? 'decrypting' : 'signing'} needs the private key`;
	}
}

/** Every key phrase starts with a vowel sound: "an RSA…", "an EC…", "an Ed25519…", "an HMAC…", "an unknown…". */
function article(phrase: string): string {
	return `an ${phrase}`;
}

function listOr(items: readonly string[]): string {
	return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/**
 * Which code checked a signature when the browser's WebCrypto could not: "in this page's ML-DSA code (noble-post-quantum);
 * this browser's WebCrypto has no ML-DSA".
 */
export function describeLibraryUse(use: LibraryUse): string {
	const library = use.library === 'noble-curves' ? '@noble/curves' : '@noble/post-quantum';
	return `in this page's ${use.algorithm} code (${library}); this browser's WebCrypto has no ${use.algorithm}`;
}
