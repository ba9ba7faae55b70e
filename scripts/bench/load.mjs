// First load: the bytes a fresh visit fetches, raw and gzip -9 per kind, before the example token shows (the
// first paint set), once the page's network has been idle a second (after idle), and everything any context of
// the page fetched (page, workers, service worker) until the server saw no request for two seconds after the
// service worker activated (first visit), counted at the bench's own server, with the files fetched twice.
import { gzipSync } from 'node:zlib';
import { installProbe, waitForProbe, withPage, sleep } from './browser.mjs';
import { attempt } from './runs.mjs';
import { GZIP_LEVEL } from './serve.mjs';
import { recordMetric, summarize } from './stats.mjs';

/** @typedef {import('./browser.mjs').Browser} Browser */
/** @typedef {import('./browser.mjs').Page} Page */
/** @typedef {import('./browser.mjs').Target} Target */
/** @typedef {import('./browser.mjs').ProbedWindow} ProbedWindow */
/** @typedef {import('./stats.mjs').Metric} Metric */

/**
 * First-load bytes of each target, as metrics (one sample each) and in full (every file) for bench-results.json.
 * @param {Browser} browser
 * @param {Target[]} targets
 * @param {Metric[]} metrics
 */
export async function measureFirstLoads(browser, targets, metrics) {
	/** @type {Record<string, unknown>} */
	const firstLoad = {};
	for (const target of targets) {
		const load = await attempt(`first load of ${target.name}`, () => measureFirstLoad(browser, target));
		firstLoad[target.name] = load;
		addSizeMetrics(metrics, target, load);
	}
	return firstLoad;
}

/**
 * Loads the page in a fresh context and records every response: bytes raw and gzip -9, by kind, for the set
 * requested before the example token showed in the payload view, and for everything once the network was idle 1 s.
 * @param {Browser} browser
 * @param {Target} target
 */
async function measureFirstLoad(browser, target) {
	return withPage(browser, async (page) => {
		await installProbe(page, target.payloadSelector, '"name"');
		const network = trackNetwork(page);
		const firstRequest = target.requests.length;
		await page.goto(target.base);
		await waitForProbe(page, 'seenAt', 20_000);
		// Resource timing shares the probe's clock, so "requested before the payload showed" is exact.
		const requestedBefore = await page.evaluate(() => {
			const seenAt = /** @type {ProbedWindow} */ (window).__bench.seenAt ?? 0;
			return performance
				.getEntriesByType('resource')
				.filter((entry) => entry.startTime <= seenAt)
				.map((entry) => entry.name);
		});
		await network.idle(1_000, 20_000);
		const files = await network.files();
		const firstPaintUrls = new Set([page.url().split('#')[0], ...requestedBefore]);
		for (const file of files) file.firstPaint = firstPaintUrls.has(file.url);
		await serviceWorkerActivated(page, 30_000);
		await serverQuiet(target, 2_000, 30_000);
		const served = target.requests.slice(firstRequest).map((request) => ({
			...request,
			kind: kindOf('', `http://localhost${request.path}`),
		}));
		return {
			firstPaintSet: totalFiles(files.filter((file) => file.firstPaint)),
			afterIdle: totalFiles(files),
			firstVisit: { ...totalFiles(served), fetchedTwice: fetchedMoreThanOnce(served) },
			files: files.map((file) => ({ ...file, url: file.url.replace(target.base, '/') })),
			served: served.map(({ path, status, raw, gzip, sent }) => ({ path, status, raw, gzip, sent })),
		};
	});
}

/**
 * Waits until the page's service worker (if it registers one within the timeout) is activated: its precache is
 * complete then. A build without one just waits the timeout out.
 * @param {Page} page
 * @param {number} timeout
 */
async function serviceWorkerActivated(page, timeout) {
	await page.evaluate(
		(ms) =>
			Promise.race([
				new Promise((resolve) => setTimeout(resolve, ms)),
				navigator.serviceWorker?.ready.then(
					(registration) =>
						new Promise((resolve) => {
							const worker = registration.active;
							if (!worker || worker.state === 'activated') resolve(undefined);
							else
								worker.addEventListener(
									'statechange',
									() => worker.state === 'activated' && resolve(undefined),
								);
						}),
				),
			]),
		timeout,
	);
}

/**
 * Resolves once the target's server has answered no request for `quietMs`; throws after `timeoutMs`.
 * @param {Target} target
 * @param {number} quietMs
 * @param {number} timeoutMs
 */
async function serverQuiet(target, quietMs, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() - (target.requests.at(-1)?.at ?? 0) < quietMs) {
		if (Date.now() > deadline) throw new Error(`the server still answered requests after ${timeoutMs} ms`);
		await sleep(100);
	}
}

