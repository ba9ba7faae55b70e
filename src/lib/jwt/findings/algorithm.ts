// Findings about the `alg` name itself, beyond none and unknown: the polymorphic EdDSA that RFC 9864 deprecates.

import { stringMember, type JsonNode } from '../json';
import type { AddFinding } from './types';

/**
 * Notes `"alg": "EdDSA"` (`eddsa-deprecated`): RFC 9864 deprecates it for JOSE in favour of the
 * fully-specified `Ed25519` and `Ed448`, which say the curve in the header instead of leaving it to
 * the key (RFC 9864 §2.2). The token still verifies; this is a note, not a warning.
 */
export function checkAlgorithmName(header: JsonNode, add: AddFinding): void {
	if (stringMember(header, 'alg') !== 'EdDSA') return;
	add(
		'eddsa-deprecated',
		'The header says "alg": "EdDSA", which leaves the curve to the key. RFC 9864 deprecates it in favour of the fully-specified "Ed25519" and "Ed448"; new tokens should name the curve, and verifiers can then refuse a key on the other curve.',
		{ part: 'header', member: 'alg' },
	);
}
