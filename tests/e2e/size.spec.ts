// Big and deep input: a 1 MB token decodes and stays editable; 100 000 nested levels are explained, not a crash.
import { expect, test } from './fixtures';
import {
	findingCodes,
	nowSeconds,
	openEmpty,
	pasteToken,
	payloadEditor,
	signHs256,
	tokenEditor,
} from './support';

test('a 1 MB token decodes and stays editable', async ({ page }) => {
	await openEmpty(page);
	const filler = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`claim_${i}`, 'x'.repeat(1000)]));
	const token = signHs256(
		'{"alg":"HS256"}',
		JSON.stringify({ first: 'marker', exp: nowSeconds() + 600, ...filler }),
	);
	expect(token.length).toBeGreaterThan(1_000_000);
	await pasteToken(page, token);
	await expect(payloadEditor(page)).toContainText('"first": "marker"');
	await payloadEditor(page).fill('{"first":"edited"}');
	await expect(tokenEditor(page)).toContainText(
		`.${Buffer.from('{"first":"edited"}').toString('base64url')}.`,
	);
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
