// Pasting tokens the way people paste them, and seeing header, payload, claims and problems at once.
import { expect, test } from './fixtures';
import {
	b64url,
	findingCodes,
	freshToken,
	headerEditor,
	nowSeconds,
	openEmpty,
	pasteToken,
	payloadEditor,
	secretBox,
	RFC7519_TOKEN,
	signHs256,
	tokenEditor,
	verdict,
	warnings,
} from './support';

test('the first visit shows a marked example token that Clear removes', async ({ page }) => {
	await openEmpty(page);
	await expect(page.getByText('Example token.')).toBeVisible();
	await expect(tokenEditor(page)).toContainText('eyJ');
	await expect(payloadEditor(page)).toContainText('"name"');
	// The whole flow at first look: the example verified with its secret (verify.spec.ts says more).
	await expect(verdict(page)).toContainText('Signature verified');

	await page.getByRole('button', { name: 'Clear' }).click();
	// The empty editor shows only its placeholder; nothing is left to copy or clear.
	await expect(tokenEditor(page)).toHaveText(/^Paste a token/);
	await expect(page.getByRole('button', { name: 'Copy token' })).toBeDisabled();
	await expect(page.getByRole('button', { name: 'Clear' })).toBeDisabled();
	await expect(page.getByText('Example token.')).toBeHidden();
	await expect(tokenEditor(page)).toBeFocused();
	await expect(warnings(page).getByRole('listitem')).toHaveCount(0);
	await expect(page.getByRole('alert')).toHaveCount(0);
	// The example's secret went with it.
	await expect(secretBox(page)).toHaveValue('');
	await expect(verdict(page)).toContainText('Not verified');
});

test('the RFC 7519 example token decodes losslessly and is flagged as expired', async ({ page }) => {
	await openEmpty(page);
	await pasteToken(page, RFC7519_TOKEN);
	await expect(headerEditor(page)).toContainText('"typ": "JWT"');
	await expect(headerEditor(page)).toContainText('"alg": "HS256"');
	await expect(payloadEditor(page)).toContainText('"iss": "joe"');
	await expect(payloadEditor(page)).toContainText('"http://example.com/is_root": true');
	await expect(verdict(page)).toContainText('Not verified');
	expect(await findingCodes(page)).toContain('expired');
	await expect(page.getByRole('alert')).toHaveCount(0);
	// The signature pane shows the signature three ways.
	const signaturePane = page.getByRole('region', { name: 'Signature' });
	await expect(signaturePane.getByText(/32 bytes \(256 bits\)/)).toBeVisible();
	await expect(
		signaturePane.getByText('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', { exact: true }),
	).toBeVisible();
	await expect(signaturePane.getByText(/^74 18 df b4 97 99 e0 25/)).toBeVisible();
});

test('keys keep their order and big integers keep every digit', async ({ page }) => {
	await openEmpty(page);
	const payload = '{"zeta":1,"sub":12345678901234567890,"n":123456789012345678901234567890,"alpha":1.50}';
	await pasteToken(page, signHs256('{"alg":"HS256"}', payload));
	await expect(payloadEditor(page)).toContainText('"sub": 12345678901234567890');
	await expect(payloadEditor(page)).toContainText('"n": 123456789012345678901234567890');
	await expect(payloadEditor(page)).toContainText('"alpha": 1.50');
	const text = (await payloadEditor(page).textContent()) ?? '';
	expect(text.indexOf('zeta')).toBeLessThan(text.indexOf('alpha'));
});

