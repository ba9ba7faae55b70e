// The bench's command line: which build to measure, how many runs, which sections, and what to compare against.
import { parseArgs } from 'node:util';
import { PAYLOAD_SELECTOR } from './browser.mjs';

/** @typedef {'load' | 'cold' | 'paste' | 'sd-jwt' | 'verify' | 'algorithms' | 'typing' | 'jwe'} Section */
/** What `--only` can pick, in the order the bench measures them. */
export const SECTIONS = /** @type {Section[]} */ ([
	'load',
	'cold',
	'paste',
	'sd-jwt',
	'verify',
	'algorithms',
	'typing',
	'jwe',
]);

/**
 * Reads the command line (the options are listed at the top of index.mjs).
 * @param {string[]} args
 */
export function parseOptions(args) {
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
