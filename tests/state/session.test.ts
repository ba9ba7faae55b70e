// The composed state: each concern its own object, a token session per token, and the state starting verification itself.
import { flushSync } from 'svelte';
import { describe, expect, test, vi } from 'vitest';
import { createExampleToken, EXAMPLE_SECRET } from '../../src/lib/jwt/example';
import { DebuggerState } from '../../src/lib/state/debugger.svelte';
import { TokenSession } from '../../src/lib/state/session.svelte';
import { SETTLE_CHARS } from '../../src/lib/state/token-view.svelte';
import { OFF_THREAD_CHARS } from '../../src/lib/jwt';
import { HS, jws, NOW } from '../unit/jwt/findings/fixtures';

/** Lets promises and the effects they trigger run. */
async function settled(): Promise<void> {
	for (let i = 0; i < 10; i++) {
		await new Promise((resolve) => setTimeout(resolve));
		flushSync();
	}
}

/** Waits until the verdict of `session` has this status (verification is asynchronous WebCrypto work). */
async function verdictBecomes(session: TokenSession, status: string): Promise<void> {
	await vi.waitFor(
		() => {
			flushSync();
			expect(session.key.verdict.status).toBe(status);
		},
		{ timeout: 3000, interval: 5 },
	);
}

async function signedExample(): Promise<string> {
	return createExampleToken(NOW);
}

describe('a token session', () => {
	test('the verdict follows the key and the token without any component asking', async () => {
		const app = new DebuggerState();
		await app.modules.loadCrypto();
		const stop = app.track();
		try {
			const { view, key } = app.main;
			view.setText(await signedExample());
			await settled();
			expect(key.verdict.status).toBe('not-verified');
			expect(key.headline).toBe('Not verified');
			key.setText(EXAMPLE_SECRET);
			await verdictBecomes(app.main, 'verified');
			expect(key.headline).toBe('Signature verified');
			view.setText(jws(HS, { sub: 'someone else' }));
			await verdictBecomes(app.main, 'invalid');
			expect(key.headline).toBe('Invalid signature');
		} finally {
			stop();
		}
	});

	test('after stop() the verdict no longer follows', async () => {
		const app = new DebuggerState();
		await app.modules.loadCrypto();
		app.track()();
		app.main.view.setText(await signedExample());
		app.main.key.setText(EXAMPLE_SECRET);
		await settled();
		expect(app.main.key.verdict.status).toBe('not-verified');
	});

	test('a second session is a second instance: its text, key and verdict are its own, the settings shared', async () => {
		const app = new DebuggerState();
		await Promise.all([app.modules.loadCrypto(), app.modules.loadReview()]);
		const other = new TokenSession(app.settings, app.modules);
		const stops = [app.track(), other.track()];
		try {
			app.main.view.setText(await signedExample());
			app.main.key.setText(EXAMPLE_SECRET);
			other.view.setText(jws(HS, { sub: 'other', exp: NOW - 10 }));
			await verdictBecomes(app.main, 'verified');
			await settled();
			expect(other.key.verdict.status).toBe('not-verified');
			expect(other.view.payload.text).toContain('"other"');
			app.settings.evaluateAt = NOW;
			expect(other.findings.map((f) => f.code)).toContain('expired');
			expect(app.main.findings.map((f) => f.code)).not.toContain('expired');
		} finally {
			for (const stop of stops) stop();
		}
	});

	test('push() shows another session in the panels, pop() and closeAll() go back out, stopping their tracking', () => {
		const app = new DebuggerState();
		const inner = new TokenSession(app.settings, app.modules);
		const innermost = new TokenSession(app.settings, app.modules);
		const stopped: string[] = [];
		expect(app.session).toBe(app.main);
		app.push(inner, () => stopped.push('inner'));
		app.push(innermost, () => stopped.push('innermost'));
		expect(app.session).toBe(innermost);
		expect(app.path).toEqual([app.main, inner, innermost]);
		app.pop();
		expect([app.session, stopped]).toEqual([inner, ['innermost']]);
		app.closeAll();
		expect([app.session, stopped]).toEqual([app.main, ['innermost', 'inner']]);
	});
});

describe('part views', () => {
	test('a highlighted claim is found in the re-indented text, from its key to the end of its value', () => {
		const app = new DebuggerState();
		const { view } = app.main;
		view.setText(jws(HS, { sub: 'a', exp: 123, nested: { exp: 1 } }));
		view.highlight = { part: 'payload', member: 'exp' };
		const text = view.payload.text;
		expect(view.payload.highlighted).toEqual([{ from: text.indexOf('"exp"'), to: text.indexOf('123') + 3 }]);
		expect(view.header.highlighted).toEqual([]);
	});

	test('a highlight of the other part, or of a member that is not there, marks nothing', () => {
		const app = new DebuggerState();
		const { view } = app.main;
		view.setText(jws(HS, { sub: 'a' }));
		view.highlight = { part: 'header', member: 'sub' };
		expect(view.payload.highlighted).toEqual([]);
		view.highlight = { member: 'missing' };
		expect(view.payload.highlighted).toEqual([]);
	});

	test('a draft stands while it belongs to the token shown, with its syntax error', async () => {
		const app = new DebuggerState();
		const { view } = app.main;
		const editing = await app.main.loadEditing();
		view.setText(jws(HS, { sub: 'a' }));
		editing.editPayload('{"sub": ');
		expect(view.payload.text).toBe('{"sub": ');
		expect(view.payload.error?.line).toBe(1);
		view.setText(jws(HS, { sub: 'b' }));
		expect(view.payload.error).toBeUndefined();
		expect(JSON.parse(view.payload.text)).toEqual({ sub: 'b' });
	});
});

