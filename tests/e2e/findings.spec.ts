// The findings panel: grouped by severity, expandable, pointing at the token, counted in the page header, judged by settings.
import { expect, test } from './fixtures';
import {
	findingCodes,
	nowSeconds,
	openEmpty,
	pasteToken,
	payloadEditor,
	signHs256,
	tokenEditor,
	warnings,
} from './support';

test('findings are grouped by severity, counted at the top, and open to their reason', async ({ page }) => {
	await openEmpty(page);
	const now = nowSeconds();
	await pasteToken(page, signHs256('{"alg":"none"}', JSON.stringify({ sub: 'x', iat: now + 600 })));
	await expect(payloadEditor(page)).toContainText('"sub"');
	const codes = await findingCodes(page);
	expect(codes).toEqual(expect.arrayContaining(['alg-none', 'no-exp', 'iat-future']));
	// Errors come first, then warnings, then notes.
	// Each item's button starts with its severity, as read aloud.
	const severities = await warnings(page)
		.getByRole('listitem')
		.evaluateAll((items) =>
			items.map((item) => (item.querySelector('button')?.textContent ?? '').trim().split(/\s/)[0] ?? ''),
		);
	const order = { error: 0, warning: 1, info: 2 } as Record<string, number>;
	const ranks = severities.map((severity) => order[severity]);
	expect(ranks.every((rank) => rank !== undefined)).toBe(true);
	expect(ranks).toEqual([...ranks].sort());
	// The count is in the page header, and it leads to the list.
	const count = page.getByRole('banner').getByRole('link', { name: /error/ });
	await expect(count).toBeVisible();
	await expect(page.getByRole('region', { name: 'Findings' })).toContainText(
		(await count.textContent()) ?? '',
	);
	// Errors start open; a warning opens on demand.
	const none = warnings(page).locator('[data-code="alg-none"]');
	await expect(none.getByRole('button').first()).toHaveAttribute('aria-expanded', 'true');
	await expect(none.getByRole('link', { name: /RFC 8725/ })).toBeVisible();
	const noExp = warnings(page).locator('[data-code="no-exp"]');
	await expect(noExp.getByRole('link')).toBeHidden();
	await noExp.getByRole('button', { name: /No expiration time/ }).click();
	await expect(noExp.getByRole('link', { name: /RFC 7519/ })).toBeVisible();
});

test('Show highlights the claim a finding is about', async ({ page }) => {
	await openEmpty(page);
	await pasteToken(page, signHs256('{"alg":"HS256"}', `{"sub":"x","exp":${nowSeconds() - 60}}`));
	const expired = warnings(page).locator('[data-code="expired"]');
	await expired.getByRole('button', { name: 'Show "exp"' }).click();
	// Highlighting splits the mark where JSON tokens begin and end; together the pieces are the claim.
	const marked = (editor: typeof payloadEditor) => () =>
		editor(page)
			.locator('mark')
			.allTextContents()
			.then((texts) => texts.join(''));
	await expect.poll(marked(payloadEditor)).toMatch(/^"exp": -?\d+$/);
	// A finding about a token part marks that part of the encoded token.
	const [header, payload] = signHs256('{"alg":"HS256"}', '{"sub":"x"}').split('.');
	await pasteToken(page, `${header}.${payload}.`);
	await warnings(page)
		.locator('[data-code="empty-signature"]')
		.getByRole('button', { name: 'Show the signature' })
		.click();
	await expect(tokenEditor(page).locator('mark')).toHaveCount(0); // an empty signature has no characters to mark
	// {"sub":"x"} is 11 bytes: 15 base64url characters, so one '=' of padding is valid base64 but not canonical.
	await pasteToken(page, `${header}.${payload}=.c2ln`);
	const padded = warnings(page).locator('[data-code="non-canonical-base64url"]');
	await padded.getByRole('button').first().click();
	await padded.getByRole('button', { name: 'Show the payload' }).click();
	await expect.poll(marked(tokenEditor)).toBe(`${payload}=`);
});

test.describe('settings judge the token differently, for the page’s life', () => {
	test('clock skew tolerates a token that expired a moment ago', async ({ page }) => {
		await openEmpty(page);
		await pasteToken(page, signHs256('{"alg":"HS256"}', `{"sub":"x","exp":${nowSeconds() - 30}}`));
		await expect.poll(() => findingCodes(page)).toContain('expired');
		await page.getByText('Settings', { exact: true }).click();
		await page.getByRole('spinbutton', { name: 'Clock skew (seconds)' }).fill('120');
		await expect.poll(() => findingCodes(page)).not.toContain('expired');
	});

	test('evaluate at a past instant: a fresh token is not yet issued, then Now restores it', async ({
		page,
	}) => {
		await openEmpty(page);
		const now = nowSeconds();
		await pasteToken(
			page,
			signHs256('{"alg":"HS256"}', JSON.stringify({ sub: 'x', iat: now, nbf: now, exp: now + 3600 })),
		);
		await expect.poll(() => findingCodes(page)).toEqual([]);
		await page.getByText('Settings', { exact: true }).click();
		await page.getByLabel('Evaluate at').fill('2020-01-01T00:00:00');
		await expect
			.poll(() => findingCodes(page))
			.toEqual(expect.arrayContaining(['not-yet-valid', 'iat-future']));
		await expect(page.getByText(/^Not yet valid/)).toBeVisible();
		await page.getByRole('button', { name: 'Now', exact: true }).click();
		await expect.poll(() => findingCodes(page)).toEqual([]);
	});

	test('the lifetime threshold decides long-lifetime', async ({ page }) => {
		await openEmpty(page);
		const now = nowSeconds();
		await pasteToken(
			page,
			signHs256('{"alg":"HS256"}', JSON.stringify({ sub: 'x', iat: now, exp: now + 48 * 3600 })),
		);
		await expect.poll(() => findingCodes(page)).toContain('long-lifetime');
		await page.getByText('Settings', { exact: true }).click();
		await page.getByRole('spinbutton', { name: 'Lifetime threshold (hours)' }).fill('48');
		await expect.poll(() => findingCodes(page)).not.toContain('long-lifetime');
	});
});
