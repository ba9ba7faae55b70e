// The debugger state with a huge text: analysed off the main thread, stale results dropped, edits kept while it runs.
import { createHmac } from 'node:crypto';
import { describe, expect, test, vi } from 'vitest';
import { SupersededError, type OffThreadAnalyzer } from '../../src/lib/worker/client';
import { analyzeText } from '../../src/lib/jwt/judge';
import {
	encodeEdit,
	OFF_THREAD_CHARS,
	type EncodedEdit,
	type TextAnalysis,
} from '../../src/lib/jwt/analysis';
import { packAnalysis, unpackAnalysis } from '../../src/lib/worker/protocol';
import * as docs from '../../src/lib/jwt/claim-docs';
import { review } from '../../src/lib/jwt/findings/review';
import { DebuggerState } from '../../src/lib/state/debugger.svelte';
import { HS, jws, NOW } from '../unit/jwt/findings/fixtures';

/** A payload whose token is just over the off-thread threshold. */
function hugePayload(extra: Record<string, unknown> = {}): Record<string, unknown> {
	return { sub: 'big', exp: NOW + 3600, ...extra, blob: 'x'.repeat(OFF_THREAD_CHARS) };
}

/** A request held until the test lets it finish, as a worker would answer it later. */
interface Held {
	readonly settle: (ok: boolean) => void;
}

/** An analyzer that does what the worker does, in-process, when the test says so; a newer request supersedes. */
class ManualAnalyzer implements OffThreadAnalyzer {
	readonly analyses: (Held & { text: string })[] = [];
	readonly encodes: Held[] = [];
	analyze(text: string, pick: number): Promise<TextAnalysis> {
		return this.#hold(this.analyses, { text }, () =>
			unpackAnalysis(structuredClone(packAnalysis(analyzeText(text, pick, review, docs), text)), text),
		);
	}
	replacePart(
		token: string,
		part: 'header' | 'payload',
		text: string,
		allowText: boolean,
	): Promise<EncodedEdit> {
		return this.#hold(this.encodes, {}, () => structuredClone(encodeEdit(token, part, text, allowText)));
	}
	/** How many times the page asked for the worker to be started ahead of a job. */
	prepared = 0;
	prepare(): void {
		this.prepared++;
	}
	/** The worker's work is running (in this process, as the test says when). */
	working = false;
	/** Lets the latest analysis finish. */
	finish(): void {
		this.analyses.at(-1)?.settle(true);
	}
	/** Lets the latest encoding finish. */
	finishEncoding(): void {
		this.encodes.at(-1)?.settle(true);
	}
	#hold<T, E extends object>(queue: (Held & E)[], extra: E, work: () => T): Promise<T> {
		queue.at(-1)?.settle(false);
		return new Promise((resolve, reject) => {
			let settled = false;
			queue.push({
				...extra,
				settle: (ok) => {
					if (settled) return;
					settled = true;
					if (!ok) return reject(new SupersededError());
					this.working = true;
					try {
						resolve(work());
					} finally {
						this.working = false;
					}
				},
			});
		});
	}
}

async function settled(): Promise<void> {
	for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve));
}

