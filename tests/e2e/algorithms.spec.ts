// Algorithms beyond WebCrypto (ui-contract.md): ES256K, Ed25519, Ed448, EdDSA and ML-DSA verify with each key format,
// fail when tampered, sign after an edit, and a generated key is used at once; in this browser, under the CSP.
import { generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
	b64url,
	findingCodes,
	nowSeconds,
	openEmpty,
	pasteToken,
	payloadEditor,
	secretBox,
	thumbprintOf,
	tokenEditor,
	verdict,
} from './support';

const claims = () => ({ sub: 'user-42', name: 'Ada Lovelace', iat: nowSeconds(), exp: nowSeconds() + 3600 });

/** A compact JWS made by node:crypto: ES256K with SHA-256 and r‖s (RFC 8812), EdDSA over the signing input (RFC 8037). */
function nodeJws(alg: string, key: KeyObject, payload: object = claims()): string {
	const input = `${b64url(JSON.stringify({ alg, typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}`;
	const signature =
		alg === 'ES256K'
			? sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' })
			: sign(null, Buffer.from(input), key);
	return `${input}.${b64url(signature)}`;
}

function nodeVerifies(alg: string, token: string, key: KeyObject): boolean {
	const [header, payload, signature] = token.split('.') as [string, string, string];
	const data = Buffer.from(`${header}.${payload}`);
	const bytes = Buffer.from(signature, 'base64url');
	return alg === 'ES256K'
		? verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, bytes)
		: verify(null, data, key, bytes);
}

const pemOf = (key: KeyObject, type: 'spki' | 'pkcs8' | 'sec1') =>
	key.export({ type, format: 'pem' } as never).toString();
const jwkOf = (key: KeyObject) => JSON.stringify(key.export({ format: 'jwk' }));

/** A DER element: tag, definite length (X.690 §8.1.3), content. */
function der(tag: number, ...content: Buffer[]): Buffer {
	const body = Buffer.concat(content);
	const n = body.length;
	const length = n < 0x80 ? Buffer.of(n) : n < 0x100 ? Buffer.of(0x81, n) : Buffer.of(0x82, n >> 8, n & 0xff);
	return Buffer.concat([Buffer.of(tag), length, body]);
}

/**
 * An ML-DSA key as PEM, built here byte by byte from RFC 9881: SPKI with id-ml-dsa-44/65/87 (2.16.840.1.101.3.4.3.17–19,
 * no parameters, §2) and PKCS#8 holding only the seed, `seed [0] OCTET STRING` (§6).
 */
function mlDsaPems(level: '44' | '65' | '87', pub: Buffer, seed: Buffer): { spki: string; pkcs8: string } {
	const last = { '44': 0x11, '65': 0x12, '87': 0x13 }[level];
	const algorithm = der(0x30, der(0x06, Buffer.of(0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, last)));
	const spki = der(0x30, algorithm, der(0x03, Buffer.of(0), pub));
	const pkcs8 = der(0x30, der(0x02, Buffer.of(0)), algorithm, der(0x04, der(0x80, seed)));
	const pem = (label: string, bytes: Buffer) =>
		`-----BEGIN ${label}-----\n${bytes.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`;
	return { spki: pem('PUBLIC KEY', spki), pkcs8: pem('PRIVATE KEY', pkcs8) };
}

/** The token with one signature character changed (a different, valid base64url character). */
function tamper(token: string): string {
	const at = token.length - 10;
	return token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
}

/** Opens the page on `token` and waits for its payload (`shows`: text the payload holds). */
async function open(page: Page, token: string, shows = '"sub"'): Promise<void> {
	await openEmpty(page);
	await pasteToken(page, token);
	await expect(payloadEditor(page)).toContainText(shows);
}

/** In the page: whether its WebCrypto generates ML-DSA-44 keys. */
async function hasNativeMlDsa(): Promise<boolean> {
	try {
		await crypto.subtle.generateKey({ name: 'ML-DSA-44' }, false, ['sign', 'verify']);
		return true;
	} catch {
		return false;
	}
}

