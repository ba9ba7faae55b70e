// Verifying and signing in the browser: every algorithm family, every key format, honest verdicts, and signing only on edit or Sign.
import { generateKeyPairSync, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
	b64url,
	base64Box,
	findingCodes,
	nowSeconds,
	openEmpty,
	pasteToken,
	payloadEditor,
	secretBox,
	signJws,
	thumbprintOf,
	tokenEditor,
	verdict,
} from './support';

const claims = () => ({ sub: 'user-42', name: 'Ada Lovelace', iat: nowSeconds(), exp: nowSeconds() + 3600 });
const SECRET = 'a-test-secret-that-is-32-bytes!!';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherRsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
const p521 = generateKeyPairSync('ec', { namedCurve: 'P-521' });
const ed25519 = generateKeyPairSync('ed25519');
const otherEd25519 = generateKeyPairSync('ed25519');

const spkiPem = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();
const jwkText = (key: KeyObject, extra: object = {}) =>
	JSON.stringify({ ...key.export({ format: 'jwk' }), ...extra });

async function openWith(page: Page, token: string): Promise<void> {
	await openEmpty(page);
	await pasteToken(page, token);
	await expect(payloadEditor(page)).toContainText('Ada Lovelace');
}

async function expectVerdict(
	page: Page,
	phrase: 'Signature verified' | 'Invalid signature' | 'Not verified',
	detail?: string | RegExp,
) {
	await expect(verdict(page)).toContainText(phrase);
	if (detail) await expect(verdict(page)).toContainText(detail);
}

const EXAMPLE_SECRET = 'jwt-prism-example-secret-not-for-production';

test.describe('the example shows the whole flow, and its secret stays with it', () => {
	test('on first look the example is verified, with its secret filled in', async ({ page }) => {
		await openEmpty(page);
		await expect(payloadEditor(page)).toContainText('"name"');
		await expect(secretBox(page)).toHaveValue(EXAMPLE_SECRET);
		await expectVerdict(page, 'Signature verified', 'HMAC secret (UTF-8, 43 bytes)');
		await expect(page.getByRole('alert')).toHaveCount(0);
		// Editing the example re-signs it with its secret: still verified.
		await payloadEditor(page).fill('{"sub":"edited example"}');
		await expect(page.getByText('Signed with the HMAC secret')).toBeVisible();
		await expectVerdict(page, 'Signature verified');
	});

	test('a pasted token is never verified or re-signed with the example secret', async ({ page }) => {
		await openEmpty(page);
		await expectVerdict(page, 'Signature verified');
		const token = signJws('HS256', {}, claims(), SECRET);
		const signature = token.split('.')[2]!;
		await pasteToken(page, token);
		await expect(payloadEditor(page)).toContainText('Ada Lovelace');
		await expect(secretBox(page)).toHaveValue('');
		await expectVerdict(page, 'Not verified');
		// An edit keeps the token's own signature: nothing signs it.
		await payloadEditor(page).fill('{"sub":"user-42","admin":true}');
		await expect(tokenEditor(page)).toHaveText(
			`${token.split('.')[0]}.${b64url('{"sub":"user-42","admin":true}')}.${signature}`,
		);
		await expectVerdict(page, 'Not verified');
		// Its own secret verifies it as usual.
		await secretBox(page).fill(SECRET);
		await expectVerdict(page, 'Invalid signature');
	});

	test('a key the person typed stays when they paste a token', async ({ page }) => {
		await openEmpty(page);
		await page.getByRole('button', { name: 'Clear' }).click();
		await secretBox(page).fill(SECRET);
		await pasteToken(page, signJws('HS256', {}, claims(), SECRET));
		await expect(secretBox(page)).toHaveValue(SECRET);
		await expectVerdict(page, 'Signature verified');
	});
});

