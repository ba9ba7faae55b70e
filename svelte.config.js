// Svelte 5 strips type-only TypeScript in <script lang="ts"> natively; no preprocess needed.
export default {
	// Every component in runes mode, also those with no rune (App.svelte): a legacy-mode component pulls Svelte's
	// legacy runtime into first paint.
	compilerOptions: { runes: true },
	vitePlugin: {
		// Vitest loads modules as a server would, which compiles `$effect` away: the state tests need the client's
		// runtime, whose effects run, to check that the state classes start their own work.
		dynamicCompileOptions: () => (process.env.VITEST ? { generate: 'client' } : undefined),
	},
};
