// Key filled → Signature verified: for HS256, RS256, ES256 and EdDSA, from the fill's 'input' event to the verdict.
import { installProbe, waitForProbe, waitForQuiet, withPage } from './browser.mjs';
import { interleave } from './runs.mjs';
import { plural, recordMetric, summarize } from './stats.mjs';
import { buildVerifyCases } from './tokens.mjs';

/** @typedef {import('./browser.mjs').Browser} Browser */
/** @typedef {import('./browser.mjs').Target} Target */
/** @typedef {import('./browser.mjs').ProbedWindow} ProbedWindow */
/** @typedef {import('./stats.mjs').Metric} Metric */

/**
 * Verify time per algorithm: fill `Secret or key` and wait for "Signature verified" in the `Signature` status.
 * @param {Browser} browser
 * @param {Target[]} targets
 * @param {Metric[]} metrics
 * @param {number | undefined} requestedRuns `--runs`, or undefined for the defaults
 */
export async function measureVerifyAlgorithms(browser, targets, metrics, requestedRuns) {
	const runs = requestedRuns ?? 5;
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
export function watchVerdict(status) {
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