test.describe('each algorithm family verifies with its key and fails with another', () => {
	const families: [string, KeyObject, string, string][] = [
		['HS256', undefined as unknown as KeyObject, SECRET, 'not-the-secret-but-also-32-bytes'],
		['RS256', rsa.privateKey, spkiPem(rsa.publicKey), spkiPem(otherRsa.publicKey)],
		['PS384', rsa.privateKey, spkiPem(rsa.publicKey), spkiPem(otherRsa.publicKey)],
		[
			'ES256',
			p256.privateKey,
			spkiPem(p256.publicKey),
			spkiPem(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey),
		],
		[
			'ES384',
			p384.privateKey,
			spkiPem(p384.publicKey),
			spkiPem(generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey),
		],
		[
			'ES512',
			p521.privateKey,
			spkiPem(p521.publicKey),
			spkiPem(generateKeyPairSync('ec', { namedCurve: 'P-521' }).publicKey),
		],
		['EdDSA', ed25519.privateKey, spkiPem(ed25519.publicKey), spkiPem(otherEd25519.publicKey)],
	];
	for (const [alg, privateKey, goodKey, wrongKey] of families) {
		test(alg, async ({ page }) => {
			const token = signJws(alg, { typ: 'JWT' }, claims(), alg === 'HS256' ? SECRET : privateKey);
			await openWith(page, token);
			await secretBox(page).fill(goodKey);
			await expectVerdict(page, 'Signature verified');
			await secretBox(page).fill(wrongKey);
			await expectVerdict(page, 'Invalid signature', 'does not match');
			// Neither key changed the token.
			await expect(tokenEditor(page)).toHaveText(token);
		});
	}
});

test.describe('every key format is recognised, and the verdict says which key verified', () => {
	const token = signJws('RS256', { kid: 'rsa-1' }, claims(), rsa.privateKey);
	const certificate = readFileSync(new URL('./fixtures/cert.pem', import.meta.url), 'utf8');
	const certKey = createPrivateKey(readFileSync(new URL('./fixtures/cert-key.pem', import.meta.url), 'utf8'));
	// Each key is named by its kind, format and the start of its RFC 7638 thumbprint.
	const rsaThumbprint = thumbprintOf(rsa.publicKey).short;
	const certThumbprint = thumbprintOf(certKey).short;
	const formats: [string, string, string | RegExp, string?][] = [
		[
			'PEM public key (SPKI)',
			spkiPem(rsa.publicKey),
			`RSA 2048 public key (PEM SPKI, thumbprint ${rsaThumbprint})`,
		],
		[
			'PEM RSA PUBLIC KEY (PKCS#1)',
			rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
			`RSA 2048 public key (PEM PKCS#1, thumbprint ${rsaThumbprint})`,
		],
		[
			'PEM private key (PKCS#8)',
			rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
			`RSA 2048 private key (PEM PKCS#8, thumbprint ${rsaThumbprint})`,
		],
		[
			'PEM RSA PRIVATE KEY (PKCS#1)',
			rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
			`RSA 2048 private key (PEM PKCS#1, thumbprint ${rsaThumbprint})`,
		],
		[
			'public JWK',
			jwkText(rsa.publicKey, { kid: 'rsa-1' }),
			`RSA 2048 public key (JWK kid=rsa-1, thumbprint ${rsaThumbprint})`,
		],
		['private JWK', jwkText(rsa.privateKey), `RSA 2048 private key (JWK, thumbprint ${rsaThumbprint})`],
		[
			'JWKS picked by kid',
			JSON.stringify({
				keys: [
					JSON.parse(jwkText(otherRsa.publicKey, { kid: 'rsa-0' })),
					JSON.parse(jwkText(rsa.publicKey, { kid: 'rsa-1' })),
				],
			}),
			`RSA 2048 public key (JWKS key kid=rsa-1, thumbprint ${rsaThumbprint})`,
		],
		[
			'X.509 certificate',
			certificate,
			`RSA 2048 public key from certificate CN=api.example.test, O=JWT Prism Tests (thumbprint ${certThumbprint})`,
			'cert',
		],
	];
	for (const [name, keyText, provenance, which] of formats) {
		test(name, async ({ page }) => {
			const signed = which === 'cert' ? signJws('RS256', {}, claims(), certKey) : token;
			await openWith(page, signed);
			await secretBox(page).fill(keyText);
			await expectVerdict(page, 'Signature verified', provenance);
			await expect(page.getByRole('alert')).toHaveCount(0);
			// The whole thumbprint is beside the verdict, which shows its start.
			const full = thumbprintOf(which === 'cert' ? certKey : rsa.publicKey).full;
			await expect(page.getByText(`Key thumbprint (RFC 7638, SHA-256): ${full}`)).toBeVisible();
		});
	}

	test('SEC1 EC PRIVATE KEY', async ({ page }) => {
		await openWith(page, signJws('ES256', {}, claims(), p256.privateKey));
		await secretBox(page).fill(p256.privateKey.export({ type: 'sec1', format: 'pem' }).toString());
		await expectVerdict(
			page,
			'Signature verified',
			`EC P-256 private key (PEM SEC1, thumbprint ${thumbprintOf(p256.publicKey).short})`,
		);
	});
});

