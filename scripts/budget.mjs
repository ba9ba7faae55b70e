// The first-load budget (issue 6): what dist/index.html loads before the token is decoded, gzipped, must stay under 120 KB.
// Lazily imported chunks (verification, the security review, the claims reference, key generation) are not counted.
// Usage: node scripts/budget.mjs [distDir]; prints each file and exits 1 when over budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** 120 KB of gzip, as the issue puts it: about 0.12× of what jwt.io fetches on first load. */
export const BUDGET_BYTES = 120_000;

const dist = process.argv[2] ?? 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
// Everything the HTML references from its own origin (relative paths): entry script, stylesheets, icon.
const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1] ?? '');
const files = ['index.html', ...new Set(assets)];
let total = 0;
for (const file of files) {
	const bytes = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
	total += bytes;
	console.log(`${String(bytes).padStart(8)}  ${file}`);
}
console.log(`${String(total).padStart(8)}  first load, gzip -9 (budget ${BUDGET_BYTES})`);
if (!assets.some((file) => file.endsWith('.js'))) {
	console.error('No script or stylesheet found in index.html: the budget cannot be checked.');
	process.exit(1);
}
if (total > BUDGET_BYTES) {
	console.error(`Over budget by ${total - BUDGET_BYTES} bytes.`);
	process.exit(1);
}
