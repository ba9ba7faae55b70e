// The analysis worker's client, loaded after first paint or at the first huge text, whichever comes first.

import type { OffThreadAnalyzer } from './client';

/** An analyzer whose client code loads on `load()` or on first use; `load` starts it without waiting. */
export interface DeferredAnalyzer extends OffThreadAnalyzer {
	/** Loads the client (once; again after a load that failed). */
	load(): Promise<OffThreadAnalyzer>;
}

/**
 * A worker-backed analyzer whose code is no part of first paint, or undefined where the browser has no workers
 * (the page then works on its own). A client that cannot load fails the request, and the page analyses the text
 * itself, as with a broken worker.
 */
export function createDeferredAnalyzer(): DeferredAnalyzer | undefined {
	if (typeof Worker !== 'function') return undefined;
	let client: Promise<OffThreadAnalyzer> | undefined;
	const load = (): Promise<OffThreadAnalyzer> =>
		(client ??= import('./client').then(({ createWorkerAnalyzer }) => {
			const analyzer = createWorkerAnalyzer();
			if (!analyzer) throw new Error('no worker here');
			return analyzer;
		})).catch((error: unknown) => {
			client = undefined;
			throw error;
		});
	return {
		load,
		analyze: async (text, pick) => (await load()).analyze(text, pick),
		replacePart: async (token, part, text, allowText) =>
			(await load()).replacePart(token, part, text, allowText),
		prepare: () =>
			void load().then(
				(analyzer) => analyzer.prepare(),
				() => undefined,
			),
	};
}