test.describe('keys that cannot be used are explained', () => {
	test('a key of the wrong type names both sides', async ({ page }) => {
		await openWith(page, signJws('RS256', {}, claims(), rsa.privateKey));
		await secretBox(page).fill(spkiPem(p256.publicKey));
		await expectVerdict(page, 'Invalid signature', /this token is RS256/i);
		await expect(verdict(page)).toContainText('EC P-256 public key');
	});

	test('a JWKS without the token’s kid lists what it holds', async ({ page }) => {
		await openWith(page, signJws('RS256', { kid: 'missing' }, claims(), rsa.privateKey));
		await secretBox(page).fill(
			JSON.stringify({ keys: [JSON.parse(jwkText(rsa.publicKey, { kid: 'rsa-1', use: 'sig' }))] }),
		);
		await expectVerdict(page, 'Invalid signature', 'no key with kid "missing"');
		await expect(verdict(page)).toContainText('kid=rsa-1 (RSA 2048, use sig)');
	});

	test('an HS256 token checked with a public key is refused as key confusion', async ({ page }) => {
		await openWith(page, signJws('HS256', {}, claims(), SECRET));
		await secretBox(page).fill(spkiPem(rsa.publicKey));
		await expectVerdict(page, 'Invalid signature', 'key-confusion');
	});

	test('a key that cannot be read shows an alert saying why, and keeps what was typed', async ({ page }) => {
		await openWith(page, signJws('RS256', {}, claims(), rsa.privateKey));
		const broken = '-----BEGIN PUBLIC KEY-----\nMIIB$IjANBg\n-----END PUBLIC KEY-----';
		await secretBox(page).fill(broken);
		await expect(page.getByRole('alert')).toContainText('PEM');
		await expectVerdict(page, 'Invalid signature');
		await expect(secretBox(page)).toHaveValue(broken);
	});

	// Issue 19: keys the browser would refuse are refused when read, in words, never with the browser's error name.
	for (const [name, alg, keyText, words] of [
		[
			'an EC JWK whose point is not on P-256',
			'ES256',
			JSON.stringify({ kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'A'.repeat(43) }),
			/point is not on P-256/,
		],
		[
			'an RSA private key with one character changed',
			'RS256',
			(() => {
				const text = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
				// A character deep inside the base64, in the private exponent and primes.
				const at = Math.floor(text.length / 2);
				return text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
			})(),
			/numbers do not fit together/,
		],
		['an RSA JWK with an empty "n"', 'RS256', '{"kty":"RSA","n":"","e":"AQAB"}', /not an RSA key/],
	] as const)
		test(`${name} shows an alert saying what is wrong`, async ({ page }) => {
			const key = alg === 'ES256' ? p256.privateKey : rsa.privateKey;
			await openWith(page, signJws(alg, {}, claims(), key));
			await secretBox(page).fill(keyText);
			await expect(page.getByRole('alert')).toContainText(words);
			await expectVerdict(page, 'Invalid signature');
			for (const text of [await page.getByRole('alert').innerText(), await verdict(page).innerText()])
				expect(text).not.toMatch(/DataError|OperationError|undefined|NaN|\[object Object\]|RSA 0 public key/);
		});

	test('alg none is never verified, whatever the key', async ({ page }) => {
		await openWith(page, `${b64url('{"alg":"none"}')}.${b64url(JSON.stringify(claims()))}.`);
		await secretBox(page).fill(SECRET);
		await expectVerdict(page, 'Not verified', 'unsigned');
	});
});

