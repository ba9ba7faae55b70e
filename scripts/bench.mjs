// Measures what a person waits for in the built app: bytes of the first load, a cold navigation to a decoded
// token, paste → Payload for 1 KB, 100 KB, 1 MB and 10 MB payloads, verification per algorithm, and typing in the
// Header and Payload editors (keystroke → token re-encoded), in Chromium.
//
// Usage: npm run bench -- [options]
//   --no-build              measure the existing dist/ instead of running `vite build` first
//   --runs N                run every timing N times (defaults: cold navigation 7, paste 5, 3 for 1 MB and 2 for 10 MB,
//                           verify 5, typing 3)
//   --out FILE              where to write every number (default bench-results.json)
//   --compare DIR           also serve DIR (another static build, say a previous release's dist/) and run the same
//                           measurements on it, interleaved A, B, A, B… for the timings, then print this / other
//   --compare-selector CSS  the compare build's payload view, when it is not [aria-label="Payload"]
//   --only LIST             measure only these sections, comma-separated: load, cold, paste, verify, typing
//
// The compare build may not have our UI names. Its first load waits for its payload view to show `"name"` (the
// example token's claim); paste is skipped for it when it has no [aria-label="Encoded token"] editor, and verify
// when it has no textbox `Secret or key` or no status `Signature`. Skipped metrics get no ratio.
//
// Both builds are served by the small static server below, every file gzip -9 (read and compressed once at start,
// so a rebuild during the run cannot mix two builds), so transfer sizes are realistic.
// Times are performance.now() values taken in the page (MutationObserver, 'input' listener), not Playwright
// polling. There are no thresholds (the bundle budget lives in npm test): the exit code is non-zero only when
// something could not be measured at all (build, server, browser, or a measurement that never completed).
import { spawnSync } from 'node:child_process';
import { createHash, createHmac, generateKeyPairSync, sign as signData } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { gzip as gzipCallback, gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.mjs';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('@playwright/test').Page} Page */
/**
 * One build under test.
 * @typedef {object} Target
 * @property {'this' | 'other'} name
 * @property {string} dir the static build it serves
 * @property {string} base its URL, ending in `/`
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
/** @typedef {{ median: number, min: number, max: number, runs: number, samples: number[] }} Summary */
/**
 * One number of the results, for each target, and its ratio this / other.
 * @typedef {object} Metric
 * @property {string} id stable key in bench-results.json
 * @property {string} section table it is printed in
 * @property {string} label row label
 * @property {string} unit 'ms', 'bytes' or 'count'
 * @property {Partial<Record<'this' | 'other', Summary | null>>} values null when skipped or failed
 * @property {number | null} [ratio]
 */

const GZIP_LEVEL = 9;
const PAYLOAD_SELECTOR = '[aria-label="Payload"]';
const TOKEN_SELECTOR = '[aria-label="Encoded token"]';
const HS256_SECRET = 'bench-hs256-secret-that-is-longer-than-32-bytes';
const CONTENT_TYPES = /** @type {Record<string, string>} */ ({
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.map': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.wasm': 'application/wasm',
});
/** Payload sizes for paste → Payload, with their default run counts. */
const PASTE_SIZES = [
	{ label: '1 KB', bytes: 1_000, runs: 5 },
	{ label: '100 KB', bytes: 100_000, runs: 5 },
	{ label: '1 MB', bytes: 1_000_000, runs: 3 },
	// The size of tests/e2e/size.spec.ts's 13 MB token: decoded in a worker, the page must keep answering.
	{ label: '10 MB', bytes: 10_000_000, runs: 2 },
];
/** @typedef {'load' | 'cold' | 'paste' | 'verify' | 'typing'} Section */
/** What `--only` can pick, in the order the bench measures them. */
const SECTIONS = /** @type {Section[]} */ (['load', 'cold', 'paste', 'verify', 'typing']);
/** Characters typed per run into each editor; each keystroke is one sample. */
const TYPED = 'typing-latency';
/** Editors typed into, with what to click first: the marker claim's value, or the header's `typ`. */
const TYPING_EDITORS = /** @type {const} */ ([
	{ label: 'Payload', id: 'payload', clickText: (/** @type {string} */ marker) => marker },
	{ label: 'Header', id: 'header', clickText: () => '"JWT"' },
]);

const gzip = promisify(gzipCallback);

const options = parseOptions(process.argv.slice(2));
/** Set when a measurement failed: the bench prints what it has, then exits 1. */
let failures = 0;
try {
	await main();
} catch (error) {
	console.error(error);
	process.exitCode = 1;
}
if (failures > 0) {
	console.error(`${failures} measurement(s) failed; see the errors above.`);
	process.exitCode = 1;
}

async function main() {
	if (options.build) buildApp();
	/** @type {{ base: string, close: () => Promise<void> }[]} */
	const servers = [];
	/** @type {Browser | undefined} */
	let browser;
	try {
		/** @type {Target[]} */
		const targets = [];
		for (const [name, dir, payloadSelector] of /** @type {const} */ ([
			['this', 'dist', PAYLOAD_SELECTOR],
			['other', options.compare, options.compareSelector],
		])) {
			if (!dir) continue;
			const server = await serveDirectory(dir);
			servers.push(server);
			targets.push({ name, dir, base: server.base, payloadSelector });
		}
		browser = await chromium.launch(chromiumLaunchOptions);
		const results = await measureAll(browser, targets);
		printResults(results);
		await writeFile(options.out, `${JSON.stringify(results, null, '\t')}\n`);
		console.log(`\nAll numbers: ${options.out}`);
	} finally {
		await browser?.close();
		await Promise.all(servers.map((server) => server.close()));
	}
}

/**
 * Reads the command line (see the header comment).
 * @param {string[]} args
 */
function parseOptions(args) {
	const { values } = parseArgs({
		args,
		options: {
			'no-build': { type: 'boolean', default: false },
			runs: { type: 'string' },
			out: { type: 'string', default: 'bench-results.json' },
			compare: { type: 'string' },
			'compare-selector': { type: 'string', default: PAYLOAD_SELECTOR },
			only: { type: 'string' },
		},
	});
	const only = values.only === undefined ? undefined : values.only.split(',');
	const unknown = only?.filter((name) => !SECTIONS.includes(/** @type {Section} */ (name)));
	if (unknown?.length) throw new Error(`--only takes ${SECTIONS.join(', ')}; not ${unknown.join(', ')}`);
	const runs = values.runs === undefined ? undefined : Number(values.runs);
	if (runs !== undefined && !(Number.isInteger(runs) && runs > 0))
		throw new Error(`--runs wants a positive integer, got ${values.runs}`);
	return {
		build: !values['no-build'],
		runs,
		out: values.out,
		compare: values.compare,
		compareSelector: values['compare-selector'],
		/** The sections to measure; all when --only is not given. */
		sections: /** @type {Section[]} */ (only ?? SECTIONS),
	};
}

/** Builds dist/ with vite; its output goes to stderr so stdout stays the table. */
function buildApp() {
	const result = spawnSync('node_modules/.bin/vite', ['build'], { stdio: ['ignore', 2, 2] });
	if (result.status !== 0)
		throw new Error(`vite build failed (exit ${result.status})`, { cause: result.error });
}

/**
 * Serves a directory on 127.0.0.1 at a free port, each file gzip -9. The files are read and compressed once at
 * start, so a rebuild of the directory during the bench (npm test builds dist/ too) cannot mix two builds.
 * @param {string} dir
 * @returns {Promise<{ base: string, close: () => Promise<void> }>}
 */
async function serveDirectory(dir) {
	const root = resolve(dir);
	const files = await snapshotDirectory(root);
	if (!files.has(join(root, 'index.html')))
		throw new Error(`${dir} has no index.html: is it a static build?`);
	const server = createServer((request, response) => {
		const path = resolveRequestPath(root, request.url ?? '/');
		const file = path && files.get(path);
		if (!path || !file) {
			response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
			return;
		}
		const useGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
		const body = useGzip ? file.gzipped : file.raw;
		response.writeHead(200, {
			'Content-Type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
			'Content-Length': body.length,
			'Cache-Control': 'no-cache',
			Vary: 'Accept-Encoding',
			...(useGzip ? { 'Content-Encoding': 'gzip' } : {}),
		});
		response.end(request.method === 'HEAD' ? undefined : body);
	});
	await new Promise((resolveListen, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolveListen(undefined));
	});
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error(`no port for the server of ${dir}`);
	return {
		base: `http://127.0.0.1:${address.port}/`,
		close: () =>
			new Promise((resolveClose) => {
				server.closeAllConnections();
				server.close(() => resolveClose());
			}),
	};
}

