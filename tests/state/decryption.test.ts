// The decryption state and nested tokens with their effects running: decrypt, open the inner token, edit, go back re-encrypted.
import { generateKeyPairSync } from 'node:crypto';
import { flushSync } from 'svelte';
import * as jose from 'jose';
import { describe, expect, test, vi } from 'vitest';
import { DebuggerState } from '../../src/lib/state/debugger.svelte';
import { backToOuter, openInner } from '../../src/lib/state/nesting';
import { HS, jws } from '../unit/jwt/findings/fixtures';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privateJwk = JSON.stringify(rsa.privateKey.export({ format: 'jwk' }));

async function until(check: () => void): Promise<void> {
	await vi.waitFor(
		() => {
			flushSync();
			check();
		},
		{ timeout: 5000, interval: 5 },
	);
}

async function encrypt(
	plaintext: string,
	header: jose.CompactJWEHeaderParameters = { alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWT' },
) {
	return new jose.CompactEncrypt(new TextEncoder().encode(plaintext))
		.setProtectedHeader(header)
		.encrypt(rsa.publicKey);
}

describe('decryption in the state', () => {
	test('a JWS never loads the JWE code; a JWE does, and decrypts when the key comes', async () => {
		const app = new DebuggerState();
		const stop = app.track();
		try {
			app.main.view.setText(jws(HS, { sub: 'a' }));
			await new Promise((resolve) => setTimeout(resolve, 50));
			flushSync();
			expect(app.main.decryption).toBeUndefined();
			expect(app.modules.jwe).toBeUndefined();

			app.main.view.setText(await encrypt('{"sub":"alice"}', { alg: 'RSA-OAEP', enc: 'A128GCM' }));
			await until(() => expect(app.main.decryption?.status.phrase).toBe('Not decrypted'));
			app.main.decryption!.text = privateJwk;
			await until(() => expect(app.main.decryption?.status.phrase).toBe('Decrypted'));
			expect(app.main.view.payload.text).toBe('{\n  "sub": "alice"\n}');
			expect(app.main.findings.map((f) => f.code)).toContain('jwe-unsigned');
		} finally {
			stop();
		}
	});

	test('open the inner token, edit it, go back: the outer JWE is re-encrypted around the edit', async () => {
		const inner = jws(HS, { sub: 'alice' });
		const outer = await encrypt(inner);
		const app = new DebuggerState();
		const stop = app.track();
		try {
			app.main.view.setText(outer);
			await until(() => expect(app.main.decryption).toBeDefined());
			app.main.decryption!.text = privateJwk;
			await until(() => expect(app.main.decryption?.nested?.token).toBe(inner));

			openInner(app);
			expect(app.path).toHaveLength(2);
			expect(app.session.view.token).toBe(inner);
			const edited = jws(HS, { sub: 'mallory' });
			app.session.view.setText(edited);

			await backToOuter(app);
			expect(app.path).toHaveLength(1);
			expect(app.main.view.token).not.toBe(outer);
			const { plaintext } = await jose.compactDecrypt(app.main.view.token, rsa.privateKey);
			expect(new TextDecoder().decode(plaintext)).toBe(edited);
			await until(() => expect(app.main.decryption?.nested?.token).toBe(edited));
		} finally {
			stop();
		}
	});

	test('a JWE inside a JWE opens as a JWE with its own Decryption key, and the path goes two deep', async () => {
		const innerKey = new Uint8Array(16).fill(7);
		const innermost = jws(HS, { sub: 'alice' });
		const inner = await new jose.CompactEncrypt(new TextEncoder().encode(innermost))
			.setProtectedHeader({ alg: 'dir', enc: 'A128GCM', cty: 'JWT' })
			.encrypt(innerKey);
		const app = new DebuggerState();
		const stop = app.track();
		try {
			app.main.view.setText(await encrypt(inner));
			await until(() => expect(app.main.decryption).toBeDefined());
			app.main.decryption!.text = privateJwk;
			await until(() => expect(app.main.decryption?.nested?.kind).toBe('jwe'));
			expect(app.main.findings.map((f) => f.code)).toContain('jwe-unsigned');

			openInner(app);
			await until(() => expect(app.session.decryption).toBeDefined());
			app.session.decryption!.text = jose.base64url.encode(innerKey);
			await until(() => expect(app.session.decryption?.nested?.token).toBe(innermost));
			openInner(app);
			expect(app.path.map((session) => session.view.decoded?.kind)).toEqual(['jwe', 'jwe', 'jws']);
			await backToOuter(app);
			await backToOuter(app);
			expect(app.path).toHaveLength(1);
		} finally {
			stop();
		}
	});

	test('an edit of a decrypted JSON payload is encrypted again, and a JSON mistake stays a draft', async () => {
		const outer = await encrypt('{"sub":"alice","n":1.50}', { alg: 'RSA-OAEP', enc: 'A128GCM', kid: 'k' });
		const app = new DebuggerState();
		const stop = app.track();
		try {
			app.main.view.setText(outer);
			await until(() => expect(app.main.decryption).toBeDefined());
			app.main.decryption!.text = privateJwk;
			await until(() => expect(app.main.view.payload.editable).toBe(true));

			await app.main.decryption!.editPlaintext('{\n  "sub": "mallory",\n  "n": 1.50\n}');
			expect(app.main.view.token).not.toBe(outer);
			const { plaintext, protectedHeader } = await jose.compactDecrypt(app.main.view.token, rsa.privateKey);
			expect(new TextDecoder().decode(plaintext)).toBe('{"sub":"mallory","n":1.50}');
			expect(protectedHeader).toMatchObject({ alg: 'RSA-OAEP', enc: 'A128GCM', kid: 'k' });
			expect(app.main.view.payload.text).toBe('{\n  "sub": "mallory",\n  "n": 1.50\n}');

			// Typed on before the token just written is decrypted: still encrypted with the same key, in order.
			const typing = ['{"sub":"m1"}', '{"sub":"m2"}', '{"sub":"m3"}'].map((t) =>
				app.main.decryption!.editPlaintext(t),
			);
			await Promise.all(typing);
			const last = await jose.compactDecrypt(app.main.view.token, rsa.privateKey);
			expect(new TextDecoder().decode(last.plaintext)).toBe('{"sub":"m3"}');

			const before = app.main.view.token;
			await app.main.decryption!.editPlaintext('{"sub": ');
			expect(app.main.view.token).toBe(before);
			expect(app.main.view.payload.error).toBeDefined();
		} finally {
			stop();
		}
	});
});
