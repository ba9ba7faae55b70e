// Big and deep input: a 1 MB token decodes and stays editable; 100 000 nested levels are explained, not a crash.
import { expect, test } from './fixtures';
import {
	findingCodes,
	nowSeconds,
	openEmpty,
	pasteOverToken,
	pasteToken,
	payloadEditor,
	secretBox,
	signHs256,
	tokenEditor,
	verdict,
	watchLongTasks,
} from './support';

/** Claims of about 100 bytes each, adding up to about `bytes`, with varied text as real claims have. */
function fillerClaims(bytes: number): Record<string, string> {
	const claims: Record<string, string> = {};
	for (let i = 0; i * 100 < bytes; i++) claims[`filler_${i}`] = `${i}`.padStart(8, '0').repeat(10);
	return claims;
}

/** Issue 4: work that could block input runs off the main thread, so the page never stops answering for a second. */
const ANSWERS_WITHIN_MS = 1000;

test('a 1 MB token decodes and stays editable', async ({ page }) => {
	await openEmpty(page);
	const filler = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`claim_${i}`, 'x'.repeat(1000)]));
	const token = signHs256(
		'{"alg":"HS256"}',
		JSON.stringify({ first: 'marker', exp: nowSeconds() + 600, ...filler }),
	);
	expect(token.length).toBeGreaterThan(1_000_000);
	const longestTask = await watchLongTasks(page);
	await pasteOverToken(page, token);
	await expect(payloadEditor(page)).toContainText('"first": "marker"');
	await expect(page.getByText('Showing 100 of 1,002 members.')).toBeVisible();
	expect(await longestTask()).toBeLessThan(ANSWERS_WITHIN_MS);
	await payloadEditor(page).fill('{"first":"edited"}');
	await expect(tokenEditor(page)).toContainText(
		`.${Buffer.from('{"first":"edited"}').toString('base64url')}.`,
	);
});

test('a 10 MB paste is decoded in the background: the page answers throughout, shows it all, and edits it', async ({
	page,
}) => {
	test.setTimeout(60_000);
	await openEmpty(page);
	const secret = 'a-secret-for-the-ten-megabyte-token';
	const payload = {
		first: 'marker',
		exp: nowSeconds() - 60,
		blob: 'b'.repeat(2_000_000),
		...fillerClaims(8_000_000),
	};
	const token = signHs256('{"alg":"HS256","typ":"JWT"}', JSON.stringify(payload), secret);
	expect(token.length).toBeGreaterThan(13_000_000);
	const longestTask = await watchLongTasks(page);
	await pasteOverToken(page, token);

	// While the worker decodes, the page says so and takes input.
	const decoding = page.getByRole('status', { name: 'Decoding' });
	await expect(decoding).toContainText('Decoding 13.');
	await secretBox(page).fill(secret);
	await expect(secretBox(page)).toHaveValue(secret);

	await expect(payloadEditor(page)).toContainText('"first": "marker"', { timeout: 30_000 });
	await expect(decoding).toBeHidden();
	// Every panel has it: findings at the page's clock, the signature verified over all 13 MB, the claims
	// table cut where it must be and saying so.
	await expect.poll(() => findingCodes(page)).toContain('expired');
	await expect(verdict(page)).toContainText('Signature verified');
	await expect(page.getByText('Showing the first 500 of 2,000,000 characters')).toBeVisible();
	await expect(page.getByText('Showing 100 of 80,003 members.')).toBeVisible();
	await page.getByRole('button', { name: 'Show 900 more' }).click();
	await expect(page.getByText(/The table lists the first 1,000 of this huge part/)).toBeVisible();

	// Typing in the 13 MB Payload editor: the worker encodes the edit, the page re-signs it with the secret.
	await payloadEditor(page).getByText('"first": "marker",').click();
	await page.keyboard.press('End');
	await page.keyboard.press('ArrowLeft');
	await page.keyboard.press('ArrowLeft');
	await page.keyboard.type('X');
	await expect(page.getByText(/^Signed with the HMAC secret/)).toBeVisible({ timeout: 20_000 });
	await expect(decoding).toBeHidden({ timeout: 20_000 });
	await expect(payloadEditor(page)).toContainText('"first": "markerX"');
	await expect(verdict(page)).toContainText('Signature verified');
	expect(await longestTask()).toBeLessThan(ANSWERS_WITHIN_MS);
});

test('100 000 nested arrays are named as too deep and shown as text, without a crash', async ({ page }) => {
	await openEmpty(page);
	const deep = `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
	await pasteToken(page, signHs256('{"alg":"HS256"}', deep));
	await expect(payloadEditor(page)).toContainText('{"a":[[[');
	await expect.poll(() => findingCodes(page)).toContain('payload-not-json');
	const finding = page.getByRole('list', { name: 'Warnings' }).locator('[data-code="payload-not-json"]');
	await expect(finding).toContainText('nested deeper than');
});
