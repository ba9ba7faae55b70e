// The debugger state with a huge text: analysed off the main thread, stale results dropped, edits kept while it runs.
import { describe, expect, test } from 'vitest';
import { SupersededError, type OffThreadAnalyzer } from '../../src/lib/browser/analysis-client';
import {
	analyzeText,
	OFF_THREAD_CHARS,
	packAnalysis,
	unpackAnalysis,
	type TextAnalysis,
} from '../../src/lib/jwt/analysis';
import * as docs from '../../src/lib/jwt/claim-docs';
import { review } from '../../src/lib/jwt/findings-review';
import { DebuggerState } from '../../src/lib/state/debugger.svelte';
import { HS, jws, NOW } from '../unit/jwt/findings-fixtures';

/** A payload whose token is just over the off-thread threshold. */
function hugePayload(extra: Record<string, unknown> = {}): Record<string, unknown> {
	return { sub: 'big', exp: NOW + 3600, ...extra, blob: 'x'.repeat(OFF_THREAD_CHARS) };
}

/** An analyzer that does what the worker does, in-process, when the test says so. */
class ManualAnalyzer implements OffThreadAnalyzer {
	readonly requests: { text: string; pick: number; settle: (ok: boolean) => void }[] = [];
	analyze(text: string, pick: number): Promise<TextAnalysis> {
		return new Promise((resolve, reject) => {
			const superseded = this.requests.at(-1);
			superseded?.settle(false);
			this.requests.push({
				text,
				pick,
				settle: (ok) =>
					ok
						? resolve(unpackAnalysis(structuredClone(packAnalysis(analyzeText(text, pick, review, docs)))))
						: reject(new SupersededError()),
			});
		});
	}
	/** Lets the latest request finish. */
	finish(): void {
		this.requests.at(-1)?.settle(true);
	}
}

async function settled(): Promise<void> {
	for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve));
}

describe('a huge text is analysed off the main thread', () => {
	test('an ordinary token is decoded at once, without the analyzer', () => {
		const analyzer = new ManualAnalyzer();
		const app = new DebuggerState(analyzer);
		app.setText(jws(HS, { sub: 'small' }));
		expect(app.analysing).toBe(false);
		expect(JSON.parse(app.payloadText)).toEqual({ sub: 'small' });
		void app.analyseHugeText();
		expect(analyzer.requests).toHaveLength(0);
	});

	test('until the analysis arrives the page shows nothing of it; then everything, time findings included', async () => {
		const analyzer = new ManualAnalyzer();
		const app = new DebuggerState(analyzer);
		app.now = NOW + 7200;
		const token = jws(HS, hugePayload());
		app.setText(token);
		app.now = NOW + 7200;
		expect(app.analysing).toBe(true);
		expect([app.decoded, app.token, app.payloadText, app.findings]).toEqual([undefined, '', '', []]);
		const done = app.analyseHugeText();
		expect(analyzer.requests.map((r) => r.text === token)).toEqual([true]);
		analyzer.finish();
		await done;
		expect(app.analysing).toBe(false);
		expect(app.token).toBe(token);
		expect(JSON.parse(app.payloadText)).toMatchObject({ sub: 'big' });
		expect(app.payloadRows.map((r) => r.name)).toEqual(['sub', 'exp', 'blob']);
		expect(app.payloadRows[2]?.fullLength).toBe(OFF_THREAD_CHARS);
		// `expired` comes from the clock on the page, the rest from the worker.
		expect(app.findings.map((f) => f.code)).toContain('expired');
		expect(app.validity?.state).toBe('expired');
		app.now = NOW;
		expect(app.findings.map((f) => f.code)).not.toContain('expired');
	});

	test('an analysis of a text that has since changed is dropped', async () => {
		const analyzer = new ManualAnalyzer();
		const app = new DebuggerState(analyzer);
		app.setText(jws(HS, hugePayload({ which: 'first' })));
		const first = app.analyseHugeText();
		const second = jws(HS, hugePayload({ which: 'second' }));
		app.setText(second);
		const latest = app.analyseHugeText();
		analyzer.finish();
		await Promise.all([first, latest]);
		expect(JSON.parse(app.payloadText)).toMatchObject({ which: 'second' });
		// The text changes again while the worker runs: its result never shows.
		const third = app.analyseHugeText();
		app.setText('not a token');
		analyzer.finish();
		await third;
		expect(app.analysing).toBe(false);
		expect(app.payloadText).toBe('');
		expect(app.inspection.error?.code).toBe('not-a-token');
	});

	test('without a worker (a page opened from a file) the page analyses the text itself', async () => {
		const app = new DebuggerState();
		app.setText(`Bearer ${jws(HS, hugePayload())}`);
		expect(app.analysing).toBe(true);
		await app.analyseHugeText();
		expect(app.analysing).toBe(false);
		expect(app.alg).toBe('HS256');
		expect(app.payloadMembers).toBe(3);
	});

	test('a worker that fails leaves the page to analyse the text itself', async () => {
		const app = new DebuggerState({ analyze: () => Promise.reject(new Error('the analysis worker failed')) });
		app.setText(jws(HS, hugePayload()));
		await app.analyseHugeText();
		expect(app.analysing).toBe(false);
		expect(JSON.parse(app.payloadText)).toMatchObject({ sub: 'big' });
	});
});

describe('editing a huge token while it is analysed again', () => {
	test('both editors keep their text, and two quick edits keep the text around the token', async () => {
		const analyzer = new ManualAnalyzer();
		const app = new DebuggerState(analyzer);
		app.setText(`Authorization: Bearer ${jws(HS, hugePayload())}`);
		const first = app.analyseHugeText();
		analyzer.finish();
		await first;
		const header = app.headerText;

		const edited = app.payloadText.replace('"sub": "big"', '"sub": "edited"');
		app.editPayload(edited);
		expect(app.analysing).toBe(true);
		expect([app.headerText, app.payloadText]).toEqual([header, edited]);
		expect(app.text.startsWith('Authorization: Bearer ey')).toBe(true);

		// A second edit before the worker is done builds on the first one.
		const again = edited.replace('"sub": "edited"', '"sub": "twice"');
		app.editPayload(again);
		expect(app.payloadText).toBe(again);
		expect(app.text.startsWith('Authorization: Bearer ey')).toBe(true);
		const done = app.analyseHugeText();
		analyzer.finish();
		await done;
		await settled();
		expect(app.analysing).toBe(false);
		expect(app.inspection.candidate?.label).toBeDefined();
		expect(JSON.parse(app.payloadText)).toMatchObject({ sub: 'twice', blob: 'x'.repeat(OFF_THREAD_CHARS) });
		expect(app.headerText).toBe(header);
		expect(app.payloadError).toBeUndefined();
	});
});
