// The related token: a second session like the main one, the bindings and differences between them, swapping, and sharing choices.
import { readFileSync } from 'node:fs';
import { flushSync } from 'svelte';
import { describe, expect, test, vi } from 'vitest';
import { DebuggerState } from '../../src/lib/state/debugger.svelte';
import type { Relation } from '../../src/lib/state/relation.svelte';
import type { Sharing } from '../../src/lib/state/sharing.svelte';
import { HS, jws, NOW } from '../unit/jwt/findings/fixtures';

const rfc9449 = JSON.parse(
	readFileSync(new URL('../vectors/rfc9449/dpop_examples.json', import.meta.url), 'utf8'),
) as { proofs: { jwt: string }[]; access_token: { access_token: string } };
const proof13 = rfc9449.proofs[2]!.jwt;

/** Runs `check` until it passes: verification and hashing are asynchronous WebCrypto work. */
async function eventually(check: () => void): Promise<void> {
	await vi.waitFor(
		() => {
			flushSync();
			check();
		},
		{ timeout: 3000, interval: 5 },
	);
}

/** A page state with what loads after first paint loaded, the relation and sharing included, and tracking. */
async function tracked(): Promise<{
	app: DebuggerState;
	relation: Relation;
	sharing: Sharing;
	stop: () => void;
}> {
	const app = new DebuggerState();
	await Promise.all([app.modules.loadCrypto(), app.modules.loadReview(), app.loadBeside()]);
	const { relation, sharing } = app;
	if (!relation || !sharing) throw new Error('loadBeside resolved without the relation and sharing');
	return { app, relation, sharing, stop: app.track() };
}

describe('a DPoP proof with no key given', () => {
	test('is verified with its own header key, saying so', async () => {
		const { app, stop } = await tracked();
		try {
			app.main.view.setText(proof13);
			await eventually(() =>
				expect(app.main.key.verdict).toMatchObject({ status: 'verified', origin: 'dpop-proof' }),
			);
			expect(app.main.view.profile?.profile.id).toBe('dpop-proof');
		} finally {
			stop();
		}
	});
});

describe('the related token', () => {
	test('binds: a matching ath holds; another access token gives the main token dpop-ath-mismatch', async () => {
		const { app, relation, stop } = await tracked();
		try {
			app.main.view.setText(proof13);
			app.related.view.setText(`DPoP ${rfc9449.access_token.access_token}`);
			await eventually(() =>
				expect(relation.bindings.map((b) => [b.kind, b.holds])).toEqual([['dpop-ath', true]]),
			);
			expect(app.main.findings.map((f) => f.code)).not.toContain('dpop-ath-mismatch');
			app.related.view.setText('another-opaque-token');
			await eventually(() => expect(app.main.findings.map((f) => f.code)).toContain('dpop-ath-mismatch'));
			app.related.view.setText('');
			await eventually(() => expect(app.main.findings.map((f) => f.code)).not.toContain('dpop-ath-mismatch'));
		} finally {
			stop();
		}
	});

	test('bindings follow once the relation loads after the tokens are in, as after first paint', async () => {
		const app = new DebuggerState();
		const stop = app.track();
		try {
			app.main.view.setText(proof13);
			app.related.view.setText(`DPoP ${rfc9449.access_token.access_token}`);
			flushSync();
			expect(app.relation).toBeUndefined();
			await Promise.all([app.modules.loadCrypto(), app.modules.loadReview(), app.loadBeside()]);
			await eventually(() =>
				expect(app.relation?.bindings.map((b) => [b.kind, b.holds])).toEqual([['dpop-ath', true]]),
			);
		} finally {
			stop();
		}
	});

	test('differences follow both tokens', async () => {
		const { app, relation, stop } = await tracked();
		try {
			app.main.view.setText(jws(HS, { sub: 'a', exp: NOW }));
			expect(relation.differences).toBeUndefined();
			app.related.view.setText(jws(HS, { sub: 'a', exp: NOW + 86_400 * 13 }));
			flushSync();
			expect(relation.differences?.differences.map((d) => [d.path, d.delta?.text])).toEqual([
				['/payload/exp', '+13 days'],
			]);
			expect(relation.differencesText()).toContain('/payload/exp');
		} finally {
			stop();
		}
	});

	test('Swap tokens exchanges the two tokens and their keys', async () => {
		const { app, stop } = await tracked();
		try {
			const first = jws(HS, { sub: 'first' });
			const second = jws(HS, { sub: 'second' });
			app.main.view.setText(first);
			app.main.key.setText('key one');
			app.related.view.setText(`{"a":"${first}","b":"${second}"}`);
			app.related.view.pick = 1;
			app.swap();
			flushSync();
			expect(app.main.view.token).toBe(second);
			expect(app.main.key.text).toBe('');
			expect(app.related.view.text).toBe(first);
			expect(app.related.key.text).toBe('key one');
		} finally {
			stop();
		}
	});
});

describe('sharing', () => {
	test('redactions apply to the token they were chosen for, and a new token starts with none', async () => {
		const { app, sharing, stop } = await tracked();
		try {
			app.main.view.setText(jws(HS, { sub: 'a', email: 'e@x' }));
			flushSync();
			expect(sharing.choices.map((c) => c.name)).toEqual(['sub', 'email']);
			sharing.toggle('/payload/email', true);
			flushSync();
			const url = sharing.unsignedUrl('https://prism.example/')!;
			const payload = JSON.parse(
				Buffer.from(url.split('#token=')[1]!.split('.')[1]!, 'base64url').toString(),
			);
			expect(payload).toEqual({ sub: 'a', email: '[redacted]' });
			expect(sharing.report()).toContain('"email": "[redacted]"');
			app.main.view.setText(jws(HS, { sub: 'b', email: 'e@x' }));
			flushSync();
			expect(sharing.redact).toEqual([]);
		} finally {
			stop();
		}
	});

	test('the note beside Share link follows the token: live while not expired, gone once it is', async () => {
		const { app, sharing, stop } = await tracked();
		try {
			app.settings.evaluateAt = NOW;
			app.main.view.setText(jws(HS, { exp: NOW + 3600 }));
			flushSync();
			expect(sharing.risk).toMatchObject({ live: true, expiresIn: 3600 });
			app.main.view.setText(jws(HS, { exp: NOW - 1 }));
			flushSync();
			expect(sharing.risk).toEqual({ live: false, reason: 'expired' });
		} finally {
			stop();
		}
	});
});
