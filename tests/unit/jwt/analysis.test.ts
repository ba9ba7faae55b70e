import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	analyzeText,
	packAnalysis,
	ROWS_POSTED,
	unpackAnalysis,
	type TextAnalysis,
} from '../../../src/lib/jwt/analysis';
import * as docs from '../../../src/lib/jwt/claim-docs';
import { DebuggerError } from '../../../src/lib/jwt/errors';
import { listFindings, listFindingsWith } from '../../../src/lib/jwt/findings';
import { review } from '../../../src/lib/jwt/findings-review';
import { formatJson } from '../../../src/lib/jwt/json';
import { encodePart, FRESH, HS, jws, NOW } from './findings-fixtures';

/** What a worker's reply becomes on the page: packed, copied as postMessage copies, unpacked. */
function throughWorker(analysis: TextAnalysis): TextAnalysis {
	return unpackAnalysis(structuredClone(packAnalysis(analysis)));
}

describe('analyzeText works out what every panel shows', () => {
	test('a token: formatted header and payload, rows and token findings', () => {
		const token = jws({ ...HS, kid: 'k1' }, { ...FRESH, name: 'Jane' });
		const analysis = analyzeText(`Bearer ${token}`, 0, review, docs);
		expect(analysis.inspection.candidate?.token).toBe(token);
		expect(analysis.headerText).toBe(formatJson(JSON.stringify({ ...HS, kid: 'k1' })));
		expect(JSON.parse(analysis.payloadText)).toEqual({ ...FRESH, name: 'Jane' });
		expect(analysis.headerRows.map((r) => r.name)).toEqual(['alg', 'typ', 'kid']);
		expect(analysis.payloadRows.map((r) => r.name)).toEqual(['sub', 'iat', 'exp', 'name']);
		expect(analysis.payloadRows[0]?.doc).toEqual(docs.describeClaim('sub'));
		expect([analysis.headerMembers, analysis.payloadMembers]).toEqual([3, 4]);
		const decoded = analysis.inspection.decoded!;
		expect(analysis.tokenFindings).toEqual(listFindingsWith(decoded, { now: NOW }, review, 'token'));
	});

	test('text with no token: the error, and nothing to show', () => {
		const analysis = analyzeText('hello world', 0);
		expect(analysis.inspection.error?.code).toBe('not-a-token');
		expect(analysis).toMatchObject({ headerText: '', payloadText: '', headerRows: [], payloadRows: [] });
		expect(analysis.tokenFindings).toEqual([]);
	});

	test('the token at `pick` is the one analysed', () => {
		const first = jws(HS, { sub: 'first' });
		const second = jws(HS, { sub: 'second' });
		expect(JSON.parse(analyzeText(`${first}\n${second}`, 1).payloadText)).toEqual({ sub: 'second' });
	});
});

describe('a worker posts the analysis as plain data and the page gets it back whole', () => {
	test('errors come back as DebuggerErrors with their code and part', () => {
		const broken = `${encodePart(HS)}.e30.not*base64`;
		const back = throughWorker(analyzeText(broken, 0));
		const errors = back.inspection.decoded?.errors ?? [];
		expect(errors.length).toBeGreaterThan(0);
		for (const error of errors) {
			expect(error).toBeInstanceOf(DebuggerError);
			expect(error.code).toBe('bad-base64url');
			expect(error.part).toBe('signature');
		}
		const none = throughWorker(analyzeText('   ', 0)).inspection.error;
		expect(none).toBeInstanceOf(DebuggerError);
		expect(none?.code).toBe('empty');
	});

	test('the payload tree keeps only its time claims, with their offsets; everything else is as analysed', () => {
		const token = jws(HS, { sub: 'u', nbf: NOW - 5, data: { deep: [1, 2] }, exp: NOW + 60 });
		const analysis = analyzeText(token, 0, review, docs);
		const back = throughWorker(analysis);
		const payload = back.inspection.decoded?.payload;
		const original = analysis.inspection.decoded?.payload;
		if (payload?.mode !== 'json' || payload.root.kind !== 'object' || original?.mode !== 'json')
			throw new Error('expected a JSON object payload');
		expect(payload.root.entries.map((e) => e.key)).toEqual(['nbf', 'exp']);
		if (original.root.kind !== 'object') throw new Error('expected an object');
		expect(payload.root.entries).toEqual(original.root.entries.filter((e) => ['nbf', 'exp'].includes(e.key)));
		expect(payload.text).toBe(original.text);
		expect(back.payloadText).toBe(analysis.payloadText);
		expect(back.tokenFindings).toEqual(analysis.tokenFindings);
		expect(back.payloadRows).toEqual(analysis.payloadRows);
		expect(back.inspection.ranges).toEqual(analysis.inspection.ranges);
		expect(back.inspection.decoded?.bytes).toEqual(analysis.inspection.decoded?.bytes);
	});

	test('the time findings from the cut tree are those of the whole token', () => {
		const token = jws(HS, { iat: NOW - 400 * 86400, exp: NOW - 60, filler: 'x'.repeat(100), nbf: 'soon' });
		const analysis = analyzeText(token, 0, review);
		const full = analysis.inspection.decoded!;
		const cut = throughWorker(analysis).inspection.decoded!;
		const context = { now: NOW, clockSkew: 30, lifetimeThreshold: 3600 };
		const time = listFindingsWith(cut, context, undefined, 'time');
		expect(time.map((f) => f.code).sort()).toEqual(['expired', 'invalid-time-claim', 'long-lifetime']);
		expect(time).toEqual(listFindingsWith(full, context, undefined, 'time'));
		// Token findings from the worker plus time findings on the page: every finding of the token.
		const key = (f: { code: string; detail: string }) => `${f.code} ${f.detail}`;
		expect([...analysis.tokenFindings, ...time].map(key).sort()).toEqual(
			listFindings(full, context).map(key).sort(),
		);
	});

	test(`at most ${ROWS_POSTED} rows per part are posted; the member counts say how many there are`, () => {
		const claims = Object.fromEntries(Array.from({ length: ROWS_POSTED + 250 }, (_, i) => [`c${i}`, i]));
		const back = throughWorker(analyzeText(jws(HS, claims), 0));
		expect(back.payloadRows).toHaveLength(ROWS_POSTED);
		expect(back.payloadRows.at(-1)?.name).toBe(`c${ROWS_POSTED - 1}`);
		expect(back.payloadMembers).toBe(ROWS_POSTED + 250);
	});

	test('any text: the round trip through a worker keeps every part but the payload tree', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string(),
					fc.json().map((json) => jws(HS, json)),
				),
				fc.nat(3),
				(text, pick) => {
					const analysis = analyzeText(text, pick);
					const back = throughWorker(analysis);
					const strip = (a: TextAnalysis) => {
						const decoded = a.inspection.decoded;
						return {
							...a,
							inspection: {
								...a.inspection,
								error: a.inspection.error && { ...a.inspection.error, message: a.inspection.error.message },
								decoded: decoded && {
									...decoded,
									payload:
										decoded.payload.mode === 'json' ? { ...decoded.payload, root: null } : decoded.payload,
									errors: decoded.errors.map((e) => [e.code, e.message, e.part]),
								},
							},
						};
					};
					expect(strip(back)).toEqual(strip(analysis));
				},
			),
			{ numRuns: 300 },
		);
	});
});
