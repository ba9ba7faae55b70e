// The bench's numbers: each metric per build, its median, min and max, and the ratio of this build to the other.
/** @typedef {import('./browser.mjs').Target} Target */
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

/**
 * Adds one target's summary to the metric `id`, creating the metric on first use.
 * @param {Metric[]} metrics
 * @param {{ id: string, section: string, label: string, unit: string, target: Target, summary: Summary | null }} entry
 */
export function recordMetric(metrics, { id, section, label, unit, target, summary }) {
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
export function ratioOf(metric) {
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
export function summarize(samples) {
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

/** @param {number} count @param {string} noun */
export function plural(count, noun) {
	return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
