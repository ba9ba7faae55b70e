// Starts the analysis worker from its own file, as the hosted app serves it (vite.config.ts swaps this module
// for start-worker.inline.ts in the single-file build).

export function startAnalysisWorker(): Worker {
	return new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
}
