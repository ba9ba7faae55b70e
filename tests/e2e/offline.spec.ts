// Offline and installable: after one visit the service worker serves the whole app, which decodes and verifies with the network cut.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from './fixtures';
import {
	freshToken,
	payloadEditor,
	pasteOverToken,
	pasteToken,
	secretBox,
	tokenEditor,
	verdict,
	watchLongTasks,
} from './support';

const SECRET = 'a-test-secret-that-is-32-bytes!!';

/** A token big enough (about 1 MB) to be decoded by the analysis worker rather than on the page. */
const bigToken = () => freshToken({ bulk: 'z'.repeat(1_000_000) });

test('after one visit, an offline reload still decodes and verifies', async ({ page, context }) => {
	await page.goto('./');
	await expect(payloadEditor(page)).toContainText('"name"');
	// The service worker has installed, precached every file and taken control of the page.
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller)
			await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
	});
	await context.setOffline(true);
	await page.reload();
	await expect(tokenEditor(page)).toBeVisible();
	await pasteToken(page, freshToken());
	await expect(payloadEditor(page)).toContainText('Ada Lovelace');
	// Verification is a lazily loaded chunk: it comes from the cache too.
	await secretBox(page).fill(SECRET);
	await expect(verdict(page)).toContainText('Signature verified');
	// So is the worker that decodes huge tokens, with every chunk it imports.
	await pasteOverToken(page, bigToken());
	await expect(payloadEditor(page)).toContainText('"bulk"');
	// The worker that analysed it is the newest (one whose job a newer text made void is stopped). Importing its
	// own module again settles as its first load did: it rejects if a chunk was missing.
	const worker = page.workers().at(-1);
	if (!worker) throw new Error('no analysis worker on the page');
	const imported = await worker.evaluate(() =>
		import(/* @vite-ignore */ self.location.href).then(
			() => 'loaded',
			(error: unknown) => String(error),
		),
	);
	expect(imported).toBe('loaded');
	await expect(verdict(page)).toContainText('Signature verified');
});

test('a service worker registration that fails raises no page error, and the page still works', async ({
	page,
	context,
}) => {
	// The registration's script request fails, as when the page is left while it registers.
	let asked = false;
	await context.route('**/sw.js', (route) => {
		asked = true;
		return route.abort('aborted');
	});
	await page.goto('./');
	await expect(payloadEditor(page)).toContainText('"name"');
	await expect.poll(() => asked).toBe(true);
	// A second registration of the same script queues behind the page's own: once it has failed, so has the page's.
	const outcome = await page.evaluate(() =>
		navigator.serviceWorker.register('./sw.js', { scope: './' }).then(
			() => 'registered',
			() => 'failed',
		),
	);
	expect(outcome).toBe('failed');
	// A task later, an unhandled rejection would have been reported; the watchdog fails the test on it.
	await page.evaluate(() => new Promise((resolve) => setTimeout(resolve)));
	await pasteToken(page, freshToken());
	await expect(payloadEditor(page)).toContainText('Ada Lovelace');
});

test('control: with the service worker blocked, the same offline reload fails', async ({
	browser,
	baseURL,
}) => {
	const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
	const page = await context.newPage();
	await page.goto('./');
	await expect(payloadEditor(page)).toContainText('"name"');
	await context.setOffline(true);
	await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
	await context.close();
});

test('the page is installable: a manifest with name, icons and a start URL', async ({ page, request }) => {
	await page.goto('./');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(href).toBeTruthy();
	const manifest = await (await request.get(new URL(href!, page.url()).href)).json();
	expect(manifest).toMatchObject({ name: expect.stringContaining('JWT Prism'), display: 'standalone' });
	const sizes = (manifest.icons as { sizes: string }[]).map((icon) => icon.sizes);
	expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
	for (const icon of manifest.icons as { src: string }[]) {
		const response = await request.get(new URL(icon.src, new URL(href!, page.url())).href);
		expect(response.ok(), icon.src).toBe(true);
	}
});

test('the footer says nothing leaves the page and explains how to check', async ({ page }) => {
	await page.goto('./');
	const footer = page.getByRole('contentinfo');
	await expect(footer).toContainText('Nothing you paste leaves this page.');
	await footer.getByText('How to check').click();
	await expect(footer.getByText(/Preserve log/)).toBeVisible();
});

test('the single-file build works from file:// under its strict CSP, with no request at all', async ({
	page,
}) => {
	const file = pathToFileURL(resolve('dist/jwt-prism.html')).href;
	const requests: string[] = [];
	page.on('request', (request) => requests.push(request.url()));
	await page.addInitScript(() => {
		const violations: string[] = [];
		(window as unknown as { violations: string[] }).violations = violations;
		document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
	});
	await page.goto(file);
	await expect(payloadEditor(page)).toContainText('"name"');
	await pasteToken(page, freshToken());
	await expect(payloadEditor(page)).toContainText('Ada Lovelace');
	await secretBox(page).fill(SECRET);
	await expect(verdict(page)).toContainText('Signature verified');
	// A huge token is decoded by the worker the file carries inside it (a blob: URL, allowed for workers only).
	const longestTask = await watchLongTasks(page);
	const worker = page.waitForEvent('worker');
	await pasteOverToken(page, bigToken());
	expect((await worker).url()).toMatch(/^blob:/);
	await expect(payloadEditor(page)).toContainText('Ada Lovelace');
	await expect(page.getByText('Showing the first 500 of 1,000,000 characters')).toBeVisible();
	await expect(verdict(page)).toContainText('Signature verified');
	expect(await longestTask()).toBeLessThan(1000);
	expect(
		requests.filter((url) => url !== file && !url.startsWith('data:') && !url.startsWith('blob:')),
	).toEqual([]);
	expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
});
