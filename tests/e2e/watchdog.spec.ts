// Controls for the watchdog in fixtures.ts: each test breaks one privacy rule on purpose and is marked as failing,
// so the suite goes red if the watchdog ever stops catching that rule.
import { expect, test } from './fixtures';
import { openEmpty } from './support';

test('control: a token put in Cache Storage fails the test', async ({ page }) => {
	test.fail();
	await openEmpty(page);
	await page.evaluate(async () => {
		await (await caches.open('planted')).put('./planted', new Response('eyJhbGciOiJIUzI1NiJ9'));
	});
	expect(await page.evaluate(() => caches.has('planted'))).toBe(true);
});

test('control: an app file cached with other bytes fails the test', async ({ page }) => {
	test.fail();
	await openEmpty(page);
	await page.evaluate(async () => {
		await (
			await caches.open('planted')
		).put('./index.html?__WB_REVISION__=0', new Response('<p>changed</p>'));
	});
	expect(await page.evaluate(() => caches.has('planted'))).toBe(true);
});

test('control: token text in localStorage fails the test', async ({ page }) => {
	test.fail();
	await openEmpty(page);
	await page.evaluate(() => localStorage.setItem('planted', 'eyJhbGciOiJIUzI1NiJ9'));
	expect(await page.evaluate(() => localStorage.getItem('planted'))).not.toBeNull();
});

test('control: a request to another origin fails the test', async ({ page }) => {
	test.fail();
	await openEmpty(page);
	await page.evaluate(() => {
		const image = document.createElement('img');
		image.src = 'http://192.0.2.1/planted.png';
		document.body.append(image);
	});
	await page.waitForTimeout(200);
});

test('control: token text written to sessionStorage and removed again fails the test', async ({ page }) => {
	test.fail();
	await openEmpty(page);
	await page.evaluate(() => {
		sessionStorage.setItem('planted', 'eyJhbGciOiJIUzI1NiJ9');
		sessionStorage.removeItem('planted');
	});
	expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
});
