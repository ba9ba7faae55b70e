// Titles and references of the SD-JWT finding codes (ui-contract.md), loaded with the SD-JWT code.

import { rfc, type FindingInfo, type SdFindingCode } from '../messages';

/** Every SD-JWT finding code's severity, title and reference (RFC 9901, SD-JWT VC). */
export const sdFindingInfo: Readonly<Record<SdFindingCode, FindingInfo>> = Object.freeze({
	'sd-unmatched-disclosure': {
		severity: 'warning',
		title: 'Disclosure not referenced by any digest',
		spec: 'RFC 9901 §7.1 step 5',
		url: rfc(9901, '7.1'),
	},
	'sd-duplicate-digest': {
		severity: 'error',
		title: 'Digest appears more than once',
		spec: 'RFC 9901 §7.1 step 4',
		url: rfc(9901, '7.1'),
	},
	'sd-malformed-disclosure': {
		severity: 'error',
		title: 'Malformed disclosure',
		spec: 'RFC 9901 §4.2.1, §4.2.2',
		url: rfc(9901, '4.2.1'),
	},
	'sd-forbidden-claim': {
		severity: 'error',
		title: 'Claim that must not be selectively disclosed',
		spec: 'RFC 9901 §4.2.1, SD-JWT VC §3.2.2.2',
		url: rfc(9901, '4.2.1'),
	},
	'sd-hash-mismatch': {
		severity: 'error',
		title: 'Key binding sd_hash does not match',
		spec: 'RFC 9901 §4.3.1, §7.3',
		url: rfc(9901, '4.3.1'),
	},
	'sd-claim-exists': {
		severity: 'error',
		title: 'Disclosed claim already exists',
		spec: 'RFC 9901 §7.1 step 3',
		url: rfc(9901, '7.1'),
	},
	'sd-alg-unknown': {
		severity: 'error',
		title: 'Unknown or unsupported _sd_alg',
		spec: 'RFC 9901 §4.1.1',
		url: rfc(9901, '4.1.1'),
	},
	'sd-alg-weak': {
		severity: 'warning',
		title: 'Weak _sd_alg',
		spec: 'RFC 9901 §4.1.1, §9.9',
		url: rfc(9901, '9.9'),
	},
	'sd-invalid-digests': {
		severity: 'error',
		title: '_sd or "..." entries are not digests',
		spec: 'RFC 9901 §4.2.4',
		url: rfc(9901, '4.2.4'),
	},
	'sd-nesting-too-deep': {
		severity: 'warning',
		title: 'Disclosures nested too deep to read',
		spec: 'RFC 9901 §7.1',
		url: rfc(9901, '7.1'),
	},
	'sd-too-many-disclosures': {
		severity: 'warning',
		title: 'Too many disclosures to read',
		spec: 'RFC 9901 §7.1',
		url: rfc(9901, '7.1'),
	},
	'sd-kb-missing': {
		severity: 'warning',
		title: 'No key binding although the credential has cnf',
		spec: 'RFC 9901 §4.3, §7.3',
		url: rfc(9901, '7.3'),
	},
	'sd-kb-no-cnf': {
		severity: 'error',
		title: 'Key binding JWT but no cnf key in the credential',
		spec: 'RFC 9901 §4.1.2, §4.3',
		url: rfc(9901, '4.1.2'),
	},
	'sd-kb-malformed': {
		severity: 'error',
		title: 'Key binding JWT cannot be read',
		spec: 'RFC 9901 §4.3',
		url: rfc(9901, '4.3'),
	},
	'sd-kb-typ': {
		severity: 'error',
		title: 'Key binding JWT typ is not kb+jwt',
		spec: 'RFC 9901 §4.3',
		url: rfc(9901, '4.3'),
	},
	'sd-kb-iat': {
		severity: 'warning',
		title: 'Key binding JWT iat is not recent',
		spec: 'RFC 9901 §4.3, §7.3 step 5',
		url: rfc(9901, '7.3'),
	},
	'sd-kb-claims': {
		severity: 'error',
		title: 'Key binding JWT lacks iat, aud, nonce or sd_hash',
		spec: 'RFC 9901 §4.3',
		url: rfc(9901, '4.3'),
	},
	'sd-kb-audience': {
		severity: 'error',
		title: 'Key binding JWT aud is not the expected audience',
		spec: 'RFC 9901 §7.3 step 5',
		url: rfc(9901, '7.3'),
	},
	'sd-kb-nonce': {
		severity: 'error',
		title: 'Key binding JWT nonce is not the expected nonce',
		spec: 'RFC 9901 §7.3 step 5',
		url: rfc(9901, '7.3'),
	},
	'sd-vc-missing-vct': {
		severity: 'error',
		title: 'SD-JWT VC without vct',
		spec: 'SD-JWT VC §3.2.2.1',
		url: 'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-sd-jwt-vc',
	},
	'sd-vc-typ': {
		severity: 'warning',
		title: 'SD-JWT VC typ is not dc+sd-jwt',
		spec: 'SD-JWT VC §3.2.1',
		url: 'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-sd-jwt-vc',
	},
});
