// Typing → token re-encoded: keystrokes in the Header and Payload editors of a typical token with its secret
// filled, each timed to the re-signed token in the token editor and to the frame after it.
import { installProbe, TOKEN_SELECTOR, waitForQuiet, withPage } from './browser.mjs';
import { interleave } from './runs.mjs';
import { plural, recordMetric, summarize } from './stats.mjs';
import { buildVerifyCases } from './tokens.mjs';

/** @typedef {import('./browser.mjs').Browser} Browser */
/** @typedef {import('./browser.mjs').Target} Target */
/** @typedef {import('./browser.mjs').ProbedWindow} ProbedWindow */
/** @typedef {import('./stats.mjs').Metric} Metric */

/** Characters typed per run into each editor; each keystroke is one sample. */
const TYPED = 'typing-latency';
/** Editors typed into, with what to click first: the marker claim's value, or the header's `typ`. */
const TYPING_EDITORS = /** @type {const} */ ([
	{ label: 'Payload', id: 'payload', clickText: (/** @type {string} */ marker) => marker },
	{ label: 'Header', id: 'header', clickText: () => '"JWT"' },
]);

/**
 * Typing into the Header and Payload editors of a typical token with its secret filled, so every keystroke
 * re-encodes and re-signs the token: keydown → encoded token in the DOM, and → the frame after it. One frame
 * (16.7 ms at 60 Hz) is the target for a typical token.
 * @param {Browser} browser
 * @param {Target[]} targets
 * @param {Metric[]} metrics
 * @param {number | undefined} requestedRuns `--runs`, or undefined for the defaults
 */
export async function measureTyping(browser, targets, metrics, requestedRuns) {
	const runs = requestedRuns ?? 3;
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
