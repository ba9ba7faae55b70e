// Issue 19 in the browser: negative and out-of-range time claims get their own words, never "milliseconds" or "in the
// future", and nothing on the page reads NaN, undefined or Invalid Date.
import { expect, test } from './fixtures';
import { b64url, findingCodes, openEmpty, pasteToken, payloadEditor, warnings } from './support';

const token = (payload: string) => `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(payload)}.c2lnbmF0dXJl`;

for (const [name, payload] of [
	["an nbf of -2^53 - 1 (the issue's case)", '{"sub":"a","nbf":-9007199254740993,"exp":4102444800}'],
	['an iat of -1, before 1970', '{"sub":"a","iat":-1,"exp":4102444800}'],
	['an exp of 2^63', '{"sub":"a","exp":9223372036854775808}'],
] as const)
	test(`${name} is named as no possible time`, async ({ page }) => {
		await openEmpty(page);
		await pasteToken(page, token(payload));
		await expect(payloadEditor(page)).toContainText('"sub"');
		await expect.poll(() => findingCodes(page)).toContain('invalid-time-claim');
		expect(await findingCodes(page)).not.toContain('time-in-milliseconds');
		const items = warnings(page)
			.getByRole('listitem')
			.filter({ hasText: /NumericDate/ });
		await expect(items.first()).toBeVisible();
		for (const text of await items.allInnerTexts()) expect(text).not.toMatch(/milliseconds|in the future/);
		const claims = page.getByRole('table', { name: 'Claims' });
		await expect(claims).toContainText('sub');
		expect(await claims.innerText()).not.toMatch(
			/NaN|undefined|Invalid Date|\[object Object\]|milliseconds|in the future/,
		);
	});
