/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
	// Relative asset paths: dist/ works from `/` or any sub-path on a plain static server.
	base: './',
	plugins: [svelte()],
	resolve: {
		alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) },
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
