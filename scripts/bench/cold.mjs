// Cold navigation: a fresh context opens `#token=…` and the bench waits until the payload view shows the token.
import { installProbe, waitForProbe, withPage } from './browser.mjs';
import { interleave } from './runs.mjs';
import { plural, recordMetric, summarize } from './stats.mjs';
import { randomTag, signHs256 } from './tokens.mjs';

/** @typedef {import('./browser.mjs').Browser} Browser */
/** @typedef {import('./browser.mjs').Target} Target */
/** @typedef {import('./browser.mjs').ProbedWindow} ProbedWindow */
/** @typedef {import('./stats.mjs').Metric} Metric */

/**
 * Cold navigation → decoded: fresh context, `page.goto(base#token=…)`, until the payload view shows a claim value.
 * @param {Browser} browser
 * @param {Target[]} targets
 * @param {Metric[]} metrics
 * @param {number | undefined} requestedRuns `--runs`, or undefined for the defaults
 */
export async function measureColdNavigation(browser, targets, metrics, requestedRuns) {
	const marker = `cold-navigation-${randomTag()}`;
	const token = signHs256({ sub: 'bench', name: 'Cold Navigation', marker, iat: 1_700_000_000 });
	const runs = requestedRuns ?? 7;
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
