// Token profiles and related tokens (issue 18): DPoP proofs verified with their own key, bindings and differences
// with a second token, and sharing that never hands over a signature or a key.
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import {
	b64url,
	findingCodes,
	nowSeconds,
	openEmpty,
	pasteToken,
	payloadEditor,
	secretBox,
	signJws,
	tokenEditor,
	verdict,
} from './support';

const rfc9449 = JSON.parse(
	readFileSync(new URL('../vectors/rfc9449/dpop_examples.json', import.meta.url), 'utf8'),
) as {
	proofs: { jwt: string }[];
	access_token: { access_token: string };
	jwt_access_token_with_jkt: { jwt: string };
};
const proof2 = rfc9449.proofs[0]!.jwt;
const proof13 = rfc9449.proofs[2]!.jwt;
const opaqueAccessToken = rfc9449.access_token.access_token;

const relatedBox = (page: import('@playwright/test').Page) =>
	page.getByRole('textbox', { name: 'Related token' });
const differences = (page: import('@playwright/test').Page) =>
	page.getByRole('table', { name: 'Differences' });
const bindings = (page: import('@playwright/test').Page) => page.getByRole('list', { name: 'Bindings' });
const clipboard = (page: import('@playwright/test').Page) =>
	page.evaluate(() => navigator.clipboard.readText());

test.beforeEach(async ({ context, baseURL }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
});

