// The implementations that verify and sign: WebCrypto for what the browser has, and one module in this folder per
// implementation that is not WebCrypto, named by the algorithm table's `{ kind: 'provider', id }`.

import { findJwsAlgorithm, implementationFor, type JwsAlgorithm } from '../../jwt/algorithms';
import type { KeyCandidate } from '../keys';
import { once, type SignatureProvider } from '../signature-provider';
import { webCryptoProvider } from '../webcrypto';

// A module `./<id>.ts` exporting `provider`, loaded the first time a token needs it.
const modules = import.meta.glob<{ provider: SignatureProvider }>(['./*.ts', '!./index.ts']);
/** Each module's loader once asked for: a verification after the first does not go through `import()` again. */
const loaders = new Map<string, () => Promise<SignatureProvider>>();

/**
 * The provider module `id`, loaded once; undefined when no module has that name, or when its chunk cannot be
 * fetched (offline after an update), which leaves the algorithm unavailable and lets a later call try again.
 */
function providerModule(id: string): Promise<SignatureProvider | undefined> {
	const load = modules[`./${id}.ts`];
	if (!load) return Promise.resolve(undefined);
	let loader = loaders.get(id);
	if (!loader) loaders.set(id, (loader = once(() => load().then((module) => module.provider))));
	return loader().catch(() => undefined);
}

/**
 * The provider that verifies and signs `alg` with `key` (WebCrypto through `subtle`, or a module of this
 * folder); undefined when nothing on this page implements that combination.
 */
export async function loadProvider(
	alg: JwsAlgorithm,
	key: KeyCandidate,
	subtle: SubtleCrypto,
): Promise<SignatureProvider | undefined> {
	const implementation = implementationFor(alg, 'crv' in key.info ? key.info.crv : undefined);
	switch (implementation.kind) {
		case 'webcrypto':
			return webCryptoProvider(subtle, implementation);
		case 'provider':
			return providerModule(implementation.id);
		default:
			return undefined;
	}
}

/**
 * Starts loading the provider modules the `alg` named `algName` may need (every curve's, for `EdDSA`), and has each
 * prepare itself (probe WebCrypto, load its library if needed), so that the first verdict after a key is given
 * waits for none of it. Nothing happens for WebCrypto rows or unknown names;
 * a chunk that cannot be fetched is left for `loadProvider` to report.
 */
export function preloadProviders(algName: string | undefined): void {
	const implementation = algName === undefined ? undefined : findJwsAlgorithm(algName)?.implementation;
	if (!implementation) return;
	const chosen = implementation.kind === 'by-curve' ? Object.values(implementation.curves) : [implementation];
	for (const each of chosen)
		if (each.kind === 'provider')
			void providerModule(each.id)
				.then((provider) => provider?.prepare?.())
				.catch(() => undefined);
}
