// The words people read about keys, verification and signing: one table per outcome, keyed by code, made from
// the outcome's data. Nothing else in crypto/ writes sentences for people; tests assert codes and data.

import { findJwsAlgorithm, type KeyRequirement } from '../jwt/algorithms';
import type { KeyFault } from './key-faults';
import { describeTag } from '../encoding/der';
import type { FormatFault, KeyStructure } from '../encoding/key-format-error';
import { describeKey, describeKeyInfo, plural } from './key-names';
import { describeCodePoint, type PemFault } from './pem';
import type { KeyCandidate, KeyProblem } from './keys';
import type { KeyMisfit } from './select-keys';
import type { LibraryUse } from './signature-provider';
import type { SignResult } from './sign';
import type { SecretHint, Verdict } from './verify';

/** "an RSA key", "an EC P-256 key", "an Ed25519 or Ed448 key", "a shared HMAC secret". */
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

const CHANGED_OR_CUT = 'so it was changed or cut: copy it again from where it came from';

/** Why one PEM block or JWK cannot be used, as a clause in lower case. */
export function describeKeyFault(fault: KeyFault): string {
	switch (fault.code) {
		case 'der-cut':
		case 'der-trailing':
		case 'der-encoding':
		case 'unexpected-element':
		case 'element-count':
		case 'bad-version':
		case 'field-length':
		case 'curve-missing':
		case 'bad-date':
			return describeFormatFault(fault);
		case 'not-a-key':
			return `"${fault.label}" is not a key this page can use`;
		case 'encrypted':
			return 'it is encrypted with a passphrase; decrypt it first (openssl pkey -in key.pem)';
		case 'not-object':
			return 'it is not an object';
		case 'no-kty':
			return 'it has no "kty"';
		case 'unknown-kty':
			return `"kty" ${fault.kty} is not oct, RSA, EC or OKP`;
		case 'members-missing': {
			const names = fault.members.map((member) => `"${member}"`);
			return `${listAnd(names)} ${names.length === 1 ? 'is' : 'are'} missing or not base64url`;
		}
		case 'member-empty':
			return `"${fault.member}" is empty: an HMAC key needs at least one byte`;
		case 'unknown-curve':
			if (fault.crv === undefined) return 'it has no "crv" to say which curve it is on';
			return fault.kty === 'EC'
				? `the curve ${fault.crv} is not P-256, P-384, P-521 or secp256k1`
				: `the OKP curve ${fault.crv} is not Ed25519, Ed448, X25519 or X448`;
		case 'akp-alg':
			return `an AKP key needs "alg" ML-DSA-44, ML-DSA-65 or ML-DSA-87 (RFC 9964 §4), not ${fault.alg ?? 'none'}`;
		case 'member-length':
			return `"${fault.member}" is ${bytes(fault.bytes)}, but on ${fault.crv} it is exactly ${bytes(fault.expected)}, so it was changed or cut`;
		case 'rsa-exponent':
			return `the RSA public exponent is ${fault.value ?? 'even'}, but it must be odd and at least 3 (RFC 8017 §3.1)`;
		case 'rsa-modulus':
			if (fault.bits === 0) return 'its modulus "n" is empty or zero, so it is not an RSA key';
			if (fault.bits < fault.minimum)
				return `its modulus has only ${fault.bits} bits, far too few for an RSA key (the smallest ever used had ${fault.minimum}), so it is not an RSA key`;
			return 'its modulus is even, so it is not a product of two primes and not an RSA key';
		case 'rsa-private-incomplete':
			return `it has "d" but not ${listAnd(fault.missing.map((m) => `"${m}"`))}: a private RSA JWK has all of "p", "q", "dp", "dq" and "qi", or none of them (RFC 7518 §6.3.2)`;
		case 'rsa-multi-prime':
			return 'it is a multi-prime RSA key (more than two primes), which browsers cannot use';
		case 'rsa-inconsistent':
			return `the key's numbers do not fit together (its modulus and private exponents do not follow from its primes), ${CHANGED_OR_CUT}`;
		case 'ec-point-off-curve':
			return `its public point is not on ${fault.crv}, ${CHANGED_OR_CUT}`;
		case 'ec-private-range':
			return `its private value is not between 1 and the order of ${fault.crv}, ${CHANGED_OR_CUT}`;
		case 'ec-private-mismatch':
			return `its private value does not make its public point on ${fault.crv}: the key's numbers do not fit together, ${CHANGED_OR_CUT}`;
		case 'rejected':
			return `the browser refused it: the key's numbers do not fit together, ${CHANGED_OR_CUT}`;
	}
}

