// Running measurements: several runs interleaved across builds, and failures counted rather than thrown, so one
// measurement that breaks leaves the others' numbers.
/** @typedef {import('./browser.mjs').Target} Target */

/** Measurements that failed: the bench prints what it has, then exits 1. */
let failures = 0;

/**
 * Reports a measurement that could not be made, and counts it.
 * @param {string} message
 */
export function recordFailure(message) {
	failures++;
	console.error(message);
}

/** How many measurements failed so far. */
export function countFailures() {
	return failures;
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
export async function interleave(targets, runs, what, measure) {
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
export async function attempt(what, measure) {
	try {
		return await measure();
	} catch (error) {
		recordFailure(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
		return undefined;
	}
}
