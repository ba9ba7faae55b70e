// The worker that analyses huge texts away from the page's main thread: text in, what the panels show out.

import { analyzeText, packAnalysis } from '$lib/jwt/analysis';
import * as docs from '$lib/jwt/claim-docs';
import { review } from '$lib/jwt/findings-review';
import type { AnalysisReply, AnalysisRequest } from './analysis-client';

self.addEventListener('message', (event: MessageEvent<AnalysisRequest>) => {
	const { id, text, pick } = event.data;
	let reply: AnalysisReply;
	try {
		reply = { id, analysis: packAnalysis(analyzeText(text, pick, review, docs)) };
	} catch (error) {
		// The core returns problems as data; anything thrown is a bug, and the page then analyses on its own.
		reply = { id, failure: String(error) };
	}
	self.postMessage(reply);
});
