// Svelte 5 strips type-only TypeScript in <script lang="ts"> natively; no preprocess needed.
export default {
	vitePlugin: {
		// Vitest loads modules as a server would, which compiles `$effect` away: the state tests need the client's
		// runtime, whose effects run, to check that the state classes start their own work.
		dynamicCompileOptions: () => (process.env.VITEST ? { generate: 'client' } : undefined),
	},
};
