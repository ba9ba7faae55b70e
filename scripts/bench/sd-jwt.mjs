// Paste → `Disclosed claims` shown for an SD-JWT with 1,000 disclosures (RFC 9901): every disclosure decoded,
// hashed and put in place, timed to the claims view, with the main thread's long tasks meanwhile.
import { createHash } from 'node:crypto';
import { pasteInFreshPage } from './paste.mjs';
import { interleave } from './runs.mjs';
import { plural, recordMetric, summarize } from './stats.mjs';
import { randomTag, signHs256 } from './tokens.mjs';

/** @typedef {import('./browser.mjs').Browser} Browser */
/** @typedef {import('./browser.mjs').Target} Target */
/** @typedef {import('./browser.mjs').ProbedWindow} ProbedWindow */
/** @typedef {import('./stats.mjs').Metric} Metric */

/** How many disclosures the pasted SD-JWT has (issue #16). */
export const SD_JWT_DISCLOSURES = 1_000;
const CLAIMS_SELECTOR = '[aria-label="Disclosed claims"]';

/**
 * An HS256-signed SD-JWT with `count` disclosures, the first disclosing `bench_marker`: its digest comes first in
 * `_sd`, so the marker is on the first lines of `Disclosed claims`, the ones CodeMirror draws.
 * @param {number} count
 * @param {string} marker
 */
export function buildSdJwt(count, marker) {
	const disclosures = Array.from({ length: count }, (_v, i) => {
		const salt = createHash('sha256').update(`salt-${i}-${marker}`).digest('base64url').slice(0, 22);
		const claim = i === 0 ? ['bench_marker', marker] : [`claim_${String(i).padStart(4, '0')}`, `value ${i}`];
		return Buffer.from(JSON.stringify([salt, ...claim])).toString('base64url');
	});
	const digests = disclosures.map((d) => createHash('sha256').update(d).digest('base64url'));
	const jwt = signHs256({
		iss: 'https://issuer.example',
		iat: 1_700_000_000,
		_sd_alg: 'sha-256',
		_sd: digests,
	});
	return `${jwt}~${disclosures.join('~')}~`;
}

/**
 * Paste → `Disclosed claims` shown, for an SD-JWT of SD_JWT_DISCLOSURES disclosures.
 * @param {Browser} browser
 * @param {Target[]} targets
 * @param {Metric[]} metrics
 * @param {number | undefined} requestedRuns `--runs`, or undefined for 3
 */
export async function measureSdJwtPaste(browser, targets, metrics, requestedRuns) {
	const runs = requestedRuns ?? 3;
	const pasteTargets = targets.filter((target) => target.features?.paste);
	const samples = await interleave(pasteTargets, runs, 'paste SD-JWT', (target) =>
		measureOne(browser, target),
	);
	const section = `Paste SD-JWT (${SD_JWT_DISCLOSURES} disclosures) → Disclosed claims shown (ms; ${plural(runs, 'run')})`;
	for (const target of targets) {
		const list = samples.get(target);
		/** @param {(sample: Awaited<ReturnType<typeof measureOne>>) => number} pick */
		const summary = (pick) => (list ? summarize(list.map(pick)) : null);
		for (const [key, label, unit, pick] of /** @type {const} */ ([
			['shown', 'shown', 'ms', (/** @type {any} */ s) => s.shown],
			['nextFrame', 'next frame', 'ms', (/** @type {any} */ s) => s.nextFrame],
			['longestTask', 'longest task', 'ms', (/** @type {any} */ s) => s.longestTask],
			['longTasks', 'long tasks', 'count', (/** @type {any} */ s) => s.longTasks],
		]))
			recordMetric(metrics, {
				id: `sdJwt.paste1000.${key}`,
				section,
				label,
				unit,
				target,
				summary: summary(pick),
			});
	}
}

/**
 * One paste in a fresh page, the SD-JWT code not loaded yet (as for a person pasting their first SD-JWT).
 * @param {Browser} browser
 * @param {Target} target
 */
async function measureOne(browser, target) {
	const marker = `sd-${randomTag()}`;
	return pasteInFreshPage(browser, target, {
		token: buildSdJwt(SD_JWT_DISCLOSURES, marker),
		watch: CLAIMS_SELECTOR,
		marker,
		what: 'the SD-JWT paste in Disclosed claims',
	});
}
