// The worker that does the page's work on huge texts away from its main thread: decoding and reviewing a pasted
// text, and re-encoding an edited header or payload.

import { encodeEdit } from '$lib/jwt/analysis';
import * as docs from '$lib/jwt/claim-docs';
import { analyzeText, review } from '$lib/jwt/judge';
import {
	buffersOf,
	packAnalysis,
	transferableBuffers,
	type AnalysisReply,
	type AnalysisRequest,
} from './protocol';

self.addEventListener('message', (event: MessageEvent<AnalysisRequest>) => {
	const request = event.data;
	let reply: AnalysisReply;
	try {
		if (request.kind === 'analyse') {
			const analysis = analyzeText(request.text, request.pick, review, docs);
			reply = { id: request.id, analysis: packAnalysis(analysis, request.text) };
		} else {
			reply = {
				id: request.id,
				encoded: encodeEdit(request.token, request.part, request.text, request.allowText),
			};
		}
	} catch (error) {
		// The core returns problems as data; anything thrown is a bug, and the page then does the work itself.
		reply = { id: request.id, failure: String(error) };
	}
	// The bytes (megabytes of them for a huge token) are handed over, not copied.
	const bytes =
		'analysis' in reply
			? transferableBuffers(reply.analysis)
			: 'encoded' in reply
				? buffersOf([reply.encoded.signingInput])
				: [];
	self.postMessage(reply, { transfer: bytes });
});