/** What people call each structure read from DER, after "the". */
const STRUCTURE_NAMES: Readonly<Record<KeyStructure, string>> = Object.freeze({
	spki: 'public key (SubjectPublicKeyInfo)',
	pkcs8: 'PKCS#8 private key',
	'rsa-public': 'PKCS#1 RSA public key',
	'rsa-private': 'PKCS#1 RSA private key',
	sec1: 'SEC1 EC private key',
	algorithm: "key's algorithm identifier",
	certificate: 'certificate',
	'tbs-certificate': "certificate's body (TBSCertificate)",
	validity: "certificate's validity",
	name: "certificate's issuer or subject name",
	'curve-private': 'Ed25519 or Ed448 private key',
	'ml-dsa-private': 'ML-DSA private key',
	der: 'DER',
});

/** The DER rules broken, after "it has". */
const DER_PROBLEMS: Readonly<Record<Extract<FormatFault, { code: 'der-encoding' }>['problem'], string>> =
	Object.freeze({
		'indefinite-length': 'an indefinite length, which BER allows and DER does not',
		'long-length': 'a length of more than 4 bytes',
		'non-minimal-length': 'a length not written in its shortest form',
		'high-tag': 'a multi-byte tag, which no key uses',
		'too-deep': 'elements nested more than 64 levels deep',
		'bad-oid': 'an object identifier that is not encoded right',
		'bad-integer': 'an empty or negative number where a positive one belongs',
		'bad-bit-string': 'a BIT STRING that is not whole bytes',
		unencodable: 'a value that cannot be encoded',
	});

const FIELD_NAMES: Readonly<Record<Extract<FormatFault, { code: 'field-length' }>['field'], string>> =
	Object.freeze({
		publicKey: 'public key',
		privateKey: 'private key',
		seed: 'seed',
		expandedKey: 'expanded private key',
	});

/**
 * Why DER bytes are not the key or certificate they should be, as a clause in lower case: which structure, which
 * field, the byte offset, what was expected and found (X.690; RFC 5280, 5208, 8017, 5915, 8410, 9881).
 */
export function describeFormatFault(fault: FormatFault): string {
	const at = 'offset' in fault ? ` at byte ${fault.offset}` : '';
	const name = 'structure' in fault ? STRUCTURE_NAMES[fault.structure] : '';
	switch (fault.code) {
		case 'der-cut':
			return `the ${name} is cut short (the element${at} runs past the end), ${CHANGED_OR_CUT}`;
		case 'der-trailing':
			return `${bytes(fault.bytes)} follow the end of the ${name}${at}: something was added to it, or two keys were run together`;
		case 'der-encoding':
			return `the ${name} is not valid DER:${at} it has ${DER_PROBLEMS[fault.problem]}`;
		case 'unexpected-element': {
			const found = `${tagPhrase(fault.found)}${at}`;
			return fault.expected === undefined
				? `the ${name} has ${found} as its ${fault.field}, where nothing belongs`
				: `the ${name}'s ${fault.field} is ${found} where ${tagPhrase(fault.expected)} belongs: the text is not the kind of key its BEGIN line says, or it was changed`;
		}
		case 'element-count': {
			const { min, max } = fault;
			const expected = min === max ? `${min}` : `${min} ${max === min + 1 ? 'or' : 'to'} ${max}`;
			return `the SEQUENCE${at} of the ${name} has ${plural(fault.found, 'element')} where it has ${expected}: the text is not the kind of key its BEGIN line says, or it was changed`;
		}
		case 'bad-version':
			return `the ${name} has version ${fault.found ?? '(a huge number)'}; this page reads version ${listOr(fault.expected.map(String))}`;
		case 'field-length':
			return `the ${fault.algorithm} ${FIELD_NAMES[fault.field]} is ${bytes(fault.bytes)}, but it is exactly ${listOr(fault.expected.map(bytes))}, ${CHANGED_OR_CUT}`;
		case 'curve-missing':
			return fault.explicit
				? `the ${name} spells out its curve's numbers instead of naming the curve; this page reads only named curves (P-256, P-384, P-521, secp256k1)`
				: `the ${name} does not say which curve it is on`;
		case 'bad-date':
			return `the certificate's ${fault.field} date${at} is not a valid date`;
	}
}