/**
 * Every file under root, raw and gzip -9, keyed by absolute path.
 * @param {string} root
 */
async function snapshotDirectory(root) {
	/** @type {Map<string, { raw: Buffer, gzipped: Buffer }>} */
	const files = new Map();
	for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const path = join(entry.parentPath, entry.name);
		const raw = await readFile(path);
		files.set(path, { raw, gzipped: await gzip(raw, { level: GZIP_LEVEL }) });
	}
	return files;
}

/**
 * Maps a request URL to a file under root, `index.html` for a directory; undefined when it would leave root.
 * @param {string} root
 * @param {string} url
 */
function resolveRequestPath(root, url) {
	let pathname;
	try {
		pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
	} catch (error) {
		if (error instanceof URIError) return undefined;
		throw error;
	}
	if (pathname.endsWith('/')) pathname += 'index.html';
	const path = join(root, pathname);
	return path.startsWith(root + sep) ? path : undefined;
}

/**
 * Runs every measurement on every target and gathers the numbers.
 * @param {Browser} browser
 * @param {Target[]} targets
 */
async function measureAll(browser, targets) {
	const started = new Date().toISOString();
	const loadBefore = loadAverage();
	if (loadBefore > cpus().length)
		console.error(`Load average ${loadBefore} on ${cpus().length} CPUs: other work will skew the timings.`);
	for (const target of targets) {
		target.features = await detectFeatures(browser, target);
		// Our own build must have every control; only the compare build may lack some.
		if (target.name === 'this' && !(target.features.paste && target.features.verify)) {
			failures++;
			console.error(`this build lacks a control the bench needs: ${JSON.stringify(target.features)}`);
		}
	}
	/** @type {Metric[]} */
	const metrics = [];
	/** @type {Record<string, unknown>} */
	const firstLoad = {};
	const measuring = (/** @type {Section} */ section) => options.sections.includes(section);
	for (const target of measuring('load') ? targets : []) {
		const load = await attempt(`first load of ${target.name}`, () => measureFirstLoad(browser, target));
		firstLoad[target.name] = load;
		addSizeMetrics(metrics, target, load);
	}
	if (measuring('cold')) await measureColdNavigation(browser, targets, metrics);
	if (measuring('paste')) await measurePasteSizes(browser, targets, metrics);
	if (measuring('verify')) await measureVerifyAlgorithms(browser, targets, metrics);
	if (measuring('typing')) await measureTyping(browser, targets, metrics);
	for (const metric of metrics) metric.ratio = ratioOf(metric);
	return {
		environment: {
			date: started,
			node: process.version,
			chromium: browser.version(),
			platform: `${process.platform} ${process.arch}`,
			cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
			// 1-minute load average before and after: above the CPU count, other work was competing.
			loadAverage: { before: loadBefore, after: loadAverage() },
			viewport: '1280×720 (Playwright default)',
		},
		options: {
			...options,
			targets: targets.map(({ name, dir, payloadSelector, features }) => ({
				name,
				dir,
				payloadSelector,
				features,
			})),
		},
		pastePayloads: describePastePayloads(),
		firstLoad,
		metrics,
	};
}

