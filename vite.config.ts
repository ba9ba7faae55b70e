/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

/** Set by scripts/single-file.mjs: one self-contained HTML file, without a service worker. */
const singleFile = process.env.PRISM_SINGLE_FILE === '1';

export default defineConfig({
	// Relative asset paths: dist/ works from `/` or any sub-path on a plain static server.
	base: './',
	plugins: [
		svelte(),
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
						{ src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
						{ src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
						{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
					],
				},
				workbox: {
					// The manifest and its icons are added by the plugin itself (toolchain P9: no duplicates).
					globPatterns: ['**/*.{js,css,html}'],
					// Only the app's own files are cached: tokens and keys live in memory, never in the cache.
					runtimeCaching: [],
					navigateFallback: 'index.html',
					// Take over the page that installed it, so the first visit is already enough to work offline.
					clientsClaim: true,
					skipWaiting: true,
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
		target: 'es2022',
		// Every browser that runs ES2022 supports modulepreload; the polyfill would only add bytes.
		modulePreload: { polyfill: false },
	},
	test: {
		environment: 'node',
		include: ['tests/unit/**/*.test.ts', 'tests/state/**/*.test.ts'],
	},
});