test.describe('tokens pasted as people paste them', () => {
	const token = freshToken();
	const cases: [string, string][] = [
		['with surrounding whitespace and quotes', `\n  "${token}"  \n`],
		['after Bearer', `Bearer ${token}`],
		['as an Authorization header line', `Authorization: Bearer ${token}`],
		['in a cookie line', `Cookie: theme=dark; session=${token}; lang=en`],
		['in an OAuth redirect URL', `https://app.example/callback#state=xyz&id_token=${token}&expires_in=3600`],
		['in a query string', `https://app.example/reset?token=${token}`],
	];
	for (const [name, text] of cases) {
		test(name, async ({ page }) => {
			await openEmpty(page);
			await pasteToken(page, text);
			await expect(payloadEditor(page)).toContainText('"name": "Ada Lovelace"');
			await expect(page.getByRole('alert')).toHaveCount(0);
			// What the person pasted stays as they pasted it.
			await expect(tokenEditor(page)).toContainText(text.trim().replace(/^"|"$/g, '').slice(0, 20));
		});
	}

	test('with line breaks inside, flagged whitespace-in-token', async ({ page }) => {
		await openEmpty(page);
		await pasteToken(page, `${token.slice(0, 40)}\n${token.slice(40, 90)}\n${token.slice(90)}`);
		await expect(payloadEditor(page)).toContainText('"name": "Ada Lovelace"');
		expect(await findingCodes(page)).toContain('whitespace-in-token');
	});
});

test('a JSON response with several tokens lets the person pick one', async ({ page }) => {
	await openEmpty(page);
	const access = freshToken({ scope: 'read:all' });
	const id = freshToken({ email: 'ada@example.com' });
	await pasteToken(
		page,
		JSON.stringify({ access_token: access, token_type: 'Bearer', id_token: id }, null, 2),
	);
	const picker = page.getByRole('group', { name: /2 tokens found/ });
	await expect(picker).toBeVisible();
	await expect(payloadEditor(page)).toContainText('"scope": "read:all"');
	await picker.getByRole('radio', { name: /id_token/ }).check();
	await expect(payloadEditor(page)).toContainText('"email": "ada@example.com"');
});

test.describe('problems are named and what was typed stays', () => {
	test('bad base64url in the payload names the payload and the character', async ({ page }) => {
		await openEmpty(page);
		const [header, , signature] = freshToken().split('.');
		const bad = `${header}.eyJzdWIiOi$xIn0.${signature}`;
		await pasteToken(page, bad);
		const alert = page.getByRole('alert');
		await expect(alert).toContainText(/payload/i);
		await expect(alert).toContainText('$');
		await expect(headerEditor(page)).toContainText('"alg": "HS256"');
		await expect(tokenEditor(page)).toHaveText(bad);
	});

	test('a header that is not JSON names the header with line and column', async ({ page }) => {
		await openEmpty(page);
		await pasteToken(page, `${b64url('{"alg":"HS256",}')}.${b64url('{"sub":"x"}')}.c2ln`);
		await expect(page.getByRole('alert')).toContainText(/header/i);
		await expect(page.getByRole('alert')).toContainText(/line 1, column 16/);
		await expect(payloadEditor(page)).toContainText('"sub": "x"');
	});

	test('a token without its signature still shows header and payload', async ({ page }) => {
		await openEmpty(page);
		const [header, payload] = freshToken().split('.');
		await pasteToken(page, `${header}.${payload}`);
		await expect(page.getByRole('alert')).toContainText(/signature/i);
		await expect(payloadEditor(page)).toContainText('"name": "Ada Lovelace"');
	});

	test('an empty signature is decoded and flagged', async ({ page }) => {
		await openEmpty(page);
		const [header, payload] = freshToken().split('.');
		await pasteToken(page, `${header}.${payload}.`);
		await expect(payloadEditor(page)).toContainText('"name": "Ada Lovelace"');
		expect(await findingCodes(page)).toContain('empty-signature');
	});

	test('text with no token says so', async ({ page }) => {
		await openEmpty(page);
		await pasteToken(page, 'hello world');
		await expect(page.getByRole('alert')).toContainText(/token/i);
		await expect(tokenEditor(page)).toHaveText('hello world');
	});

	test('a payload that is not JSON is shown as text, and the alert says the token is no JWT', async ({
		page,
	}) => {
		await openEmpty(page);
		await pasteToken(page, signHs256('{"alg":"HS256"}', 'plain text, not JSON'));
		await expect(payloadEditor(page)).toContainText('plain text, not JSON');
		await expect(page.getByText('The payload is not JSON; it is shown as text')).toBeVisible();
		expect(await findingCodes(page)).toContain('payload-not-json');
		await expect(page.getByRole('alert')).toHaveCount(1);
		await expect(page.getByRole('alert')).toContainText(/cannot be decoded as a JWT/);
		await expect(page.getByRole('alert')).toContainText(/payload/i);
		await expect(headerEditor(page)).toContainText('"alg": "HS256"');
		// Still a signed text: it stays editable, and an edit is encoded as text.
		await payloadEditor(page).fill('other text');
		await expect(tokenEditor(page)).toContainText(b64url('other text'));
		await expect(page.getByRole('alert')).toContainText(/payload/i);
	});

	for (const [name, header, code] of [
		['a JSON array', '[{"alg":"HS256"}]', 'not-json-object'],
		['a JSON string', '"HS256"', 'not-json-object'],
	] as const) {
		test(`a header that is ${name} is shown, and the alert says the token is no JWT, naming the header`, async ({
			page,
		}) => {
			await openEmpty(page);
			await pasteToken(page, signHs256(header, '{"sub":"still shown"}'));
			await expect(page.getByRole('alert')).toHaveCount(1);
			await expect(page.getByRole('alert')).toContainText(/cannot be decoded as a JWT/);
			await expect(page.getByRole('alert')).toContainText(/header/i);
			await expect(headerEditor(page)).toContainText('HS256');
			await expect(payloadEditor(page)).toContainText('"sub": "still shown"');
			expect(await findingCodes(page)).toContain(code);
		});
	}

	test('duplicate keys and non-canonical base64url are decoded and flagged', async ({ page }) => {
		await openEmpty(page);
		const token = signHs256('{"alg":"HS256","alg":"none"}', '{"sub":"x","exp":1}');
		const [h, p, s] = token.split('.');
		await pasteToken(page, `${h}.${p}==.${s}`);
		await expect(headerEditor(page)).toContainText('"alg": "none"');
		const codes = await findingCodes(page);
		expect(codes).toEqual(expect.arrayContaining(['duplicate-key', 'non-canonical-base64url', 'alg-none']));
	});
});

