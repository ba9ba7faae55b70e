// The single-file build's analysis worker: its code travels inside the page and starts from a blob: URL, which
// the single file's Content-Security-Policy allows for workers only (`worker-src blob:`, scripts/single-file.mjs).
import AnalysisWorker from './analysis.worker.ts?worker&inline';

export function startAnalysisWorker(): Worker {
	return new AnalysisWorker();
}