describe('a huge text is analysed off the main thread', () => {
	test('an ordinary token is decoded at once, without the analyzer', () => {
		const analyzer = new ManualAnalyzer();
		const app = new DebuggerState(analyzer);
		app.main.view.setText(jws(HS, { sub: 'small' }));
		expect(app.main.view.analysing).toBe(false);
		expect(JSON.parse(app.main.view.payload.text)).toEqual({ sub: 'small' });
		void app.main.view.analyseHugeText();
		expect(analyzer.analyses).toHaveLength(0);
	});

	test('until the analysis arrives the page shows nothing of it; then everything, time findings included', async () => {
		const analyzer = new ManualAnalyzer();
		const app = new DebuggerState(analyzer);
		// The page loads what judges a token after first paint; time findings wait for it.
		await app.modules.loadReview();
		app.settings.now = NOW + 7200;
		const token = jws(HS, hugePayload());
		app.main.view.setText(token);
		app.settings.now = NOW + 7200;
		expect(app.main.view.analysing).toBe(true);
		expect([
			app.main.view.decoded,
			app.main.view.token,
			app.main.view.payload.text,
			app.main.findings,
		]).toEqual([undefined, '', '', []]);
		const done = app.main.view.analyseHugeText();
		expect(analyzer.analyses.map((r) => r.text === token)).toEqual([true]);
		analyzer.finish();
		await done;
		expect(app.main.view.analysing).toBe(false);
		expect(app.main.view.token).toBe(token);
		expect(JSON.parse(app.main.view.payload.text)).toMatchObject({ sub: 'big' });
		expect(app.main.view.payload.rows.map((r) => r.name)).toEqual(['sub', 'exp', 'blob']);
		expect(app.main.view.payload.rows[2]?.fullLength).toBe(OFF_THREAD_CHARS);
		// `expired` comes from the clock on the page, the rest from the worker.
		expect(app.main.findings.map((f) => f.code)).toContain('expired');
		expect(app.main.view.validity?.state).toBe('expired');
		app.settings.now = NOW;
		expect(app.main.findings.map((f) => f.code)).not.toContain('expired');
	});

	test('an analysis of a text that has since changed is dropped', async () => {
		const analyzer = new ManualAnalyzer();
		const app = new DebuggerState(analyzer);
		app.main.view.setText(jws(HS, hugePayload({ which: 'first' })));
		const first = app.main.view.analyseHugeText();
		const second = jws(HS, hugePayload({ which: 'second' }));
		app.main.view.setText(second);
		const latest = app.main.view.analyseHugeText();
		analyzer.finish();
		await Promise.all([first, latest]);
		expect(JSON.parse(app.main.view.payload.text)).toMatchObject({ which: 'second' });
		// The text changes again while the worker runs: its result never shows.
		const third = app.main.view.analyseHugeText();
		app.main.view.setText('not a token');
		analyzer.finish();
		await third;
		expect(app.main.view.analysing).toBe(false);
		expect(app.main.view.payload.text).toBe('');
		expect(app.main.view.inspection.error?.code).toBe('not-a-token');
	});

	test('without a worker (a page opened from a file) the page analyses the text itself', async () => {
		const app = new DebuggerState();
		app.main.view.setText(`Bearer ${jws(HS, hugePayload())}`);
		expect(app.main.view.analysing).toBe(true);
		await app.main.view.analyseHugeText();
		expect(app.main.view.analysing).toBe(false);
		expect(app.main.view.alg).toBe('HS256');
		expect(app.main.view.payload.members).toBe(3);
	});

	test('the worker is started ahead of any huge text when the page asks, and only the main token has one', () => {
		const analyzer = new ManualAnalyzer();
		const app = new DebuggerState(analyzer);
		app.loadTheRest();
		expect(analyzer.prepared).toBe(0);
		app.prepareOffThread();
		expect(analyzer.prepared).toBe(1);
		expect(analyzer.analyses).toHaveLength(0);
	});

	test('a worker that fails leaves the page to analyse the text itself', async () => {
		const failing = () => Promise.reject(new Error('the analysis worker failed'));
		const app = new DebuggerState({ analyze: failing, replacePart: failing, prepare: () => undefined });
		app.main.view.setText(jws(HS, hugePayload()));
		await app.main.view.analyseHugeText();
		expect(app.main.view.analysing).toBe(false);
		expect(JSON.parse(app.main.view.payload.text)).toMatchObject({ sub: 'big' });
	});
});

