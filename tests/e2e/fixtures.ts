// The page every browser test uses, watched: any request to another origin, any CSP violation, any uncaught error,
// and any token or key text left in storage (local, session, cookies, IndexedDB, Cache Storage) fails the test
// (issue 4: privacy is proven across the whole suite).
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
					// Cache Storage holds the app's own files only, never a URL with a token in it.
					for (const name of await caches.keys())
						for (const request of await (await caches.open(name)).keys()) found.push(`cache:${request.url}`);
					const violations = (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [];
					for (const store of [localStorage, sessionStorage])
						for (let i = 0; i < store.length; i++) {
							const key = store.key(i) ?? '';
							found.push(`${key}=${store.getItem(key)}`);
						}
					return { violations, stored: [...found, document.cookie].join('\n') };
				});
				expect(left.violations, 'Content-Security-Policy violations').toEqual([]);
				// Token text (base64url JSON starts "eyJ") and key text never reach storage or cookies.
				expect(left.stored).not.toMatch(/eyJ|BEGIN|"kty"|secret|indexedDB:/i);
			}
		},
		{ auto: true },
	],
});