test.describe('findings computed for now', () => {
	const now = nowSeconds();
	const cases: [string, string, string, string][] = [
		['alg none', '{"alg":"none"}', `{"exp":${now + 600}}`, 'alg-none'],
		['no exp', '{"alg":"HS256"}', '{"sub":"x"}', 'no-exp'],
		['expired', '{"alg":"HS256"}', `{"exp":${now - 600}}`, 'expired'],
		['not yet valid', '{"alg":"HS256"}', `{"nbf":${now + 600},"exp":${now + 1200}}`, 'not-yet-valid'],
		['issued in the future', '{"alg":"HS256"}', `{"iat":${now + 600},"exp":${now + 1200}}`, 'iat-future'],
		['time in milliseconds', '{"alg":"HS256"}', `{"exp":${(now + 600) * 1000}}`, 'time-in-milliseconds'],
		['not an object', '{"alg":"HS256"}', '[1,2,3]', 'not-json-object'],
		['unknown alg', '{"alg":"XYZ512"}', `{"exp":${now + 600}}`, 'alg-unknown'],
	];
	for (const [name, header, payload, code] of cases) {
		test(`${name} → ${code}`, async ({ page }) => {
			await openEmpty(page);
			await pasteToken(page, signHs256(header, payload));
			const item = warnings(page).locator(`[data-code="${code}"]`);
			await expect(item).toHaveCount(1);
			// Each item reads on its own: a title, an explanation and its reference, opened on demand.
			expect(((await item.textContent()) ?? '').length).toBeGreaterThan(40);
			const toggle = item.getByRole('button').first();
			if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
			await expect(toggle).toHaveAttribute('aria-expanded', 'true');
			await expect(item.getByRole('link')).toHaveAttribute('href', /^https:\/\//);
		});
	}

	test('a fresh, well-formed token has no warnings', async ({ page }) => {
		await openEmpty(page);
		await pasteToken(page, freshToken());
		await expect(payloadEditor(page)).toContainText('Ada Lovelace');
		expect(await findingCodes(page)).toEqual([]);
	});
});

test('a JWE is recognised: its header is decoded and its five parts labelled', async ({ page }) => {
	await openEmpty(page);
	const jwe = [
		b64url('{"alg":"RSA-OAEP","enc":"A256GCM","kid":"k1"}'),
		b64url(new Uint8Array(256).fill(7)),
		b64url(new Uint8Array(12).fill(1)),
		b64url(new Uint8Array(40).fill(2)),
		b64url(new Uint8Array(16).fill(3)),
	].join('.');
	await pasteToken(page, jwe);
	await expect(headerEditor(page)).toContainText('"enc": "A256GCM"');
	await expect(page.getByText('Encrypted payload (JWE)')).toBeVisible();
	// No empty Payload editor pretends there is something to read or edit.
	await expect(payloadEditor(page)).toBeHidden();
	for (const label of ['Encrypted key', 'Initialization vector', 'Ciphertext', 'Authentication tag']) {
		await expect(page.getByText(label, { exact: true }).first()).toBeVisible();
	}
	await expect(verdict(page)).toContainText('Not verified');
	await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the validity badge is no all-clear while the token has errors', async ({ page }) => {
	await openEmpty(page);
	const payloadPanel = page.getByRole('region', { name: 'Payload' });
	// A sound token without exp: the green badge, whose colour the others must not take.
	await pasteToken(page, signHs256('{"alg":"HS256"}', '{"sub":"x"}'));
	const allClear = payloadPanel.getByText('Valid, never expires (no exp claim)');
	await expect(allClear).toBeVisible();
	const green = await allClear.evaluate((badge) => getComputedStyle(badge).color);

	// The same payload under a header that is a JSON array: the token cannot be decoded as a JWT.
	await pasteToken(page, signHs256('[{"alg":"HS256"}]', '{"sub":"x"}'));
	await expect(page.getByRole('alert')).toContainText(/header/i);
	await expect(payloadPanel.getByText(/^Valid\b/)).toHaveCount(0);
	const neutral = payloadPanel.getByText('No exp claim', { exact: true });
	await expect(neutral).toBeVisible();
	expect(await neutral.evaluate((badge) => getComputedStyle(badge).color)).not.toBe(green);

	// An unsigned token that has not expired: an error finding (alg-none), so no "Valid" either.
	await pasteToken(page, `${b64url('{"alg":"none"}')}.${b64url(`{"exp":${nowSeconds() + 3600}}`)}.`);
	await expect(payloadPanel.getByText(/^Expires in (59 minutes|60 minutes|1 hour)$/)).toBeVisible();
	await expect(payloadPanel.getByText(/^Valid\b/)).toHaveCount(0);

	// A text payload: its only finding is a note, but the token is no JWT, so the count in the page header
	// is not green either.
	await pasteToken(page, signHs256('{"alg":"HS256"}', 'plain text, not JSON'));
	await expect(page.getByRole('alert')).toContainText(/payload/i);
	const count = page.getByRole('link', { name: '1 note' });
	await expect(count).toBeVisible();
	const ok = await page.evaluate(() => {
		const probe = document.body.appendChild(document.createElement('span'));
		probe.style.color = 'var(--ok)';
		const color = getComputedStyle(probe).color;
		probe.remove();
		return color;
	});
	expect(await count.evaluate((link) => getComputedStyle(link).color)).not.toBe(ok);
});

test('the claims table explains claims and shows times three ways, with a live status', async ({ page }) => {
	await openEmpty(page);
	const now = nowSeconds();
	await pasteToken(
		page,
		signHs256(
			'{"alg":"HS256","typ":"JWT","kid":"k1"}',
			JSON.stringify({
				iss: 'https://id.example',
				exp: now + 14 * 60 + 30,
				iat: now - 3 * 86400,
				roles: ['admin'],
			}),
		),
	);
	const claims = page.getByRole('table', { name: 'Claims' });
	const expRow = claims.getByRole('row', { name: /^exp\b/ });
	await expect(expRow).toContainText('in 14 minutes');
	await expect(expRow).toContainText(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/);
	await expect(claims.getByRole('row', { name: /^iat\b/ })).toContainText('3 days ago');
	await expect(page.getByText('Valid, expires in 14 minutes')).toBeVisible();

	// Explanations open without hovering.
	await expRow.getByText('Expiration time').click();
	await expect(expRow.getByRole('link', { name: /RFC 7519/ })).toBeVisible();

	const header = page.getByRole('table', { name: 'Header parameters' });
	await header
		.getByRole('row', { name: /^kid\b/ })
		.getByText('Key ID')
		.click();
	await expect(
		header.getByRole('row', { name: /^kid\b/ }).getByRole('link', { name: /RFC 7515/ }),
	).toBeVisible();
});

test('the parts are named in a legend the token editor points to, not told by colour alone', async ({
	page,
}) => {
	await openEmpty(page);
	const token = freshToken();
	const [header, payload, signature] = token.split('.') as [string, string, string];
	await pasteToken(page, token);
	await expect(tokenEditor(page)).toHaveAccessibleDescription(
		new RegExp(
			`Header \\(${header.length} characters\\).*Payload \\(${payload.length} characters\\).*Signature \\(${signature.length} characters\\)`,
		),
	);
});

test('a payload that is not UTF-8 is shown as hex, read-only, flagged, and the alert names the payload', async ({
	page,
}) => {
	await openEmpty(page);
	const header = b64url('{"alg":"HS256"}');
	await pasteToken(page, `${header}.${b64url(new Uint8Array([0x7b, 0xff, 0x7d]))}.c2ln`);
	await expect(payloadEditor(page)).toContainText('7b ff 7d');
	await expect(page.getByText(/not UTF-8 text, so its 3 bytes are shown as hex/)).toBeVisible();
	await expect(payloadEditor(page)).toHaveAttribute('aria-readonly', 'true');
	expect(await findingCodes(page)).toContain('invalid-utf8');
	// Bytes that are not text are not JSON either: this JWS is no JWT (ui-contract.md, Errors).
	await expect(page.getByRole('alert')).toContainText(/cannot be decoded as a JWT/);
	await expect(page.getByRole('alert')).toContainText(/payload/i);
});

test('a refresh_token field in a token response is found too', async ({ page }) => {
	await openEmpty(page);
	const refresh = freshToken({ typ: 'refresh' });
	await pasteToken(page, JSON.stringify({ token_type: 'Bearer', refresh_token: refresh }));
	await expect(payloadEditor(page)).toContainText('"typ": "refresh"');
});

test('the validity status is live: it turns to expired when the time comes', async ({ page }) => {
	await page.clock.install();
	await openEmpty(page);
	const now = Math.floor((await page.evaluate(() => Date.now())) / 1000);
	await pasteToken(page, signHs256('{"alg":"HS256"}', JSON.stringify({ sub: 'x', iat: now, exp: now + 90 })));
	await expect(page.getByText('Valid, expires in 1 minute')).toBeVisible();
	await page.clock.fastForward('02:00');
	await expect(page.getByText(/^Expired/)).toBeVisible();
	expect(await findingCodes(page)).toContain('expired');
});

test('a payload with hundreds of claims lists the first hundred, and the rest on request', async ({
	page,
}) => {
	await openEmpty(page);
	const claims = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`claim_${i}`, i]));
	await pasteToken(
		page,
		signHs256('{"alg":"HS256"}', JSON.stringify({ exp: nowSeconds() + 600, ...claims })),
	);
	const table = page.getByRole('table', { name: 'Claims' });
	await expect(table.getByRole('row')).toHaveCount(101); // the header row and 100 members
	await expect(page.getByText('Showing 100 of 251 members.')).toBeVisible();
	await page.getByRole('button', { name: 'Show 151 more' }).click();
	await expect(table.getByRole('row')).toHaveCount(252);
});
