// Prints the bench's plain-text tables: first-load bytes, then one table per timing section, with ratios when
// another build was compared.
/** @typedef {import('./stats.mjs').Metric} Metric */
/**
 * What the tables are made from (index.mjs's results).
 * @typedef {object} Results
 * @property {{ date: string, node: string, chromium: string, cpu: string, loadAverage: { before: number, after: number } }} environment
 * @property {{ label: string, payloadBytes: number, claims: number, tokenChars: number }[]} pastePayloads
 * @property {Metric[]} metrics
 * @property {Record<string, unknown>} [firstLoad] per build, load.mjs's measurement (its firstVisit.fetchedTwice is printed)
 */

/**
 * Prints the plain-text tables: first-load bytes, then each timing section.
 * @param {Results} results
 */
export function printResults(results) {
	const { environment, metrics } = results;
	const compare = metrics.some((metric) => 'other' in metric.values);
	console.log(
		`JWT Prism bench: ${environment.date}, node ${environment.node}, Chromium ${environment.chromium}, ${environment.cpu}, load average ${environment.loadAverage.before} → ${environment.loadAverage.after}`,
	);
	if (metrics.some((m) => m.section === 'First load')) {
		printFirstLoad(metrics, compare);
		for (const [name, load] of Object.entries(results.firstLoad ?? {})) {
			const twice =
				/** @type {{ firstVisit?: { fetchedTwice: { path: string, count: number }[] } } | undefined} */ (load)
					?.firstVisit?.fetchedTwice;
			if (!twice) continue;
			const list = twice.map(({ path, count }) => `${path} ×${count}`).join(', ');
			console.log(
				`${compare ? `${name}: ` : ''}first visit, files fetched more than once: ${twice.length}${list ? ` (${list})` : ''}`,
			);
		}
	}
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
			['afterIdle', 'after idle (page)'],
			['firstVisit', 'first visit (all contexts)'],
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
