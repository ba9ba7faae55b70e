// Lint: TypeScript rules everywhere, and a hard boundary that keeps the core (src/lib/jwt) free of DOM, Svelte and CodeMirror.
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{
		ignores: [
			'dist/',
			'node_modules/',
			'reports/',
			'test-results/',
			'playwright-report/',
			'shots/',
			'**/*.svelte',
		],
	},
	...tseslint.configs.recommended,
	{
		files: ['src/lib/jwt/**/*.ts', 'src/lib/crypto/**/*.ts'],
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