test('an RFC 9449 proof verifies with its own key, raises no generic findings, and is said to be old', async ({
	page,
}) => {
	await page.goto(`./#token=${proof13}`);
	await expect(verdict(page)).toContainText('Signature verified');
	await expect(verdict(page)).toContainText(/proof's own public key/);
	await expect(verdict(page)).toContainText(/possession, not identity/);
	await expect(page.getByText(/^Kind of token: DPoP proof/)).toBeVisible();
	await expect.poll(() => findingCodes(page)).toContain('dpop-iat-window');
	const codes = await findingCodes(page);
	for (const code of ['no-exp', 'embedded-jwk', 'missing-iss', 'missing-aud', 'missing-sub', 'typ-generic'])
		expect(codes).not.toContain(code);
	await expect(page.getByRole('list', { name: 'Warnings' })).toContainText(/years ago/);
});

test('the proof and its opaque access token: ath holds; another token breaks it', async ({ page }) => {
	await page.goto(`./#token=${proof13}`);
	await relatedBox(page).fill(opaqueAccessToken);
	await expect(bindings(page).locator('[data-binding="dpop-ath"]')).toContainText('Holds');
	expect(await findingCodes(page)).not.toContain('dpop-ath-mismatch');

	await relatedBox(page).fill(`${opaqueAccessToken}x`);
	await expect(bindings(page).locator('[data-binding="dpop-ath"]')).toContainText('Does not hold');
	await expect.poll(() => findingCodes(page)).toContain('dpop-ath-mismatch');
});

test('the proof and a JWT access token: cnf.jkt holds, or raises dpop-jkt-mismatch', async ({ page }) => {
	await page.goto(`./#token=${proof2}`);
	await relatedBox(page).fill(rfc9449.jwt_access_token_with_jkt.jwt);
	await expect(bindings(page).locator('[data-binding="dpop-jkt"]')).toContainText('Holds');

	const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	const now = nowSeconds();
	const accessToken = signJws(
		'ES256',
		{ typ: 'at+jwt' },
		{
			iss: 'https://as.example',
			sub: 'u',
			aud: 'api',
			client_id: 'c',
			jti: 'j',
			iat: now,
			exp: now + 60,
			cnf: { jkt: 'not-the-thumbprint' },
		},
		other.privateKey,
	);
	await relatedBox(page).fill(accessToken);
	await expect.poll(() => findingCodes(page)).toContain('dpop-jkt-mismatch');
});

function idAndAccessToken(key: KeyObject, atHashOf?: string) {
	const now = nowSeconds();
	const accessToken = signJws(
		'RS256',
		{ typ: 'at+jwt' },
		{
			iss: 'https://op.example',
			sub: 'u1',
			aud: 'api',
			client_id: 'web',
			jti: 'a',
			iat: now,
			exp: now + 600,
		},
		key,
	);
	const digest = createHash('sha256')
		.update(atHashOf ?? accessToken)
		.digest();
	const idToken = signJws(
		'RS256',
		{},
		{
			iss: 'https://op.example',
			sub: 'u1',
			aud: 'web',
			nonce: 'n',
			iat: now,
			exp: now + 600,
			at_hash: b64url(digest.subarray(0, 16)),
		},
		key,
	);
	return { accessToken, idToken };
}

test('an ID token and its access token: at_hash holds, or raises at-hash-mismatch', async ({ page }) => {
	const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const good = idAndAccessToken(privateKey);
	await openEmpty(page);
	await pasteToken(page, good.idToken);
	await expect(page.getByText(/^Kind of token: OpenID Connect ID token/)).toBeVisible();
	await relatedBox(page).fill(good.accessToken);
	await expect(bindings(page).locator('[data-binding="at-hash"]')).toContainText('Holds');
	await expect(page.getByText(/^Kind of token: OAuth access token \(RFC 9068\)/)).toBeVisible();

	const bad = idAndAccessToken(privateKey, 'some other access token');
	await pasteToken(page, bad.idToken);
	await relatedBox(page).fill(bad.accessToken);
	await expect.poll(() => findingCodes(page)).toContain('at-hash-mismatch');
});

test('Differences: one row per difference, with path, change, time delta and alg/kid/iss first; copied as text', async ({
	page,
}) => {
	const now = nowSeconds();
	const staging = signJws(
		'HS256',
		{ kid: 'k1' },
		{ iss: 'https://staging.example', sub: 'a', exp: now + 60, email: 'x@y' },
		'secret-secret-secret-secret-1234',
	);
	const prod = signJws(
		'HS256',
		{ kid: 'k2' },
		{ iss: 'https://staging.example', sub: 'b', exp: now + 60 + 13 * 86400, scope: 'read' },
		'secret-secret-secret-secret-1234',
	);
	await openEmpty(page);
	await pasteToken(page, staging);
	await relatedBox(page).fill(prod);
	const rows = differences(page).locator('tr[data-path]');
	await expect(rows).toHaveCount(5);
	expect(
		await rows.evaluateAll((trs) =>
			trs.map((tr) => [tr.getAttribute('data-path'), tr.getAttribute('data-change')]),
		),
	).toEqual([
		['/header/kid', 'changed'],
		['/payload/sub', 'changed'],
		['/payload/exp', 'changed'],
		['/payload/email', 'removed'],
		['/payload/scope', 'added'],
	]);
	await expect(differences(page).locator('tr[data-path="/payload/exp"]')).toContainText('+13 days');
	await expect(differences(page).locator('tr[data-path="/payload/scope"]')).toContainText('Added');
	await page.getByRole('button', { name: 'Copy differences' }).click();
	await expect.poll(() => clipboard(page)).toContain('removed /payload/email: "x@y"');

	await relatedBox(page).fill(staging);
	await expect(differences(page).locator('tr[data-path]')).toHaveCount(0);
	await expect(differences(page)).toContainText('same header and payload');
});

test('a text with several tokens lets the person pick the related one; Swap tokens shows it above', async ({
	page,
}) => {
	const first = signJws(
		'HS256',
		{},
		{ sub: 'first', exp: nowSeconds() + 60 },
		'secret-secret-secret-secret-1234',
	);
	const second = signJws(
		'HS256',
		{},
		{ sub: 'second', exp: nowSeconds() + 60 },
		'secret-secret-secret-secret-1234',
	);
	await page.goto(`./#token=${proof2}`);
	await relatedBox(page).fill(`{"id_token":"${first}","access_token":"${second}"}`);
	const picker = page.getByRole('group', { name: /2 tokens found in the text. Compare with/ });
	await expect(picker).toBeVisible();
	await picker.getByRole('radio').nth(1).check();
	await expect(differences(page).locator('tr[data-path="/payload/sub"]')).toContainText('"second"');

	await page.getByRole('button', { name: 'Swap tokens' }).click();
	await expect(payloadEditor(page)).toContainText('"sub": "second"');
	await expect(relatedBox(page)).toHaveValue(proof2);
});

test('Share without signature copies #token=<header>.<payload>. with redactions, and never the signature or key', async ({
	page,
	context,
	baseURL,
}) => {
	const secret = 'a-share-test-secret-of-32-bytes!';
	const now = nowSeconds();
	const token = signJws(
		'HS256',
		{ typ: 'JWT' },
		{ sub: 'u1', email: 'jane@example.com', exp: now + 3600 },
		secret,
	);
	const [header, payload, signature] = token.split('.');
	await openEmpty(page);
	await pasteToken(page, token);
	await secretBox(page).fill(secret);
	await expect(verdict(page)).toContainText('Signature verified');

	await page.getByRole('button', { name: 'Share without signature' }).click();
	await expect(page.getByText(/^Link without signature copied/)).toContainText('cannot be verified');
	const plain = await clipboard(page);
	expect(plain).toBe(`${new URL('./', baseURL).href}#token=${header}.${payload}.`);

	await page.getByText(/Redact before sharing/).click();
	await page.getByRole('checkbox', { name: 'Redact email' }).check();
	await page.getByRole('button', { name: 'Share without signature' }).click();
	await expect.poll(() => clipboard(page)).not.toBe(plain);
	const redacted = await clipboard(page);
	for (const link of [plain, redacted]) {
		expect(link).not.toContain(signature!);
		expect(link).not.toContain(secret);
		expect(link).not.toContain(b64url(secret));
	}
	expect(redacted).not.toContain(payload!);

	const other = await context.newPage();
	await other.goto(redacted);
	await expect(payloadEditor(other)).toContainText('"email": "[redacted]"');
	await expect(verdict(other)).not.toContainText('Signature verified');
});

test('a DPoP proof whose jwk leaks its private key is shared with that key redacted', async ({ page }) => {
	const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	const jwk = privateKey.export({ format: 'jwk' });
	const proof = signJws(
		'ES256',
		{ typ: 'dpop+jwt', jwk },
		{ htm: 'GET', htu: 'https://rs.example', jti: 'j', iat: nowSeconds() },
		privateKey,
	);
	await openEmpty(page);
	await pasteToken(page, proof);
	await expect.poll(() => findingCodes(page)).toContain('dpop-private-key');
	await page.getByRole('button', { name: 'Share without signature' }).click();
	await expect(page.getByText(/^Link without signature copied/)).toContainText('cannot be verified');
	const link = await clipboard(page);
	expect(link).not.toContain(proof.split('.')[2]!);
	const sharedHeader = JSON.parse(
		Buffer.from(link.split('#token=')[1]!.split('.')[0]!, 'base64url').toString(),
	);
	expect(sharedHeader.jwk.d).toBe('[redacted]');
	expect(link).not.toContain(jwk.d!);
});

test('Share link on a still-valid token copies it and says so in the page, without an alert', async ({
	page,
	baseURL,
}) => {
	const now = nowSeconds();
	const live = signJws('HS256', {}, { sub: 'u', exp: now + 3600 }, 'secret-secret-secret-secret-1234');
	await openEmpty(page);
	await page.evaluate(() => navigator.clipboard.writeText('untouched'));
	await pasteToken(page, live);
	await page.getByRole('button', { name: 'Share link' }).click();
	await expect.poll(() => clipboard(page)).toBe(`${new URL('./', baseURL).href}#token=${live}`);
	const warning = page.getByRole('group', { name: 'The link holds a working token' });
	await expect(warning).toContainText('still valid');
	await expect(warning).toContainText('credential');
	await expect(page.getByRole('alert')).toHaveCount(0);
	await warning.getByRole('button', { name: 'Copy the link without signature instead' }).click();
	await expect.poll(() => clipboard(page)).toMatch(/#token=[\w-]+\.[\w-]+\.$/);
	await expect(warning).toBeHidden();

	const expired = signJws('HS256', {}, { sub: 'u', exp: now - 60 }, 'secret-secret-secret-secret-1234');
	await pasteToken(page, expired);
	await page.getByRole('button', { name: 'Share link' }).click();
	await expect.poll(() => clipboard(page)).toBe(`${new URL('./', baseURL).href}#token=${expired}`);
	await expect(page.getByRole('group', { name: 'The link holds a working token' })).toHaveCount(0);
});

test('Copy analysis as Markdown: profile, verdict, findings with links, redactions applied, no signature', async ({
	page,
}) => {
	await page.goto(`./#token=${proof13}`);
	await expect(verdict(page)).toContainText('Signature verified');
	await page.getByText(/Redact before sharing/).click();
	await page.getByRole('checkbox', { name: 'Redact htu' }).check();
	await page.getByRole('button', { name: 'Copy analysis as Markdown' }).click();
	await expect.poll(() => clipboard(page)).toContain('# JWT analysis');
	const report = await clipboard(page);
	expect(report).toContain('Profile: DPoP proof');
	expect(report).toContain('**Signature verified.**');
	expect(report).toContain('`dpop-iat-window`');
	expect(report).toContain('https://www.rfc-editor.org/rfc/rfc9449');
	expect(report).toContain('"htu": "[redacted]"');
	expect(report).not.toContain('resource.example.org/protectedresource');
	expect(report).not.toContain(proof13.split('.')[2]!);
	await expect(tokenEditor(page)).toBeVisible();
});
