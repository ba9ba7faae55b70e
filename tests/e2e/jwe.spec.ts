// JWE in the browser: decrypt with each kind of key, every failure's reason, the nested flow out and back, an edit re-encrypted.
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import * as jose from 'jose';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
	findingCodes,
	headerEditor,
	nowSeconds,
	openEmpty,
	pasteToken,
	payloadEditor,
	secretBox,
	signHs256,
	signJws,
	tokenEditor,
	verdict,
} from './support';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherRsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const x25519 = generateKeyPairSync('x25519');
const signer = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const aes128 = new Uint8Array(randomBytes(16));
const aes256 = new Uint8Array(randomBytes(32));

const jwk = (key: KeyObject, extra: object = {}) =>
	JSON.stringify({ ...key.export({ format: 'jwk' }), ...extra });
const pkcs8 = (key: KeyObject) => key.export({ type: 'pkcs8', format: 'pem' }).toString();
const claims = () => ({ iss: 'https://issuer.example', sub: 'alice', aud: 'rp', exp: nowSeconds() + 3600 });

async function encrypt(
	header: jose.CompactJWEHeaderParameters,
	key: KeyObject | Uint8Array,
	plaintext: string,
	p2c?: number,
): Promise<string> {
	const encrypter = new jose.CompactEncrypt(new TextEncoder().encode(plaintext)).setProtectedHeader(header);
	if (p2c) encrypter.setKeyManagementParameters({ p2c });
	return encrypter.encrypt(key);
}

const decryption = (page: Page) => page.getByRole('status', { name: 'Decryption' });
const decryptionKey = (page: Page) => page.getByRole('textbox', { name: 'Decryption key' });
const encryptionKey = (page: Page) => page.getByRole('textbox', { name: 'Encryption key' });
const tokenPath = (page: Page) => page.getByRole('navigation', { name: 'Token path' });
const openInnerButton = (page: Page) => page.getByRole('button', { name: 'Open inner token' });
const backButton = (page: Page) => page.getByRole('button', { name: 'Back to outer token' });
const text = async (page: Page) => (await tokenEditor(page).textContent()) ?? '';

async function openJwe(page: Page, token: string): Promise<void> {
	await openEmpty(page);
	await pasteToken(page, token);
	await expect(decryption(page)).toContainText('Not decrypted');
}

