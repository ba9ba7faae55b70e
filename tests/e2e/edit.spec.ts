// Editing the decoded header or payload re-encodes the token at once; invalid JSON is shown inline and nothing is lost.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
	b64url,
	freshToken,
	headerEditor,
	openEmpty,
	pasteOverToken,
	pasteToken,
	payloadEditor,
	tokenEditor,
	verdict,
} from './support';

test('editing the payload re-encodes the token and keeps the old signature', async ({ page }) => {
	await openEmpty(page);
	const token = freshToken();
	const [header, , signature] = token.split('.');
	await pasteToken(page, token);
	await expect(payloadEditor(page)).toContainText('Ada Lovelace');

	await payloadEditor(page).fill('{"sub":"user-42","admin":true}');
	await expect(tokenEditor(page)).toHaveText(
		`${header}.${b64url('{"sub":"user-42","admin":true}')}.${signature}`,
	);
	await expect(payloadEditor(page)).toContainText('"admin":true');
	await expect(verdict(page)).toContainText('Not verified');
});

test('editing the header by typing re-encodes the header part', async ({ page }) => {
	await openEmpty(page);
	const token = freshToken();
	const [, payload, signature] = token.split('.');
	await pasteToken(page, token);
	await headerEditor(page).fill('{"alg":"HS256","typ":"JWT"}');
	await headerEditor(page).press('End');
	// Typing inside the object: move before the closing brace and add a member.
	await headerEditor(page).press('ArrowLeft');
	await page.keyboard.type(',"kid":"k2"');
	await expect(tokenEditor(page)).toHaveText(
		`${b64url('{"alg":"HS256","typ":"JWT","kid":"k2"}')}.${payload}.${signature}`,
	);
});

test('invalid JSON in the payload is reported inline and the token waits for valid JSON', async ({
	page,
}) => {
	await openEmpty(page);
	const token = freshToken();
	await pasteToken(page, token);
	await payloadEditor(page).fill('{\n  "sub": "x",\n  "admin": tru\n}');
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('Payload is not valid JSON');
	await expect(alert).toContainText('line 3, column 12');
	// What the person typed stays, and the token is unchanged until the JSON is valid.
	await expect(payloadEditor(page)).toContainText('"admin": tru');
	await expect(tokenEditor(page)).toHaveText(token);

	await payloadEditor(page).fill('{"sub":"x","admin":true}');
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(tokenEditor(page)).toContainText(b64url('{"sub":"x","admin":true}'));
});

test('undo in the payload editor restores the token', async ({ page }) => {
	await openEmpty(page);
	const token = freshToken();
	await pasteToken(page, token);
	await payloadEditor(page).click();
	await page.keyboard.press('ControlOrMeta+End');
	await page.keyboard.press('ArrowLeft');
	await page.keyboard.type(',"x":1');
	await expect(tokenEditor(page)).not.toHaveText(token);
	for (let i = 0; i < 6 && (await tokenEditor(page).textContent()) !== token; i++) {
		await page.keyboard.press('ControlOrMeta+Z');
	}
	await expect(tokenEditor(page)).toHaveText(token);
});

test.describe('undo across a new token', () => {
	/** Types `text` at the end of the Payload editor's object, as a person adding a member does. */
	async function addToPayload(page: Page, text: string) {
		await payloadEditor(page).click();
		await page.keyboard.press('ControlOrMeta+End');
		await page.keyboard.press('ArrowLeft');
		await page.keyboard.type(text);
	}

	test('undo in the Payload editor after a paste never brings the previous token back', async ({ page }) => {
		await openEmpty(page);
		const first = freshToken({ name: 'First Person' });
		await pasteToken(page, first);
		await addToPayload(page, ',"x":1');
		await expect(tokenEditor(page)).not.toHaveText(first);
		const second = freshToken({ name: 'Second Person' });
		await pasteOverToken(page, second);
		await expect(payloadEditor(page)).toContainText('Second Person');

		// The new token reset the Payload editor's history: nothing of the first token comes back.
		await payloadEditor(page).click();
		for (let i = 0; i < 3; i++) await page.keyboard.press('ControlOrMeta+Z');
		await expect(payloadEditor(page)).toContainText('Second Person');
		await expect(payloadEditor(page)).not.toContainText('First Person');
		await expect(tokenEditor(page)).toHaveText(second);

		// Its own edits on the new token still undo, back to the token as pasted and no further.
		await addToPayload(page, ',"y":2');
		await expect(tokenEditor(page)).not.toHaveText(second);
		for (let i = 0; i < 3; i++) await page.keyboard.press('ControlOrMeta+Z');
		await expect(tokenEditor(page)).toHaveText(second);
		await expect(payloadEditor(page)).not.toContainText('First Person');
	});

	test('a new token whose payload reads the same as the edited one still starts a new history', async ({
		page,
	}) => {
		await openEmpty(page);
		// `exp` ends in 0, so typing 9 over its last digit always changes it.
		const first = freshToken({ name: 'First Person', exp: 4_000_000_000 });
		await pasteToken(page, first);
		// An edit that keeps the text as the page lays it out: the last digit of `exp`, on the line above `}`.
		await payloadEditor(page).click();
		await page.keyboard.press('ControlOrMeta+End');
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('End');
		await page.keyboard.press('Backspace');
		await page.keyboard.type('9');
		await expect(tokenEditor(page)).not.toHaveText(first);
		// The same header and payload with another signature: the Payload editor's text does not change.
		const edited = (await tokenEditor(page).textContent()) ?? '';
		const other = `${edited.slice(0, edited.lastIndexOf('.'))}.${'A'.repeat(43)}`;
		await pasteOverToken(page, other);
		await expect(tokenEditor(page)).toHaveText(other);
		await payloadEditor(page).click();
		for (let i = 0; i < 3; i++) await page.keyboard.press('ControlOrMeta+Z');
		// Undo has nothing of the earlier token's edit to take back: the token stays as pasted.
		await expect(tokenEditor(page)).toHaveText(other);
	});

	test('the paste is one step of the token editor: undo there brings the previous token back whole', async ({
		page,
	}) => {
		await openEmpty(page);
		const first = freshToken({ name: 'First Person' });
		await pasteToken(page, first);
		const second = freshToken({ name: 'Second Person' });
		await pasteOverToken(page, second);
		await expect(payloadEditor(page)).toContainText('Second Person');
		await page.keyboard.press('ControlOrMeta+Z');
		await expect(tokenEditor(page)).toHaveText(first);
		await expect(payloadEditor(page)).toContainText('First Person');
		// The Header and Payload editors show the first token as it is, with no history of the second.
		await payloadEditor(page).click();
		await page.keyboard.press('ControlOrMeta+Z');
		await expect(tokenEditor(page)).toHaveText(first);
		await tokenEditor(page).click();
		await page.keyboard.press('ControlOrMeta+Y');
		await expect(tokenEditor(page)).toHaveText(second);
	});
});
