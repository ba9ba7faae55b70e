// A KB-JWT pasted apart from its SD-JWT: joined into one presentation and checked with the SD-JWT code (RFC 9901 §4.3, §7.3). Loaded only for such a pair.

import { decodeToken, type DecodedToken } from '../jwt/decode';
import { getMember } from '../jwt/json';
import {
	checkKeyBinding,
	DEFAULT_SD_ALG,
	findSdHashAlgorithm,
	sdFindingInfo,
	withoutKeyBinding,
} from '../jwt/sd-jwt';
import type { Binding } from './binding-types';
import { describeVerdict } from './messages';
import { verifyKeyBinding, webCryptoDigest } from './sd-jwt';

const SPEC = 'RFC 9901 §4.3, §7.3';
const URL_KB = 'https://www.rfc-editor.org/rfc/rfc9901#section-4.3';

/**
 * The binding lines between an SD-JWT and a KB-JWT pasted on its own: `sd_hash` of the KB-JWT against
 * the `_sd_alg` digest of the SD-JWT up to and including its last `~` (`sd-hash-mismatch`), and the
 * KB-JWT's signature against the credential's `cnf.jwk` (`kb-key-mismatch`; `sd-kb-no-cnf` when the
 * credential has no `cnf`). The two are joined into the presentation `<SD-JWT>~<KB-JWT>` and checked by
 * the SD-JWT module's own `checkKeyBinding` and `verifyKeyBinding`, as the SD-JWT panel checks one.
 * Freshness, `aud` and `nonce` are the KB-JWT's own matters, not the pair's, and are not judged here.
 */
export async function bindKeyBindingJwt(
	sdJwt: DecodedToken,
	kbJwt: string,
	subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<Binding[]> {
	const payload = sdJwt.payload.mode === 'json' ? sdJwt.payload.root : undefined;
	const algNode = payload && getMember(payload, '_sd_alg');
	const algName = algNode?.kind === 'string' ? algNode.value : DEFAULT_SD_ALG;
	const alg = findSdHashAlgorithm(algName);
	const presentation = decodeToken(withoutKeyBinding(sdJwt.token) + kbJwt);
	// An infinite skew: the pair is about which presentation and key, not about when.
	const report = await checkKeyBinding(presentation, alg, webCryptoDigest(subtle), {
		now: 0,
		clockSkew: Number.POSITIVE_INFINITY,
	});
	if (!report?.present || report.problems.some((p) => p.check === 'malformed')) return [];

	const bindings: Binding[] = [];
	const expected = report.sdHash?.expected;
	const actual = report.sdHash?.actual;
	const unresolved = describeUnresolvedKey(report.holderKey);
	bindings.push({
		kind: 'kb-sd-hash',
		holds: expected !== undefined && actual === expected,
		level: 'must',
		compared: `the KB-JWT's "sd_hash" and the ${alg?.name ?? algName} digest of the SD-JWT beside it, up to and including its last "~"`,
		expected: expected ?? `no digest: the page cannot compute "${algName}"`,
		actual: actual ?? 'no "sd_hash" (or not a string)',
		code: 'sd-hash-mismatch',
		info: sdFindingInfo['sd-hash-mismatch'],
		spec: SPEC,
		url: URL_KB,
		note: unresolved,
	});

	if (report.holderKey.kind === 'jwk') {
		const verdict = await verifyKeyBinding(report, subtle);
		const signature = verdict.status === 'none' ? undefined : verdict.signature;
		const verified = signature?.status === 'verified';
		bindings.push({
			kind: 'kb-signature',
			holds: verified,
			level: 'must',
			compared: "the KB-JWT's signature and the credential's \"cnf.jwk\" (the holder's key)",
			expected: 'signed by the "cnf.jwk" key',
			actual: verified ? 'signed by the "cnf.jwk" key' : 'not signed by that key',
			note: signature && !verified ? describeVerdict(signature).explanation : undefined,
			code: 'kb-key-mismatch',
			spec: SPEC,
			url: URL_KB,
		});
	} else if (report.holderKey.kind === 'none') {
		bindings.push({
			kind: 'kb-signature',
			holds: false,
			level: 'must',
			compared: 'the KB-JWT\'s signature and the credential\'s "cnf" key',
			expected: 'a "cnf" in the credential naming the holder\'s key',
			actual: 'the credential has no "cnf"',
			code: 'sd-kb-no-cnf',
			info: sdFindingInfo['sd-kb-no-cnf'],
			spec: 'RFC 9901 §4.1.2, §4.3',
			url: sdFindingInfo['sd-kb-no-cnf'].url,
		});
	}
	return bindings;
}

/** Why the KB-JWT's signature cannot be checked, when the credential names its key without giving it. */
function describeUnresolvedKey(key: { readonly kind: string }): string | undefined {
	if (key.kind === 'kid')
		return 'The credential names the holder\'s key by "kid" only, which the page cannot resolve, so the KB-JWT\'s signature is not checked.';
	if (key.kind === 'jkt')
		return 'The credential names the holder\'s key only by its thumbprint ("jkt"), so the page has no key to check the KB-JWT\'s signature with.';
	if (key.kind === 'other')
		return 'The credential\'s "cnf" holds no "jwk", so the page has no key to check the KB-JWT\'s signature with.';
	return undefined;
}
