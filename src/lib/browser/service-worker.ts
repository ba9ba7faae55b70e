// Registers the service worker that makes the page work offline; a registration that fails is an outcome, not an error.

/** How registering went. `failed` is expected now and then: the page was left while it registered, or the network dropped. */
export type ServiceWorkerOutcome =
	| { readonly status: 'registered' }
	| { readonly status: 'unsupported' }
	| { readonly status: 'failed'; readonly reason: string };

/** How long no file may have arrived before the page counts as idle (its after-paint chunks all loaded). */
const QUIET_MS = 1000;

/**
 * Registers the service worker at `url` (resolved against the page) once the page is idle: loaded, its
 * after-paint chunks arrived, the main thread free. So the worker's copying never competes with first paint or
 * the first decode, and it finds every file the page loaded in the HTTP cache (src/sw.ts). Resolves with the
 * outcome and never rejects: an unregistered worker only means the page is not yet available offline (Service
 * Workers §3.2.4 `register()`).
 */
export async function registerServiceWorker(url: string, scope: string): Promise<ServiceWorkerOutcome> {
	if (!('serviceWorker' in navigator)) return { status: 'unsupported' };
	await whenPageIdle();
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

/**
 * Resolves once the page has loaded, no file has arrived for QUIET_MS, and the main thread has had an idle
 * moment with still no new file (a busy main thread may start an after-paint import late).
 */
async function whenPageIdle(): Promise<void> {
	if (document.readyState !== 'complete')
		await new Promise((resolve) => addEventListener('load', resolve, { once: true }));
	const lastArrival = () =>
		Math.max(
			0,
			...(performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(
				(entry) => entry.responseEnd,
			),
		);
	for (;;) {
		const wait = lastArrival() + QUIET_MS - performance.now();
		if (wait > 0) {
			await new Promise((resolve) => setTimeout(resolve, wait));
			continue;
		}
		const before = lastArrival();
		await new Promise((resolve) =>
			typeof requestIdleCallback === 'function'
				? requestIdleCallback(resolve, { timeout: 5000 })
				: setTimeout(resolve),
		);
		if (lastArrival() === before) return;
	}
}
