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
			const reply = await analysing({ kind: 'analyse', text, pick });
			if ('analysis' in reply) return unpackAnalysis(reply.analysis, text);
			throw new Error('the analysis worker answered with something else');
		},
		async replacePart(token, part, text, allowText) {
			const reply = await encoding({ kind: 'encode', token, part, text, allowText });
			if ('encoded' in reply) return reply.encoded;
			throw new Error('the analysis worker answered with something else');
		},
	};
}

/** One worker that runs one job at a time; a new job stops the running one (its result would be void). */
function workerSlot(): (job: Job) => Promise<AnalysisReply> {
	let worker: Worker | undefined;
	let nextId = 0;
	let inFlight: { id: number; reject: (reason: Error) => void } | undefined;

	return (job) => {
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
}