/**
 * Checks which controls a build has, so measurements it cannot support are skipped rather than failed.
 * @param {Browser} browser
 * @param {Target} target
 */
async function detectFeatures(browser, target) {
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
 * Loads the page in a fresh context and records every response: bytes raw and gzip -9, by kind, for the set
 * requested before the example token showed in the payload view, and for everything once the network was idle 1 s.
 * @param {Browser} browser
 * @param {Target} target
 */
async function measureFirstLoad(browser, target) {
	return withPage(browser, async (page) => {
		await installProbe(page, target.payloadSelector, '"name"');
		const network = trackNetwork(page);
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
		return {
			firstPaintSet: totalFiles(files.filter((file) => file.firstPaint)),
			afterIdle: totalFiles(files),
			files: files.map((file) => ({ ...file, url: file.url.replace(target.base, '/') })),
		};
	});
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
}

/**
 * Cold navigation → decoded: fresh context, `page.goto(base#token=…)`, until the payload view shows a claim value.
 * @param {Browser} browser
 * @param {Target[]} targets
 * @param {Metric[]} metrics
 */
async function measureColdNavigation(browser, targets, metrics) {
	const marker = `cold-navigation-${randomTag()}`;
	const token = signHs256({ sub: 'bench', name: 'Cold Navigation', marker, iat: 1_700_000_000 });
	const runs = options.runs ?? 7;
	const samples = await interleave(targets, runs, `cold navigation`, (target) =>
		withPage(browser, async (page) => {
			await installProbe(page, target.payloadSelector, marker);
			await page.goto(`${target.base}#token=${token}`);
			await waitForProbe(page, 'seenAt', 20_000);
			return page.evaluate(() => ({
				decoded: /** @type {ProbedWindow} */ (window).__bench.seenAt ?? NaN,
				firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
			}));
		}),
	);
	for (const target of targets) {
		const list = samples.get(target) ?? [];
		const section = `Cold navigation → Payload shown (ms, ${plural(runs, 'run')})`;
		recordMetric(metrics, {
			id: 'coldNavigation.decoded',
			section,
			label: 'decoded',
			unit: 'ms',
			target,
			summary: summarize(list.map((s) => s.decoded)),
		});
		recordMetric(metrics, {
			id: 'coldNavigation.firstContentfulPaint',
			section,
			label: 'first contentful paint',
			unit: 'ms',
			target,
			summary: summarize(list.map((s) => s.firstContentfulPaint)),
		});
	}
}

/**
 * Paste → Payload shown, for each payload size: the time, the next frame, and main-thread long tasks.
 * @param {Browser} browser
 * @param {Target[]} targets
 * @param {Metric[]} metrics
 */
async function measurePasteSizes(browser, targets, metrics) {
	for (const size of PASTE_SIZES) {
		const runs = options.runs ?? size.runs;
		const pasteTargets = targets.filter((target) => target.features?.paste);
		const samples = await interleave(pasteTargets, runs, `paste ${size.label}`, (target) =>
			measurePaste(browser, target, size.bytes),
		);
		for (const target of targets) {
			const list = samples.get(target);
			const section = `Paste → Payload shown (ms; ${PASTE_SIZES.map((s) => `${s.label}: ${plural(options.runs ?? s.runs, 'run')}`).join(', ')})`;
			const id = `paste.${size.label.replace(' ', '')}`;
			/** @param {(sample: Awaited<ReturnType<typeof measurePaste>>) => number} pick */
			const summary = (pick) => (list ? summarize(list.map(pick)) : null);
			recordMetric(metrics, {
				id: `${id}.shown`,
				section,
				label: `${size.label} shown`,
				unit: 'ms',
				target,
				summary: summary((s) => s.shown),
			});
			recordMetric(metrics, {
				id: `${id}.nextFrame`,
				section,
				label: `${size.label} next frame`,
				unit: 'ms',
				target,
				summary: summary((s) => s.nextFrame),
			});
			recordMetric(metrics, {
				id: `${id}.longestTask`,
				section,
				label: `${size.label} longest task`,
				unit: 'ms',
				target,
				summary: summary((s) => s.longestTask),
			});
			recordMetric(metrics, {
				id: `${id}.longTasks`,
				section,
				label: `${size.label} long tasks`,
				unit: 'count',
				target,
				summary: summary((s) => s.longTasks),
			});
		}
	}
}

/**
 * One paste in a fresh page: the example token is replaced by a token whose payload has about `bytes` bytes.
 * @param {Browser} browser
 * @param {Target} target
 * @param {number} bytes
 */
async function measurePaste(browser, target, bytes) {
	const marker = `paste-${bytes}-${randomTag()}`;
	const token = signHs256(buildPayload(bytes, marker));
	return withPage(browser, async (page) => {
		await installProbe(page, target.payloadSelector, '"name"');
		await page.goto(target.base);
		await waitForProbe(page, 'seenAt', 20_000);
		await waitForQuiet(page);
		// The text goes over first, so its transfer into the page is not part of the time.
		await page.evaluate((text) => {
			/** @type {ProbedWindow} */ (window).__bench.pasteText = text;
		}, token);
		await page.locator(TOKEN_SELECTOR).focus();
		await page.keyboard.press('ControlOrMeta+A');
		const result = await page.evaluate(pasteAndWatch, {
			tokenSelector: TOKEN_SELECTOR,
			payloadSelector: target.payloadSelector,
			marker,
			timeoutMs: 60_000,
		});
		if (result.shownAt === undefined)
			throw new Error(`the payload view never showed the ${bytes}-byte paste`);
		await waitForQuiet(page);
		const tasks = await page.evaluate(() => /** @type {ProbedWindow} */ (window).__bench.longTasks);
		// The task that dispatched the paste started before `start`; count every task still running after it.
		const during = tasks.filter((task) => task.start + task.duration > result.start);
		return {
			shown: result.shownAt - result.start,
			nextFrame: result.frameAt - result.start,
			longestTask: Math.max(0, ...during.map((task) => task.duration)),
			longTasks: during.length,
		};
	});
}

/**
 * In the page: pastes `__bench.pasteText` into the token editor as a real paste does (a ClipboardEvent with a
 * DataTransfer, which CodeMirror reads), and resolves when a MutationObserver sees the marker in the payload
 * view, then after the next frame.
 * @param {{ tokenSelector: string, payloadSelector: string, marker: string, timeoutMs: number }} args
 * @returns {Promise<{ start: number, shownAt?: number, frameAt: number }>}
 */
function pasteAndWatch({ tokenSelector, payloadSelector, marker, timeoutMs }) {
	const probe = /** @type {ProbedWindow} */ (window).__bench;
	const editor = document.querySelector(tokenSelector);
	if (!editor) throw new Error(`no ${tokenSelector}`);
	const data = new DataTransfer();
	data.setData('text/plain', probe.pasteText ?? '');
	return new Promise((resolveResult) => {
		const start = performance.now();
		const finish = (/** @type {number | undefined} */ shownAt) => {
			observer.disconnect();
			clearTimeout(timer);
			// A frame after rAF has painted: "next frame" includes style, layout and paint of the change.
			requestAnimationFrame(() =>
				setTimeout(() => resolveResult({ start, shownAt, frameAt: performance.now() })),
			);
		};
		const observer = new MutationObserver(() => {
			if (document.querySelector(payloadSelector)?.textContent?.includes(marker)) finish(performance.now());
		});
		observer.observe(document.body, { childList: true, subtree: true, characterData: true });
		const timer = setTimeout(() => finish(undefined), timeoutMs);
		editor.dispatchEvent(
			new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
		);
	});
}

/** The paste payloads' real sizes: the time follows the number of claims more than the bytes. */
function describePastePayloads() {
	return PASTE_SIZES.map(({ label, bytes }) => {
		const payload = buildPayload(bytes, `paste-${bytes}-${randomTag()}`);
		return {
			label,
			payloadBytes: JSON.stringify(payload).length,
			claims: Object.keys(payload).length,
			tokenChars: signHs256(payload).length,
		};
	});
}

/**
 * A payload of about `bytes` bytes of JSON: the marker claim, then filler claims of ~100 bytes each.
 * The marker comes FIRST: CodeMirror draws only the lines in view, so a claim at the end of a large payload
 * would never reach the DOM where the MutationObserver looks for it.
 * @param {number} bytes
 * @param {string} marker
 */
function buildPayload(bytes, marker) {
	/** @type {Record<string, string | number>} */
	const payload = { bench_marker: marker, sub: 'bench', iat: 1_700_000_000 };
	let length = JSON.stringify(payload).length;
	for (let i = 0; length < bytes; i++) {
		const key = `filler_${String(i).padStart(5, '0')}`;
		// Varied text, as real claims are (a repeated string would make the token unrealistically compressible).
		const value = createHash('sha512').update(key).digest('base64url').slice(0, 80);
		payload[key] = value;
		length += key.length + value.length + 6; // ,"key":"value"
	}
	return payload;
}

/**
 * Verify time per algorithm: fill `Secret or key` and wait for "Signature verified" in the `Signature` status.
 * @param {Browser} browser
 * @param {Target[]} targets
 * @param {Metric[]} metrics
 */
async function measureVerifyAlgorithms(browser, targets, metrics) {
	const runs = options.runs ?? 5;
	for (const { alg, token, key, marker } of buildVerifyCases()) {
		const verifyTargets = targets.filter((target) => target.features?.verify);
		const samples = await interleave(verifyTargets, runs, `verify ${alg}`, (target) =>
			measureVerify(browser, target, token, key, marker),
		);
		for (const target of targets) {
			const list = samples.get(target);
			recordMetric(metrics, {
				id: `verify.${alg}`,
				section: `Key filled → Signature verified (ms, ${plural(runs, 'run')})`,
				label: alg,
				unit: 'ms',
				target,
				summary: list ? summarize(list) : null,
			});
		}
	}
}

/** HS256, RS256, ES256 and EdDSA tokens signed in node, each with the text a person pastes to verify it. */
function buildVerifyCases() {
	/** @param {string} alg @param {(input: string) => Buffer} sign @param {string} key */
	const build = (alg, sign, key) => {
		const marker = `verify-${alg}-${randomTag()}`;
		const token = encodeToken({ alg, typ: 'JWT' }, { sub: 'bench', name: 'Verify', marker }, sign);
		return { alg, token, key, marker };
	};
	const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	const ed = generateKeyPairSync('ed25519');
	/** @param {import('node:crypto').KeyObject} publicKey */
	const pem = (publicKey) => String(publicKey.export({ type: 'spki', format: 'pem' }));
	return [
		build('HS256', (input) => createHmac('sha256', HS256_SECRET).update(input).digest(), HS256_SECRET),
		build('RS256', (input) => signData('sha256', Buffer.from(input), rsa.privateKey), pem(rsa.publicKey)),
		// JWS wants ECDSA signatures as fixed-length r‖s (RFC 7518 §3.4), not node's default DER.
		build(
			'ES256',
			(input) => signData('sha256', Buffer.from(input), { key: ec.privateKey, dsaEncoding: 'ieee-p1363' }),
			pem(ec.publicKey),
		),
		build('EdDSA', (input) => signData(null, Buffer.from(input), ed.privateKey), pem(ed.publicKey)),
	];
}

/**
 * One verification in a fresh, idle page: from the fill's 'input' event to "Signature verified" in the status.
 * @param {Browser} browser
 * @param {Target} target
 * @param {string} token
 * @param {string} key
 * @param {string} marker
 */
async function measureVerify(browser, target, token, key, marker) {
	return withPage(browser, async (page) => {
		await installProbe(page, target.payloadSelector, marker);
		await page.goto(`${target.base}#token=${token}`);
		await waitForProbe(page, 'seenAt', 20_000);
		// Idle first, so the lazily loaded crypto code is in place and only the verification is timed.
		await waitForQuiet(page);
		await page.getByRole('status', { name: 'Signature', exact: true }).evaluate(watchVerdict);
		await page.getByRole('textbox', { name: 'Secret or key', exact: true }).fill(key);
		await waitForProbe(page, 'verifiedAt', 20_000);
		const { inputAt, verifiedAt } = await page.evaluate(() => /** @type {ProbedWindow} */ (window).__bench);
		if (inputAt === undefined || verifiedAt === undefined)
			throw new Error('no input event before the verdict');
		return verifiedAt - inputAt;
	});
}

/**
 * In the page: records when the next 'input' event starts (the fill) and when `status` first says
 * "Signature verified". The capture listener on window runs before the app's own input handler.
 * @param {Element} status
 */
function watchVerdict(status) {
	const probe = /** @type {ProbedWindow} */ (window).__bench;
	addEventListener('input', () => (probe.inputAt ??= performance.now()), { capture: true, once: true });
	const observer = new MutationObserver(() => {
		if (status.textContent?.includes('Signature verified')) {
			probe.verifiedAt = performance.now();
			observer.disconnect();
		}
	});
	observer.observe(status, { childList: true, subtree: true, characterData: true });
}

/**
 * Typing into the Header and Payload editors of a typical token with its secret filled, so every keystroke
 * re-encodes and re-signs the token: keydown → encoded token in the DOM, and → the frame after it. One frame
 * (16.7 ms at 60 Hz) is the target for a typical token.
 * @param {Browser} browser
 * @param {Target[]} targets
 * @param {Metric[]} metrics
 */
async function measureTyping(browser, targets, metrics) {
	const runs = options.runs ?? 3;
	const typical = buildVerifyCases().find((c) => c.alg === 'HS256');
	if (!typical) throw new Error('no HS256 case to type into');
	const { token, key, marker } = typical;
	for (const editor of TYPING_EDITORS) {
		// Only our UI: another build's editors have other names and may not re-encode as one types.
		const typingTargets = targets.filter((target) => target.name === 'this');
		const samples = await interleave(typingTargets, runs, `typing in ${editor.label}`, (target) =>
			measureTypingRun(browser, target, token, key, editor.label, editor.clickText(marker)),
		);
		for (const target of targets) {
			const list = samples.get(target)?.flat();
			const section = `Typing → token re-encoded (ms; ${TYPED.length} keystrokes × ${plural(runs, 'run')} per editor)`;
			/** @param {(keystroke: { handled: number, frame: number }) => number} pick */
			const summary = (pick) => (list ? summarize(list.map(pick)) : null);
			recordMetric(metrics, {
				id: `typing.${editor.id}.handled`,
				section,
				label: `${editor.label} encoded`,
				unit: 'ms',
				target,
				summary: summary((k) => k.handled),
			});
			recordMetric(metrics, {
				id: `typing.${editor.id}.frame`,
				section,
				label: `${editor.label} next frame`,
				unit: 'ms',
				target,
				summary: summary((k) => k.frame),
			});
		}
	}
}

/**
 * One run: a fresh page with the token and its secret, a click into `label`'s text at `clickText`, then TYPED
 * typed a character at a time (100 ms apart, as a person types).
 * @param {Browser} browser
 * @param {Target} target
 * @param {string} token
 * @param {string} key
 * @param {string} label
 * @param {string} clickText
 */
async function measureTypingRun(browser, target, token, key, label, clickText) {
	return withPage(browser, async (page) => {
		await installProbe(page, target.payloadSelector, '"name"');
		await page.goto(`${target.base}#token=${token}`);
		await page.getByRole('textbox', { name: 'Secret or key', exact: true }).fill(key);
		await page.getByText('Signature verified').first().waitFor({ timeout: 20_000 });
		await waitForQuiet(page);
		const editor = page.getByRole('textbox', { name: label, exact: true });
		await editor.getByText(clickText).first().click();
		await page.keyboard.press('End');
		await page.keyboard.press('ArrowLeft');
		await page.evaluate(watchKeystrokes, TOKEN_SELECTOR);
		await page.keyboard.type(TYPED, { delay: 100 });
		await page.waitForFunction(
			(count) => {
				const probe = /** @type {ProbedWindow} */ (window).__bench;
				return (probe.keystrokes?.length ?? 0) >= count;
			},
			TYPED.length,
			{ timeout: 20_000 },
		);
		return /** @type {{ handled: number, frame: number }[]} */ (
			await page.evaluate(() => /** @type {ProbedWindow} */ (window).__bench.keystrokes)
		);
	});
}

/**
 * In the page: for each printable keydown, the time until the token editor changes (the edit re-encoded) and
 * until the frame after that change. The capture listener on window sees the key before any editor does.
 * @param {string} tokenSelector
 */
function watchKeystrokes(tokenSelector) {
	const probe = /** @type {ProbedWindow} */ (window).__bench;
	const keystrokes = (probe.keystrokes = /** @type {{ handled: number, frame: number }[]} */ ([]));
	const token = document.querySelector(tokenSelector);
	if (!token) throw new Error(`no ${tokenSelector}`);
	/** @type {{ start: number, handled?: number } | undefined} */
	let pending;
	addEventListener(
		'keydown',
		(event) => {
			if (event.key.length === 1) pending = { start: event.timeStamp };
		},
		{ capture: true },
	);
	new MutationObserver(() => {
		const keystroke = pending;
		if (!keystroke || keystroke.handled !== undefined) return;
		keystroke.handled = performance.now();
		requestAnimationFrame(() =>
			setTimeout(() =>
				keystrokes.push({
					handled: /** @type {number} */ (keystroke.handled) - keystroke.start,
					frame: performance.now() - keystroke.start,
				}),
			),
		);
	}).observe(token, { childList: true, subtree: true, characterData: true });
}

/**
 * Before any page script runs: records long tasks, and when the payload view first contains `marker`.
 * @param {Page} page
 * @param {string} payloadSelector
 * @param {string} marker
 */
async function installProbe(page, payloadSelector, marker) {
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
async function waitForProbe(page, field, timeout) {
	await page.waitForFunction(
		(name) => /** @type {ProbedWindow} */ (window).__bench?.[name] !== undefined,
		field,
		{
			timeout,
		},
	);
}

/**
 * Waits for the network to be idle and for 500 ms without a new long task (10 s at most), so a measurement
 * neither competes with start-up work nor misses the long tasks it caused.
 * @param {Page} page
 */
async function waitForQuiet(page) {
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

/**
 * Runs `measure` `runs` times on each target, alternating targets within each round (A, B, A, B…), so drift in
 * the machine's speed affects both alike. A failed run is reported and left out; a target with no success gets none.
 * @template T
 * @param {Target[]} targets
 * @param {number} runs
 * @param {string} what
 * @param {(target: Target) => Promise<T>} measure
 * @returns {Promise<Map<Target, T[]>>}
 */
async function interleave(targets, runs, what, measure) {
	/** @type {Map<Target, T[]>} */
	const samples = new Map(targets.map((target) => [target, []]));
	for (let run = 0; run < runs; run++) {
		for (const target of targets) {
			process.stderr.write(`${what}: ${target.name} run ${run + 1}/${runs}\n`);
			const sample = await attempt(`${what} on ${target.name}`, () => measure(target));
			if (sample !== undefined) samples.get(target)?.push(sample);
		}
	}
	for (const [target, list] of samples) if (list.length === 0) samples.delete(target);
	return samples;
}

/**
 * Runs one measurement; on failure reports it, counts it, and returns undefined so the rest still runs.
 * @template T
 * @param {string} what
 * @param {() => Promise<T>} measure
 * @returns {Promise<T | undefined>}
 */
async function attempt(what, measure) {
	try {
		return await measure();
	} catch (error) {
		failures++;
		console.error(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
		return undefined;
	}
}

/**
 * Opens a page in a fresh browser context (empty cache, no storage), and closes the context afterwards.
 * @template T
 * @param {Browser} browser
 * @param {(page: Page) => Promise<T>} use
 * @returns {Promise<T>}
 */
async function withPage(browser, use) {
	const context = await browser.newContext();
	try {
		return await use(await context.newPage());
	} finally {
		await context.close();
	}
}

/**
 * Adds one target's summary to the metric `id`, creating the metric on first use.
 * @param {Metric[]} metrics
 * @param {{ id: string, section: string, label: string, unit: string, target: Target, summary: Summary | null }} entry
 */
function recordMetric(metrics, { id, section, label, unit, target, summary }) {
	let metric = metrics.find((m) => m.id === id);
	if (!metric) {
		metric = { id, section, label, unit, values: {} };
		metrics.push(metric);
	}
	metric.values[target.name] = summary;
}

/**
 * This / other, of the medians; null without a comparison or when either is missing or zero.
 * @param {Metric} metric
 */
function ratioOf(metric) {
	const a = metric.values.this?.median;
	const b = metric.values.other?.median;
	if (a === undefined || b === undefined || b === 0) return null;
	return Math.round((a / b) * 1000) / 1000;
}

/**
 * Median, min and max of the finite samples; null when there are none.
 * @param {number[]} samples
 * @returns {Summary | null}
 */
function summarize(samples) {
	const sorted = samples.filter(Number.isFinite).sort((a, b) => a - b);
	if (sorted.length === 0) return null;
	const middle = sorted.length >> 1;
	const median = sorted.length % 2 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
	const round = (/** @type {number} */ n) => Math.round(n * 10) / 10;
	return {
		median: round(median ?? NaN),
		min: round(sorted[0] ?? NaN),
		max: round(sorted.at(-1) ?? NaN),
		runs: sorted.length,
		samples: samples.map(round),
	};
}

/**
 * Prints the plain-text tables: first-load bytes, then each timing section.
 * @param {Awaited<ReturnType<typeof measureAll>>} results
 */
function printResults(results) {
	const { environment, metrics } = results;
	const compare = metrics.some((metric) => 'other' in metric.values);
	console.log(
		`JWT Prism bench: ${environment.date}, node ${environment.node}, Chromium ${environment.chromium}, ${environment.cpu}, load average ${environment.loadAverage.before} → ${environment.loadAverage.after}`,
	);
	if (metrics.some((m) => m.section === 'First load')) printFirstLoad(metrics, compare);
	const sections = [...new Set(metrics.map((m) => m.section))].filter((s) => s !== 'First load');
	for (const section of sections)
		printTimings(
			section,
			metrics.filter((m) => m.section === section),
			compare,
		);
	if (!metrics.some((m) => m.id.startsWith('paste.'))) return;
	const payloads = results.pastePayloads.map(
		(p) => `${p.label} = ${p.payloadBytes} bytes, ${p.claims} claims, ${p.tokenChars}-character token`,
	);
	console.log(`\nPaste payloads (HS256, marker claim first): ${payloads.join('; ')}`);
}

/**
 * The first-load table: requests, raw and gzip -9 kB per kind, for the first paint set and after idle.
 * @param {Metric[]} metrics
 * @param {boolean} compare
 */
function printFirstLoad(metrics, compare) {
	/** @param {'this' | 'other'} name @param {string} id */
	const value = (name, id) => metrics.find((m) => m.id === id)?.values[name]?.median;
	const header = ['First load (kB = 1000 bytes)', 'requests', 'JS raw', 'JS gzip', 'CSS raw', 'CSS gzip'];
	header.push('other raw', 'other gzip', 'total raw', 'total gzip');
	if (compare) header.push('gzip ratio');
	const rows = [header];
	/** @type {('this' | 'other')[]} */
	const names = compare ? ['this', 'other'] : ['this'];
	for (const name of names) {
		for (const [set, label] of [
			['firstPaintSet', 'first paint set'],
			['afterIdle', 'after idle'],
		]) {
			const id = (/** @type {string} */ rest) => `firstLoad.${set}.${rest}`;
			const row = [`${compare ? `${name}: ` : ''}${label}`, formatNumber(value(name, id('total.requests')))];
			for (const kind of ['js', 'css', 'other', 'total'])
				row.push(formatKb(value(name, id(`${kind}.raw`))), formatKb(value(name, id(`${kind}.gzip`))));
			if (compare) row.push(formatRatio(metrics.find((m) => m.id === id('total.gzip'))?.ratio));
			rows.push(row);
		}
	}
	console.log(`\n${formatTable(rows)}`);
}

/**
 * One timing table: median, min and max for this build, and the other build's median and the ratio.
 * @param {string} section
 * @param {Metric[]} metrics
 * @param {boolean} compare
 */
function printTimings(section, metrics, compare) {
	const header = [section, 'median', 'min', 'max'];
	if (compare) header.push('other median', 'other min', 'other max', 'this / other');
	const rows = [header];
	for (const metric of metrics) {
		const mine = metric.values.this;
		const theirs = metric.values.other;
		const row = [metric.label, formatNumber(mine?.median), formatNumber(mine?.min), formatNumber(mine?.max)];
		if (compare)
			row.push(
				formatNumber(theirs?.median),
				formatNumber(theirs?.min),
				formatNumber(theirs?.max),
				formatRatio(metric.ratio),
			);
		rows.push(row);
	}
	console.log(`\n${formatTable(rows)}`);
}

/**
 * Aligns rows into columns: the first left-aligned, the rest right-aligned.
 * @param {string[][]} rows
 */
function formatTable(rows) {
	const widths = (rows[0] ?? []).map((_, column) =>
		Math.max(...rows.map((row) => (row[column] ?? '').length)),
	);
	return rows
		.map((row) =>
			row
				.map((cell, column) =>
					column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
				)
				.join('  ')
				.trimEnd(),
		)
		.join('\n');
}

/** @param {number | undefined | null} value */
function formatNumber(value) {
	return value === undefined || value === null ? '–' : String(value);
}

/** @param {number | undefined | null} bytes */
function formatKb(bytes) {
	return bytes === undefined || bytes === null ? '–' : (bytes / 1000).toFixed(1);
}

/** @param {number | undefined | null} ratio */
function formatRatio(ratio) {
	return ratio === undefined || ratio === null ? '–' : ratio.toFixed(2);
}

/**
 * Signs a payload as an HS256 token.
 * @param {object} payload
 */
function signHs256(payload) {
	return encodeToken({ alg: 'HS256', typ: 'JWT' }, payload, (input) =>
		createHmac('sha256', HS256_SECRET).update(input).digest(),
	);
}

/**
 * A compact JWS (RFC 7515 §7.1): base64url header and payload, and the signature of both.
 * @param {object} header
 * @param {object} payload
 * @param {(input: string) => Buffer} sign
 */
function encodeToken(header, payload, sign) {
	const b64 = (/** @type {object} */ part) => Buffer.from(JSON.stringify(part)).toString('base64url');
	const input = `${b64(header)}.${b64(payload)}`;
	return `${input}.${sign(input).toString('base64url')}`;
}

/** A short random tag, so each run's marker appears nowhere before that run. */
function randomTag() {
	return Math.random().toString(36).slice(2, 10);
}

/** The 1-minute load average, to two decimals. */
function loadAverage() {
	return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}

/** @param {number} count @param {string} noun */
function plural(count, noun) {
	return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** @param {number} ms */
function sleep(ms) {
	return new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}
