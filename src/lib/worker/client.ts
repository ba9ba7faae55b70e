// The page's side of the analysis worker: decoding huge texts and re-encoding huge edits, each in a worker of its
// own that starts on first use and is replaced when a newer request makes its work void.

import type { EncodedEdit, TextAnalysis } from '$lib/jwt/analysis';
import { unpackAnalysis, type AnalysisReply, type AnalysisRequest } from './protocol';
import { startAnalysisWorker } from './start-worker';
import { SupersededError } from './superseded';

export { SupersededError };

/** Work on huge texts, done away from the main thread. */
export interface OffThreadAnalyzer {
	/** `analyzeText(text, pick)` with the full review and claims reference. */
	analyze(text: string, pick: number): Promise<TextAnalysis>;
	/** `replacePart(token, part, text, allowText)`. */
	replacePart(
		token: string,
		part: 'header' | 'payload',
		text: string,
		allowText: boolean,
	): Promise<EncodedEdit>;
	/**
	 * Starts the analysing worker before the first huge text needs it: a module worker loads and compiles its
	 * chunks when it starts, which a huge paste on a fresh page would otherwise wait for.
	 */
	prepare(): void;
}

type Job =
	{ readonly kind: 'analyse'; text: string; pick: number } | Omit<AnalysisRequest & { kind: 'encode' }, 'id'>;

/** A worker-backed analyzer, or undefined where the browser has no workers (the page then works on its own). */
export function createWorkerAnalyzer(): OffThreadAnalyzer | undefined {
	if (typeof Worker !== 'function') return undefined;
	const analysing = workerSlot();
	const encoding = workerSlot();
	return {
		async analyze(text, pick) {
			const reply = await analysing.run({ kind: 'analyse', text, pick });
			if ('analysis' in reply) return unpackAnalysis(reply.analysis, text);
			throw new Error('the analysis worker answered with something else');
		},
		async replacePart(token, part, text, allowText) {
			const reply = await encoding.run({ kind: 'encode', token, part, text, allowText });
			if ('encoded' in reply) return reply.encoded;
			throw new Error('the analysis worker answered with something else');
		},
		prepare: analysing.start,
	};
}

/**
 * One worker that runs one job at a time; a new job stops the running one (its result would be void). `start`
 * starts the worker ahead of its first job.
 */
function workerSlot(): { run(job: Job): Promise<AnalysisReply>; start(): void } {
	let worker: Worker | undefined;
	let nextId = 0;
	let inFlight: { id: number; reject: (reason: Error) => void } | undefined;

	const start = () => {
		if (worker) return;
		const started = (worker = startAnalysisWorker());
		// A worker that could not start (its chunks unreachable) is dropped: the first job starts another, whose
		// failure that job reports, or the page does the work itself.
		started.addEventListener('error', (event) => {
			event.preventDefault();
			if (worker === started && !inFlight) worker = undefined;
		});
	};
	const run = (job: Job) => {
		if (inFlight) {
			worker?.terminate();
			worker = undefined;
			inFlight.reject(new SupersededError());
		}
		const id = ++nextId;
		return new Promise<AnalysisReply>((resolve, reject) => {
			const running = (worker ??= startAnalysisWorker());
			inFlight = { id, reject };
			const done = () => {
				running.removeEventListener('message', onMessage);
				running.removeEventListener('error', onError);
				if (inFlight?.id === id) inFlight = undefined;
			};
			const onMessage = (event: MessageEvent<AnalysisReply>) => {
				if (event.data.id !== id) return;
				done();
				if ('failure' in event.data) reject(new Error(event.data.failure));
				else resolve(event.data);
			};
			const onError = (event: ErrorEvent) => {
				done();
				worker = undefined;
				reject(new Error(`the analysis worker failed: ${event.message}`));
			};
			running.addEventListener('message', onMessage);
			running.addEventListener('error', onError);
			running.postMessage({ id, ...job } satisfies AnalysisRequest);
		});
	};
	return { run, start };
}
