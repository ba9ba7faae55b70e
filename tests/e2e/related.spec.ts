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
const rfc9901 = JSON.parse(
	readFileSync(new URL('../vectors/rfc9901/section5_example.json', import.meta.url), 'utf8'),
) as { presentation: { sd_jwt_kb: string } };
/** RFC 9901 §5.2's presentation as a person holds it in two pieces: the SD-JWT (ending "~") and the KB-JWT. */
const presented = rfc9901.presentation.sd_jwt_kb;
const sdJwt = presented.slice(0, presented.lastIndexOf('~') + 1);
const kbJwt = presented.slice(presented.lastIndexOf('~') + 1);
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
	// Figure 8 has no typ: it is recognised from its cnf.jkt, and the missing at+jwt is a note, not a profile miss.
	await expect(page.getByText(/^Kind of token: DPoP-bound access token/)).toBeVisible();

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

test('an SD-JWT and its KB-JWT pasted apart: sd_hash and the cnf key hold; a changed pair raises its code', async ({
	page,
}) => {
	await openEmpty(page);
	await pasteToken(page, sdJwt);
	await relatedBox(page).fill(kbJwt);
	await expect(page.getByText(/^Kind of token: Key binding JWT/)).toBeVisible();
	await expect(bindings(page).locator('[data-binding="kb-sd-hash"]')).toContainText('Holds');
	await expect(bindings(page).locator('[data-binding="kb-signature"]')).toContainText('Holds');
	const codes = await findingCodes(page);
	for (const code of ['sd-hash-mismatch', 'kb-key-mismatch']) expect(codes).not.toContain(code);

	// A KB-JWT whose signature is not the holder's.
	const [h, p, sig] = kbJwt.split('.');
	await relatedBox(page).fill(`${h}.${p}.${sig!.startsWith('A') ? 'B' : 'A'}${sig!.slice(1)}`);
	await expect(bindings(page).locator('[data-binding="kb-signature"]')).toContainText('Does not hold');
	await expect.poll(() => findingCodes(page)).toContain('kb-key-mismatch');

	// The SD-JWT with one disclosure fewer than the KB-JWT covers, the KB-JWT now the main token.
	await page.getByRole('button', { name: 'Swap tokens' }).click();
	const fewer = `${sdJwt.split('~').slice(0, 2).join('~')}~`;
	await pasteToken(page, kbJwt);
	await relatedBox(page).fill(fewer);
	await expect(bindings(page).locator('[data-binding="kb-sd-hash"]')).toContainText('Does not hold');
	await expect.poll(() => findingCodes(page)).toContain('sd-hash-mismatch');
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
		{ iss: 'https://prod.example', sub: 'b', exp: now + 60 + 13 * 86400, scope: 'read' },
		'secret-secret-secret-secret-1234',
	);
	await openEmpty(page);
	await pasteToken(page, staging);
	await relatedBox(page).fill(prod);
	const rows = differences(page).locator('tr[data-path]');
	await expect(rows).toHaveCount(6);
	expect(
		await rows.evaluateAll((trs) =>
			trs.map((tr) => [tr.getAttribute('data-path'), tr.getAttribute('data-change')]),
		),
	).toEqual([
		['/header/kid', 'changed'],
		['/payload/iss', 'changed'],
		['/payload/sub', 'changed'],
		['/payload/exp', 'changed'],
		['/payload/email', 'removed'],
		['/payload/scope', 'added'],
	]);
	await expect(differences(page).locator('tr[data-path="/payload/exp"]')).toContainText('+13 days');
	// The kid and issuer changes come first, marked in words; the others are not marked.
	await expect(differences(page).locator('tr[data-path="/header/kid"]')).toContainText('check first');
	await expect(differences(page).locator('tr[data-path="/payload/iss"]')).toContainText('check first');
	await expect(differences(page).locator('tr[data-path="/payload/sub"]')).not.toContainText('check first');
	await expect(differences(page).locator('tr[data-path="/payload/scope"]')).toContainText('Added');
	await page.getByRole('button', { name: 'Copy differences' }).click();
	await expect.poll(() => clipboard(page)).toContain('removed /payload/email: "x@y"');
	const text = await clipboard(page);
	expect(text).toContain('/payload/exp');
	expect(text).toContain('+13 days');
	expect(text.indexOf('/payload/iss')).toBeLessThan(text.indexOf('/payload/sub'));

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

	// The Markdown report: redactions applied, and neither the signature nor the secret typed for it.
	await page.getByRole('button', { name: 'Copy analysis as Markdown' }).click();
	await expect.poll(() => clipboard(page)).toContain('# JWT analysis');
	const report = await clipboard(page);
	expect(report).toContain('Signature verified');
	expect(report).not.toContain('jane@example.com');
	for (const leak of [signature!, secret, b64url(secret), token]) expect(report).not.toContain(leak);

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

test('Share link: a still-valid token has its note before the click, and the link is copied at once', async ({
	page,
	baseURL,
}) => {
	const now = nowSeconds();
	const secret = 'secret-secret-secret-secret-1234';
	const shareLink = page.getByRole('button', { name: 'Share link' });
	const note = page.getByText(/^This token is still valid/);
	const live = signJws('HS256', {}, { sub: 'u', exp: now + 3600 }, secret);
	await openEmpty(page);
	await page.evaluate(() => navigator.clipboard.writeText('untouched'));
	await pasteToken(page, live);
	// Before any click: the note is there, and it is the button's description.
	await expect(note).toBeVisible();
	await expect(note).toContainText('working credential');
	await expect(note).toContainText('Share without signature, or redact');
	await expect(shareLink).toHaveAccessibleDescription(/still valid.*working credential/);
	expect(await clipboard(page)).toBe('untouched');
	// One click copies: no dialog, no alert, no group to confirm.
	await shareLink.click();
	await expect.poll(() => clipboard(page)).toBe(`${new URL('./', baseURL).href}#token=${live}`);
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(page.getByRole('dialog')).toHaveCount(0);
	await expect(page.getByText(/^Link copied/)).toContainText('still works');

	const noExp = signJws('HS256', {}, { sub: 'u' }, secret);
	await pasteToken(page, noExp);
	await expect(page.getByText(/^This token is still valid and has no "exp"/)).toBeVisible();

	for (const [name, token] of [
		['expired', signJws('HS256', {}, { sub: 'u', exp: now - 60 }, secret)],
		['unsigned', `${live.split('.').slice(0, 2).join('.')}.`],
		['alg none', `${b64url('{"alg":"none"}')}.${b64url(JSON.stringify({ sub: 'u', exp: now + 3600 }))}.`],
	] as const) {
		await pasteToken(page, token);
		await expect(payloadEditor(page), name).toContainText('"sub": "u"');
		await expect(page.getByText(/still valid|still fresh/), name).toHaveCount(0);
		await expect(shareLink, name).not.toHaveAccessibleDescription(/still valid/);
		await shareLink.click();
		await expect.poll(() => clipboard(page), name).toBe(`${new URL('./', baseURL).href}#token=${token}`);
	}
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
