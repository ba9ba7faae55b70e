// Readies what verifying a token's alg will need while the token shows, so the first verdict after a key waits for none of it.

import { findJwsAlgorithm } from '../jwt/algorithms';
import { preloadProviders } from './providers';
import { prepareWeakSecrets } from './weak-secrets';

let secretsPrepared = false;

/**
 * Starts loading the provider modules `algName` needs (a library and its WebCrypto probe) and, for an HMAC `alg`,
 * builds the weak-secret index in a task of its own, after the token has been shown. Nothing for unknown names.
 */
export function prepareVerification(algName: string | undefined): void {
	preloadProviders(algName);
	if (secretsPrepared || algName === undefined || findJwsAlgorithm(algName)?.family !== 'hmac') return;
	secretsPrepared = true;
	setTimeout(prepareWeakSecrets, 0);
}
