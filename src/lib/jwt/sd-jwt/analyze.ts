// One call for everything the page shows of an SD-JWT that needs no key: processing and the key binding checks.

import type { DecodedToken } from '../decode';
import type { Finding } from '../findings/types';
import type { Digest } from './hash';
import { checkKeyBinding, type KeyBindingOptions, type KeyBindingReport } from './key-binding';
import { processSdJwt, type SdJwtProcessing } from './process';

/** An SD-JWT's processing (RFC 9901 §7.1) and key binding report (§7.3), with all their findings. */
export interface SdJwtAnalysis {
	readonly processing: SdJwtProcessing;
	readonly keyBinding: KeyBindingReport;
	readonly findings: readonly Finding[];
}

/**
 * Processes the SD-JWT in `decoded` and checks its key binding; undefined when it is not an SD-JWT. Never throws.
 * `processed`, the processing of this same token from before, is reused: it depends on the token alone, while the
 * key binding checks depend on the clock too (a page re-checks them each second; hashing 1 000 disclosures again
 * each time would be a long task every second).
 */
export async function analyzeSdJwt(
	decoded: DecodedToken,
	digest: Digest,
	options: KeyBindingOptions,
	processed?: SdJwtProcessing,
): Promise<SdJwtAnalysis | undefined> {
	const processing = processed ?? (await processSdJwt(decoded, digest));
	if (!processing) return undefined;
	const keyBinding = (await checkKeyBinding(decoded, processing.alg.known, digest, options))!;
	return { processing, keyBinding, findings: [...processing.findings, ...keyBinding.findings] };
}
