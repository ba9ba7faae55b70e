// A first visit fetches each file of the build once (issue 14): the service worker keeps what the page already
// loaded from the HTTP cache instead of downloading it again. Counted at a server of our own that logs every
// request, since the service worker's fetches escape the page's request events.
import { serveDirectory } from '../../scripts/bench/serve.mjs';
import { expect, test } from './fixtures';
import { payloadEditor } from './support';

test('a first visit fetches each file once, the service worker included, and it still keeps them all', async ({
	browser,
}) => {
	// The bench's server answers `Cache-Control: no-cache` with no validators: the harshest case, where any file
	// the worker asked the server for again would cross the network twice.
	const server = await serveDirectory('dist');
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.goto(server.base);
		await expect(payloadEditor(page)).toContainText('"name"');
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
			if (!navigator.serviceWorker.controller)
				await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
		});
		// Quiet: no request for a second after the worker took over.
		await expect
			.poll(() => Date.now() - (server.requests.at(-1)?.at ?? 0), { timeout: 20_000 })
			.toBeGreaterThan(1000);
		const fetched = server.requests.map(({ path }) => (path.endsWith('/') ? `${path}index.html` : path));
		const twice = fetched.filter((path, index) => fetched.indexOf(path) !== index);
		expect(twice, 'files fetched more than once').toEqual([]);
		// Precaching waited for the page: its first-paint files and the editors' code came before the worker's
		// script (the other after-paint chunks usually do too; when one comes later, the HTTP cache still
		// gives the worker the page's copy, which the assertion above checks).
		const early = await page.evaluate(() =>
			performance
				.getEntriesByType('resource')
				.map((entry) => new URL(entry.name).pathname)
				.filter((path) => /\/assets\/(index|protocol|editor)-/.test(path)),
		);
		expect(early.length).toBeGreaterThanOrEqual(3);
		for (const path of early)
			expect(fetched.indexOf(path), `${path} before /sw.js`).toBeLessThan(fetched.indexOf('/sw.js'));
		// The worker did keep every file: what the page loaded, the chunks it has not needed yet, the icons.
		const cached = await page.evaluate(async () => {
			const urls: string[] = [];
			for (const name of await caches.keys())
				for (const request of await (await caches.open(name)).keys())
					urls.push(new URL(request.url).pathname);
			return urls;
		});
		expect(cached).toEqual(expect.arrayContaining(['/index.html', '/manifest.webmanifest', '/icon-192.png']));
		expect(cached.filter((path) => path.includes('analysis.worker'))).toHaveLength(1);
		for (const path of fetched.filter((path) => path !== '/sw.js')) expect(cached, path).toContain(path);
	} finally {
		await context.close();
		await server.close();
	}
});