describe('editing a huge token', () => {
	async function decodedHuge(analyzer: ManualAnalyzer): Promise<DebuggerState> {
		const app = new DebuggerState(analyzer);
		app.main.view.setText(`Authorization: Bearer ${jws(HS, hugePayload())}`);
		const first = app.main.view.analyseHugeText();
		analyzer.finish();
		await first;
		// The page loads editing after first paint; here, at once.
		await app.main.loadEditing();
		return app;
	}

	test('the worker encodes the edit; both editors and the text around the token stay as they were meanwhile', async () => {
		const analyzer = new ManualAnalyzer();
		const app = await decodedHuge(analyzer);
		const [header, token] = [app.main.view.header.text, app.main.view.token];

		const edited = app.main.view.payload.text.replace('"sub": "big"', '"sub": "edited"');
		app.main.editPayload(edited);
		// Shown at once; the token waits for the worker.
		expect([app.main.view.payload.text, app.main.view.token, app.main.view.analysing]).toEqual([
			edited,
			token,
			false,
		]);
		const again = edited.replace('"sub": "edited"', '"sub": "twice"');
		app.main.editPayload(again);
		expect(analyzer.encodes).toHaveLength(2);
		analyzer.finishEncoding();
		await settled();

		// Encoded: a new token in the same place, decoded again in the background, editors unchanged.
		expect(app.main.view.token).not.toBe(token);
		expect(app.main.view.text.startsWith('Authorization: Bearer ey')).toBe(true);
		expect(app.main.view.analysing).toBe(true);
		expect([app.main.view.header.text, app.main.view.payload.text]).toEqual([header, again]);
		const done = app.main.view.analyseHugeText();
		analyzer.finish();
		await done;
		expect(app.main.view.analysing).toBe(false);
		expect(JSON.parse(app.main.view.payload.text)).toMatchObject({
			sub: 'twice',
			blob: 'x'.repeat(OFF_THREAD_CHARS),
		});
		expect(app.main.view.header.text).toBe(header);
		expect(app.main.view.payload.error).toBeUndefined();
	});

	test('a header edit while the payload is being encoded: the payload is encoded again into the new token', async () => {
		const analyzer = new ManualAnalyzer();
		const app = await decodedHuge(analyzer);
		const edited = app.main.view.payload.text.replace('"sub": "big"', '"sub": "edited"');
		app.main.editPayload(edited);
		app.main.editHeader('{"alg":"HS256","typ":"JWT","kid":"k2"}');
		analyzer.finishEncoding();
		await settled();
		analyzer.finishEncoding();
		await settled();
		const done = app.main.view.analyseHugeText();
		analyzer.finish();
		await done;
		expect(app.main.view.kid).toBe('k2');
		expect(JSON.parse(app.main.view.payload.text)).toMatchObject({ sub: 'edited' });
		const decoded = app.main.view.decoded?.payload;
		expect(decoded?.mode === 'json' && decoded.text.includes('"sub":"edited"')).toBe(true);
	});

	test('invalid JSON from the worker is shown as an error, and the token stays', async () => {
		const analyzer = new ManualAnalyzer();
		const app = await decodedHuge(analyzer);
		const token = app.main.view.token;
		app.main.editPayload(`${app.main.view.payload.text},`);
		analyzer.finishEncoding();
		await settled();
		expect(app.main.view.payload.error?.message).toBeDefined();
		expect(app.main.view.token).toBe(token);
	});

	test('with a secret, the page verifies and re-signs from the bytes the worker encoded, never encoding them itself', async () => {
		const secret = 'a-secret-for-the-huge-token';
		const unsigned = jws(HS, hugePayload(), '');
		const input = unsigned.slice(0, -1);
		const signed = `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
		const analyzer = new ManualAnalyzer();
		const app = new DebuggerState(analyzer);
		app.main.key.text = secret;
		await Promise.all([app.modules.loadCrypto(), app.main.loadEditing()]);
		// Every encoding of a huge text done on the page, not in the (in-process) worker.
		const hugeEncodes: number[] = [];
		const encode = TextEncoder.prototype.encode;
		TextEncoder.prototype.encode = function (text?: string) {
			if (!analyzer.working && (text?.length ?? 0) >= OFF_THREAD_CHARS) hugeEncodes.push(text!.length);
			return encode.call(this, text);
		};
		try {
			app.main.view.setText(signed);
			const first = app.main.view.analyseHugeText();
			analyzer.finish();
			await first;
			await app.main.key.refreshVerdict();
			expect(app.main.key.verdict.status).toBe('verified');

			app.main.editPayload(app.main.view.payload.text.replace('"sub": "big"', '"sub": "edited"'));
			const before = app.main.view.token;
			analyzer.finishEncoding();
			while (app.main.view.token === before) await Promise.resolve();
			// The edit is in and its signature on the way: the unsigned token is not posted for analysis.
			void app.main.view.analyseHugeText();
			expect(analyzer.analyses).toHaveLength(1);
			// Signing is WebCrypto work on another thread: wait for it, however loaded the machine is.
			await vi.waitFor(() => expect(app.main.signNote).toMatch(/^Signed with the HMAC secret/), {
				timeout: 5000,
				interval: 5,
			});
			const again = app.main.view.analyseHugeText();
			analyzer.finish();
			await again;
			await app.main.key.refreshVerdict();
			expect(app.main.key.verdict.status).toBe('verified');
			expect(JSON.parse(app.main.view.payload.text)).toMatchObject({ sub: 'edited' });
			await app.main.sign();
			expect(app.main.signNote).toMatch(/^Signed with the HMAC secret/);
		} finally {
			TextEncoder.prototype.encode = encode;
		}
		expect(hugeEncodes).toEqual([]);
	});
});
