// The URL fragment opens a token, follows hashchange, and Share link / Copy token put the right text on the clipboard.
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { freshToken, openEmpty, payloadEditor, tokenEditor } from './support';

test.describe('tokens in the fragment', () => {
	const token = freshToken({ name: 'From the fragment' });
	const cases: [string, string][] = [
		['#token=', `#token=${token}`],
		['#id_token= among other parameters', `#state=abc&id_token=${token}&expires_in=60`],
		['#access_token=', `#access_token=${token}&token_type=Bearer`],
		['a percent-encoded #token=', `#token=${token.replace(/\./g, '%2E')}`],
		['#token= with Bearer and spaces', `#token=${encodeURIComponent(`  Bearer ${token}\n`)}`],
	];
	for (const [name, hash] of cases) {
		test(name, async ({ page }) => {
			await page.goto(`./${hash}`);
			await expect(payloadEditor(page)).toContainText('From the fragment');
			await expect(page.getByText('Example token.')).toBeHidden();
		});
	}
});

test('changing the fragment loads the new token', async ({ page }) => {
	await page.goto(`./#token=${freshToken({ name: 'First' })}`);
	await expect(payloadEditor(page)).toContainText('"name": "First"');
	const second = freshToken({ name: 'Second' });
	await page.evaluate((hash) => (location.hash = hash), `#token=${second}`);
	await expect(payloadEditor(page)).toContainText('"name": "Second"');
	await expect(tokenEditor(page)).toHaveText(second);
});

test('Share link copies a #token= link that opens the same token; Copy token copies the token', async ({
	page,
	context,
	baseURL,
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
	await openEmpty(page);
	const token = freshToken({ name: 'Shared' });
	await tokenEditor(page).fill(`Bearer ${token}`);
	await expect(payloadEditor(page)).toContainText('Shared');

	await page.getByRole('button', { name: 'Copy token' }).click();
	await expect(page.getByText('Token copied')).toBeVisible();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

	// The token still works: the page says so beside Share link, which copies at once (issue 18).
	await expect(page.getByRole('button', { name: 'Share link' })).toHaveAccessibleDescription(/credential/);
	await page.getByRole('button', { name: 'Share link' }).click();
	await expect(page.getByText('Link copied')).toBeVisible();
	const link = await page.evaluate(() => navigator.clipboard.readText());
	expect(link).toBe(`${new URL('./', baseURL).href}#token=${token}`);

	const other = await context.newPage();
	await other.goto(link);
	await expect(payloadEditor(other)).toContainText('"name": "Shared"');
});

test.describe('the editors load after first paint', () => {
	// The editors' code is held back at the network; a service worker would fetch it out of Playwright's sight.
	test.use({ serviceWorkers: 'block' });
	/** What an editor shows until it has loaded: its text, read-only, as a group with the editor's name. */
	const early = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
	/** Holds the editors' code at the network until the returned function lets it through. */
	async function holdEditors(page: Page): Promise<() => void> {
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/assets/editor-*.js', async (route) => {
			await held;
			await route.continue();
		});
		return release;
	}

	test('a link’s token shows decoded before they load, and then they edit', async ({ page }) => {
		const release = await holdEditors(page);
		await page.goto(`./#token=${freshToken({ name: 'Before the editors' })}`);
		await expect(early(page, 'Payload')).toContainText('"name": "Before the editors"');
		await expect(early(page, 'Header')).toContainText('"alg": "HS256"');
		// No textbox yet: whoever looks for the editor by role waits for it.
		await expect(page.getByRole('textbox', { name: 'Payload', exact: true })).toHaveCount(0);

		release();
		await expect(tokenEditor(page)).toBeEditable();
		await expect(early(page, 'Payload')).toHaveCount(0);
		await expect(payloadEditor(page)).toContainText('"name": "Before the editors"');
		await payloadEditor(page).fill('{"name":"Typed"}');
		await expect(tokenEditor(page)).toContainText(
			`.${Buffer.from('{"name":"Typed"}').toString('base64url')}.`,
		);
	});

	test('a person who clicks an editor before it loads gets it focused, and types into it', async ({
		page,
	}) => {
		const release = await holdEditors(page);
		await page.goto(`./#token=${freshToken({ name: 'Click me' })}`);
		await early(page, 'Encoded token').click();
		release();
		await expect(tokenEditor(page)).toBeFocused();
		await page.keyboard.press('ControlOrMeta+End');
		await page.keyboard.type('XYZ');
		await expect(tokenEditor(page)).toContainText('XYZ');
	});

	test('when their code cannot be fetched the text stays readable, and reaching for an editor tries again', async ({
		page,
	}) => {
		let online = false;
		await page.route('**/assets/editor-*.js', (route) => (online ? route.continue() : route.abort()));
		const failed = page.waitForEvent('requestfailed', (request) => request.url().includes('/assets/editor-'));
		await page.goto(`./#token=${freshToken({ name: 'Offline for a moment' })}`);
		await failed;
		await expect(early(page, 'Payload')).toContainText('"name": "Offline for a moment"');

		online = true;
		await early(page, 'Payload').click();
		await expect(payloadEditor(page)).toBeEditable();
		await expect(payloadEditor(page)).toBeFocused();
	});
});
