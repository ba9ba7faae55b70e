// The first-load budgets, gzip -9, after a build:
// - first paint (issue 6): what dist/index.html loads before the token is decoded must stay under 120 KB; lazily
//   imported chunks (verification, the review, the claims reference, key generation) are not counted.
// - first visit (issue 14): everything a first visit fetches, each file once, must stay under 180 KB: the page,
//   the service worker, and every file it precaches (every chunk, present or future, the icons, the manifest).
//   tests/e2e/first-visit.spec.ts proves in a browser that no file is fetched twice, so the sum is the traffic.
// Usage: node scripts/budget.mjs [distDir]; prints each file and exits 1 when over a budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** 120 KB of gzip, as the issue puts it: about 0.12× of what jwt.io fetches on first load. */
export const BUDGET_BYTES = 120_000;
/** 180 KB of gzip for a whole first visit: about 0.18× of what jwt.io's fetches (issue 14). */
export const FIRST_VISIT_BUDGET_BYTES = 180_000;

const dist = process.argv[2] ?? 'dist';
const gzipSize = (/** @type {string} */ file) =>
	gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
let failed = false;

const html = readFileSync(join(dist, 'index.html'), 'utf8');
// Everything the HTML references from its own origin (relative paths): entry script, preloads, stylesheets, icon.
const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1] ?? '');
const firstPaint = ['index.html', ...new Set(assets)];
let total = 0;
for (const file of firstPaint) {
	const bytes = gzipSize(file);
	total += bytes;
	console.log(`${String(bytes).padStart(8)}  ${file}`);
}
console.log(`${String(total).padStart(8)}  first paint, gzip -9 (budget ${BUDGET_BYTES})\n`);
if (!assets.some((file) => file.endsWith('.js'))) {
	console.error('No script or stylesheet found in index.html: the budget cannot be checked.');
	process.exit(1);
}
if (total > BUDGET_BYTES) {
	console.error(`First paint over budget by ${total - BUDGET_BYTES} bytes.`);
	failed = true;
}

// The service worker's list of files, as vite-plugin-pwa injected it into dist/sw.js.
const worker = readFileSync(join(dist, 'sw.js'), 'utf8');
const precached = [...worker.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1] ?? '');
if (precached.length === 0) {
	console.error('No precache list found in sw.js: the first-visit budget cannot be checked.');
	process.exit(1);
}
const firstVisit = new Set([...firstPaint, 'sw.js', ...precached]);
let visitTotal = 0;
for (const file of [...firstVisit].sort()) visitTotal += gzipSize(file);
console.log(
	`${String(visitTotal).padStart(8)}  first visit, ${firstVisit.size} files each once, gzip -9 (budget ${FIRST_VISIT_BUDGET_BYTES})`,
);
if (visitTotal > FIRST_VISIT_BUDGET_BYTES) {
	console.error(`First visit over budget by ${visitTotal - FIRST_VISIT_BUDGET_BYTES} bytes.`);
	failed = true;
}
if (failed) process.exit(1);
