// The URL fragment opens a token, follows hashchange, and Share link / Copy token put the right text on the clipboard.
import { expect, test } from './fixtures';
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

	await page.getByRole('button', { name: 'Share link' }).click();
	await expect(page.getByText('Link copied')).toBeVisible();
	const link = await page.evaluate(() => navigator.clipboard.readText());
	expect(link).toBe(`${new URL('./', baseURL).href}#token=${token}`);

	const other = await context.newPage();
	await other.goto(link);
	await expect(payloadEditor(other)).toContainText('"name": "Shared"');
});
