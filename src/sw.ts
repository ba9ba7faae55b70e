// The service worker: keeps every file of the build for offline use, each fetched over the network at most once
// on a first visit. Files the page already loaded come from the browser's HTTP cache (`force-cache`); a file
// whose name has no content hash is checked against its SHA-256 before it is kept. The page registers this
// worker only once it is idle (src/lib/browser/service-worker.ts), so the copying never competes with first
// paint. Tokens and keys are never cached: only the build's own files are.
import {
	candidateUrls,
	mapUrlsToKeys,
	precacheKey,
	requestedUrl,
	toHex,
	type PrecacheEntry,
} from '$lib/browser/precache';

/** The parts of a service worker's global scope this file uses (the DOM library has no types for them). */
interface ExtendableEvent extends Event {
	waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
	readonly request: Request;
	respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
	readonly registration: ServiceWorkerRegistration;
	readonly clients: { claim(): Promise<void> };
	skipWaiting(): Promise<void>;
	addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
	addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

const scope = self as unknown as ServiceWorkerScope;
const CACHE = 'jwt-prism-precache';
// Replaced at build time by the list of the build's files (vite-plugin-pwa `injectManifest`), which looks for
// this exact expression.
const entries = (self as unknown as { __WB_MANIFEST: PrecacheEntry[] }).__WB_MANIFEST;
const base = scope.registration.scope;
const keys = mapUrlsToKeys(entries, base);
const indexKey = keys.get(new URL('index.html', base).href);

scope.addEventListener('install', (event) => {
	// Take over at once, as before: one visit is enough to work offline.
	void scope.skipWaiting();
	event.waitUntil(precache());
});

scope.addEventListener('activate', (event) => {
	event.waitUntil(removeOutdated().then(() => scope.clients.claim()));
});

scope.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	// Every navigation gets the app's page, as a static single-page app does.
	const key = request.mode === 'navigate' ? indexKey : keys.get(requestedUrl(request.url));
	if (!key) return;
	event.respondWith(caches.match(key, { cacheName: CACHE }).then((cached) => cached ?? fetch(request)));
});

/** Keeps every entry not kept yet: hashed files first, so a page never gets an index.html whose scripts are missing. */
async function precache(): Promise<void> {
	const cache = await caches.open(CACHE);
	const ordered = [...entries].sort((a, b) => Number(a.revision !== null) - Number(b.revision !== null));
	for (const entry of ordered) {
		const key = precacheKey(entry, base);
		if (await cache.match(key)) continue;
		await cache.put(key, await fetchEntry(entry));
	}
}

/**
 * The entry's file, from the HTTP cache when the page already loaded it (a hashed name means the same bytes;
 * otherwise the SHA-256 must match the revision), else from the network. Throws when it cannot be had, which
 * fails the install: the next visit tries again.
 */
async function fetchEntry(entry: PrecacheEntry): Promise<Response> {
	const url = new URL(entry.url, base).href;
	if (entry.revision === null)
		return checked(await fetch(url, { cache: 'force-cache', credentials: 'same-origin' }), url);
	// The web manifest's revision is the plugin's MD5, which WebCrypto cannot check: only the server can say.
	if (/^[0-9a-f]{64}$/.test(entry.revision)) {
		for (const candidate of candidateUrls(entry, base)) {
			const cached = await fetchCached(candidate);
			if (cached && (await hasRevision(cached, entry.revision))) return cached;
		}
	}
	return checked(await fetch(url, { cache: 'no-cache', credentials: 'same-origin' }), url);
}

/** The HTTP cache's copy of `url`, however old, or undefined without a network request. */
async function fetchCached(url: string): Promise<Response | undefined> {
	try {
		const response = await fetch(url, {
			cache: 'only-if-cached',
			mode: 'same-origin',
			credentials: 'same-origin',
		});
		return response.ok ? response : undefined;
	} catch (error) {
		// `only-if-cached` fails with a network error when nothing is cached (Fetch §4.5 "HTTP-network-or-cache fetch").
		if (error instanceof TypeError) return undefined;
		throw error;
	}
}

function checked(response: Response, url: string): Response {
	if (!response.ok) throw new Error(`precache: ${url} answered ${response.status}`);
	return response;
}

async function hasRevision(response: Response, revision: string): Promise<boolean> {
	const digest = await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer());
	return toHex(digest) === revision;
}

/** Drops what an earlier build kept and this one does not list, and the caches of the Workbox worker before it. */
async function removeOutdated(): Promise<void> {
	for (const name of await caches.keys()) if (name.startsWith('workbox-precache')) await caches.delete(name);
	const cache = await caches.open(CACHE);
	const wanted = new Set(entries.map((entry) => precacheKey(entry, base)));
	for (const request of await cache.keys()) if (!wanted.has(request.url)) await cache.delete(request);
}
