// Mounts the app, and registers the service worker that keeps it working offline.
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

mount(App, { target: document.getElementById('app')! });

// Only a built site has sw.js; the single-file build (scripts/single-file.mjs) has none, and the constant
// drops this code there. Registering waits for an idle page anyway, so its code loads after the page has (not
// part of first paint); a chunk that fails to arrive only leaves the page not yet available offline, like a
// registration that fails, and is never an uncaught rejection.
if (import.meta.env.PROD && import.meta.env.PRISM_SERVICE_WORKER) {
	const register = () =>
		void import('$lib/browser/service-worker')
			.then(({ registerServiceWorker }) => registerServiceWorker('./sw.js', './'))
			.catch(() => undefined);
	if (document.readyState === 'complete') register();
	else addEventListener('load', register, { once: true });
}
