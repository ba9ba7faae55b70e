// Paste → Payload shown: a token with a 1 KB, 100 KB, 1 MB or 10 MB payload pasted into the token editor, timed
// to the payload view, to the next frame, with the main thread's long tasks meanwhile.
import { installProbe, TOKEN_SELECTOR, waitForProbe, waitForQuiet, withPage } from './browser.mjs';
import { interleave } from './runs.mjs';
import { plural, recordMetric, summarize } from './stats.mjs';
import { buildPayload, randomTag, signHs256 } from './tokens.mjs';

/** @typedef {import('./browser.mjs').Browser} Browser */
/** @typedef {import('./browser.mjs').Target} Target */
/** @typedef {import('./browser.mjs').ProbedWindow} ProbedWindow */
/** @typedef {import('./stats.mjs').Metric} Metric */

/** Payload sizes for paste → Payload, with their default run counts. */
const PASTE_SIZES = [
	{ label: '1 KB', bytes: 1_000, runs: 5 },
	{ label: '100 KB', bytes: 100_000, runs: 5 },
	{ label: '1 MB', bytes: 1_000_000, runs: 3 },
	// The size of tests/e2e/size.spec.ts's 13 MB token: decoded in a worker, the page must keep answering.
	{ label: '10 MB', bytes: 10_000_000, runs: 2 },
];

/**
 * Paste → Payload shown, for each payload size: the time, the next frame, and main-thread long tasks.
 * @param {Browser} browser
 * @param {Target[]} targets
 * @param {Metric[]} metrics
 * @param {number | undefined} requestedRuns `--runs`, or undefined for the defaults
 */
export async function measurePasteSizes(browser, targets, metrics, requestedRuns) {
	for (const size of PASTE_SIZES) {
		const runs = requestedRuns ?? size.runs;
		const pasteTargets = targets.filter((target) => target.features?.paste);
		const samples = await interleave(pasteTargets, runs, `paste ${size.label}`, (target) =>
			measurePaste(browser, target, size.bytes),
		);
		for (const target of targets) {
			const list = samples.get(target);
			const section = `Paste → Payload shown (ms; ${PASTE_SIZES.map((s) => `${s.label}: ${plural(requestedRuns ?? s.runs, 'run')}`).join(', ')})`;
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
	return pasteInFreshPage(browser, target, {
		token: signHs256(buildPayload(bytes, marker)),
		watch: target.payloadSelector,
		marker,
		what: `the ${bytes}-byte paste`,
	});
}

/**
 * One paste in a fresh, idle page: `token` replaces the example in the token editor as a real paste does, timed
 * until `marker` shows in the element `watch` selects, to the next frame, with the long tasks meanwhile.
 * @param {Browser} browser
 * @param {Target} target
 * @param {{ token: string, watch: string, marker: string, what: string }} paste
 */
export function pasteInFreshPage(browser, target, { token, watch, marker, what }) {
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
			payloadSelector: watch,
			marker,
			timeoutMs: 60_000,
		});
		if (result.shownAt === undefined) throw new Error(`the page never showed ${what}`);
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
export function pasteAndWatch({ tokenSelector, payloadSelector, marker, timeoutMs }) {
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
export function describePastePayloads() {
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
