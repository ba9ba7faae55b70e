// Tokens inside tokens with their effects running: a JWS inside a JWS, a JWE inside a JWE, and re-encryption to an `Encryption key`.
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { flushSync } from 'svelte';
import * as jose from 'jose';
import { describe, expect, test, vi } from 'vitest';
import { DebuggerState } from '../../src/lib/state/debugger.svelte';
import { backToOuter, openInner } from '../../src/lib/state/nesting';
import { encodePart, HS, jws } from '../unit/jwt/findings/fixtures';

const keyA = generateKeyPairSync('rsa', { modulusLength: 2048 });
const keyB = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwkOf = (key: typeof keyA.privateKey, extra: object = {}) =>
	JSON.stringify({ ...key.export({ format: 'jwk' }), ...extra });
const SECRET = 'a secret of at least thirty-two bytes!';

async function until(check: () => void): Promise<void> {
	await vi.waitFor(
		() => {
			flushSync();
			check();
		},
		{ timeout: 15_000, interval: 5 },
	);
}

/** An HS256 JWS signed with SECRET. */
function signed(payload: string | Record<string, unknown>, header: Record<string, unknown> = HS): string {
	const input = `${encodePart(header)}.${encodePart(payload)}`;
	return `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`;
}

async function encryptTo(
	plaintext: string,
	key: jose.CryptoKey | jose.KeyObject | Uint8Array | typeof keyA.publicKey,
	header: jose.CompactJWEHeaderParameters = { alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWT' },
) {
	return new jose.CompactEncrypt(new TextEncoder().encode(plaintext)).setProtectedHeader(header).encrypt(key);
}

async function session<T>(run: (app: DebuggerState) => Promise<T>): Promise<T> {
	const app = new DebuggerState();
	const stop = app.track();
	// The page loads verification and what judges a token after first paint; here, at once.
	await Promise.all([app.modules.loadCrypto(), app.modules.loadReview()]);
	try {
		return await run(app);
	} finally {
		stop();
	}
}

describe('a JWS whose payload is a token', () => {
	test.each([
		['a JWS', () => jws(HS, { sub: 'alice' }), 'jws'],
		[
			'a JWE',
			() => `${encodePart({ alg: 'dir', enc: 'A128GCM' })}..aXZpdml2aXZpdml2.Y2lwaGVy.dGFndGFndGFndGFndGFn`,
			'jwe',
		],
	] as const)('with %s inside opens it, and the path is JWS › inner', (_, makeInner, kind) =>
		session(async (app) => {
			const inner = makeInner();
			app.main.view.setText(signed(inner, { alg: 'HS256', cty: 'JWT' }));
			flushSync();
			expect(app.main.view.decoded?.errors).toEqual([]);
			expect(app.main.inner).toMatchObject({ kind, token: inner });
			openInner(app);
			expect(app.path.map((s) => s.view.decoded?.kind)).toEqual(['jws', kind]);
			expect(app.session.view.token).toBe(inner);
			// Only a token from inside a JWE was protected: this one was readable in the outer payload already.
			expect(app.insideEncryption).toBe(false);
		}),
	);

	test('an edit inside goes into the outer payload, and the outer JWS is signed again with its key', () =>
		session(async (app) => {
			const inner = signed({ sub: 'alice' });
			const outer = signed(inner, { alg: 'HS256', cty: 'JWT' });
			app.main.view.setText(outer);
			app.main.key.setText(SECRET);
			await until(() => expect(app.main.key.headline).toBe('Signature verified'));

			openInner(app);
			app.session.key.setText(SECRET);
			await until(() => expect(app.session.key.headline).toBe('Signature verified'));
			(await app.session.loadEditing()).editPayload('{"sub":"mallory"}');
			await until(() => expect(app.session.key.headline).toBe('Signature verified'));
			const edited = app.session.view.token;
			expect(edited).not.toBe(inner);

			await backToOuter(app);
			expect(app.path).toHaveLength(1);
			await until(() => expect(app.main.inner?.token).toBe(edited));
			// Signed again with the outer key, exactly as an HS256 signer would.
			const expected = signed(edited, { alg: 'HS256', cty: 'JWT' });
			await until(() => expect(app.main.view.token).toBe(expected));
			await until(() => expect(app.main.key.headline).toBe('Signature verified'));
		}));

	test('without the outer key, the outer token carries the edit with its old signature: invalid', () =>
		session(async (app) => {
			const inner = signed({ sub: 'alice' });
			const outer = signed(inner);
			app.main.view.setText(outer);
			openInner(app);
			app.session.key.setText(SECRET);
			(await app.session.loadEditing()).editPayload('{"sub":"mallory"}');
			await until(() => expect(app.session.view.token).not.toBe(inner));
			await until(() => expect(app.session.key.headline).toBe('Signature verified'));
			const edited = app.session.view.token;

			await backToOuter(app);
			await until(() => expect(app.main.inner?.token).toBe(edited));
			expect(app.main.view.token.split('.')[2]).toBe(outer.split('.')[2]);
			app.main.key.setText(SECRET);
			await until(() => expect(app.main.key.headline).toBe('Invalid signature'));
		}));
});

describe('a JWE inside a JWE', () => {
	test('an edit of the innermost JWS is re-encrypted at both levels on the way out', () =>
		session(async (app) => {
			const cek = new Uint8Array(16).fill(9);
			const innermost = signed({ sub: 'alice' });
			const middle = await encryptTo(innermost, cek, { alg: 'dir', enc: 'A128GCM', cty: 'JWT' });
			const outer = await encryptTo(middle, keyA.publicKey);
			app.main.view.setText(outer);
			await until(() => expect(app.main.decryption).toBeDefined());
			app.main.decryption!.text = jwkOf(keyA.privateKey);
			await until(() => expect(app.main.inner?.kind).toBe('jwe'));
			openInner(app);
			await until(() => expect(app.session.decryption).toBeDefined());
			app.session.decryption!.text = jose.base64url.encode(cek);
			await until(() => expect(app.session.inner?.token).toBe(innermost));
			openInner(app);
			expect(app.path.map((s) => s.view.decoded?.kind)).toEqual(['jwe', 'jwe', 'jws']);
			expect(app.insideEncryption).toBe(true);
			app.session.key.setText(SECRET);
			(await app.session.loadEditing()).editPayload('{"sub":"mallory"}');
			await until(() => expect(app.session.key.headline).toBe('Signature verified'));
			const edited = app.session.view.token;

			await backToOuter(app);
			await backToOuter(app);
			expect(app.path).toHaveLength(1);
			const outerPlain = await jose.compactDecrypt(app.main.view.token, keyA.privateKey);
			const newMiddle = new TextDecoder().decode(outerPlain.plaintext);
			expect(newMiddle).not.toBe(middle);
			const middlePlain = await jose.compactDecrypt(newMiddle, cek);
			expect(new TextDecoder().decode(middlePlain.plaintext)).toBe(edited);
		}));
});

describe('re-encrypting to an Encryption key', () => {
	test.each([
		['a PEM SPKI public key', () => keyB.publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'k-a'],
		['a public JWK', () => jwkOf(keyB.publicKey, { kid: 'k-b' }), 'k-b'],
		[
			'a JWKS picked by kid when the token has none of its kids',
			() =>
				JSON.stringify({
					keys: [
						{ kty: 'oct', k: 'AAAA', kid: 'x' },
						{ ...keyB.publicKey.export({ format: 'jwk' }), kid: 'k-b', use: 'enc' },
					],
				}),
			'k-b',
		],
	])('decrypt with A, edit, re-encrypt to %s: B decrypts it, A does not', (_, recipient, kid) =>
		session(async (app) => {
			const inner = signed({ sub: 'alice' });
			app.main.view.setText(
				await encryptTo(inner, keyA.publicKey, {
					alg: 'RSA-OAEP-256',
					enc: 'A256GCM',
					cty: 'JWT',
					kid: 'k-a',
				}),
			);
			await until(() => expect(app.main.decryption).toBeDefined());
			app.main.decryption!.text = jwkOf(keyA.privateKey);
			await until(() => expect(app.main.inner?.token).toBe(inner));
			expect(app.main.decryption!.encryptsToPublicKey).toBe(true);
			app.main.decryption!.recipientText = recipient();
			await until(() => expect(app.main.decryption!.recipientNote?.text).toMatch(/^Edits are encrypted to/));

			openInner(app);
			app.session.key.setText(SECRET);
			(await app.session.loadEditing()).editPayload('{"sub":"mallory"}');
			await until(() => expect(app.session.key.headline).toBe('Signature verified'));
			const edited = app.session.view.token;
			await backToOuter(app);
			expect(app.path).toHaveLength(1);

			const token = app.main.view.token;
			const opened = await jose.compactDecrypt(token, keyB.privateKey);
			expect(new TextDecoder().decode(opened.plaintext)).toBe(edited);
			expect(opened.protectedHeader.kid).toBe(kid);
			await expect(jose.compactDecrypt(token, keyA.privateKey)).rejects.toThrow();
			// The page's key is A's, which cannot open it: the status says whom it went to, and the page still
			// shows what it encrypted, so the inner token opens again.
			await until(() => expect(app.main.decryption?.status.phrase).toBe('Not decrypted'));
			expect(app.main.decryption?.status.detail).toMatch(/encrypted it to/);
			expect(app.main.inner?.token).toBe(edited);
			app.main.decryption!.text = jwkOf(keyB.privateKey);
			await until(() => expect(app.main.decryption?.status.phrase).toBe('Decrypted'));
		}),
	);

	test.each([
		[
			'an EC key for an RSA-OAEP token',
			() => jwkOf(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey),
			'recipient-wrong-type',
		],
		['a key marked for signing', () => jwkOf(keyB.publicKey, { use: 'sig' }), 'recipient-not-for-encryption'],
		[
			'text that is no key',
			() => '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----',
			'recipient-unreadable',
		],
	])('%s is refused before any edit, and going back out leaves the token as it was', (_, recipient) =>
		session(async (app) => {
			const inner = signed({ sub: 'alice' });
			const outer = await encryptTo(inner, keyA.publicKey);
			app.main.view.setText(outer);
			await until(() => expect(app.main.decryption).toBeDefined());
			app.main.decryption!.text = jwkOf(keyA.privateKey);
			await until(() => expect(app.main.inner?.token).toBe(inner));
			app.main.decryption!.recipientText = recipient();
			await until(() => expect(app.main.decryption!.recipientNote?.ok).toBe(false));

			openInner(app);
			app.session.view.setText(signed({ sub: 'mallory' }));
			await backToOuter(app);
			expect(app.path).toHaveLength(2);
			expect(app.backNote).toMatch(/encryption key/i);
			expect(app.main.view.token).toBe(outer);
		}),
	);

	test('editing decrypted claims with an Encryption key: each edit goes to B, and the payload stays editable', () =>
		session(async (app) => {
			app.main.view.setText(
				await encryptTo('{"sub":"alice"}', keyA.publicKey, { alg: 'RSA-OAEP', enc: 'A128GCM' }),
			);
			await until(() => expect(app.main.decryption).toBeDefined());
			app.main.decryption!.text = jwkOf(keyA.privateKey);
			await until(() => expect(app.main.view.payload.editable).toBe(true));
			app.main.decryption!.recipientText = jwkOf(keyB.publicKey);
			for (const sub of ['m', 'mallory']) {
				await app.main.decryption!.editPlaintext(`{"sub":"${sub}"}`);
				flushSync();
				expect(app.main.view.payload.editable).toBe(true);
				expect(app.main.view.payload.text).toBe(`{"sub":"${sub}"}`);
				const opened = await jose.compactDecrypt(app.main.view.token, keyB.privateKey);
				expect(new TextDecoder().decode(opened.plaintext)).toBe(`{"sub":"${sub}"}`);
			}
			expect(app.main.decryption!.status.phrase).toBe('Not decrypted');
		}));

	test('a symmetric JWE has no Encryption key', () =>
		session(async (app) => {
			app.main.view.setText(
				await encryptTo('{"sub":"a"}', new Uint8Array(16), { alg: 'dir', enc: 'A128GCM' }),
			);
			await until(() => expect(app.modules.jwe).toBeDefined());
			expect(app.main.decryption!.encryptsToPublicKey).toBe(false);
		}));
});

describe('decrypted claims get the time treatment', () => {
	test.each([
		['expired', { sub: 'a', exp: 1_000_000_000 }, 'expired', 'expired'],
		['not yet valid', { sub: 'a', nbf: 4_000_000_000, exp: 4_000_003_600 }, 'not-yet-valid', 'not-yet-valid'],
	])('a JWE whose claims are %s shows it in the badge and findings', (_, claims, state, code) =>
		session(async (app) => {
			app.main.view.setText(
				await encryptTo(JSON.stringify(claims), keyA.publicKey, { alg: 'RSA-OAEP', enc: 'A128GCM' }),
			);
			await until(() => expect(app.main.decryption).toBeDefined());
			expect(app.main.validity).toBeUndefined();
			expect(app.main.findings.map((f) => f.code)).not.toContain(code);
			app.main.decryption!.text = jwkOf(keyA.privateKey);
			await until(() => expect(app.main.decryption?.status.phrase).toBe('Decrypted'));
			expect(app.main.validity?.state).toBe(state);
			const finding = app.main.findings.find((f) => f.code === code);
			expect(finding).toMatchObject({ part: 'payload' });
		}),
	);

	test('a nested token in the plaintext is no claims set: no badge', () =>
		session(async (app) => {
			app.main.view.setText(await encryptTo(signed({ exp: 1 }), keyA.publicKey));
			await until(() => expect(app.main.decryption).toBeDefined());
			app.main.decryption!.text = jwkOf(keyA.privateKey);
			await until(() => expect(app.main.inner).toBeDefined());
			expect(app.main.validity).toBeUndefined();
			expect(app.main.findings.map((f) => f.code)).not.toContain('expired');
		}));
});