/** "an INTEGER", "a SEQUENCE", "a [0] element", "an element with tag 0x45". */
function tagPhrase(tag: number): string {
	const tagName = describeTag(tag);
	if (tagName.startsWith('[')) return `a ${tagName} element`;
	if (tagName.startsWith('tag ')) return `an element with ${tagName}`;
	return `${/^[AEIOU]/.test(tagName) ? 'an' : 'a'} ${tagName}`;
}

/** Why a PEM text cannot be read, with the line and column to look at (RFC 7468 §2–§3). */
export function describePemFault(fault: PemFault): string {
	const at = 'column' in fault ? `at line ${fault.line}, column ${fault.column}` : '';
	switch (fault.code) {
		case 'no-end-before-begin':
			return `"BEGIN ${fault.label}" at line ${fault.line} has no "END ${fault.label}" before the next BEGIN at line ${fault.nextLine}`;
		case 'wrong-end':
			return `"BEGIN ${fault.label}" at line ${fault.line} is closed by "END ${fault.endLabel}" at line ${fault.endLine}`;
		case 'no-end':
			return `"BEGIN ${fault.label}" at line ${fault.line} has no matching "END ${fault.label}"`;
		case 'bad-character':
			return `${describeCodePoint(fault.codePoint)} ${at} is not a base64 character`;
		case 'after-padding':
			return `the base64 goes on after its "=" padding ${at}`;
		case 'lone-character':
			return `the base64 ends with a lone character ${at}, so it was cut`;
		case 'bad-padding':
			return `the number of "=" padding characters ${at} is wrong`;
	}
}

/** The alert under `Secret or key` (ui-contract.md "Errors"): why the text cannot be used as a key. */
export function describeKeyProblem(problem: KeyProblem): string {
	switch (problem.code) {
		case 'secret-not-base64': {
			const where =
				problem.reason === 'bad-character'
					? `'${problem.character}' at position ${problem.position} is not a base64 character`
					: problem.reason === 'bad-padding'
						? `the padding at position ${problem.position} is misplaced`
						: `its length (${problem.length} characters) is not possible in base64`;
			return `The secret is not valid base64: ${where}. Untick "Secret is base64url encoded" to use it as text.`;
		}
		case 'secret-empty':
			return 'The secret decodes to zero bytes.';
		case 'pem-malformed':
			return `The PEM cannot be read: ${describePemFault(problem.fault)}.`;
		case 'pem-no-block':
			return 'The PEM has no complete -----BEGIN …----- block.';
		case 'pem-no-key': {
			const blocks = problem.blocks.map(({ label, fault }) =>
				fault.code === 'not-a-key'
					? describeKeyFault(fault)
					: `the ${label} block cannot be used: ${describeKeyFault(fault)}`,
			);
			return `The PEM holds no usable key: ${blocks.join('; ')}.`;
		}
		case 'json-invalid':
			return `The key looks like JSON but is not valid JSON: ${problem.detail} (line ${problem.line}, column ${problem.column}).`;
		case 'json-not-object':
			return 'The key JSON is not an object.';
		case 'json-not-key':
			return 'The key JSON has neither "kty" (a JWK) nor "keys" (a JWKS).';
		case 'jwks-empty':
			return 'The JWKS has an empty "keys" list.';
		case 'jwks-no-key':
			return `The JWKS holds no usable key: ${problem.keys.map(({ index, fault }) => `key ${index + 1}: ${describeKeyFault(fault)}`).join('; ')}.`;
		case 'jwk-unusable':
			return `The JWK cannot be used: ${describeKeyFault(problem.fault)}.`;
		case 'key-rejected':
			return `The ${describeKey(problem.key)} cannot be used: ${describeKeyFault({ code: 'rejected' })}.`;
	}
}

const SECRET_HINTS: Readonly<Record<SecretHint, string>> = Object.freeze({
	'read-as-text': 'verifies if the secret is read as plain text: untick "Secret is base64url encoded"',
	'read-as-base64': 'verifies if the secret is read as base64: tick "Secret is base64url encoded"',
	'read-as-hex':
		'verifies if the secret is read as hex bytes: convert it from hex to base64url and tick "Secret is base64url encoded"',
	'trim-whitespace': 'verifies without the spaces or line breaks around the secret',
});

