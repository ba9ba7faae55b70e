// Test helper: the faults inside a key problem, without the key fixtures' slow key generation at import.

import type { KeyFault } from '$lib/crypto/key-faults';
import type { KeyProblem } from '$lib/crypto/keys';

/** The faults inside a key problem, one per PEM block or JWKS key: each has its own words in the messages table. */
export function faultsOf(problem: KeyProblem): KeyFault[] {
	return problem.code === 'pem-no-key'
		? problem.blocks.map((block) => block.fault)
		: problem.code === 'jwks-no-key'
			? problem.keys.map((key) => key.fault)
			: problem.code === 'jwk-unusable'
				? [problem.fault]
				: [];
}
