// Registers the service worker that makes the page work offline; a registration that fails is an outcome, not an error.

/** How registering went. `failed` is expected now and then: the page was left while it registered, or the network dropped. */
export type ServiceWorkerOutcome =
	| { readonly status: 'registered' }
	| { readonly status: 'unsupported' }
	| { readonly status: 'failed'; readonly reason: string };

/**
 * Registers the service worker at `url` (resolved against the page) once the page has loaded, so it never
 * competes with first paint. Resolves with the outcome and never rejects: an unregistered worker only means
 * the page is not yet available offline (Service Workers §3.2.4 `register()`).
 */
export async function registerServiceWorker(url: string, scope: string): Promise<ServiceWorkerOutcome> {
	if (!('serviceWorker' in navigator)) return { status: 'unsupported' };
	if (document.readyState !== 'complete')
		await new Promise((resolve) => addEventListener('load', resolve, { once: true }));
	try {
		await navigator.serviceWorker.register(url, { scope });
		return { status: 'registered' };
	} catch (error) {
		// register() rejects with a DOMException or TypeError ("Operation has been aborted", "An unknown error
		// occurred when fetching the script"); the page works the same without a worker.
		if (error instanceof Error) return { status: 'failed', reason: error.name };
		throw error;
	}
}