test.describe('decrypting', () => {
	const json = JSON.stringify(claims());
	test('each kind of key decrypts, and the verdict names it', async ({ page }) => {
		const cases: [string, () => Promise<string>, string, RegExp][] = [
			[
				'RSA-OAEP-256, private JWK',
				() => encrypt({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }, rsa.publicKey, json),
				jwk(rsa.privateKey),
				/RSA 2048 private key \(JWK, thumbprint /,
			],
			[
				'RSA-OAEP, PKCS#8 PEM',
				() => encrypt({ alg: 'RSA-OAEP', enc: 'A128CBC-HS256' }, rsa.publicKey, json),
				pkcs8(rsa.privateKey),
				/PEM PKCS#8/,
			],
			[
				'ECDH-ES+A256KW, JWKS by kid',
				() => encrypt({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', kid: 'e2' }, p256.publicKey, json),
				JSON.stringify({
					keys: [
						{ ...rsa.privateKey.export({ format: 'jwk' }), kid: 'e1' },
						{ ...p256.privateKey.export({ format: 'jwk' }), kid: 'e2' },
					],
				}),
				/kid=e2/,
			],
			[
				'RSA-OAEP-384, PKCS#1 PEM',
				() => encrypt({ alg: 'RSA-OAEP-384', enc: 'A128CBC-HS256' }, rsa.publicKey, json),
				rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
				/PEM PKCS#1/,
			],
			[
				'ECDH-ES+A128KW, SEC1 PEM',
				() => encrypt({ alg: 'ECDH-ES+A128KW', enc: 'A256CBC-HS512' }, p256.publicKey, json),
				p256.privateKey.export({ type: 'sec1', format: 'pem' }).toString(),
				/PEM SEC1/,
			],
			[
				'ECDH-ES on X25519',
				() => encrypt({ alg: 'ECDH-ES', enc: 'A128GCM' }, x25519.publicKey, json),
				jwk(x25519.privateKey),
				/X25519/,
			],
			[
				'A128KW, base64url bytes',
				() => encrypt({ alg: 'A128KW', enc: 'A128GCM' }, aes128, json),
				jose.base64url.encode(aes128),
				/16 bytes \(base64url\)/,
			],
			[
				'dir, oct JWK',
				() => encrypt({ alg: 'dir', enc: 'A256GCM' }, aes256, json),
				JSON.stringify({ kty: 'oct', k: jose.base64url.encode(aes256) }),
				/JWK/,
			],
			[
				'A256KW, oct JWK',
				() => encrypt({ alg: 'A256KW', enc: 'A128CBC-HS256' }, aes256, json),
				JSON.stringify({ kty: 'oct', k: jose.base64url.encode(aes256), kid: 'kw' }),
				/JWK/,
			],
			[
				'dir, base64url bytes',
				() => encrypt({ alg: 'dir', enc: 'A128GCM' }, aes128, json),
				jose.base64url.encode(aes128),
				/16 bytes \(base64url\)/,
			],
			[
				'A256GCMKW with zip',
				() => encrypt({ alg: 'A256GCMKW', enc: 'A256GCM', zip: 'DEF' }, aes256, json),
				jose.base64url.encode(aes256),
				/32 bytes/,
			],
			[
				'PBES2, a password',
				() =>
					encrypt(
						{ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' },
						new TextEncoder().encode('open sesame'),
						json,
						10_000,
					),
				'open sesame',
				/password/,
			],
		];
		for (const [name, make, keyText, names] of cases) {
			await openJwe(page, await make());
			await decryptionKey(page).fill(keyText);
			await expect(decryption(page), name).toContainText('Decrypted');
			await expect(decryption(page), name).toContainText(names);
			await expect(payloadEditor(page), name).toContainText('"sub": "alice"');
		}
	});

	test('each failure says why', async ({ page }) => {
		const rsaToken = await encrypt({ alg: 'RSA-OAEP', enc: 'A128GCM', kid: 'k1' }, rsa.publicKey, json);
		const cases: [string, string, string, RegExp][] = [
			['a public key', rsaToken, jwk(rsa.publicKey), /public key/],
			['the wrong key type', rsaToken, jwk(p256.privateKey), /needs an RSA private key/],
			[
				'a kid the JWKS lacks',
				rsaToken,
				JSON.stringify({ keys: [jwk(rsa.privateKey, { kid: 'k9' })].map((t) => JSON.parse(t)) }),
				/no key with kid "k1"/,
			],
			['another RSA key (tag mismatch)', rsaToken, jwk(otherRsa.privateKey), /tag does not match/],
			[
				'a key of the wrong size',
				await encrypt({ alg: 'A256KW', enc: 'A128GCM' }, aes256, json),
				jose.base64url.encode(aes128),
				/16 bytes; this token needs exactly 32/,
			],
		];
		for (const [name, token, keyText, why] of cases) {
			await openJwe(page, token);
			await decryptionKey(page).fill(keyText);
			await expect(decryption(page), name).toContainText('Decryption failed');
			await expect(decryption(page), name).toContainText(why);
		}
	});

	test('Chromium has no 192-bit AES: the page names the gap and another browser', async ({ page }) => {
		await openJwe(page, await encrypt({ alg: 'A128KW', enc: 'A192GCM' }, aes128, json));
		await decryptionKey(page).fill(jose.base64url.encode(aes128));
		await expect(decryption(page)).toContainText('Decryption failed');
		await expect(decryption(page)).toContainText(/192-bit AES.*Firefox/);
		await expect(decryption(page)).not.toContainText(/OperationError|NotSupportedError/);
	});

	test('RSA1_5 and a huge p2c are refused with their reasons', async ({ page }) => {
		const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
		await openJwe(
			page,
			`${b64({ alg: 'RSA1_5', enc: 'A128GCM' })}.AAAA.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA`,
		);
		await decryptionKey(page).fill(jwk(rsa.privateKey));
		await expect(decryption(page)).toContainText(/Decryption failed.*RSA1_5/);
		const hostile = `${b64({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2s: 'c2FsdHNhbHQ', p2c: 2_000_000_000 })}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA`;
		await openJwe(page, hostile);
		await decryptionKey(page).fill('password');
		await expect(decryption(page)).toContainText(/Decryption failed.*2,000,000,000/);
	});

	test('an RSA-OAEP JWE of plain claims is flagged as unsigned once decrypted', async ({ page }) => {
		await openJwe(page, await encrypt({ alg: 'RSA-OAEP', enc: 'A128GCM' }, rsa.publicKey, json));
		await decryptionKey(page).fill(jwk(rsa.privateKey));
		await expect(decryption(page)).toContainText('Decrypted');
		await expect.poll(() => findingCodes(page)).toContain('jwe-unsigned');
	});
});

test('editing a decrypted payload encrypts it again for the same recipient', async ({ page }) => {
	const original = await encrypt(
		{ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', kid: 'e1' },
		p256.publicKey,
		JSON.stringify(claims()),
	);
	await openJwe(page, original);
	await decryptionKey(page).fill(pkcs8(p256.privateKey));
	await expect(decryption(page)).toContainText('Decrypted');
	await payloadEditor(page).fill(JSON.stringify({ ...claims(), sub: 'mallory' }, null, 2));
	await expect(tokenEditor(page)).not.toHaveText(original);
	await expect(decryption(page)).toContainText('Decrypted');
	const token = (await tokenEditor(page).textContent()) ?? '';
	const { plaintext, protectedHeader } = await jose.compactDecrypt(token, p256.privateKey);
	expect(JSON.parse(new TextDecoder().decode(plaintext))).toMatchObject({ sub: 'mallory' });
	expect(protectedHeader).toMatchObject({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', kid: 'e1' });
});

test('a 1 MB JWE, decoded in the worker, decrypts and its payload shows', async ({ page }) => {
	const big = JSON.stringify({ ...claims(), blob: randomBytes(560_000).toString('base64') });
	const token = await encrypt({ alg: 'dir', enc: 'A256GCM' }, aes256, big);
	expect(token.length).toBeGreaterThan(700_000);
	await openEmpty(page);
	await pasteToken(page, token);
	await expect(decryption(page)).toContainText('Not decrypted', { timeout: 15_000 });
	await decryptionKey(page).fill(jose.base64url.encode(aes256));
	await expect(decryption(page)).toContainText('Decrypted', { timeout: 15_000 });
	await expect(payloadEditor(page)).toContainText('"sub": "alice"');
});

test.describe('a token inside a token', () => {
	test('open the inner JWS, verify it, edit it, go back: the JWE is re-encrypted and decrypts to the edit', async ({
		page,
	}) => {
		const inner = signJws('ES256', { typ: 'JWT' }, claims(), signer.privateKey);
		const outer = await encrypt({ alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWT' }, rsa.publicKey, inner);
		await openJwe(page, outer);
		await decryptionKey(page).fill(pkcs8(rsa.privateKey));
		await expect(decryption(page)).toContainText('Decrypted');
		await expect(payloadEditor(page)).toContainText(inner.slice(0, 40));

		await page.getByRole('button', { name: 'Open inner token' }).click();
		await expect(page.getByRole('navigation', { name: 'Token path' })).toHaveText(/JWE\s*›\s*JWS/);
		await expect(tokenEditor(page)).toHaveText(inner);
		await expect(headerEditor(page)).toContainText('"alg": "ES256"');
		await expect(payloadEditor(page)).toContainText('"sub": "alice"');
		await secretBox(page).fill(pkcs8(signer.privateKey));
		await expect(verdict(page)).toContainText('Signature verified');

		// Sharing the decrypted inner token asks first, on the page.
		await page.getByRole('button', { name: 'Share link' }).click();
		await expect(page.getByRole('group', { name: 'Share the decrypted token?' })).toBeVisible();
		await page.getByRole('button', { name: 'Cancel' }).click();

		// Edit a claim: the inner token is re-signed with its private key.
		await payloadEditor(page).fill(JSON.stringify({ ...claims(), sub: 'mallory' }, null, 2));
		await expect(verdict(page)).toContainText('Signature verified');
		const edited = await tokenEditor(page).textContent();
		expect(edited).not.toBe(inner);

		await page.getByRole('button', { name: 'Back to outer token' }).click();
		await expect(page.getByRole('navigation', { name: 'Token path' })).toHaveCount(0);
		await expect(tokenEditor(page)).not.toHaveText(outer);
		await expect(decryption(page)).toContainText('Decrypted');
		await expect(payloadEditor(page)).toContainText((edited ?? '').slice(-40));

		// The re-encrypted JWE decrypts, outside the page, to the edited inner token.
		const reencrypted = (await tokenEditor(page).textContent()) ?? '';
		const { plaintext } = await jose.compactDecrypt(reencrypted, rsa.privateKey);
		expect(new TextDecoder().decode(plaintext)).toBe(edited);
	});

	test('going back without an edit leaves the JWE as it was', async ({ page }) => {
		const inner = signJws('ES256', { typ: 'JWT' }, claims(), signer.privateKey);
		const outer = await encrypt({ alg: 'ECDH-ES+A128KW', enc: 'A128GCM', cty: 'JWT' }, p256.publicKey, inner);
		await openJwe(page, outer);
		await decryptionKey(page).fill(jwk(p256.privateKey));
		await page.getByRole('button', { name: 'Open inner token' }).click();
		await expect(tokenEditor(page)).toHaveText(inner);
		await page.getByRole('button', { name: 'Back to outer token' }).click();
		await expect(tokenEditor(page)).toHaveText(outer);
		await expect(decryption(page)).toContainText('Decrypted');
	});
});

test('decrypted claims get the time treatment: badge, claim times and findings', async ({ page }) => {
	const expired = { sub: 'alice', iat: 1_600_000_000, exp: 1_600_003_600 };
	await openJwe(
		page,
		await encrypt({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }, rsa.publicKey, JSON.stringify(expired)),
	);
	const payload = page.getByRole('region', { name: 'Payload' });
	await expect(payload).not.toContainText(/Expired/);
	await decryptionKey(page).fill(jwk(rsa.privateKey));
	await expect(decryption(page)).toContainText('Decrypted');
	await expect(payload).toContainText(/Expired .* ago/);
	await expect(payload.getByRole('table', { name: 'Claims' })).toContainText('2020');
	await expect.poll(() => findingCodes(page)).toContain('expired');
});

test.describe('re-encrypting to an Encryption key', () => {
	test('decrypted claims say where their edits will be encrypted to', async ({ page }) => {
		await openJwe(page, await encrypt({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }, rsa.publicKey, '{"sub":"a"}'));
		await decryptionKey(page).fill(jwk(rsa.privateKey));
		const payload = page.getByRole('region', { name: 'Payload' });
		await expect(payload).toContainText('Edits are encrypted again for the same recipient');
		await encryptionKey(page).fill(jwk(otherRsa.publicKey));
		await expect(payload).toContainText('Edits are encrypted to the key in Encryption key');
		await encryptionKey(page).fill('');
		await expect(payload).toContainText('Edits are encrypted again for the same recipient');
	});

	test('decrypt with A, edit the inner token, re-encrypt to public key B: B decrypts it, A does not', async ({
		page,
	}) => {
		const inner = signJws('ES256', { typ: 'JWT' }, claims(), signer.privateKey);
		const outer = await encrypt(
			{ alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWT', kid: 'a' },
			rsa.publicKey,
			inner,
		);
		await openJwe(page, outer);
		await decryptionKey(page).fill(pkcs8(rsa.privateKey));
		await expect(decryption(page)).toContainText('Decrypted');
		await expect(encryptionKey(page)).toHaveAccessibleDescription(
			/recipient public key; leave empty to use the decryption key/i,
		);

		// A key that cannot be a recipient says why before any edit.
		await encryptionKey(page).fill(jwk(p256.publicKey));
		await expect(page.getByText(/needs an RSA public key/)).toBeVisible();
		await encryptionKey(page).fill(
			JSON.stringify({ keys: [JSON.parse(jwk(otherRsa.publicKey, { kid: 'b', use: 'enc' }))] }),
		);
		await expect(
			page.getByText(/Edits are encrypted to the RSA 2048 public key \(JWKS key kid=b/),
		).toBeVisible();

		await openInnerButton(page).click();
		await secretBox(page).fill(pkcs8(signer.privateKey));
		await payloadEditor(page).fill(JSON.stringify({ ...claims(), sub: 'mallory' }, null, 2));
		await expect(verdict(page)).toContainText('Signature verified');
		const edited = await text(page);
		await backButton(page).click();
		await expect(tokenPath(page)).toHaveCount(0);
		await expect(tokenEditor(page)).not.toHaveText(outer);

		const reencrypted = await text(page);
		const opened = await jose.compactDecrypt(reencrypted, otherRsa.privateKey);
		expect(new TextDecoder().decode(opened.plaintext)).toBe(edited);
		expect(opened.protectedHeader).toMatchObject({
			alg: 'RSA-OAEP-256',
			enc: 'A256GCM',
			cty: 'JWT',
			kid: 'b',
		});
		await expect(jose.compactDecrypt(reencrypted, rsa.privateKey)).rejects.toThrow();
		// The page still holds A, which cannot open it: the status says whom it went to, Payload still shows the
		// inner token it encrypted, and B's private key decrypts it.
		await expect(decryption(page)).toContainText(
			/Not decrypted.*encrypted it to the RSA 2048 public key \(JWKS key kid=b\)/,
		);
		await expect(payloadEditor(page)).toContainText(edited.slice(-40));
		await expect(openInnerButton(page)).toBeVisible();
		await decryptionKey(page).fill(pkcs8(otherRsa.privateKey));
		await expect(decryption(page)).toContainText('Decrypted');
		await expect(payloadEditor(page)).toContainText(edited.slice(-40));
	});

	test('a symmetric JWE shows no Encryption key', async ({ page }) => {
		await openJwe(page, await encrypt({ alg: 'dir', enc: 'A128GCM' }, aes128, '{"sub":"a"}'));
		await expect(decryptionKey(page)).toBeVisible();
		await expect(encryptionKey(page)).toHaveCount(0);
	});
});

test.describe('a JWS whose payload is a token', () => {
	const outerSecret = 'an outer secret of thirty-two bytes';
	test('JWS › JWS: open, edit, go back: the edit is the outer payload and the outer JWS is signed again', async ({
		page,
	}) => {
		const inner = signJws('ES256', { typ: 'JWT' }, claims(), signer.privateKey);
		const outer = signHs256('{"alg":"HS256","cty":"JWT"}', inner, outerSecret);
		await openEmpty(page);
		await pasteToken(page, outer);
		await secretBox(page).fill(outerSecret);
		await expect(verdict(page)).toContainText('Signature verified');
		await expect(page.getByRole('alert')).toHaveCount(0);
		await expect(page.getByText(/The payload is itself a signed token \(JWS\)/)).toBeVisible();

		await openInnerButton(page).click();
		await expect(tokenPath(page)).toHaveText(/JWS\s*›\s*JWS/);
		await expect(tokenEditor(page)).toHaveText(inner);
		await expect(headerEditor(page)).toContainText('"alg": "ES256"');
		// Nothing here was encrypted: sharing the inner token needs no confirmation.
		await page.getByRole('button', { name: 'Share link' }).click();
		await expect(page.getByRole('group', { name: 'Share the decrypted token?' })).toHaveCount(0);

		await secretBox(page).fill(pkcs8(signer.privateKey));
		await payloadEditor(page).fill(JSON.stringify({ ...claims(), sub: 'mallory' }, null, 2));
		await expect(verdict(page)).toContainText('Signature verified');
		const edited = await text(page);
		expect(edited).not.toBe(inner);

		await backButton(page).click();
		await expect(tokenPath(page)).toHaveCount(0);
		await expect(payloadEditor(page)).toHaveText(edited);
		await expect(verdict(page)).toContainText('Signature verified');
		expect(await text(page)).toBe(signHs256('{"alg":"HS256","cty":"JWT"}', edited, outerSecret));
	});

	test('JWS › JWE: the path says so, and the JWE inside decrypts', async ({ page }) => {
		const inner = await encrypt({ alg: 'dir', enc: 'A128GCM' }, aes128, JSON.stringify(claims()));
		await openEmpty(page);
		await pasteToken(page, signHs256('{"alg":"HS256","cty":"JWT"}', inner, outerSecret));
		await openInnerButton(page).click();
		await expect(tokenPath(page)).toHaveText(/JWS\s*›\s*JWE/);
		await decryptionKey(page).fill(jose.base64url.encode(aes128));
		await expect(decryption(page)).toContainText('Decrypted');
		await expect(payloadEditor(page)).toContainText('"sub": "alice"');
	});

	test('without the outer key, going back leaves the outer JWS with an edit its signature does not cover', async ({
		page,
	}) => {
		const inner = signJws('ES256', { typ: 'JWT' }, claims(), signer.privateKey);
		await openEmpty(page);
		await pasteToken(page, signHs256('{"alg":"HS256","cty":"JWT"}', inner, outerSecret));
		await openInnerButton(page).click();
		await secretBox(page).fill(pkcs8(signer.privateKey));
		await payloadEditor(page).fill(JSON.stringify({ ...claims(), sub: 'mallory' }, null, 2));
		await expect(verdict(page)).toContainText('Signature verified');
		await backButton(page).click();
		await expect(verdict(page)).toContainText('Not verified');
		await secretBox(page).fill(outerSecret);
		await expect(verdict(page)).toContainText('Invalid signature');
	});
});

test('JWE › JWE › JWS: an edit of the innermost token is encrypted again at both levels', async ({
	page,
}) => {
	const innermost = signJws('ES256', { typ: 'JWT' }, claims(), signer.privateKey);
	const middle = await encrypt({ alg: 'A128KW', enc: 'A128GCM', cty: 'JWT' }, aes128, innermost);
	const outer = await encrypt({ alg: 'ECDH-ES', enc: 'A256GCM', cty: 'JWT' }, x25519.publicKey, middle);
	await openJwe(page, outer);
	await decryptionKey(page).fill(jwk(x25519.privateKey));
	await expect(decryption(page)).toContainText('Decrypted');
	await expect(page.getByText(/The plaintext is itself an encrypted token \(JWE\)/)).toBeVisible();
	await openInnerButton(page).click();
	await decryptionKey(page).fill(jose.base64url.encode(aes128));
	await expect(decryption(page)).toContainText('Decrypted');
	await openInnerButton(page).click();
	await expect(tokenPath(page)).toHaveText(/JWE\s*›\s*JWE\s*›\s*JWS/);
	await secretBox(page).fill(pkcs8(signer.privateKey));
	await payloadEditor(page).fill(JSON.stringify({ ...claims(), sub: 'mallory' }, null, 2));
	await expect(verdict(page)).toContainText('Signature verified');
	const edited = await text(page);

	await backButton(page).click();
	await expect(tokenPath(page)).toHaveText(/JWE\s*›\s*JWE$/);
	await expect(decryption(page)).toContainText('Decrypted');
	await backButton(page).click();
	await expect(tokenPath(page)).toHaveCount(0);
	await expect(decryption(page)).toContainText('Decrypted');
	const { plaintext } = await jose.compactDecrypt(await text(page), x25519.privateKey);
	const inner = await jose.compactDecrypt(new TextDecoder().decode(plaintext), aes128);
	expect(new TextDecoder().decode(inner.plaintext)).toBe(edited);
});

for (const scheme of ['light', 'dark'] as const) {
	test(`axe finds no violations on a decrypted JWE and its inner token (${scheme})`, async ({ page }) => {
		// Two full axe runs on a busy two-core machine take longer than the default 30 s.
		test.setTimeout(120_000);
		await page.emulateMedia({ colorScheme: scheme });
		const inner = signJws('ES256', { typ: 'JWT' }, claims(), signer.privateKey);
		await openJwe(
			page,
			await encrypt({ alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWT' }, rsa.publicKey, inner),
		);
		await decryptionKey(page).fill(jwk(rsa.privateKey));
		await expect(decryption(page)).toContainText('Decrypted');
		const violations = async () =>
			(await new AxeBuilder({ page }).analyze()).violations.map(
				(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
			);
		expect(await violations()).toEqual([]);
		await page.getByRole('button', { name: 'Open inner token' }).click();
		await page.getByRole('button', { name: 'Share link' }).click();
		await expect(page.getByRole('group', { name: 'Share the decrypted token?' })).toBeVisible();
		expect(await violations()).toEqual([]);
	});
}
