// Shared helpers for the browser tests: build tokens the way a server would, and drive the page by role and name.
import { constants, createHash, createHmac, createPublicKey, KeyObject, sign } from 'node:crypto';
import { expect, type Page } from '@playwright/test';

/** base64url of UTF-8 text or bytes, without padding (RFC 7515 §2). */
export function b64url(data: string | Uint8Array): string {
	return Buffer.from(data).toString('base64url');
}

/** A compact HS256 JWS over the header and payload text exactly as given. */
export function signHs256(
	headerJson: string,
	payloadJson: string,
	secret = 'a-test-secret-that-is-32-bytes!!',
): string {
	const input = `${b64url(headerJson)}.${b64url(payloadJson)}`;
	return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/** Seconds since the epoch, now. */
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** RFC 7519 §3.1: the example JWT (HS256, header with CRLF, exp in 2011). */
export const RFC7519_TOKEN =
	'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

/** A valid HS256 token that expires in an hour. */
export function freshToken(claims: Record<string, unknown> = {}): string {
	const now = nowSeconds();
	return signHs256(
		'{"alg":"HS256","typ":"JWT"}',
		JSON.stringify({ sub: 'user-42', name: 'Ada Lovelace', iat: now, exp: now + 3600, ...claims }),
	);
}

export const tokenEditor = (page: Page) => page.getByRole('textbox', { name: 'Encoded token' });
export const headerEditor = (page: Page) => page.getByRole('textbox', { name: 'Header', exact: true });
export const payloadEditor = (page: Page) => page.getByRole('textbox', { name: 'Payload', exact: true });
export const verdict = (page: Page) => page.getByRole('status', { name: 'Signature' });
export const warnings = (page: Page) => page.getByRole('list', { name: 'Warnings' });

/** Opens the page with no token (the example token loads on an empty first visit). */
export async function openEmpty(page: Page): Promise<void> {
	await page.goto('./');
	await expect(tokenEditor(page)).toBeVisible();
}

/** Replaces the token editor's text, as a paste would. */
export async function pasteToken(page: Page, text: string): Promise<void> {
	await tokenEditor(page).fill(text);
}

/** The codes of the findings listed, in order. */
export async function findingCodes(page: Page): Promise<string[]> {
	return warnings(page)
		.getByRole('listitem')
		.evaluateAll((items) => items.map((item) => item.getAttribute('data-code') ?? ''));
}

export const secretBox = (page: Page) => page.getByRole('textbox', { name: 'Secret or key' });
export const base64Box = (page: Page) => page.getByRole('checkbox', { name: 'Secret is base64url encoded' });

/** A compact JWS signed by node:crypto, the way a server would: any alg this page verifies. */
export function signJws(
	alg: string,
	header: object,
	payload: object,
	key: KeyObject | Uint8Array | string,
): string {
	const input = `${b64url(JSON.stringify({ alg, ...header }))}.${b64url(JSON.stringify(payload))}`;
	const hash = `sha${alg.slice(2)}`;
	let signature: Buffer;
	if (alg.startsWith('HS'))
		signature = createHmac(hash, key as Uint8Array | string)
			.update(input)
			.digest();
	else if (alg.startsWith('RS')) signature = sign(hash, Buffer.from(input), key as KeyObject);
	else if (alg.startsWith('PS'))
		signature = sign(hash, Buffer.from(input), {
			key: key as KeyObject,
			padding: constants.RSA_PKCS1_PSS_PADDING,
			saltLength: Number(alg.slice(2)) / 8,
		});
	else if (alg.startsWith('ES'))
		signature = sign(hash, Buffer.from(input), { key: key as KeyObject, dsaEncoding: 'ieee-p1363' });
	else signature = sign(null, Buffer.from(input), key as KeyObject);
	return `${input}.${b64url(signature)}`;
}

/**
 * Starts recording the page's long tasks (main-thread work over 50 ms); the returned function gives the
 * longest so far, in milliseconds. A page answers input only between tasks, so this is how long it could not.
 */
export async function watchLongTasks(page: Page): Promise<() => Promise<number>> {
	await page.evaluate(() => {
		const durations: number[] = [];
		(window as unknown as { __longTasks: number[] }).__longTasks = durations;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) durations.push(entry.duration);
		}).observe({ type: 'longtask' });
	});
	return () =>
		page.evaluate(() => Math.max(0, ...(window as unknown as { __longTasks: number[] }).__longTasks));
}

/**
 * Pastes `text` over the token editor's content as a person does (select all, then a paste event carrying
 * the text). The text reaches the page first, so copying it from the test is not part of the paste.
 */
export async function pasteOverToken(page: Page, text: string): Promise<void> {
	await page.evaluate((pasted) => ((window as unknown as { __pasted: string }).__pasted = pasted), text);
	await tokenEditor(page).click();
	await page.keyboard.press('ControlOrMeta+A');
	await tokenEditor(page).evaluate((editor) => {
		const data = new DataTransfer();
		data.setData('text/plain', (window as unknown as { __pasted: string }).__pasted);
		editor.dispatchEvent(
			new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
		);
	});
}

/** Members of each key type's RFC 7638 thumbprint, sorted (RFC 7638 §3.2; RFC 9964 §4 for AKP). */
const THUMBPRINT_MEMBERS: Record<string, string[]> = {
	RSA: ['e', 'kty', 'n'],
	EC: ['crv', 'kty', 'x', 'y'],
	OKP: ['crv', 'kty', 'x'],
	AKP: ['alg', 'kty', 'pub'],
};

/**
 * The RFC 7638 thumbprint of a key (a node:crypto key, its private half, or a JWK), computed here with node:crypto,
 * and the first 10 characters and an ellipsis the verdict shows of it.
 */
export function thumbprintOf(key: KeyObject | Record<string, unknown>): { full: string; short: string } {
	const jwk = (
		key instanceof KeyObject
			? (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'jwk' })
			: key
	) as Record<string, unknown>;
	const members = THUMBPRINT_MEMBERS[String(jwk.kty)] ?? [];
	const input = `{${members.map((m) => `${JSON.stringify(m)}:${JSON.stringify(jwk[m])}`).join(',')}}`;
	const full = createHash('sha256').update(input).digest('base64url');
	return { full, short: `${full.slice(0, 10)}…` };
}
