// Lint: TypeScript rules everywhere (Svelte components included), and hard boundaries that keep the core free of DOM,
// Svelte and CodeMirror. scripts/layers.mjs checks the order of the layers and that no imports go in a circle.
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default tseslint.config(
	{
		ignores: ['dist/', 'node_modules/', 'reports/', 'test-results/', 'playwright-report/', 'shots/'],
	},
	...tseslint.configs.recommended,
	...svelte.configs.recommended,
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: false,
				extraFileExtensions: ['.svelte'],
				parser: tseslint.parser,
				svelteConfig,
			},
		},
	},
	{
		files: ['src/lib/encoding/**/*.ts', 'src/lib/jwt/**/*.ts', 'src/lib/crypto/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['svelte', 'svelte/*', '*.svelte'], message: 'The core stays free of Svelte.' },
						{ group: ['@codemirror/*'], message: 'The core stays free of CodeMirror.' },
					],
				},
			],
			'no-restricted-globals': [
				'error',
				...['window', 'document', 'localStorage', 'sessionStorage', 'location', 'navigator'].map((name) => ({
					name,
					message: 'The core has no DOM: pass what it needs as a parameter.',
				})),
			],
		},
	},
	{
		files: ['src/lib/editor/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['svelte', 'svelte/*', '*.svelte', '$lib/state/*'],
							message: 'Editor extensions stay free of Svelte and state.',
						},
					],
				},
			],
		},
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
		},
	},
);
