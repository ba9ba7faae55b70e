// What the service worker keeps for offline use and how it names it: the pure half of src/sw.ts, tested in node.

/**
 * One file of the build the service worker keeps. `revision` is null for a file whose name carries a hash of
 * its content (Vite's `assets/`), else the SHA-256 (hex) of its content, set at build time (vite.config.ts).
 */
export interface PrecacheEntry {
	readonly url: string;
	readonly revision: string | null;
}

/**
 * The cache key of an entry, absolute: its URL for a hashed file, else its URL with the revision in the query
 * (named as Workbox names it, which tools that inspect the cache know), so a new build's file never overwrites
 * the one an open page of the old build still uses.
 */
export function precacheKey(entry: PrecacheEntry, base: string): string {
	const url = new URL(entry.url, base);
	if (entry.revision !== null) url.searchParams.set('__WB_REVISION__', entry.revision);
	return url.href;
}

/**
 * Maps each entry's URL (absolute, without query or fragment) to its cache key, so the fetch handler finds a
 * request's cached response. The directory `base` itself maps to `index.html`, as a static server answers.
 */
export function mapUrlsToKeys(entries: readonly PrecacheEntry[], base: string): Map<string, string> {
	const keys = new Map<string, string>();
	for (const entry of entries) {
		const key = precacheKey(entry, base);
		const url = new URL(entry.url, base).href;
		keys.set(url, key);
		if (url.endsWith('/index.html')) keys.set(url.slice(0, -'index.html'.length), key);
	}
	return keys;
}

/** The URL a request asks for, as `mapUrlsToKeys` keys it: without query or fragment. */
export function requestedUrl(requestUrl: string): string {
	const url = new URL(requestUrl);
	url.search = '';
	url.hash = '';
	return url.href;
}

/**
 * The URLs under which the HTTP cache may already hold an entry, most likely first: the page's own navigation
 * is cached under the directory URL, not under `index.html`.
 */
export function candidateUrls(entry: PrecacheEntry, base: string): string[] {
	const url = new URL(entry.url, base).href;
	return url.endsWith('/index.html') ? [url.slice(0, -'index.html'.length), url] : [url];
}

/** Lowercase hex of bytes, as the build writes revisions. */
export function toHex(bytes: ArrayBuffer): string {
	return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