test.describe('HMAC secrets', () => {
	const bytes = Buffer.from('0123456789abcdef0123456789abcdef0123456789abcdef', 'hex');
	const token = signJws('HS256', {}, claims(), bytes);

	test('the base64url checkbox reads the secret as base64, and the diagnosis says so first', async ({
		page,
	}) => {
		await openWith(page, token);
		await expect(base64Box(page)).not.toBeChecked();
		await secretBox(page).fill(bytes.toString('base64url'));
		await expectVerdict(page, 'Invalid signature', /read as base64: tick/);
		await base64Box(page).check();
		await expectVerdict(page, 'Signature verified', 'HMAC secret (base64-decoded, 24 bytes)');
		// Standard base64 with padding works as well.
		await secretBox(page).fill(bytes.toString('base64'));
		await expectVerdict(page, 'Signature verified');
	});

	test('a short or well-known secret raises weak-secret, and still verifies', async ({ page }) => {
		await openWith(page, signJws('HS256', {}, claims(), 'secret'));
		await secretBox(page).fill('secret');
		await expectVerdict(page, 'Signature verified');
		await expect.poll(() => findingCodes(page)).toContain('weak-secret');
		await secretBox(page).fill('');
		await expect.poll(() => findingCodes(page)).not.toContain('weak-secret');
	});
});

test.describe('editing re-signs; the key alone never changes the token', () => {
	test('with a secret, a payload edit is signed and still verifies', async ({ page }) => {
		const token = signJws('HS256', { typ: 'JWT' }, claims(), SECRET);
		await openWith(page, token);
		await secretBox(page).fill(SECRET);
		await expectVerdict(page, 'Signature verified');
		await payloadEditor(page).fill('{"sub":"someone-else","exp":4102444800}');
		await expect(tokenEditor(page)).not.toHaveText(token);
		await expectVerdict(page, 'Signature verified');
		await expect(page.getByText('Signed with the HMAC secret')).toBeVisible();
	});

	test('with only a public key, the edit keeps the old signature and says a private key is needed', async ({
		page,
	}) => {
		await openWith(page, signJws('ES256', {}, claims(), p256.privateKey));
		await secretBox(page).fill(spkiPem(p256.publicKey));
		await expectVerdict(page, 'Signature verified');
		await payloadEditor(page).fill('{"sub":"someone-else"}');
		await expectVerdict(page, 'Invalid signature');
		await expect(page.getByText(/signing needs the private key/)).toBeVisible();
	});

	test('changing the key does not change the token; Sign does', async ({ page }) => {
		const token = signJws('HS256', {}, claims(), SECRET);
		await openWith(page, token);
		await secretBox(page).fill('a-different-secret-of-32-bytes!!');
		await expectVerdict(page, 'Invalid signature');
		await expect(tokenEditor(page)).toHaveText(token);
		await page.getByRole('button', { name: 'Sign', exact: true }).click();
		await expectVerdict(page, 'Signature verified');
		await expect(tokenEditor(page)).not.toHaveText(token);
	});
});

test('a generated EC key signs the token at once and its public key verifies it', async ({ page }) => {
	await openWith(page, signJws('HS256', {}, claims(), SECRET));
	await page.getByText('Generate a key').click();
	await page.getByRole('combobox', { name: 'Key type' }).selectOption('P-256');
	await page.getByRole('button', { name: 'Generate key' }).click();
	await expect(secretBox(page)).toHaveValue(/BEGIN PRIVATE KEY/);
	await page.getByRole('button', { name: /Sign the token with this key/ }).click();
	await expect(page.getByRole('textbox', { name: 'Header', exact: true })).toContainText('"alg": "ES256"');
	await expectVerdict(page, 'Signature verified', 'EC P-256 private key');
	// The public half alone verifies the same token.
	const publicPem = await page.getByRole('textbox', { name: 'Public key (PEM)' }).inputValue();
	await secretBox(page).fill(publicPem);
	await expectVerdict(page, 'Signature verified', 'EC P-256 public key');
	expect(createPublicKey(publicPem).asymmetricKeyType).toBe('ec');
});

