import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

// Not vite's default port, and never a reused server: a stale or foreign one would be tested silently.
const port = Number(process.env.PREVIEW_PORT ?? 4317);
const preview = `node_modules/.bin/vite preview --host 127.0.0.1 --port ${port} --strictPort`;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: 0,
	workers: process.env.CI ? 2 : undefined,
	// test-results/ is wiped at every run, so the JSON report lives in reports/.
	reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
	use: {
		baseURL: `http://127.0.0.1:${port}/`,
		browserName: 'chromium',
		// Browsers cannot be downloaded here: Debian's Chromium with the scripts' flags (toolchain P4),
		// plus no QUIC, so nothing tries another protocol to any host.
		launchOptions: { ...chromiumLaunchOptions, args: [...chromiumLaunchOptions.args, '--disable-quic'] },
	},
	projects: [
		{ name: 'app', testIgnore: /size\.spec\.ts/ },
		// Huge input runs last and alone: its tests check that the page answers within a second while it
		// decodes 13 MB, which is the app's own time, not time shared with other tests' browsers.
		{ name: 'huge input', testMatch: /size\.spec\.ts/, dependencies: ['app'], workers: 1 },
	],
	webServer: {
		// `npm test` builds once before Playwright (PRISM_BUILT); `npm run e2e` alone builds here.
		command: process.env.PRISM_BUILT
			? preview
			: `node_modules/.bin/vite build && node scripts/single-file.mjs && ${preview}`,
		url: `http://127.0.0.1:${port}/`,
		reuseExistingServer: false,
		timeout: 120_000,
	},
});
