// The worker that does the page's work on huge texts away from its main thread: decoding and reviewing a pasted
// text, and re-encoding an edited header or payload.

import { analyzeText, packAnalysis } from '$lib/jwt/analysis';
import * as docs from '$lib/jwt/claim-docs';
import { replacePart } from '$lib/jwt/encode';
import { review } from '$lib/jwt/findings-review';
import type { AnalysisReply, AnalysisRequest } from './analysis-client';

self.addEventListener('message', (event: MessageEvent<AnalysisRequest>) => {
	const request = event.data;
	let reply: AnalysisReply;
	try {
		reply =
			request.kind === 'analyse'
				? { id: request.id, analysis: packAnalysis(analyzeText(request.text, request.pick, review, docs)) }
				: {
						id: request.id,
						encoded: replacePart(request.token, request.part, request.text, request.allowText),
					};
	} catch (error) {
		// The core returns problems as data; anything thrown is a bug, and the page then does the work itself.
		reply = { id: request.id, failure: String(error) };
	}
	self.postMessage(reply);
});