/** An init script that makes the page's WebCrypto refuse ML-DSA, as in a browser that lacks it. */
function hideMlDsa(): void {
	const subtle = SubtleCrypto.prototype as unknown as Record<
		string,
		(...args: unknown[]) => Promise<unknown>
	>;
	const nameOf = (algorithm: unknown) =>
		typeof algorithm === 'string' ? algorithm : (algorithm as { name?: string } | null)?.name;
	for (const [method, at] of [
		['generateKey', 0],
		['importKey', 2],
		['sign', 0],
		['verify', 0],
	] as const) {
		const original = subtle[method]!;
		subtle[method] = function (this: unknown, ...args: unknown[]) {
			if (String(nameOf(args[at])).startsWith('ML-DSA'))
				return Promise.reject(new DOMException('Algorithm: Unrecognized name', 'NotSupportedError'));
			return original.apply(this, args);
		};
	}
}

const k1 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
const ed25519 = generateKeyPairSync('ed25519');
const ed448 = generateKeyPairSync('ed448');

const curves: [string, KeyObject, KeyObject, string, string][] = [
	['ES256K', k1.privateKey, k1.publicKey, 'EC secp256k1', 'secp256k1'],
	['Ed25519', ed25519.privateKey, ed25519.publicKey, 'Ed25519', ''],
	['Ed448', ed448.privateKey, ed448.publicKey, 'Ed448', 'Ed448'],
	['EdDSA', ed448.privateKey, ed448.publicKey, 'Ed448', 'Ed448'],
];

for (const [alg, privateKey, publicKey, name, library] of curves) {
	test.describe(`${alg} with ${name} keys`, () => {
		// Every form names the key by its kind, format and the start of its RFC 7638 thumbprint.
		const thumbprint = thumbprintOf(publicKey);
		const forms: [string, string, string][] = [
			['PEM SPKI', pemOf(publicKey, 'spki'), `${name} public key (PEM SPKI, thumbprint ${thumbprint.short})`],
			[
				'PEM PKCS#8',
				pemOf(privateKey, 'pkcs8'),
				`${name} private key (PEM PKCS#8, thumbprint ${thumbprint.short})`,
			],
			['public JWK', jwkOf(publicKey), `${name} public key (JWK, thumbprint ${thumbprint.short})`],
			['private JWK', jwkOf(privateKey), `${name} private key (JWK, thumbprint ${thumbprint.short})`],
		];
		if (alg === 'ES256K')
			forms.push([
				'PEM SEC1',
				pemOf(privateKey, 'sec1'),
				`EC secp256k1 private key (PEM SEC1, thumbprint ${thumbprint.short})`,
			]);

		test('verifies with each key format, and fails when tampered', async ({ page }) => {
			const token = nodeJws(alg, privateKey);
			await open(page, token);
			for (const [, keyText, label] of forms) {
				await secretBox(page).fill(keyText);
				await expect(verdict(page)).toContainText('Signature verified');
				await expect(verdict(page)).toContainText(label);
				await expect(page.getByText(`Key thumbprint (RFC 7638, SHA-256): ${thumbprint.full}`)).toBeVisible();
				if (library) await expect(verdict(page)).toContainText(`this browser's WebCrypto has no ${library}`);
			}
			await pasteToken(page, tamper(token));
			await expect(verdict(page)).toContainText('Invalid signature');
		});

		test('signs a payload edit, and node:crypto verifies the result', async ({ page }) => {
			await open(page, nodeJws(alg, privateKey));
			await secretBox(page).fill(pemOf(privateKey, 'pkcs8'));
			await expect(verdict(page)).toContainText('Signature verified');
			await payloadEditor(page).fill('{"sub":"someone-else","exp":4102444800}');
			await expect(page.getByText(/^Signed with the /)).toBeVisible();
			await expect(verdict(page)).toContainText('Signature verified');
			const edited = (await tokenEditor(page).textContent())!.replace(/\s/g, '');
			expect(Buffer.from(edited.split('.')[1]!, 'base64url').toString()).toContain('someone-else');
			expect(nodeVerifies(alg, edited, publicKey)).toBe(true);
		});
	});
}

