// The SD-JWT side of a session: unticking a disclosure, the key binding it needs, and signing it with the holder key.
import { flushSync } from 'svelte';
import { describe, expect, test, vi } from 'vitest';
import { DebuggerState } from '../../src/lib/state/debugger.svelte';
import type { SdJwtState } from '../../src/lib/state/sd-jwt.svelte';
import { disclose, holderKey, sdHashOf, sdJwt, signKb } from '../unit/jwt/sd-jwt/fixtures';

async function until(check: () => void): Promise<void> {
	await vi.waitFor(
		() => {
			flushSync();
			check();
		},
		{ timeout: 5000, interval: 5 },
	);
}

/** A session showing a credential with two disclosures, bound to a fresh holder key, presented with a KB-JWT. */
async function opened() {
	const app = new DebuggerState();
	await app.modules.loadCrypto();
	const stop = app.track();
	const holder = await holderKey();
	const a = await disclose('given_name', 'Ada');
	const b = await disclose('family_name', 'Lovelace');
	const presented = sdJwt({ alg: 'ES256' }, { cnf: { jwk: holder.publicJwk }, _sd: [a.digest, b.digest] }, [
		a.disclosure,
		b.disclosure,
	]);
	const iat = Math.floor(app.settings.now) - 60;
	const kb = await signKb(
		{ alg: 'ES256', typ: 'kb+jwt' },
		{ iat, aud: 'https://verifier', nonce: 'n-1', sd_hash: await sdHashOf(presented) },
		holder.privateKey,
	);
	app.main.view.setText(presented + kb);
	await until(() => expect(app.main.sdJwt?.keyBinding?.code).toBe('verified'));
	const sd = app.main.sdJwt as SdJwtState;
	return { app, sd, stop, a, b, holder, iat };
}

const privateJwk = (key: Awaited<ReturnType<typeof holderKey>>) => JSON.stringify(key.privateJwk);

describe('presentations built by unticking disclosures', () => {
	test('without the holder key, the KB-JWT is left off (the token ends with ~) and the status awaits the key', async () => {
		const { app, sd, stop, a, b } = await opened();
		try {
			await sd.setDisclosed(1, false);
			await until(() => expect(sd.keyBinding?.code).toBe('awaiting-holder-key'));
			const token = app.main.view.token;
			expect(token.endsWith(`${a.disclosure}~`)).toBe(true);
			expect(token).not.toContain(b.disclosure);
			expect(sd.keyBindingText?.headline).toBe('No key binding');
			expect(sd.rows.map((r) => r.disclosed)).toEqual([true, false]);
		} finally {
			stop();
		}
	});

	test('entering the holder key then signs a KB-JWT with a fresh iat and the sd_hash of the presentation', async () => {
		const { app, sd, stop, holder, iat } = await opened();
		try {
			await sd.setDisclosed(0, false);
			await until(() => expect(sd.keyBinding?.code).toBe('awaiting-holder-key'));
			const presentation = app.main.view.token;
			await sd.enterHolderKey(privateJwk(holder));
			await until(() => expect(sd.keyBinding?.code).toBe('verified'));
			const token = app.main.view.token;
			expect(token.startsWith(presentation)).toBe(true);
			const kb = sd.analysis!.keyBinding;
			expect(kb.sdHash?.actual).toBe(await sdHashOf(presentation));
			expect(kb.iat).toBeGreaterThan(iat);
			expect(kb.aud).toBe('https://verifier');
			expect(kb.nonce).toBe('n-1');
			expect(sd.rows.map((r) => r.disclosed)).toEqual([false, true]);
		} finally {
			stop();
		}
	});

	test('with the holder key already given, unticking re-signs at once; ticking back too', async () => {
		const { app, sd, stop, holder, b } = await opened();
		try {
			await sd.enterHolderKey(privateJwk(holder));
			await sd.setDisclosed(1, false);
			await until(() => expect(sd.keyBinding?.code).toBe('verified'));
			expect(app.main.view.token).not.toContain(b.disclosure);
			await sd.setDisclosed(1, true);
			await until(() => expect(sd.keyBinding?.code).toBe('verified'));
			expect(app.main.view.token).toContain(b.disclosure);
		} finally {
			stop();
		}
	});

	test('a key that cannot sign (a public key) leaves the presentation awaiting, the note saying why', async () => {
		const { sd, stop, holder } = await opened();
		try {
			await sd.enterHolderKey(JSON.stringify(holder.publicJwk));
			await sd.setDisclosed(1, false);
			await until(() => expect(sd.keyBinding?.code).toBe('awaiting-holder-key'));
			expect(sd.note).not.toBe('');
			expect(sd.note).not.toMatch(/undefined|\[object Object\]/);
		} finally {
			stop();
		}
	});
});
