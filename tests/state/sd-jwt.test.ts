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

const SECRET = 'a-test-secret-that-is-32-bytes!!';

/** A session with `secret` in `Secret or key`, showing an HS256 SD-JWT with `payload` and `disclosures`. */
async function issued(header: object, payload: object, disclosures: string[], secret = SECRET) {
	const app = new DebuggerState();
	await app.modules.loadCrypto();
	const stop = app.track();
	app.main.key.setText(secret);
	app.main.view.setText(sdJwt({ alg: 'HS256', ...header }, payload, disclosures));
	await until(() => expect(app.main.sdJwt?.analysis).toBeDefined());
	await until(() => expect(app.main.sdJwt?.issuing).toBeDefined());
	return { app, sd: app.main.sdJwt as SdJwtState, stop };
}

const payloadOf = (token: string) =>
	JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
const disclosuresOf = (token: string) => token.split('~').slice(1, -1);
const saltOf = (disclosure: string) =>
	(JSON.parse(Buffer.from(disclosure, 'base64url').toString()) as string[])[0]!;

describe('issuing: Make <claim> selectively disclosable', () => {
	test('a concealed claim leaves the payload for a new disclosure, its digest joins _sd, the claims stay and the JWT is re-signed', async () => {
		const a = await disclose('given_name', 'Ada');
		const { app, sd, stop } = await issued(
			{ typ: 'example+sd-jwt' },
			{ iss: 'https://issuer.example', email: 'ada@example.com', _sd: [a.digest] },
			[a.disclosure],
		);
		try {
			const before = JSON.parse(sd.analysis!.processing.claimsText);
			expect(sd.issuing?.claims).toEqual(['iss', 'email']);
			expect(await sd.conceal('email')).toBe(true);
			await until(() => expect(app.main.key.verdict.status).toBe('verified'));
			await until(() => expect(sd.rows).toHaveLength(2));
			const token = app.main.view.token;
			const added = disclosuresOf(token)[1]!;
			expect(disclosuresOf(token)[0]).toBe(a.disclosure);
			const payload = payloadOf(token);
			expect(payload).not.toHaveProperty('email');
			expect(payload._sd).toEqual([a.digest, await sdHashOf(added)]);
			expect(JSON.parse(sd.analysis!.processing.claimsText)).toEqual(before);
			expect(sd.rows[1]).toMatchObject({ name: 'email', record: { status: 'matched' } });
			expect(sd.analysis!.processing.placements.map((p) => p.disclosure)).toEqual([0, 1]);
			expect(sd.issuing?.claims).toEqual(['iss']);
			expect(sd.issueNote).toContain('email');
		} finally {
			stop();
		}
	});

	test('each concealment draws a fresh 128-bit salt', async () => {
		const { app, sd, stop } = await issued(
			{ typ: 'example+sd-jwt' },
			{ email: 'ada@example.com', phone: '+44 20 7946 0000', _sd_alg: 'sha-256' },
			[],
		);
		try {
			await sd.conceal('email');
			await until(() => expect(sd.issuing?.claims).toEqual(['phone']));
			await sd.conceal('phone');
			await until(() => expect(sd.rows).toHaveLength(2));
			const salts = disclosuresOf(app.main.view.token).map(saltOf);
			expect(new Set(salts).size).toBe(2);
			for (const salt of salts) expect(Buffer.from(salt, 'base64url')).toHaveLength(16);
		} finally {
			stop();
		}
	});

	test('an SD-JWT VC offers no control for iss, nbf, exp, cnf, vct, status, nor for _sd and _sd_alg', async () => {
		const a = await disclose('given_name', 'Ada');
		const vc = {
			iss: 'https://issuer.example',
			nbf: 1,
			exp: 4_000_000_000,
			cnf: { jkt: 'x' },
			vct: 'urn:example',
			status: {},
			email: 'ada@example.com',
			_sd: [a.digest],
			_sd_alg: 'sha-256',
		};
		const { app, sd, stop } = await issued({ typ: 'dc+sd-jwt' }, vc, [a.disclosure]);
		try {
			expect(sd.issuing?.claims).toEqual(['email']);
			expect(sd.issuing?.alwaysClear).toEqual(['iss', 'nbf', 'exp', 'cnf', 'vct', 'status']);
			const token = app.main.view.token;
			for (const name of ['iss', 'vct', '_sd', '_sd_alg']) expect(await sd.conceal(name)).toBe(false);
			expect(app.main.view.token).toBe(token);
		} finally {
			stop();
		}
	});

	test('a name the payload repeats is offered once', async () => {
		const { app, sd, stop } = await issued({}, { email: 'a' }, []);
		try {
			const token = app.main.view.token;
			const payload = Buffer.from('{"email":"a","email":"b","sub":"x"}').toString('base64url');
			app.main.view.setText(token.replace(token.split('.')[1]!, payload));
			await until(() => expect(sd.issuing?.claims).toEqual(['email', 'sub']));
		} finally {
			stop();
		}
	});

	test.each([
		['sha-384', 64],
		['sha-512', 86],
	])('the digest follows _sd_alg %s', async (alg, length) => {
		const { app, sd, stop } = await issued({}, { email: 'ada@example.com', _sd_alg: alg }, []);
		try {
			await sd.conceal('email');
			await until(() => expect(sd.rows[0]?.record.status).toBe('matched'));
			const digests = payloadOf(app.main.view.token)._sd as string[];
			expect(digests).toHaveLength(1);
			expect(digests[0]).toHaveLength(length);
		} finally {
			stop();
		}
	});

	test('the new disclosure goes after the others and before the KB-JWT, which stays', async () => {
		const { app, sd, stop, a, b } = await opened();
		try {
			const kb = app.main.view.token.slice(app.main.view.token.lastIndexOf('~') + 1);
			expect(await sd.conceal('cnf')).toBe(true);
			const token = app.main.view.token;
			const parts = token.split('~');
			expect(parts.slice(1, 3)).toEqual([a.disclosure, b.disclosure]);
			expect(parts).toHaveLength(5);
			expect(parts[4]).toBe(kb);
			await until(() =>
				expect(sd.rows.map((r) => r.record.status)).toEqual(['matched', 'matched', 'matched']),
			);
		} finally {
			stop();
		}
	});

	test('an _sd_alg the page cannot compute offers no control', async () => {
		const { app, sd, stop } = await issued({}, { email: 'ada@example.com', _sd_alg: 'sha3-256' }, []);
		try {
			expect(sd.issuing?.alg).toBeUndefined();
			expect(await sd.conceal('email')).toBe(false);
			expect(app.main.view.token.endsWith('~')).toBe(true);
		} finally {
			stop();
		}
	});
});
