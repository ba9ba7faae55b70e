// The page's side of the analysis worker: one worker, started on the first huge text, replaced when a newer text makes its work void.

import { unpackAnalysis, type PackedAnalysis, type TextAnalysis } from '$lib/jwt/analysis';
import { startAnalysisWorker } from './start-worker';

/** What the page posts: the editor's text and which of its tokens to show. */
export interface AnalysisRequest {
	readonly id: number;
	readonly text: string;
	readonly pick: number;
}

/** What the worker posts back: the analysis, or why it could not make one. */
export type AnalysisReply =
	| { readonly id: number; readonly analysis: PackedAnalysis }
	| { readonly id: number; readonly failure: string };

/** The analysis was stopped because a newer text made it void; nothing is wrong. */
export class SupersededError extends Error {
	constructor() {
		super('superseded by a newer text');
		this.name = 'SupersededError';
	}
}

/** Analyses text away from the main thread. */
export interface OffThreadAnalyzer {
	analyze(text: string, pick: number): Promise<TextAnalysis>;
}

/** A worker-backed analyzer, or undefined where the browser has no workers (the page then analyses on its own). */
export function createWorkerAnalyzer(): OffThreadAnalyzer | undefined {
	if (typeof Worker !== 'function') return undefined;
	let worker: Worker | undefined;
	let nextId = 0;
	let inFlight: { id: number; reject: (reason: Error) => void } | undefined;

	return {
		analyze(text, pick) {
			// A newer text makes the running analysis void: stop it rather than wait for it.
			if (inFlight) {
				worker?.terminate();
				worker = undefined;
				inFlight.reject(new SupersededError());
			}
			const id = ++nextId;
			return new Promise<TextAnalysis>((resolve, reject) => {
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
					if ('analysis' in event.data) resolve(unpackAnalysis(event.data.analysis));
					else reject(new Error(event.data.failure));
				};
				const onError = (event: ErrorEvent) => {
					done();
					worker = undefined;
					reject(new Error(`the analysis worker failed: ${event.message}`));
				};
				running.addEventListener('message', onMessage);
				running.addEventListener('error', onError);
				running.postMessage({ id, text, pick } satisfies AnalysisRequest);
			});
		},
	};
}