/**
 * The files requested more than once (`/` counts as `/index.html`), with how often.
 * @param {{ path: string }[]} served
 */
function fetchedMoreThanOnce(served) {
	/** @type {Map<string, number>} */
	const counts = new Map();
	for (const { path } of served) {
		const file = path.endsWith('/') ? `${path}index.html` : path;
		counts.set(file, (counts.get(file) ?? 0) + 1);
	}
	return [...counts].filter(([, count]) => count > 1).map(([path, count]) => ({ path, count }));
}

/**
 * Follows a page's requests: how many are in flight, when the last one started or ended, and every response body.
 * @param {Page} page
 */
function trackNetwork(page) {
	let inFlight = 0;
	let lastActivity = Date.now();
	/** @type {Promise<{ url: string, kind: string, raw: number, gzip: number, served: number, encoding: string, firstPaint?: boolean }>[]} */
	const bodies = [];
	page.on('request', () => {
		inFlight++;
		lastActivity = Date.now();
	});
	const settle = () => {
		inFlight--;
		lastActivity = Date.now();
	};
	page.on('requestfinished', settle);
	page.on('requestfailed', settle);
	page.on('response', (response) => {
		bodies.push(
			(async () => {
				const body = await response.body();
				const headers = response.headers();
				const sizes = await response.request().sizes();
				return {
					url: response.url(),
					kind: kindOf(headers['content-type'] ?? '', response.url()),
					raw: body.length,
					gzip: gzipSync(body, { level: GZIP_LEVEL }).length,
					served: sizes.responseBodySize,
					encoding: headers['content-encoding'] ?? 'identity',
				};
			})(),
		);
	});
	return {
		/**
		 * Resolves once nothing has been in flight for `quietMs`; throws after `timeoutMs`.
		 * @param {number} quietMs
		 * @param {number} timeoutMs
		 */
		async idle(quietMs, timeoutMs) {
			const deadline = Date.now() + timeoutMs;
			while (!(inFlight <= 0 && Date.now() - lastActivity >= quietMs)) {
				if (Date.now() > deadline) throw new Error(`network not idle after ${timeoutMs} ms`);
				await sleep(50);
			}
		},
		files: () => Promise.all(bodies),
	};
}

/**
 * JS, CSS or other, from the content type (or the extension when there is none).
 * @param {string} contentType
 * @param {string} url
 */
function kindOf(contentType, url) {
	if (/javascript/.test(contentType) || /\.m?js$/.test(new URL(url).pathname)) return 'js';
	if (/text\/css/.test(contentType) || /\.css$/.test(new URL(url).pathname)) return 'css';
	return 'other';
}

/**
 * Sums requests and bytes per kind.
 * @param {{ kind: string, raw: number, gzip: number }[]} files
 */
function totalFiles(files) {
	/** @type {Record<'js' | 'css' | 'other' | 'total', { requests: number, raw: number, gzip: number }>} */
	const totals = {
		js: { requests: 0, raw: 0, gzip: 0 },
		css: { requests: 0, raw: 0, gzip: 0 },
		other: { requests: 0, raw: 0, gzip: 0 },
		total: { requests: 0, raw: 0, gzip: 0 },
	};
	for (const file of files) {
		for (const sum of [totals[/** @type {'js' | 'css' | 'other'} */ (file.kind)], totals.total]) {
			sum.requests++;
			sum.raw += file.raw;
			sum.gzip += file.gzip;
		}
	}
	return totals;
}

/**
 * Adds the first-load byte counts as metrics (one sample each), so they get ratios like the timings.
 * @param {Metric[]} metrics
 * @param {Target} target
 * @param {Awaited<ReturnType<typeof measureFirstLoad>> | undefined} load
 */
function addSizeMetrics(metrics, target, load) {
	for (const [set, label] of /** @type {const} */ ([
		['firstPaintSet', 'first paint set'],
		['afterIdle', 'after idle'],
		['firstVisit', 'first visit'],
	])) {
		for (const kind of /** @type {const} */ (['js', 'css', 'other', 'total'])) {
			for (const field of /** @type {const} */ (['requests', 'raw', 'gzip'])) {
				const value = load?.[set][kind][field];
				recordMetric(metrics, {
					id: `firstLoad.${set}.${kind}.${field}`,
					section: 'First load',
					label: `${label}: ${kind} ${field}`,
					unit: field === 'requests' ? 'count' : 'bytes',
					target,
					summary: value === undefined ? null : summarize([value]),
				});
			}
		}
	}
	recordMetric(metrics, {
		id: 'firstLoad.firstVisit.fetchedTwice',
		section: 'First load',
		label: 'first visit: files fetched more than once',
		unit: 'count',
		target,
		summary: load ? summarize([load.firstVisit.fetchedTwice.length]) : null,
	});
}