describe('editing', () => {
	test('the sign note belongs to the text it was written for', async () => {
		const app = new DebuggerState();
		await app.modules.loadCrypto();
		const { view, key } = app.main;
		view.setText(jws(HS, { sub: 'a' }));
		key.setText(EXAMPLE_SECRET);
		await app.main.sign();
		expect(app.main.signNote).toMatch(/^Signed with the HMAC secret/);
		view.setText(jws(HS, { sub: 'pasted' }));
		expect(app.main.signNote).toBe('');
	});

	test('edits made before the editing code has loaded apply once it has, in the order made', async () => {
		const app = new DebuggerState();
		const { view } = app.main;
		view.setText(jws(HS, { sub: 'a' }));
		app.main.editPayload('{"sub":"b"}');
		app.main.editHeader('{"alg":"HS256","kid":"k"}');
		app.main.editPayload('{"sub":"c"}');
		expect(app.main.editing).toBeUndefined();
		expect(app.main.signNote).toBe('');
		await app.main.loadEditing();
		expect(app.main.editing).toBeDefined();
		expect(view.kid).toBe('k');
		expect(JSON.parse(view.payload.text)).toEqual({ sub: 'c' });
		expect(view.decoded?.payload.mode === 'json' && JSON.parse(view.decoded.payload.text)).toEqual({
			sub: 'c',
		});
	});
});

describe('alerts', () => {
	test.each([
		['a header that is a JSON array', `${Buffer.from('[1]').toString('base64url')}.e30.sig`, 'header'],
		['a payload that is not JSON', jws(HS, 'plain text'), 'payload'],
	])('%s gives one alert naming the part', (_name, token, part) => {
		const app = new DebuggerState();
		app.main.setText(token);
		expect(app.main.view.alerts).toHaveLength(1);
		expect(app.main.view.alerts[0]).toMatch(new RegExp(part, 'i'));
	});

	test('a decodable token and an empty editor give none', () => {
		const app = new DebuggerState();
		expect(app.main.view.alerts).toEqual([]);
		app.main.setText(jws(HS, { sub: 'a' }));
		expect(app.main.view.alerts).toEqual([]);
	});
});

describe('a long token shows its parts first, then its findings and rows', () => {
	// Long enough to be settled a frame later (SETTLE_CHARS), short enough to be decoded on the page.
	const filler = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`claim_${i}`, 'x'.repeat(80)]));
	const long = jws(HS, { sub: 'someone', exp: NOW - 10, ...filler });

	test('the payload is there at once; findings, rows and the time badge follow in a later task', async () => {
		expect(long.length).toBeGreaterThanOrEqual(SETTLE_CHARS);
		expect(long.length).toBeLessThan(OFF_THREAD_CHARS);
		const app = new DebuggerState();
		await app.modules.loadReview();
		const stop = app.track();
		try {
			const { view } = app.main;
			app.main.setText(long);
			flushSync();
			expect(view.payload.text).toContain('claim_399');
			expect(view.settled).toBe(false);
			expect(app.main.findings).toEqual([]);
			expect(view.payload.rows).toEqual([]);
			expect(app.main.validity).toBeUndefined();
			expect(app.main.findingSummary).toBe('Findings appear here once the token is decoded.');
			await settled();
			expect(view.settled).toBe(true);
			expect(app.main.findings.map((f) => f.code)).toContain('expired');
			expect(view.payload.rows.length).toBe(402);
			expect(app.main.validity?.state).toBe('expired');
		} finally {
			stop();
		}
	});

	test('a text replaced before its turn never settles as the old text', async () => {
		const app = new DebuggerState();
		await app.modules.loadReview();
		const stop = app.track();
		try {
			app.main.setText(long);
			flushSync();
			app.main.setText(jws(HS, { sub: 'someone else', ...filler }));
			flushSync();
			await settled();
			expect(app.main.view.settled).toBe(true);
			expect(app.main.view.payload.text).toContain('someone else');
		} finally {
			stop();
		}
	});

	test('a short token has everything at once, once what judges a token has loaded', async () => {
		const app = new DebuggerState();
		app.main.setText(jws(HS, { sub: 'someone', exp: NOW - 10 }));
		// Before it loads (first paint), the token shows decoded, without findings or rows.
		expect(app.main.view.payload.text).toContain('someone');
		expect([app.main.view.settled, app.main.findings, app.main.view.payload.rows]).toEqual([false, [], []]);
		await app.modules.loadReview();
		expect(app.main.view.settled).toBe(true);
		expect(app.main.view.payload.rows.length).toBe(2);
		expect(app.main.findings.map((f) => f.code)).toContain('expired');
	});
});
