// Starts the analysis worker from its own file, as the hosted app serves it (vite.config.ts swaps this module
// for start-worker.inline.ts in the single-file build). The worker is a chunk of the app's build
// (`virtual:analysis-worker-url`, vite.config.ts), so it shares the page's chunks rather than copying them.
import workerUrl from 'virtual:analysis-worker-url';

export function startAnalysisWorker(): Worker {
	return new Worker(workerUrl, { type: 'module' });
}
