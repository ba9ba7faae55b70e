// The bench's Chromium: launching it, a fresh page per measurement, and the in-page probe that takes times with
// performance.now() (MutationObserver, long-task observer) rather than by Playwright polling.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium.mjs';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('@playwright/test').Page} Page */
/**
 * One build under test.
 * @typedef {object} Target
 * @property {'this' | 'other'} name
 * @property {string} dir the static build it serves
 * @property {string} base its URL, ending in `/`
 * @property {import('./serve.mjs').ServedRequest[]} requests every request its server has answered
 * @property {string} payloadSelector CSS selector of the payload view
 * @property {{ paste: boolean, verify: boolean }} [features] what its UI lets us measure
 */
/**
 * What the in-page probe records; times are performance.now() milliseconds.
 * @typedef {object} Probe
 * @property {{ start: number, duration: number }[]} longTasks every long task, from a PerformanceObserver
 * @property {number | undefined} seenAt when the payload view first contained the marker
 * @property {number | undefined} inputAt when the first 'input' event after watchVerdict was dispatched
 * @property {number | undefined} verifiedAt when the Signature status first said "Signature verified"
 * @property {string} [pasteText] the text the next paste carries
 * @property {{ handled: number, frame: number }[]} [keystrokes] per typed character: keydown → token re-encoded, → next frame
 */
/** @typedef {Window & typeof globalThis & { __bench: Probe }} ProbedWindow */

/** How long waitForQuiet waits for a service worker to take control; a page without one costs the bench this much. */
const SERVICE_WORKER_WAIT_MS = 5000;

/** Our payload view; `--compare-selector` names another build's. */
export const PAYLOAD_SELECTOR = '[aria-label="Payload"]';
/** Our token editor. */
export const TOKEN_SELECTOR = '[aria-label="Encoded token"]';

/** Launches Chromium as every script of the project does (scripts/chromium.mjs). */
export function launchBrowser() {
	return chromium.launch(chromiumLaunchOptions);
}

/**
 * Opens a page in a fresh browser context (empty cache, no storage), and closes the context afterwards.
 * @template T
 * @param {Browser} browser
 * @param {(page: Page) => Promise<T>} use
 * @returns {Promise<T>}
 */
export async function withPage(browser, use) {
	const context = await browser.newContext();
	try {
		return await use(await context.newPage());
	} finally {
		await context.close();
	}
}

/**
 * Checks which controls a build has, so measurements it cannot support are skipped rather than failed.
 * @param {Browser} browser
 * @param {Target} target
 */
export async function detectFeatures(browser, target) {
	return withPage(browser, async (page) => {
		await page.goto(target.base);
		await page.waitForSelector(target.payloadSelector, { timeout: 20_000 });
		const paste = (await page.locator(TOKEN_SELECTOR).count()) === 1;
		const verify =
			(await page.getByRole('textbox', { name: 'Secret or key', exact: true }).count()) === 1 &&
			(await page.getByRole('status', { name: 'Signature', exact: true }).count()) === 1;
		return { paste, verify };
	});
}

/**
 * Before any page script runs: records long tasks, and when the payload view first contains `marker`.
 * @param {Page} page
 * @param {string} payloadSelector
 * @param {string} marker
 */
export async function installProbe(page, payloadSelector, marker) {
	await page.addInitScript(
		({ payloadSelector, marker }) => {
			/** @type {Probe} */
			const probe = { longTasks: [], seenAt: undefined, inputAt: undefined, verifiedAt: undefined };
			/** @type {ProbedWindow} */ (window).__bench = probe;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries())
					probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
			}).observe({ type: 'longtask', buffered: true });
			const observer = new MutationObserver(() => {
				if (document.querySelector(payloadSelector)?.textContent?.includes(marker)) {
					probe.seenAt = performance.now();
					observer.disconnect();
				}
			});
			// The document exists before any element does; observing it catches the app's first render.
			observer.observe(document, { childList: true, subtree: true, characterData: true });
		},
		{ payloadSelector, marker },
	);
}

/**
 * Waits until the probe has recorded `field`; the value itself was taken in the page, so polling adds no error.
 * @param {Page} page
 * @param {'seenAt' | 'verifiedAt'} field
 * @param {number} timeout
 */
export async function waitForProbe(page, field, timeout) {
	await page.waitForFunction(
		(name) => /** @type {ProbedWindow} */ (window).__bench?.[name] !== undefined,
		field,
		{
			timeout,
		},
	);
}

/**
 * Waits for the network to be idle, for a service worker the page registers to have installed and taken control
 * (its precaching is start-up work too, and one that copies from the HTTP cache makes no network request to wait
 * for; SERVICE_WORKER_WAIT_MS at most, for a page that registers none), and for 500 ms without a new long task
 * (10 s at most), so a measurement neither competes with start-up work nor misses the long tasks it caused.
 * @param {Page} page
 */
export async function waitForQuiet(page) {
	await page.waitForLoadState('networkidle');
	await page.evaluate(
		(timeout) =>
			Promise.race([
				navigator.serviceWorker?.ready.then(
					() =>
						navigator.serviceWorker.controller ??
						new Promise((resolve) =>
							navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
						),
				),
				new Promise((resolve) => setTimeout(resolve, timeout)),
			]),
		SERVICE_WORKER_WAIT_MS,
	);
	await page.waitForLoadState('networkidle');
	const count = () => page.evaluate(() => /** @type {ProbedWindow} */ (window).__bench.longTasks.length);
	const deadline = Date.now() + 10_000;
	let seen = await count();
	while (Date.now() < deadline) {
		await sleep(500);
		const now = await count();
		if (now === seen) return;
		seen = now;
	}
}

/** @param {number} ms */
export function sleep(ms) {
	return new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}