test('New token starts from a signed template that expires in an hour', async ({ page }) => {
	await openEmpty(page);
	await secretBox(page).fill(SECRET);
	await page.getByRole('button', { name: 'New token' }).click();
	await expect(payloadEditor(page)).toContainText('"iat"');
	await expect(payloadEditor(page)).toContainText('"exp"');
	await expectVerdict(page, 'Signature verified');
	await expect(page.getByText(/^Valid, expires in (59 minutes|60 minutes|1 hour)$/)).toBeVisible();
});

test.describe('keys the token carries are shown and never trusted on their own', () => {
	const attacker = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	const embeddedJwk = attacker.publicKey.export({ format: 'jwk' });

	test('a jwk header never verifies by itself; the explicit action says it proves nothing', async ({
		page,
	}) => {
		const requests: string[] = [];
		page.on('request', (request) => requests.push(request.url()));
		await openWith(
			page,
			signJws(
				'ES256',
				{ jwk: embeddedJwk, jku: 'https://attacker.example/keys.json' },
				claims(),
				attacker.privateKey,
			),
		);
		await expectVerdict(page, 'Not verified');
		await expect(
			page.getByRole('region', { name: 'Signature' }).getByText('https://attacker.example/keys.json'),
		).toBeVisible();
		await page.getByRole('button', { name: "Verify with the token's own jwk" }).click();
		await expectVerdict(page, 'Signature verified', 'proves nothing');
		// Typing a key goes back to that key.
		await secretBox(page).fill(spkiPem(p256.publicKey));
		await expectVerdict(page, 'Invalid signature');
		await expect(verdict(page)).not.toContainText('proves nothing');
		// The URL the token names was never requested.
		expect(requests.filter((url) => url.includes('attacker.example'))).toEqual([]);
	});

	test('an x5c certificate can be tried the same way', async ({ page }) => {
		const pem = readFileSync(new URL('./fixtures/cert.pem', import.meta.url), 'utf8');
		const der = pem.replace(/-----[A-Z ]+-----|\s/g, '');
		const certKey = createPrivateKey(
			readFileSync(new URL('./fixtures/cert-key.pem', import.meta.url), 'utf8'),
		);
		await openWith(page, signJws('RS256', { x5c: [der] }, claims(), certKey));
		await expectVerdict(page, 'Not verified');
		await page.getByRole('button', { name: "Verify with the token's own x5c" }).click();
		await expectVerdict(page, 'Signature verified', 'x5c');
		await expect(verdict(page)).toContainText('proves nothing');
	});
});

test('changing alg in the header re-signs with the matching algorithm, or explains why not', async ({
	page,
}) => {
	await openWith(page, signJws('HS256', {}, claims(), SECRET));
	await secretBox(page).fill(SECRET);
	await expectVerdict(page, 'Signature verified');
	await page.getByRole('textbox', { name: 'Header', exact: true }).fill('{"alg":"HS512","typ":"JWT"}');
	await expectVerdict(page, 'Signature verified');
	await expect(page.getByText('64 bytes (512 bits), alg HS512')).toBeVisible();
	await page.getByRole('textbox', { name: 'Header', exact: true }).fill('{"alg":"RS256","typ":"JWT"}');
	await expect(
		page
			.getByRole('region', { name: 'Signature' })
			.getByText(/Cannot sign: this token is RS256, which needs an RSA key/i),
	).toBeVisible();
	await expectVerdict(page, 'Invalid signature');
});

test('a secret or key is never written to the URL or to storage', async ({ page }) => {
	await openWith(page, signJws('HS256', {}, claims(), SECRET));
	await secretBox(page).fill(SECRET);
	await expectVerdict(page, 'Signature verified');
	await page.getByRole('button', { name: 'Share link' }).click();
	const stored = await page.evaluate(() => {
		const all: string[] = [location.href, document.cookie];
		for (const store of [localStorage, sessionStorage])
			for (let i = 0; i < store.length; i++) all.push(`${store.key(i)}=${store.getItem(store.key(i)!)}`);
		return all.join('\n');
	});
	expect(stored).not.toContain(SECRET);
	expect(stored).not.toContain(b64url(SECRET));
});
