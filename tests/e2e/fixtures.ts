// The page every browser test uses, watched: any request to another origin, any CSP violation, any uncaught error,
// any token or key text left in storage (local, session, cookies, IndexedDB), and any Cache Storage entry that is
// not one of the app's own files byte for byte fails the test (issue 4: privacy is proven across the whole suite).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test as base } from '@playwright/test';

export { expect };

export const test = base.extend<{ watchdog: void }>({
	watchdog: [
		async ({ page, baseURL }, use) => {
			const origin = new URL(baseURL ?? 'http://127.0.0.1/').origin;
			const offOrigin: string[] = [];
			const pageErrors: string[] = [];
			page.on('request', (request) => {
				const url = request.url();
				if (/^(data|blob|about|file):/.test(url)) return; // file:// is the single-file build (offline.spec.ts)
				if (new URL(url).origin !== origin) offOrigin.push(url);
			});
			page.on('pageerror', (error) => pageErrors.push(error.message));
			await page.addInitScript(() => {
				const violations: string[] = [];
				(window as unknown as { __cspViolations: string[] }).__cspViolations = violations;
				document.addEventListener('securitypolicyviolation', (event) =>
					violations.push(`${event.violatedDirective} ${event.blockedURI}`),
				);
				// Every write to page storage, as it happens: a value written and removed again is caught too.
				const writes: string[] = [];
				(window as unknown as { __storageWrites: string[] }).__storageWrites = writes;
				const record = <A extends unknown[], R>(what: string, original: (...args: A) => R) =>
					function (this: unknown, ...args: A): R {
						writes.push(
							`${what}: ${args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')}`,
						);
						return original.apply(this, args);
					};
				// Pages without a secure origin (about:blank, data: URLs) have no Cache Storage, some no IndexedDB.
				if (typeof Storage === 'function')
					Storage.prototype.setItem = record('storage', Storage.prototype.setItem);
				if (typeof IDBObjectStore === 'function') {
					IDBObjectStore.prototype.put = record('indexedDB', IDBObjectStore.prototype.put);
					IDBObjectStore.prototype.add = record('indexedDB', IDBObjectStore.prototype.add);
				}
				if (typeof Cache === 'function') Cache.prototype.put = record('cache', Cache.prototype.put);
				const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
				Object.defineProperty(Document.prototype, 'cookie', {
					...cookie,
					set: record('cookie', cookie.set!),
				});
			});

			await use();

			expect(offOrigin, 'requests to another origin').toEqual([]);
			expect(pageErrors, 'uncaught errors in the page').toEqual([]);
			if (!page.isClosed() && page.url().startsWith(origin)) {
				const left = await page.evaluate(async () => {
					const found: string[] = [];
					// IndexedDB: the page has none of its own (the service worker's Workbox may keep one).
					for (const db of await indexedDB.databases())
						if (!db.name?.startsWith('workbox')) found.push(`indexedDB:${db.name}`);
					// Cache Storage: every entry's URL and a digest of its body, checked against dist/ below.
					const cached: { url: string; sha256: string }[] = [];
					for (const name of await caches.keys()) {
						const cache = await caches.open(name);
						for (const request of await cache.keys()) {
							found.push(`cache:${request.url}`);
							const body = await (await cache.match(request))!.arrayBuffer();
							const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
							cached.push({
								url: request.url,
								sha256: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''),
							});
						}
					}
					const violations = (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [];
					for (const store of [localStorage, sessionStorage])
						for (let i = 0; i < store.length; i++) {
							const key = store.key(i) ?? '';
							found.push(`${key}=${store.getItem(key)}`);
						}
					const writes = (window as unknown as { __storageWrites?: string[] }).__storageWrites ?? [];
					return { violations, cached, stored: [...found, ...writes, document.cookie].join('\n') };
				});
				// The service worker's cache holds the app's own files, byte for byte, and nothing else.
				expect(
					left.cached.filter((entry) => !isOwnFile(entry, origin)),
					'cached responses',
				).toEqual([]);
				expect(left.violations, 'Content-Security-Policy violations').toEqual([]);
				// Token text (base64url JSON starts "eyJ") and key text never reach storage or cookies.
				expect(left.stored).not.toMatch(/eyJ|BEGIN|"kty"|secret|indexedDB:/i);
			}
		},
		{ auto: true },
	],
});

/**
 * A Cache Storage entry is one of the built app's files (`dist/`) with exactly its bytes: Workbox precaches
 * them under their path, with `?__WB_REVISION__=` for files whose name has no hash.
 */
function isOwnFile(entry: { url: string; sha256: string }, origin: string): boolean {
	const url = new URL(entry.url);
	if (url.origin !== origin || url.hash !== '' || !/^(\?__WB_REVISION__=\w+)?$/.test(url.search))
		return false;
	const file = join('dist', decodeURIComponent(url.pathname));
	if (!existsSync(file) || !statSync(file).isFile()) return false;
	return createHash('sha256').update(readFileSync(file)).digest('hex') === entry.sha256;
}
