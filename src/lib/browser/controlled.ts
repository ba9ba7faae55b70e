// Runs work that must wait until a service worker controls the page, from when the build's files come from its cache.

/**
 * Runs `run` once a service worker controls the page: at once on a later visit, when the first visit's worker
 * has precached the build and taken over, or never where there is none (the single file, a browser without).
 */
export function whenControlled(run: () => void): void {
	const container = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
	if (!container) return;
	if (container.controller) run();
	else container.addEventListener('controllerchange', () => run(), { once: true });
}
