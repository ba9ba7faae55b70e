// Takes screenshots of the built app's main screens (for review, and docs/screenshot.png for the README).
// Usage: npm run build && node scripts/screenshots.mjs [outDir]; serves dist/ with vite preview itself.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.mjs';

const port = 4319;
const base = `http://127.0.0.1:${port}/`;
const outDir = process.argv[2] ?? 'shots';
mkdirSync(outDir, { recursive: true });

/** @param {string | Uint8Array} data */
const b64 = (data) => Buffer.from(data).toString('base64url');
/** @param {string} header @param {string} payload */
function sign(header, payload) {
	const input = `${b64(header)}.${b64(payload)}`;
	return `${input}.${createHmac('sha256', 'a-test-secret-that-is-32-bytes!!').update(input).digest('base64url')}`;
}
const now = Math.floor(Date.now() / 1000);

/**
 * A token with a 2 MB claim and `fillers` claims of about 100 bytes: decoded by the worker, cut in the table.
 * @param {number} fillers
 */
function hugeToken(fillers) {
	/** @type {Record<string, string | number>} */
	const payload = { sub: 'user-42', exp: now + 3600, document: 'JVBERi0xLjcK'.repeat(170_000) };
	for (let i = 0; i < fillers; i++) payload[`attribute_${i}`] = `${i}`.padStart(8, '0').repeat(10);
	return sign('{"alg":"HS256","typ":"JWT"}', JSON.stringify(payload));
}

const server = spawn(
	'node_modules/.bin/vite',
	['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
	{
		stdio: 'ignore',
	},
);
try {
	await waitForServer();
	const browser = await chromium.launch(chromiumLaunchOptions);
	/** @type {[string, { width: number, height: number }, 'light' | 'dark', (page: import('@playwright/test').Page) => Promise<void>][]} */
	const screens = [
		['example', { width: 1440, height: 1000 }, 'light', async () => {}],
		['example-dark', { width: 1440, height: 1000 }, 'dark', async () => {}],
		[
			'expired-claims',
			{ width: 1440, height: 1400 },
			'light',
			async (page) => {
				const token = sign(
					'{"alg":"HS256","typ":"JWT","kid":"k1"}',
					JSON.stringify({
						iss: 'https://id.example',
						sub: 'user-42',
						aud: ['api'],
						iat: now - 90000,
						exp: now - 3600,
						roles: ['admin'],
					}),
				);
				await paste(page, `Authorization: Bearer ${token}`);
			},
		],
		[
			'malformed',
			{ width: 1440, height: 1000 },
			'light',
			async (page) => paste(page, `${b64('{"alg":"HS256",}')}.eyJzdWIiOi$xIn0.c2ln`),
		],
		[
			'jwe',
			{ width: 1440, height: 1000 },
			'light',
			async (page) =>
				paste(
					page,
					[
						b64('{"alg":"RSA-OAEP","enc":"A256GCM"}'),
						b64(new Uint8Array(256).fill(7)),
						b64(new Uint8Array(12).fill(1)),
						b64(new Uint8Array(40).fill(2)),
						b64(new Uint8Array(16).fill(3)),
					].join('.'),
				),
		],
		[
			'several-tokens',
			{ width: 1440, height: 1000 },
			'light',
			async (page) =>
				paste(
					page,
					JSON.stringify(
						{
							access_token: sign('{"alg":"HS256"}', `{"scope":"read","exp":${now + 600}}`),
							id_token: sign('{"alg":"HS256"}', `{"sub":"x","exp":${now + 600}}`),
						},
						null,
						2,
					),
				),
		],
		['mobile', { width: 375, height: 1300 }, 'light', async () => {}],
		[
			'findings',
			{ width: 1440, height: 1300 },
			'light',
			async (page) => {
				await paste(
					page,
					sign(
						'{"alg":"HS256","kid":"../../keys/dev","jku":"https://keys.example.test/jwks.json"}',
						JSON.stringify({
							sub: 'user-1',
							scope: 'read',
							client_id: 'app',
							password: 'hunter2-hunter2',
							iat: now - 90000,
							exp: now - 60,
						}),
					),
				);
				await page.getByText('Settings', { exact: true }).click();
				await page.getByRole('button', { name: 'Show "exp"' }).click();
			},
		],
		[
			'verified',
			{ width: 1440, height: 1100 },
			'light',
			async (page) => secretBox(page).fill('jwt-prism-example-secret-not-for-production'),
		],
		['invalid', { width: 1440, height: 1100 }, 'light', async (page) => secretBox(page).fill('wrong-secret')],
		[
			'key-error',
			{ width: 1440, height: 1100 },
			'dark',
			async (page) =>
				secretBox(page).fill('-----BEGIN PUBLIC KEY-----\nMIIB$IjANBg\n-----END PUBLIC KEY-----'),
		],
		[
			'keygen',
			{ width: 1440, height: 1400 },
			'light',
			async (page) => {
				await page.getByText('Generate a key').click();
				await page.getByRole('combobox', { name: 'Key type' }).selectOption('P-256');
				await page.getByRole('button', { name: 'Generate key' }).click();
				await page.getByRole('button', { name: /Sign the token with this key/ }).click();
				await page.getByText('Signature verified').waitFor();
			},
		],
		[
			'huge-decoding',
			{ width: 1440, height: 1000 },
			'light',
			async (page) => {
				await paste(page, hugeToken(80_000));
				await page.getByRole('status', { name: 'Decoding' }).waitFor();
			},
		],
		[
			'huge',
			{ width: 1440, height: 1000 },
			'light',
			async (page) => {
				await paste(page, hugeToken(3000));
				// The claims table: the cut value says so.
				const cut = page.getByText(/^Showing the first 500 of/);
				await cut.waitFor();
				await cut.evaluate((element) => element.scrollIntoView({ block: 'center' }));
			},
		],
	];
	for (const [name, viewport, colorScheme, prepare] of screens) {
		const page = await browser.newPage({ viewport, colorScheme });
		await page.goto(base);
		await page.getByRole('textbox', { name: 'Payload', exact: true }).getByText('"name"').waitFor();
		await prepare(page);
		await page.waitForTimeout(300);
		await page.screenshot({
			path: `${outDir}/${name}.png`,
			fullPage: name === 'expired-claims' || name === 'keygen',
		});
		await page.close();
	}
	await browser.close();
} finally {
	server.kill();
}

/** @param {import('@playwright/test').Page} page */
function secretBox(page) {
	return page.getByRole('textbox', { name: 'Secret or key' });
}

/** @param {import('@playwright/test').Page} page @param {string} text */
async function paste(page, text) {
	await page.getByRole('textbox', { name: 'Encoded token' }).fill(text);
}

async function waitForServer() {
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(base)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`vite preview did not start on ${base}`);
}
