// Runs every check and suite in order, then prints one plain line summing them: "N passed, N failed, N skipped".
// Each check (formatting, lint, types, build) counts as one test; vitest and Playwright count their own tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

/** @param {string} name */
const bin = (name) => `node_modules/.bin/${name}`;
/** @type {{ name: string; command: string[]; env?: Record<string, string>; report?: 'vitest' | 'e2e' }[]} */
const steps = [
	{ name: 'formatting (prettier)', command: [bin('prettier'), '--check', '.'] },
	{ name: 'lint (eslint)', command: [bin('eslint'), '.'] },
	{ name: 'layers and import cycles', command: ['node', 'scripts/layers.mjs'] },
	{
		name: 'types (svelte-check)',
		command: [bin('svelte-check'), '--tsconfig', './tsconfig.json', '--fail-on-warnings'],
	},
	{
		name: 'unit tests (vitest)',
		command: [
			bin('vitest'),
			'run',
			'--reporter=default',
			'--reporter=json',
			'--outputFile.json=reports/vitest.json',
		],
		// Vitest colours its output even when piped; Playwright must not see NO_COLOR (toolchain P10).
		env: { NO_COLOR: '1' },
		report: 'vitest',
	},
	{ name: 'production build (vite)', command: [bin('vite'), 'build'] },
	{ name: 'single-file build (dist/jwt-prism.html)', command: ['node', 'scripts/single-file.mjs'] },
	{ name: 'first-paint and first-visit budgets (gzip)', command: ['node', 'scripts/budget.mjs'] },
	// The build above is what Playwright's web server serves.
	{
		name: 'browser tests (playwright)',
		command: [bin('playwright'), 'test'],
		env: { PRISM_BUILT: '1' },
		report: 'e2e',
	},
];

rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];
for (const step of steps) {
	console.log(`\n=== ${step.name}: ${step.command.join(' ')}`);
	const [command = '', ...args] = step.command;
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...step.env } });
	const ok = result.status === 0;
	if (step.report) {
		const counted = countReport(step.report);
		if (counted) {
			totals.passed += counted.passed;
			totals.failed += counted.failed;
			totals.skipped += counted.skipped;
		}
		// A runner that failed without reporting a failed test (crash, no tests found) still counts as a failure.
		if (!ok && (!counted || counted.failed === 0)) totals.failed += 1;
	} else if (ok) {
		totals.passed += 1;
	} else {
		totals.failed += 1;
	}
	if (!ok) failedSteps.push(step.name);
}

if (failedSteps.length > 0) console.log(`\nFailed: ${failedSteps.join(', ')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length > 0 || totals.failed > 0 ? 1 : 0);

/**
 * @param {'vitest' | 'e2e'} kind
 * @returns {{ passed: number; failed: number; skipped: number } | undefined}
 */
function countReport(kind) {
	const file = kind === 'vitest' ? 'reports/vitest.json' : 'reports/e2e.json';
	if (!existsSync(file)) return undefined;
	const report = JSON.parse(readFileSync(file, 'utf8'));
	if (kind === 'vitest') {
		return {
			passed: report.numPassedTests,
			failed: report.numFailedTests,
			skipped: report.numPendingTests + report.numTodoTests,
		};
	}
	return {
		passed: report.stats.expected + report.stats.flaky,
		failed: report.stats.unexpected,
		skipped: report.stats.skipped,
	};
}