/** What the page says about a verdict reached with a DPoP proof's own key (ui-contract.md "Token profiles and related tokens"). */
export const dpopVerdictText = Object.freeze({
	verified:
		'Verified with the proof\'s own public key (its header "jwk"), as RFC 9449 §4.3 says to check a DPoP proof. This proves possession, not identity: whoever sent the proof holds the matching private key, but anyone can make a key pair and sign a proof. Who the key belongs to is shown only by an access token bound to it ("cnf.jkt").',
	invalid:
		'The signature does not match the proof\'s own public key (its header "jwk"): the proof was not signed with the key it carries, and a server rejects it (RFC 9449 §4.3).',
	noKey: 'The proof has no usable public key in its header "jwk", so it cannot be verified (RFC 9449 §4.2).',
});

/** The sentences after the `Signature` status's headline: what happened and, for a secret, how it would verify. */
export function describeVerdict(verdict: Verdict): { readonly explanation: string; readonly hint?: string } {
	const explanation = explainVerdict(verdict);
	const hint =
		verdict.status === 'invalid' && verdict.hint ? `The signature ${SECRET_HINTS[verdict.hint]}.` : undefined;
	if (verdict.status !== 'not-verified' && verdict.origin === 'dpop-proof') {
		if (verdict.status === 'verified') return { explanation: dpopVerdictText.verified };
		if (verdict.code === 'key-unreadable') return { explanation: dpopVerdictText.noKey };
		return { explanation: `${dpopVerdictText.invalid} ${explanation}`, hint };
	}
	if (verdict.status === 'not-verified' || !('via' in verdict) || verdict.via === undefined)
		return { explanation, hint };
	const where = `the key carried in the token's own "${verdict.via}" header`;
	return verdict.status === 'verified'
		? {
				explanation: `Verified with ${where}. That proves nothing: anyone can make a token and put their own key in it.`,
			}
		: { explanation: `With ${where}: ${explanation}`, hint };
}

function explainVerdict(verdict: Verdict): string {
	switch (verdict.code) {
		case 'verified':
			return `Verified with the ${describeKey(verdict.key)}${verdict.library ? `, ${describeLibraryUse(verdict.library)}` : ''}.`;
		case 'jwe':
			return 'This is an encrypted token (JWE); it has no signature to verify.';
		case 'undecodable':
			return 'The token cannot be decoded, so there is nothing to verify.';
		case 'payload-not-base64url':
			return 'The payload is not valid base64url, so the token cannot be decoded and there is nothing to verify.';
		case 'unsigned':
			return `The token is unsigned ("alg": "${verdict.alg}"): there is nothing to verify, whatever the key.`;
		case 'no-key':
			return 'Enter the secret or key to verify the signature.';
		case 'alg-unavailable': {
			const curve = findJwsAlgorithm(verdict.alg)?.curve;
			return curve
				? `${verdict.alg} uses a curve (${curve}) that WebCrypto does not offer, so this browser cannot verify it.`
				: `Nothing on this page verifies ${verdict.alg}, so this browser cannot verify it.`;
		}
		case 'browser-unsupported':
			return `This browser's WebCrypto does not support ${verdict.family === 'eddsa' ? 'Ed25519' : verdict.alg}, so it cannot verify this token.`;
		case 'loading':
			return 'Loading the verifier…';
		case 'no-token':
			return 'No token to verify.';
		case 'key-unreadable':
			return 'The key cannot be read, so it verifies nothing.';
		case 'no-alg':
			return 'The header has no "alg", so no key can verify it.';
		case 'unknown-alg':
			return `"${verdict.alg}" is not a JWS algorithm this page knows.`;
		case 'non-canonical':
			return `The ${verdict.part} part is not canonical base64url (${verdict.deviations.join(', ')}); a strict verifier rejects the token as it is.`;
		case 'signature-not-base64url':
			return `The signature part is not valid base64url (${verdict.detail ?? 'signature'}).`;
		case 'signature-empty':
			return 'The signature part is empty.';
		case 'signature-length': {
			const { alg, der } = verdict;
			const ecdsa = alg.family === 'ecdsa';
			return `The signature is ${verdict.bytes} bytes; ${alg.name} signatures are exactly ${alg.signatureBytes}${ecdsa ? ' (r‖s)' : ''}.${der ? ' It looks DER-encoded: JOSE requires the fixed-length r‖s form (RFC 7518 §3.4).' : ''}`;
		}
		case 'kid-not-found':
			return `The JWKS has no key with kid "${verdict.kid}". It holds: ${listKeys(verdict.keys)}.`;
		case 'key-misfit': {
			const reasons = verdict.matches.map((m) => describeKeyMisfit(m.misfits[0]!, m.key));
			if (reasons.length === 1) return `${capitalize(reasons[0]!)}.`;
			return `No key in the set fits ${verdict.alg}: ${verdict.matches.map((m, i) => `${describeKey(m.key)}: ${reasons[i]}`).join('; ')}.`;
		}
		case 'key-rejected':
			return `The ${describeKey(verdict.key)} cannot be used: ${describeKeyFault({ code: 'rejected' })}.`;
		case 'mismatch': {
			const { keys } = verdict;
			const tried =
				keys.length === 1 ? `the ${describeKey(keys[0]!)}` : `any of ${keys.length} keys (${listKeys(keys)})`;
			return `The signature does not match ${tried}.`;
		}
	}
}

