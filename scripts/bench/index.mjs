// Measures what a person waits for in the built app: bytes of the first load, a cold navigation to a decoded
// token, paste → Payload for 1 KB, 100 KB, 1 MB and 10 MB payloads, paste of an SD-JWT with 1,000 disclosures →
// Disclosed claims, verification per algorithm, the algorithms beyond WebCrypto (ES256K, Ed25519, Ed448, ML-DSA:
// verify times and the bytes of their lazy chunks), typing in the Header and Payload editors (keystroke → token
// re-encoded), and decrypting a 1 MB JWE with the bytes of the chunks only a JWE loads, in Chromium.
// docs/performance.md keeps the results.
//
// Usage: npm run bench -- [options]   (or node scripts/bench/index.mjs [options])
//   --no-build              measure the existing dist/ instead of running `vite build` first
//   --runs N                run every timing N times (defaults: cold navigation 7, paste 5, 3 for 1 MB and 2 for 10 MB,
//                           verify 5, typing 3)
//   --out FILE              where to write every number (default bench-results.json)
//   --compare DIR           also serve DIR (another static build, say a previous release's dist/) and run the same
//                           measurements on it, interleaved A, B, A, B… for the timings, then print this / other
//   --compare-selector CSS  the compare build's payload view, when it is not [aria-label="Payload"]
//   --only LIST             measure only these sections, comma-separated: load, cold, paste, sd-jwt, verify,
//                           algorithms, typing, jwe
//
// The compare build may not have our UI names. Its first load waits for its payload view to show `"name"` (the
// example token's claim); paste is skipped for it when it has no [aria-label="Encoded token"] editor, and verify
// when it has no textbox `Secret or key` or no status `Signature`. Skipped metrics get no ratio.
//
// Both builds are served by serve.mjs, every file gzip -9 (read and compressed once at start, so a rebuild during
// the run cannot mix two builds), so transfer sizes are realistic.
// Times are performance.now() values taken in the page (MutationObserver, 'input' listener), not Playwright
// polling. There are no thresholds (the bundle budget lives in npm test): the exit code is non-zero only when
// something could not be measured at all (build, server, browser, or a measurement that never completed).
//
// One file per measurement (load, cold, paste, verify, algorithms, typing, jwe.mjs) and shared helpers: cli (options), serve
// (static gzip server), tokens (signing), browser (Chromium, pages, the in-page probe), runs (interleaving,
// failures), stats (summaries, ratios) and print (the tables).
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { detectFeatures, launchBrowser, PAYLOAD_SELECTOR } from './browser.mjs';
import { parseOptions } from './cli.mjs';
import { measureColdNavigation } from './cold.mjs';
import { measureAlgorithms } from './algorithms.mjs';
import { measureJwe } from './jwe.mjs';
import { measureFirstLoads } from './load.mjs';
import { describePastePayloads, measurePasteSizes } from './paste.mjs';
import { printResults } from './print.mjs';
import { measureSdJwtPaste } from './sd-jwt.mjs';
import { countFailures, recordFailure } from './runs.mjs';
import { serveDirectory } from './serve.mjs';
import { ratioOf } from './stats.mjs';
import { measureTyping } from './typing.mjs';
import { measureVerifyAlgorithms } from './verify.mjs';

/** @typedef {import('./browser.mjs').Browser} Browser */
/** @typedef {import('./browser.mjs').Target} Target */
/** @typedef {import('./cli.mjs').Section} Section */
/** @typedef {import('./stats.mjs').Metric} Metric */

const options = parseOptions(process.argv.slice(2));
try {
	await main();
} catch (error) {
	console.error(error);
	process.exitCode = 1;
}
if (countFailures() > 0) {
	console.error(`${countFailures()} measurement(s) failed; see the errors above.`);
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
			targets.push({ name, dir, base: server.base, requests: server.requests, payloadSelector });
		}
		browser = await launchBrowser();
		const results = await measureAll(browser, targets);
		printResults(results);
		await writeFile(options.out, `${JSON.stringify(results, null, '\t')}\n`);
		console.log(`\nAll numbers: ${options.out}`);
	} finally {
		await browser?.close();
		await Promise.all(servers.map((server) => server.close()));
	}
}

/** Builds dist/ with vite; its output goes to stderr so stdout stays the table. */
function buildApp() {
	const result = spawnSync('node_modules/.bin/vite', ['build'], { stdio: ['ignore', 2, 2] });
	if (result.status !== 0)
		throw new Error(`vite build failed (exit ${result.status})`, { cause: result.error });
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
			recordFailure(`this build lacks a control the bench needs: ${JSON.stringify(target.features)}`);
		}
	}
	/** @type {Metric[]} */
	const metrics = [];
	const measuring = (/** @type {Section} */ section) => options.sections.includes(section);
	const firstLoad = measuring('load') ? await measureFirstLoads(browser, targets, metrics) : {};
	const { runs } = options;
	if (measuring('cold')) await measureColdNavigation(browser, targets, metrics, runs);
	if (measuring('paste')) await measurePasteSizes(browser, targets, metrics, runs);
	if (measuring('sd-jwt')) await measureSdJwtPaste(browser, targets, metrics, runs);
	if (measuring('verify')) await measureVerifyAlgorithms(browser, targets, metrics, runs);
	if (measuring('algorithms')) await measureAlgorithms(browser, targets, metrics, runs);
	if (measuring('typing')) await measureTyping(browser, targets, metrics, runs);
	if (measuring('jwe')) await measureJwe(browser, targets, metrics, runs);
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

/** The 1-minute load average, to two decimals. */
function loadAverage() {
	return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}
