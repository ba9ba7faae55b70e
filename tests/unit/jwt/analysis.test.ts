import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { encodeEdit, ROWS_POSTED, type TextAnalysis } from '../../../src/lib/jwt/analysis';
import { analyzeText } from '../../../src/lib/jwt/judge';
import { packAnalysis, transferableBuffers, unpackAnalysis } from '../../../src/lib/worker/protocol';
import type { ClaimDocs } from '../../../src/lib/jwt/claims';
import * as docs from '../../../src/lib/jwt/claim-docs';
import { DebuggerError } from '../../../src/lib/jwt/errors';
import { listFindings, listFindingsWith } from '../../../src/lib/jwt/findings';
import { review, type FindingReview } from '../../../src/lib/jwt/findings/review';
import { formatJson } from '../../../src/lib/jwt/json';
import { encodePart, FRESH, HS, jwe, jws, NOW } from './findings/fixtures';

/**
 * What the worker's analysis of `text` becomes on the page: packed, posted as postMessage posts it (bytes
 * handed over, so the worker's copies are detached), unpacked. Compare it with an analysis of its own.
 */
function throughWorker(
	text: string,
	pick = 0,
	withReview?: FindingReview,
	withDocs?: ClaimDocs,
): TextAnalysis {
	const packed = packAnalysis(analyzeText(text, pick, withReview, withDocs), text);
	return unpackAnalysis(structuredClone(packed, { transfer: transferableBuffers(packed) }), text);
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
		const back = throughWorker(broken);
		const errors = back.inspection.decoded?.errors ?? [];
		expect(errors.length).toBeGreaterThan(0);
		for (const error of errors) {
			expect(error).toBeInstanceOf(DebuggerError);
			expect(error.code).toBe('bad-base64url');
			expect(error.part).toBe('signature');
		}
		const none = throughWorker('   ').inspection.error;
		expect(none).toBeInstanceOf(DebuggerError);
		expect(none?.code).toBe('empty');
	});

	test('the payload tree keeps only its time claims, with their offsets; everything else is as analysed', () => {
		const token = jws(HS, { sub: 'u', nbf: NOW - 5, data: { deep: [1, 2] }, exp: NOW + 60 });
		const analysis = analyzeText(token, 0, review, docs);
		const back = throughWorker(token, 0, review, docs);
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
		const cut = throughWorker(token, 0, review).inspection.decoded!;
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
		const back = throughWorker(jws(HS, claims));
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
					const back = throughWorker(text, pick);
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

	test('the token and its parts are not posted where the page can cut them from its text', () => {
		const token = jws(HS, { sub: 'u', exp: NOW + 60 });
		for (const text of [`Bearer ${token}`, `a\n${token}\n${jws(HS, { n: 2 })}`]) {
			const packed = packAnalysis(analyzeText(text, 0), text);
			expect(packed.inspection.candidates.every((c) => c.token === undefined)).toBe(true);
			expect(packed.inspection.decoded?.token).toBeUndefined();
			expect(packed.inspection.decoded?.parts.every((p) => p.text === undefined)).toBe(true);
			const back = throughWorker(text);
			expect(back.inspection.candidate?.token).toBe(token);
			expect(back.inspection.decoded?.token).toBe(token);
			expect(back.inspection.decoded?.parts.map((p) => p.text)).toEqual(token.split('.'));
		}
	});

	test('a token that is not a slice of the text (spaces inside, %-escapes) is posted whole', () => {
		const token = jws(HS, { sub: 'u' });
		const [h, p, sig] = token.split('.') as [string, string, string];
		for (const text of [`${h}.\n  ${p}.${sig}`, `https://app.example/cb#id_token=${h}%2E${p}%2E${sig}`]) {
			const packed = packAnalysis(analyzeText(text, 0), text);
			expect(packed.inspection.candidates[0]?.token).toBe(token);
			expect(throughWorker(text).inspection.candidate?.token).toBe(token);
			expect(throughWorker(text).inspection.decoded?.parts.map((part) => part.text)).toEqual([h, p, sig]);
		}
	});

	test('the signing input arrives as bytes: the ASCII of header.payload, handed over, not copied', () => {
		const token = jws(HS, { sub: 'u', exp: NOW + 60 });
		const text = `Bearer ${token}`;
		const packed = packAnalysis(analyzeText(text, 0), text);
		const buffers = transferableBuffers(packed);
		expect(buffers).toContain(packed.signingInput?.buffer);
		expect(buffers).toContain(packed.inspection.decoded?.bytes.signature?.buffer);
		const back = unpackAnalysis(structuredClone(packed, { transfer: buffers }), text);
		expect(packed.signingInput?.byteLength).toBe(0); // detached: it moved
		expect(new TextDecoder().decode(back.signingInput)).toBe(token.slice(0, token.lastIndexOf('.')));
		expect(analyzeText(jwe(HS), 0).signingInput).toBeUndefined();
	});
});

describe('encodeEdit re-encodes an edited part and gives the bytes to sign', () => {
	test('a payload edit: the new token and its header.payload as bytes', () => {
		const token = jws(HS, { sub: 'u' });
		const edit = encodeEdit(token, 'payload', '{ "sub": "v" }', false);
		if (!edit.ok) throw new Error('expected the edit to encode');
		expect(edit.token.split('.')[1]).toBe(encodePart({ sub: 'v' }));
		const input = edit.token.slice(0, edit.token.lastIndexOf('.'));
		expect(new TextDecoder().decode(edit.signingInput)).toBe(input);
	});

	test('JSON that does not parse gives the error and no bytes; a JWE gives no bytes', () => {
		const broken = encodeEdit(jws(HS, { sub: 'u' }), 'payload', '{ "sub": ', false);
		expect(broken.ok).toBe(false);
		expect(broken.signingInput).toBeUndefined();
		const encrypted = encodeEdit(jwe(HS), 'header', '{"alg":"dir","enc":"A128GCM"}', false);
		expect(encrypted.ok && encrypted.signingInput).toBe(undefined);
	});
});