/** The note under `Sign`: what signing did, or why it could not and that the token kept its signature. */
export function describeSignResult(result: SignResult): string {
	if (result.ok) return `Signed with the ${describeKey(result.key)}.`;
	return `${explainRefusal(result)} The token keeps its old signature.`;
}

function explainRefusal(result: Exclude<SignResult, { ok: true }>): string {
	switch (result.code) {
		case 'not-jws':
			return 'Only a JWS (header.payload.signature) can be signed.';
		case 'header-not-json':
			return 'The header is not valid JSON, so the token cannot be signed.';
		case 'unsigned':
			return `The header says "alg": "${result.alg}": an unsigned token has no signature to make.`;
		case 'no-alg':
			return 'The header has no "alg" to sign with.';
		case 'alg-unavailable':
			return `This page cannot sign with "${result.alg}".`;
		case 'no-key':
			return 'Enter a secret or a private key to sign.';
		case 'key-unreadable':
			return `The key cannot be read. ${describeKeyProblem(result.problem)}`;
		case 'kid-not-found':
			return `Cannot sign: the JWKS has no key with kid "${result.kid}".`;
		case 'key-misfit': {
			const reasons = result.matches.map((m) => describeKeyMisfit(m.misfits[0]!, m.key));
			return `Cannot sign: ${reasons.length === 1 ? reasons[0] : `no key fits: ${reasons.join('; ')}`}.`;
		}
		case 'key-rejected':
			return result.unsupported
				? `Cannot sign with the ${describeKey(result.key)}: this browser's WebCrypto does not support its algorithm.`
				: `Cannot sign with the ${describeKey(result.key)}: ${describeKeyFault({ code: 'rejected' })}.`;
	}
}

/**
 * Why key generation failed, without the browser's error name: WebCrypto §14.3.6 throws NotSupportedError for an
 * algorithm the browser lacks, and anything else means it could not make the key right now.
 */
export function describeKeyGenerationFailure(error: unknown): string {
	return error instanceof Error && error.name === 'NotSupportedError'
		? 'This browser cannot generate this kind of key: its WebCrypto does not offer it.'
		: 'This browser could not generate the key. Try again, or pick another kind.';
}

function listKeys(keys: readonly KeyCandidate[]): string {
	return keys
		.map((k) => {
			const members = [k.use ? `use ${k.use}` : '', k.alg ? `alg ${k.alg}` : ''].filter(Boolean);
			// A kid names the key; without one, its full name (kind, place, thumbprint) does.
			if (k.kid !== undefined)
				return `kid=${k.kid} (${[describeKeyInfo(k.info, false), ...members].join(', ')})`;
			return members.length > 0 ? `${describeKey(k)} (${members.join(', ')})` : describeKey(k);
		})
		.join(', ');
}

/** Every key phrase starts with a vowel sound: "an RSA…", "an EC…", "an Ed25519…", "an HMAC…", "an unknown…". */
function article(phrase: string): string {
	return `an ${phrase}`;
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function bytes(count: number): string {
	return `${count} byte${count === 1 ? '' : 's'}`;
}

function listOr(items: readonly string[]): string {
	return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function listAnd(items: readonly string[]): string {
	return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * Which code checked a signature when the browser's WebCrypto could not: "in this page's ML-DSA code
 * (@noble/post-quantum); this browser's WebCrypto has no ML-DSA".
 */
export function describeLibraryUse(use: LibraryUse): string {
	const library = use.library === 'noble-curves' ? '@noble/curves' : '@noble/post-quantum';
	return `in this page's ${use.algorithm} code (${library}); this browser's WebCrypto has no ${use.algorithm}`;
}
