/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Gives every precache entry whose name has no content hash the SHA-256 of its content as its revision, so the
 * service worker can check a copy from the HTTP cache before keeping it (src/sw.ts).
 */
function withSha256Revisions(entries: { url: string; revision: string | null; size: number }[]) {
	const manifest = entries.map((entry) => ({
		...entry,
		revision:
			entry.revision === null
				? null
				: createHash('sha256')
						.update(readFileSync(fileURLToPath(new URL(`./dist/${entry.url}`, import.meta.url))))
						.digest('hex'),
	}));
	return { manifest, warnings: [] };
}

const ANALYSIS_WORKER = fileURLToPath(new URL('./src/lib/worker/analysis.worker.ts', import.meta.url));

/**
 * `virtual:analysis-worker-url`: the URL of the analysis worker's script. In a build the worker is a chunk of the
 * app's own build (an emitted entry), so it imports the modules it shares with the page (the token core, the
 * review, the claims reference) from the same files instead of carrying its own copies: a first visit fetches
 * them once. In development it is the source file, which the dev server compiles.
 */
function analysisWorkerUrl(): Plugin {
	const id = '\0analysis-worker-url';
	let building = false;
	return {
		name: 'prism:analysis-worker-url',
		configResolved(config) {
			building = config.command === 'build';
		},
		resolveId(source) {
			return source === 'virtual:analysis-worker-url' ? id : undefined;
		},
		load(loading) {
			if (loading !== id) return undefined;
			if (!building)
				return `export default new URL('/src/lib/worker/analysis.worker.ts', import.meta.url).href;`;
			const reference = this.emitFile({ type: 'chunk', id: ANALYSIS_WORKER, name: 'analysis.worker' });
			return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
		},
	};
}

/**
 * Modules whose chunks, with every chunk they import, run between a paste, a key or a keystroke and what the page
 * shows: the page itself, the editor, verification, what judges a token, and the after-paint state (editing) and
 * components (the findings list, the profile badge). Not the claims reference (data), or the code of the other
 * token kinds, which load only for such a token.
 */
const HOT_MODULES = [
	'/src/main.ts',
	'/node_modules/@codemirror/view/',
	'/src/lib/crypto/index.ts',
	'/src/lib/jwt/judge.ts',
	'/src/lib/state/after-paint.svelte.ts',
	'/src/components/after-paint.ts',
];
/** A smaller chunk has few functions, compiled in no time when first called: the hint would not pay for its bytes. */
const HINTED_CHUNK_CHARS = 8192;

/**
 * Puts V8's explicit compile hint (`//# allFunctionsCalledOnLoad`, Chromium 136+) on the first line of the chunks
 * of {@link HOT_MODULES}, so their functions are compiled on a background thread while they load, not on the main
 * thread the first time a paste or a key calls each of them (docs/performance.md has what it bought). Other
 * engines read a comment. Runs after every other plugin, since Vite's own puts its preload map first.
 */
function compileHints(): Plugin {
	const hint = '//# allFunctionsCalledOnLoad\n';
	return {
		name: 'prism:compile-hints',
		enforce: 'post',
		generateBundle: {
			order: 'post',
			handler(_options, bundle) {
				const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
				const hot = new Set(
					chunks
						.filter((chunk) =>
							chunk.moduleIds.some((id) => HOT_MODULES.some((module) => id.includes(module))),
						)
						.map((chunk) => chunk.fileName),
				);
				// With every chunk they import, which runs with them.
				for (const chunk of chunks)
					if (hot.has(chunk.fileName)) chunk.imports.forEach((file) => hot.add(file));
				for (const chunk of chunks)
					if (
						hot.has(chunk.fileName) &&
						chunk.code.length >= HINTED_CHUNK_CHARS &&
						!chunk.code.startsWith(hint)
					)
						chunk.code = hint + chunk.code;
			},
		},
	};
}

/** Set by scripts/single-file.mjs: one self-contained HTML file, without a service worker. */
const singleFile = process.env.PRISM_SINGLE_FILE === '1';

export default defineConfig({
	// Relative asset paths: dist/ works from `/` or any sub-path on a plain static server.
	base: './',
	plugins: [
		svelte(),
		analysisWorkerUrl(),
		compileHints(),
		// Installable, and after one visit the whole app (lazy chunks included) works with the network cut.
		!singleFile &&
			VitePWA({
				registerType: 'autoUpdate',
				// Registered by src/main.ts (part of the page's own script, as the CSP wants), which catches a
				// registration that fails: the plugin's registerSW.js let it escape as an uncaught rejection.
				injectRegister: false,
				manifest: {
					name: 'JWT Prism — JWT debugger',
					short_name: 'JWT Prism',
					description:
						'Decode, inspect and verify JSON Web Tokens offline. Nothing you paste leaves the page.',
					start_url: './',
					scope: './',
					display: 'standalone',
					background_color: '#1e1b4b',
					theme_color: '#1e1b4b',
					icons: [
						{ src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
						// One 512 for both purposes: its glyph keeps to the safe zone on a full background, which also
						// reads well unmasked, and a first visit fetches one 512 PNG, not two (issue 14).
						{ src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
						{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
					],
				},
				// Our own worker (src/sw.ts): it takes what the page already loaded from the HTTP cache, so a first
				// visit fetches each file once, and only the build's files are cached, never tokens or keys.
				strategies: 'injectManifest',
				srcDir: 'src',
				filename: 'sw.ts',
				// The icons come in through globPatterns instead, so they get SHA-256 revisions too.
				includeManifestIcons: false,
				injectManifest: {
					// Every chunk, present and future (lazy ones included), and the icons, with no list to keep up to
					// date; the plugin adds the web manifest itself (toolchain P9: no duplicates).
					globPatterns: ['**/*.{js,css,html,png,svg}'],
					manifestTransforms: [withSha256Revisions],
				},
			}),
	],
	define: {
		// Whether src/main.ts registers the service worker: never in the single file, which has none.
		'import.meta.env.PRISM_SERVICE_WORKER': JSON.stringify(!singleFile),
	},
	resolve: {
		alias: [
			{ find: '$lib', replacement: fileURLToPath(new URL('./src/lib', import.meta.url)) },
			// The single file carries the analysis worker inside it (start-worker.inline.ts).
			...(singleFile
				? [
						{
							find: /^\.\/start-worker$/,
							replacement: fileURLToPath(new URL('./src/lib/worker/start-worker.inline.ts', import.meta.url)),
						},
					]
				: []),
		],
	},
	build: {
		// dist/.vite/manifest.json: which chunk holds which module, for the first-visit budget (scripts/budget.mjs).
		manifest: true,
		target: 'es2022',
		// Every browser that runs ES2022 supports modulepreload; the polyfill would only add bytes.
		modulePreload: { polyfill: false },
	},
	test: {
		environment: 'node',
		include: ['tests/unit/**/*.test.ts', 'tests/state/**/*.test.ts'],
	},
});