test('EdDSA is noted as deprecated in favour of Ed25519 and Ed448; the fully-specified name is not', async ({
	page,
}) => {
	await open(page, nodeJws('EdDSA', ed25519.privateKey));
	expect(await findingCodes(page)).toContain('eddsa-deprecated');
	await pasteToken(page, nodeJws('Ed25519', ed25519.privateKey));
	await expect(payloadEditor(page)).toContainText('"sub"');
	expect(await findingCodes(page)).not.toContain('eddsa-deprecated');
});

test('an ES256K token with a P-256 key is a mismatch that names both sides', async ({ page }) => {
	await open(page, nodeJws('ES256K', k1.privateKey));
	await secretBox(page).fill(pemOf(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey, 'spki'));
	await expect(verdict(page)).toContainText('Invalid signature');
	await expect(verdict(page)).toContainText(
		'ES256K, which needs an EC secp256k1 key; the key is an EC P-256 public key',
	);
});

test.describe('ML-DSA (RFC 9964)', () => {
	const example = (level: string) =>
		JSON.parse(
			readFileSync(new URL(`../vectors/rfc9964/ML_DSA_${level}.jose.json`, import.meta.url), 'utf8'),
		) as { jwk: Record<string, string>; jws: string };

	for (const level of ['44', '65', '87']) {
		test(`ML-DSA-${level}: the RFC's token verifies with its public and private JWK, and fails when tampered`, async ({
			page,
		}) => {
			const { jwk, jws } = example(level);
			const { priv: _priv, ...publicJwk } = jwk;
			await open(page, jws, 'Frodo');
			await secretBox(page).fill(JSON.stringify(publicJwk));
			await expect(verdict(page)).toContainText('Signature verified');
			// RFC 9964's example kid is the key's thumbprint: said once.
			await expect(verdict(page)).toContainText(
				`ML-DSA-${level} public key (JWK, kid and thumbprint ${thumbprintOf(publicJwk).short})`,
			);
			// Kilobytes of signature: the panel shows the first 513 bytes in each form and says how many more.
			await expect(page.getByText(/… \(\d+ more bytes\)$/)).toHaveCount(2);
			// This Chromium has ML-DSA in WebCrypto (checked below), so the browser's own code verified it.
			expect(await page.evaluate(hasNativeMlDsa)).toBe(true);
			await expect(verdict(page)).not.toContainText('WebCrypto has no');
			await secretBox(page).fill(JSON.stringify(jwk));
			await expect(verdict(page)).toContainText(`ML-DSA-${level} private key (JWK, kid and thumbprint`);
			await pasteToken(page, tamper(jws));
			await expect(verdict(page)).toContainText('Invalid signature');
		});

		test(`ML-DSA-${level} in a browser without it in WebCrypto: this page's code verifies, signs, and says so`, async ({
			page,
		}) => {
			await page.addInitScript(hideMlDsa);
			const { jwk, jws } = example(level);
			const { priv: _priv, ...publicJwk } = jwk;
			await open(page, jws, 'Frodo');
			expect(await page.evaluate(hasNativeMlDsa)).toBe(false);
			await secretBox(page).fill(JSON.stringify(publicJwk));
			await expect(verdict(page)).toContainText('Signature verified');
			await expect(verdict(page)).toContainText(
				"in this page's ML-DSA code (@noble/post-quantum); this browser's WebCrypto has no ML-DSA",
			);
			await pasteToken(page, tamper(jws));
			await expect(verdict(page)).toContainText('Invalid signature');
			await pasteToken(page, jws);
			await secretBox(page).fill(JSON.stringify(jwk));
			await payloadEditor(page).fill('{"sub":"someone-else"}');
			await expect(page.getByText(/^Signed with the /)).toBeVisible();
			await expect(verdict(page)).toContainText('Signature verified');
			await expect(verdict(page)).toContainText("this browser's WebCrypto has no ML-DSA");
		});
	}

	for (const level of ['44', '65', '87'] as const) {
		test(`ML-DSA-${level}: the RFC's token verifies with its key as PEM SPKI and as PEM PKCS#8 (seed), and fails when tampered`, async ({
			page,
		}) => {
			const { jwk, jws } = example(level);
			const { priv, ...publicJwk } = jwk;
			const forms = mlDsaPems(level, Buffer.from(jwk.pub!, 'base64url'), Buffer.from(priv!, 'base64url'));
			const { short } = thumbprintOf(publicJwk);
			await open(page, jws, 'Frodo');
			await secretBox(page).fill(forms.spki);
			await expect(verdict(page)).toContainText(`ML-DSA-${level} public key (PEM SPKI, thumbprint ${short})`);
			// The seed alone (RFC 9881 §6): the public key, and so the thumbprint, is derived from it.
			await secretBox(page).fill(forms.pkcs8);
			await expect(verdict(page)).toContainText(
				`ML-DSA-${level} private key (PEM PKCS#8, thumbprint ${short})`,
			);
			await pasteToken(page, tamper(jws));
			await expect(verdict(page)).toContainText('Invalid signature');
		});
	}

	test('at 375 px, a long kid and the full thumbprint wrap instead of widening the page', async ({
		page,
	}) => {
		await page.setViewportSize({ width: 375, height: 800 });
		const { jwk, jws } = example('65');
		const { priv: _priv, ...publicJwk } = jwk;
		await open(page, jws, 'Frodo');
		await secretBox(page).fill(
			JSON.stringify({ ...publicJwk, kid: 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfG' }),
		);
		await expect(verdict(page)).toContainText('kid=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfG, thumbprint');
		await expect(
			page.getByText(`Key thumbprint (RFC 7638, SHA-256): ${thumbprintOf(publicJwk).full}`),
		).toBeVisible();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
	});

	test('an ML-DSA-65 token with an ML-DSA-44 key is a mismatch, explained', async ({ page }) => {
		await open(page, example('65').jws, 'Frodo');
		await secretBox(page).fill(JSON.stringify(example('44').jwk));
		await expect(verdict(page)).toContainText('Invalid signature');
		await expect(verdict(page)).toContainText(
			'ML-DSA-65, which needs an ML-DSA-65 key; the key is an ML-DSA-44 private key',
		);
	});

	test('with the private JWK, a payload edit is signed and verifies', async ({ page }) => {
		const { jwk, jws } = example('65');
		await open(page, jws, 'Frodo');
		await secretBox(page).fill(JSON.stringify(jwk));
		await expect(verdict(page)).toContainText('Signature verified');
		await payloadEditor(page).fill('{"sub":"someone-else"}');
		await expect(page.getByText(/^Signed with the /)).toBeVisible();
		await expect(tokenEditor(page)).not.toHaveText(jws);
		await expect(verdict(page)).toContainText('Signature verified');
	});
});

for (const [kind, alg, label] of [
	['secp256k1', 'ES256K', 'EC secp256k1'],
	['Ed25519', 'Ed25519', 'Ed25519'],
	['Ed448', 'Ed448', 'Ed448'],
	['ML-DSA-44', 'ML-DSA-44', 'ML-DSA-44'],
	['ML-DSA-65', 'ML-DSA-65', 'ML-DSA-65'],
	['ML-DSA-87', 'ML-DSA-87', 'ML-DSA-87'],
] as const) {
	test(`a generated ${kind} key signs the token at once, and its public PEM and JWK verify it`, async ({
		page,
	}) => {
		await open(page, nodeJws('Ed25519', ed25519.privateKey));
		await page.getByText('Generate a key').click();
		await page.getByRole('combobox', { name: 'Key type' }).selectOption(kind);
		await page.getByRole('button', { name: 'Generate key' }).click();
		await expect(secretBox(page)).toHaveValue(/BEGIN PRIVATE KEY/);
		await page.getByRole('button', { name: `Sign the token with this key (${alg})` }).click();
		await expect(page.getByRole('textbox', { name: 'Header', exact: true })).toContainText(`"alg": "${alg}"`);
		await expect(verdict(page)).toContainText('Signature verified');
		const publicJwk = await page.getByRole('textbox', { name: 'Public key (JWK)' }).inputValue();
		const thumbprint = thumbprintOf(JSON.parse(publicJwk) as Record<string, unknown>);
		await expect(verdict(page)).toContainText(
			`${label} private key (PEM PKCS#8, thumbprint ${thumbprint.short})`,
		);
		const publicPem = await page.getByRole('textbox', { name: 'Public key (PEM)' }).inputValue();
		await secretBox(page).fill(publicPem);
		await expect(verdict(page)).toContainText(
			`${label} public key (PEM SPKI, thumbprint ${thumbprint.short})`,
		);
		await secretBox(page).fill(publicJwk);
		await expect(verdict(page)).toContainText('Signature verified');
		await expect(verdict(page)).toContainText(`${label} public key (JWK, thumbprint ${thumbprint.short})`);
	});
}

test('the single-file build verifies ES256K, Ed448 and ML-DSA and signs ML-DSA from file://, under its CSP, with no request', async ({
	page,
}) => {
	const file = pathToFileURL(resolve('dist/jwt-prism.html')).href;
	const requests: string[] = [];
	page.on('request', (request) => requests.push(request.url()));
	await page.addInitScript(hideMlDsa);
	await page.addInitScript(() => {
		const violations: string[] = [];
		(window as unknown as { violations: string[] }).violations = violations;
		document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
	});
	await page.goto(file);
	await expect(payloadEditor(page)).toContainText('"name"');
	const cases: [string, string, string, string][] = [
		[nodeJws('ES256K', k1.privateKey), pemOf(k1.publicKey, 'spki'), '"sub"', 'secp256k1'],
		[nodeJws('Ed448', ed448.privateKey), jwkOf(ed448.publicKey), '"sub"', 'Ed448'],
	];
	const mlDsa = JSON.parse(
		readFileSync(new URL('../vectors/rfc9964/ML_DSA_87.jose.json', import.meta.url), 'utf8'),
	) as { jwk: Record<string, string>; jws: string };
	cases.push([mlDsa.jws, JSON.stringify(mlDsa.jwk), 'Frodo', 'ML-DSA']);
	for (const [token, key, shows, library] of cases) {
		await pasteToken(page, token);
		await expect(payloadEditor(page)).toContainText(shows);
		await secretBox(page).fill(key);
		await expect(verdict(page)).toContainText('Signature verified');
		await expect(verdict(page)).toContainText(`this browser's WebCrypto has no ${library}`);
	}
	// Signing works from file:// too: the ML-DSA-87 key in the box is the private JWK (its `priv` seed).
	await payloadEditor(page).fill('{"sub":"someone-else"}');
	await expect(page.getByText(/^Signed with the ML-DSA-87 private key/)).toBeVisible();
	await expect(verdict(page)).toContainText('Signature verified');
	expect(
		requests.filter((url) => url !== file && !url.startsWith('data:') && !url.startsWith('blob:')),
	).toEqual([]);
	expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
});

test('the page lists every algorithm with verify, sign and generate, and what computes it', async ({
	page,
}) => {
	await open(page, nodeJws('Ed25519', ed25519.privateKey));
	await page.getByText('Algorithms', { exact: true }).click();
	const list = page.getByRole('list', { name: 'Signature algorithms' });
	for (const alg of ['ES256K', 'Ed25519', 'Ed448', 'EdDSA', 'ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87', 'RS256'])
		await expect(
			list.getByRole('listitem').filter({ has: page.getByText(alg, { exact: true }) }),
		).toContainText(': verify, sign, generate keys.');
	await expect(
		list.getByRole('listitem').filter({ has: page.getByText('ML-DSA-65', { exact: true }) }),
	).toContainText("By WebCrypto, else by this page's @noble/post-quantum.");
	await expect(list).not.toContainText('none');
});
