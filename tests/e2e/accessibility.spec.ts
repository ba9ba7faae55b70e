// Accessibility and layout: axe finds nothing in light or dark, empty or loaded; keyboard works; 375 px fits; the theme toggles.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
	b64url,
	freshToken,
	nowSeconds,
	headerEditor,
	openEmpty,
	pasteToken,
	payloadEditor,
	tokenEditor,
	verdict,
} from './support';

async function expectNoAxeViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
	);
	expect(summary).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
	test.describe(`${scheme} scheme`, () => {
		test.use({ colorScheme: scheme, serviceWorkers: 'block' });

		test('axe finds no violations on the empty page', async ({ page }) => {
			await openEmpty(page);
			await page.getByRole('button', { name: 'Clear' }).click();
			await expect(page.getByRole('button', { name: 'Clear' })).toBeDisabled();
			await expect(tokenEditor(page)).toHaveText(/^Paste a token/);
			await expectNoAxeViolations(page);
		});

		test('axe finds no violations before the editors have loaded, their text shown read-only', async ({
			page,
		}) => {
			// The editors' code never arrives; a service worker would fetch it out of Playwright's sight.
			await page.context().route('**/assets/editor-*.js', (route) => route.abort());
			await page.goto(`./#token=${freshToken({ name: 'Read-only for now' })}`, { waitUntil: 'load' });
			await expect(page.getByRole('group', { name: 'Payload', exact: true })).toContainText(
				'Read-only for now',
			);
			await expectNoAxeViolations(page);
		});

		test('axe finds no violations with a token, its claims opened and an error shown', async ({ page }) => {
			await openEmpty(page);
			await pasteToken(page, freshToken({ roles: ['admin'], exp: 1 }));
			await expect(payloadEditor(page)).toContainText('Ada Lovelace');
			await page.getByRole('table', { name: 'Claims' }).getByText('Expiration time').click();
			await expectNoAxeViolations(page);
			await payloadEditor(page).fill('{"broken": }');
			await expect(page.getByRole('alert')).toBeVisible();
			await expectNoAxeViolations(page);
		});
	});
}

test('the theme follows the system and the toggle overrides it', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await openEmpty(page);
	const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	const dark = await background();
	const theme = page.getByRole('combobox', { name: 'Theme' });
	await theme.selectOption('light');
	await expect.poll(background).not.toBe(dark);
	const light = await background();
	await theme.selectOption('dark');
	await expect.poll(background).toBe(dark);
	// The choice survives a reload; System goes back to following the system.
	await page.reload();
	await expect(theme).toHaveValue('dark');
	await theme.selectOption('system');
	await page.emulateMedia({ colorScheme: 'light' });
	await expect.poll(background).toBe(light);
});

test('at 375 px wide nothing scrolls sideways and every pane is reachable', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 740 });
	await openEmpty(page);
	await pasteToken(page, freshToken({ scope: 'openid profile email offline_access read:everything' }));
	await expect(payloadEditor(page)).toContainText('Ada Lovelace');
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
	);
	expect(overflow).toBeLessThanOrEqual(0);
	for (const box of [tokenEditor(page), headerEditor(page), payloadEditor(page)]) {
		await box.scrollIntoViewIfNeeded();
		await expect(box).toBeInViewport();
	}
	await expect(page.getByRole('list', { name: 'Warnings' })).toBeAttached();
});

test('the keyboard reaches every control in order, with a visible focus', async ({ page }) => {
	await openEmpty(page);
	await expect(payloadEditor(page)).toContainText('"name"');
	const reached: string[] = [];
	for (let i = 0; i < 40; i++) {
		await page.keyboard.press('Tab');
		const name = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			if (!el || el === document.body) return '';
			// The ring may be drawn by the control or by a wrapper a few levels up (an editor's frame).
			let ring = 'none';
			for (
				let node: HTMLElement | null = el, depth = 0;
				node && depth < 4;
				node = node.parentElement, depth++
			) {
				const style = getComputedStyle(node);
				if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) {
					ring = style.outlineStyle;
					break;
				}
			}
			return `${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? ''}|${ring}`;
		});
		reached.push(name);
	}
	const names = reached.map((entry) => entry.split('|')[0]);
	for (const expected of ['Copy token', 'Share link', 'Clear', 'Encoded token', 'Header', 'Payload']) {
		expect(names).toContain(expected);
	}
	// Every focused control shows an outline (no `outline: none` without a replacement).
	expect(reached.filter((entry) => entry && entry.endsWith('|none'))).toEqual([]);
	// Tab moves on from an editor instead of being captured (no keyboard trap).
	await tokenEditor(page).focus();
	await page.keyboard.press('Tab');
	await expect(tokenEditor(page)).not.toBeFocused();
});

test('the verdict explains an unsigned token instead of offering to verify it', async ({ page }) => {
	await openEmpty(page);
	const unsigned = `${b64url('{"alg":"none"}')}.${b64url(`{"sub":"x","exp":${nowSeconds() + 600}}`)}.`;
	await pasteToken(page, unsigned);
	await expect(verdict(page)).toContainText('Not verified');
	await expect(verdict(page)).toContainText('unsigned');
	await pasteToken(page, freshToken());
	await expect(verdict(page)).not.toContainText('unsigned');
});
