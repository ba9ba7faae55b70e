// SD-JWT (RFC 9901) in the browser: decoding, findings and their near misses, key binding, and building presentations.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
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

const rfc = JSON.parse(readFileSync('tests/vectors/rfc9901/section5_example.json', 'utf8'));
const holder = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const issuer = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const holderJwk = holder.publicKey.export({ format: 'jwk' });

const disclosuresTable = (page: Page) => page.getByRole('table', { name: 'Disclosures' });
const disclosedClaims = (page: Page) => page.getByRole('textbox', { name: 'Disclosed claims' });
const keyBinding = (page: Page) => page.getByRole('status', { name: 'Key binding' });

/** A disclosure of `name` (undefined: an array element) and its SHA-256 digest (RFC 9901 §4.2). */
function disclose(name: string | undefined, value: unknown, salt = `salt-${name}`) {
	const disclosure = b64url(JSON.stringify(name === undefined ? [salt, value] : [salt, name, value]));
	return { disclosure, digest: createHash('sha256').update(disclosure).digest('base64url') };
}

/** An SD-JWT signed by the test issuer: `payload` as given, the disclosures after it, and a KB-JWT when asked. */
function sdJwt(
	payload: object,
	disclosures: string[],
	options: { typ?: string; kb?: boolean; kbPayload?: (sdHash: string) => object } = {},
): string {
	const jwt = signJws('ES256', { typ: options.typ ?? 'example+sd-jwt' }, payload, issuer.privateKey);
	const presented = `${jwt}~${disclosures.map((d) => `${d}~`).join('')}`;
	if (!options.kb && !options.kbPayload) return presented;
	const sdHash = createHash('sha256').update(presented).digest('base64url');
	const kbPayload = options.kbPayload?.(sdHash) ?? {
		iat: nowSeconds(),
		aud: 'https://verifier.example',
		nonce: 'n-1',
		sd_hash: sdHash,
	};
	return presented + signJws('ES256', { typ: 'kb+jwt' }, kbPayload, holder.privateKey);
}

async function open(page: Page, token: string): Promise<void> {
	await openEmpty(page);
	await pasteToken(page, token);
	await expect(disclosuresTable(page)).toBeVisible();
}

test('the RFC 9901 §5.2 presentation decodes: disclosures matched, claims processed, key binding verified', async ({
	page,
}) => {
	await open(page, rfc.presentation.sd_jwt_kb);
	const rows = disclosuresTable(page).locator('tbody tr');
	await expect(rows).toHaveCount(4);
	for (const [i, d] of rfc.presentation.disclosures.entries()) {
		const digest = createHash('sha256').update(d).digest('base64url');
		await expect(rows.nth(i)).toHaveAttribute('data-digest', digest);
		await expect(rows.nth(i)).toHaveAttribute('data-status', 'matched');
	}
	await expect(page.getByRole('checkbox', { name: 'Disclose family_name' })).toBeChecked();
	await expect(disclosedClaims(page)).toContainText('"family_name": "Doe"');
	await expect(disclosedClaims(page)).not.toContainText('_sd');
	await expect(keyBinding(page)).toHaveText(/^\s*Key binding verified/);
	await expect(page.getByRole('status', { name: 'Signature' })).toBeVisible();
});

test('an issued SD-JWT ending with ~ has no key binding; the holder key field is shown only for SD-JWTs', async ({
	page,
}) => {
	await open(page, rfc.sd_jwt);
	await expect(keyBinding(page)).toHaveText(/^\s*No key binding/);
	await expect(page.getByRole('textbox', { name: 'Holder private key' })).toBeVisible();
	await pasteToken(page, signJws('ES256', {}, { sub: 'x' }, issuer.privateKey));
	await expect(disclosuresTable(page)).toHaveCount(0);
	await expect(page.getByRole('textbox', { name: 'Holder private key' })).toHaveCount(0);
	await expect(keyBinding(page)).toHaveCount(0);
});

test.describe('each contract finding code raises, and its near miss does not', () => {
	const a = disclose('given_name', 'Ada');
	const b = disclose('family_name', 'Lovelace');
	const element = disclose(undefined, 'FR');
	const cases: [string, () => string, string, boolean][] = [
		[
			'sd-unmatched-disclosure',
			() => sdJwt({ _sd: [a.digest] }, [a.disclosure, b.disclosure]),
			'sd-unmatched-disclosure',
			true,
		],
		[
			'near miss: both digests present',
			() => sdJwt({ _sd: [a.digest, b.digest] }, [a.disclosure, b.disclosure]),
			'sd-unmatched-disclosure',
			false,
		],
		[
			'sd-duplicate-digest',
			() => sdJwt({ _sd: [a.digest, a.digest] }, [a.disclosure]),
			'sd-duplicate-digest',
			true,
		],
		[
			'near miss: two digests',
			() => sdJwt({ _sd: [a.digest, b.digest] }, [a.disclosure]),
			'sd-duplicate-digest',
			false,
		],
		[
			'sd-malformed-disclosure (not JSON)',
			() => sdJwt({ _sd: [a.digest] }, [a.disclosure, b64url('["s", "x",')]),
			'sd-malformed-disclosure',
			true,
		],
		[
			'near miss: an array element where arrays take them',
			() => sdJwt({ list: [{ '...': element.digest }] }, [element.disclosure]),
			'sd-malformed-disclosure',
			false,
		],
		[
			'sd-forbidden-claim',
			() =>
				sdJwt(
					{ vct: 'urn:x', _sd: [disclose('iss', 'https://i').digest] },
					[disclose('iss', 'https://i').disclosure],
					{ typ: 'dc+sd-jwt' },
				),
			'sd-forbidden-claim',
			true,
		],
		[
			'near miss: not a VC',
			() => sdJwt({ _sd: [disclose('iss', 'https://i').digest] }, [disclose('iss', 'https://i').disclosure]),
			'sd-forbidden-claim',
			false,
		],
		[
			'sd-hash-mismatch',
			() =>
				sdJwt({ cnf: { jwk: holderJwk }, _sd: [a.digest] }, [a.disclosure], {
					kbPayload: (h) => ({ iat: nowSeconds(), aud: 'v', nonce: 'n', sd_hash: `${h.slice(0, -2)}AA` }),
				}),
			'sd-hash-mismatch',
			true,
		],
		[
			'near miss: the right sd_hash',
			() => sdJwt({ cnf: { jwk: holderJwk }, _sd: [a.digest] }, [a.disclosure], { kb: true }),
			'sd-hash-mismatch',
			false,
		],
	];
	for (const [name, build, code, raised] of cases) {
		test(name, async ({ page }) => {
			await open(page, build());
			await expect(keyBinding(page)).not.toHaveText(/Checking/);
			if (raised) await expect.poll(() => findingCodes(page)).toContain(code);
			else {
				await expect(disclosedClaims(page)).toBeVisible();
				expect(await findingCodes(page)).not.toContain(code);
			}
		});
	}
});

test('key binding: verified with cnf.jwk, invalid when signed by another key', async ({ page }) => {
	const a = disclose('given_name', 'Ada');
	await open(page, sdJwt({ cnf: { jwk: holderJwk }, _sd: [a.digest] }, [a.disclosure], { kb: true }));
	await expect(keyBinding(page)).toHaveText(/^\s*Key binding verified/);
	const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
	await pasteToken(page, sdJwt({ cnf: { jwk: other }, _sd: [a.digest] }, [a.disclosure], { kb: true }));
	await expect(keyBinding(page)).toHaveText(/^\s*Invalid key binding.*signature/);
	await expect(keyBinding(page)).toHaveAttribute('data-failed', 'signature');
});

test('unticking a disclosure without the holder key leaves the KB-JWT off; entering the key signs a fresh one', async ({
	page,
}) => {
	const a = disclose('given_name', 'Ada');
	const b = disclose('family_name', 'Lovelace');
	const token = sdJwt({ cnf: { jwk: holderJwk }, _sd: [a.digest, b.digest] }, [a.disclosure, b.disclosure], {
		kb: true,
	});
	const issuerJwt = token.slice(0, token.indexOf('~'));
	await open(page, token);
	await expect(keyBinding(page)).toHaveText(/^\s*Key binding verified/);

	// Without the holder key the old KB-JWT cannot stay (its sd_hash covers the disclosures): the token ends with ~.
	await page.getByRole('checkbox', { name: 'Disclose family_name' }).uncheck();
	await expect(tokenEditor(page)).toHaveText(`${issuerJwt}~${a.disclosure}~`);
	await expect(disclosedClaims(page)).not.toContainText('family_name');
	await expect(disclosedClaims(page)).toContainText('given_name');
	await expect(keyBinding(page)).toHaveText(/^\s*No key binding.*holder private key/);
	await expect(keyBinding(page)).toHaveAttribute('data-code', 'awaiting-holder-key');
	await expect(disclosuresTable(page).locator('tbody tr')).toHaveCount(2);
	await expect(page.getByRole('checkbox', { name: 'Disclose family_name' })).not.toBeChecked();

	// Entering the key signs a KB-JWT for this presentation at once.
	await page
		.getByRole('textbox', { name: 'Holder private key' })
		.fill(JSON.stringify(holder.privateKey.export({ format: 'jwk' })));
	await expect(keyBinding(page)).toHaveText(/^\s*Key binding verified/);
	await expect(tokenEditor(page)).toContainText(`${issuerJwt}~${a.disclosure}~ey`);
	await expect(page.getByRole('textbox', { name: 'Header', exact: true })).toBeVisible();

	// With the key in, ticking and unticking re-sign each time.
	await page.getByRole('checkbox', { name: 'Disclose family_name' }).check();
	await expect(tokenEditor(page)).toContainText(b.disclosure);
	await expect(keyBinding(page)).toHaveText(/^\s*Key binding verified/);
	await page.getByRole('checkbox', { name: 'Disclose given_name' }).uncheck();
	await expect(tokenEditor(page)).not.toContainText(a.disclosure);
	await expect(keyBinding(page)).toHaveText(/^\s*Key binding verified/);
	await expect(disclosedClaims(page)).not.toContainText('given_name');
});

test('issuing: a claim made selectively disclosable gets a matched disclosure, stays in the claims, and the JWT is re-signed', async ({
	page,
}) => {
	const secret = 'a-test-secret-that-is-32-bytes!!';
	const a = disclose('given_name', 'Ada');
	const payload = { iss: 'https://issuer.example', email: 'ada@example.com', _sd: [a.digest] };
	const token = `${signJws('HS256', { typ: 'example+sd-jwt' }, payload, secret)}~${a.disclosure}~`;
	await open(page, token);
	await secretBox(page).fill(secret);
	await expect(verdict(page)).toContainText('Signature verified');

	await page.getByText('Issue: make claims selectively disclosable').click();
	await page.getByRole('button', { name: 'Make email selectively disclosable' }).click();
	const rows = disclosuresTable(page).locator('tbody tr');
	await expect(rows).toHaveCount(2);
	await expect(rows.nth(1)).toHaveAttribute('data-status', 'matched');
	await expect(rows.nth(1)).toContainText('email');
	await expect(page.getByRole('checkbox', { name: 'Disclose email' })).toBeChecked();
	await expect(verdict(page)).toContainText('Signature verified');
	await expect(tokenEditor(page)).toContainText(`~${a.disclosure}~`);
	await expect(payloadEditor(page)).not.toContainText('email');
	await expect(disclosedClaims(page)).toContainText('"email": "ada@example.com"');
	await expect(page.getByRole('button', { name: 'Make email selectively disclosable' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Make iss selectively disclosable' })).toBeVisible();
});

test('issuing with a key that cannot sign: the signature goes invalid, as for any payload edit', async ({
	page,
}) => {
	const payload = { iss: 'https://issuer.example', email: 'ada@example.com', _sd_alg: 'sha-256' };
	await open(page, sdJwt(payload, []));
	await secretBox(page).fill(issuer.publicKey.export({ type: 'spki', format: 'pem' }).toString());
	await expect(verdict(page)).toContainText('Signature verified');
	await page.getByText('Issue: make claims selectively disclosable').click();
	await page.getByRole('button', { name: 'Make email selectively disclosable' }).click();
	await expect(disclosuresTable(page).locator('tbody tr')).toHaveCount(1);
	await expect(disclosuresTable(page).locator('tbody tr').first()).toHaveAttribute('data-status', 'matched');
	await expect(verdict(page)).toContainText('Invalid signature');
	await expect(disclosedClaims(page)).toContainText('"email": "ada@example.com"');
});

test('issuing an SD-JWT VC offers no control for the claims it keeps in the clear', async ({ page }) => {
	const a = disclose('given_name', 'Ada');
	const vc = {
		iss: 'https://issuer.example',
		vct: 'urn:example',
		exp: nowSeconds() + 3600,
		email: 'a@b.c',
		_sd: [a.digest],
	};
	await open(page, sdJwt(vc, [a.disclosure], { typ: 'dc+sd-jwt' }));
	await page.getByText('Issue: make claims selectively disclosable').click();
	await expect(page.getByRole('button', { name: 'Make email selectively disclosable' })).toBeVisible();
	for (const name of ['iss', 'vct', 'exp', '_sd'])
		await expect(page.getByRole('button', { name: `Make ${name} selectively disclosable` })).toHaveCount(0);
});

test('issuing, hostile: 300 claims and a repeated name list each claim once, 200 drawn, no page error', async ({
	page,
}) => {
	const claims = Array.from({ length: 300 }, (_, i) => `"c${i}":${i}`).join(',');
	const payload = `{"dup":1,"dup":2,${claims},"_sd_alg":"sha-256"}`;
	await open(page, `${b64url('{"alg":"HS256"}')}.${b64url(payload)}.c2ln~`);
	await page.getByText('Issue: make claims selectively disclosable').click();
	await expect(page.getByRole('button', { name: 'Make dup selectively disclosable' })).toHaveCount(1);
	await expect(page.getByRole('list', { name: 'Claims in the clear' }).getByRole('button')).toHaveCount(200);
	await expect(page.getByText('Showing the first 200 of 301 claims.')).toBeVisible();
});

test('an expected audience and nonce in Settings are checked against the KB-JWT', async ({ page }) => {
	const a = disclose('given_name', 'Ada');
	await open(page, sdJwt({ cnf: { jwk: holderJwk }, _sd: [a.digest] }, [a.disclosure], { kb: true }));
	await expect(keyBinding(page)).toHaveText(/^\s*Key binding verified/);
	await page.getByText('Settings', { exact: true }).click();
	await page
		.getByRole('textbox', { name: 'Expected audience (key binding aud)' })
		.fill('https://verifier.example');
	await page.getByRole('textbox', { name: 'Expected nonce (key binding nonce)' }).fill('n-2');
	await expect(keyBinding(page)).toHaveText(/^\s*Invalid key binding.*nonce/);
	await expect(keyBinding(page)).toHaveAttribute('data-failed', 'nonce');
	await expect.poll(() => findingCodes(page)).toContain('sd-kb-nonce');
	expect(await findingCodes(page)).not.toContain('sd-kb-audience');
});

test('#token= opens an SD-JWT with its key binding JWT', async ({ page }) => {
	await page.goto(`./#token=${rfc.presentation.sd_jwt_kb}`);
	await expect(disclosuresTable(page).locator('tbody tr')).toHaveCount(4);
	await expect(keyBinding(page)).toHaveText(/^\s*Key binding verified/);
});

test('hostile: 3 000 disclosures and a stray ~ are named and bounded, and the rest still shows', async ({
	page,
}) => {
	const a = disclose('given_name', 'Ada');
	const filler = Array.from({ length: 3_000 }, (_v, i) => b64url(`["s${i}", "x${i}", ${i}]`));
	await openEmpty(page);
	await pasteToken(page, sdJwt({ _sd: [a.digest] }, [a.disclosure, '', ...filler]));
	await expect(disclosuresTable(page)).toBeVisible({ timeout: 30_000 });
	await expect(page.getByText('Showing the first 200 of 3002 disclosures.')).toBeVisible();
	await expect(disclosuresTable(page).locator('tbody tr')).toHaveCount(200);
	await expect(disclosuresTable(page).locator('tbody tr').nth(1)).toHaveAttribute('data-status', 'unmatched');
	await expect(disclosedClaims(page)).toContainText('"given_name": "Ada"');
	const codes = await findingCodes(page);
	expect(codes).toContain('sd-malformed-disclosure');
	expect(codes.filter((c) => c === 'sd-unmatched-disclosure')).toHaveLength(11);
});

test('a disclosure row shows its disclosure in the token, its digest in the payload and its value in the claims', async ({
	page,
}) => {
	await open(page, rfc.presentation.sd_jwt_kb);
	const fourth = rfc.presentation.disclosures[3] as string;
	const digest = createHash('sha256').update(fourth).digest('base64url');
	await page.getByRole('button', { name: 'Show disclosure 4 in token' }).click();
	await expect(tokenEditor(page).locator('mark')).toHaveText(fourth);
	await expect(payloadEditor(page).locator('mark')).toHaveText(`"${digest}"`);
	const value = JSON.parse(Buffer.from(fourth, 'base64url').toString()).at(-1);
	await expect(disclosedClaims(page).locator('mark')).toHaveText(JSON.stringify(value));
	// The path button does the same, for the disclosure whose digest sits at $.nationalities[0].
	await page.getByRole('button', { name: 'Show disclosure 1 in token' }).click();
	await expect(tokenEditor(page).locator('mark')).toHaveText(rfc.presentation.disclosures[0]);
	await page
		.getByRole('button', { name: /^Show where disclosure 4's digest sits: \$\.nationalities\[0\]/ })
		.click();
	await expect(tokenEditor(page).locator('mark')).toHaveText(fourth);
});

test('selecting a digest in the payload highlights its disclosure, and a disclosure in the token its digest', async ({
	page,
}) => {
	await open(page, rfc.presentation.sd_jwt_kb);
	const [first, second] = rfc.presentation.disclosures as string[];
	const digestOf = (d: string) => createHash('sha256').update(d).digest('base64url');
	await payloadEditor(page).getByText(digestOf(second!)).click();
	await expect(tokenEditor(page).locator('mark')).toHaveText(second!);
	await expect(payloadEditor(page).locator('mark')).toHaveText(`"${digestOf(second!)}"`);
	await tokenEditor(page).getByText(first!).click();
	await expect(payloadEditor(page).locator('mark')).toHaveText(`"${digestOf(first!)}"`);
	await expect(tokenEditor(page).locator('mark')).toHaveText(first!);
});

test('the token is coloured by part, each with a non-colour cue, and the legend names them', async ({
	page,
}) => {
	await open(page, rfc.presentation.sd_jwt_kb);
	const styles = await tokenEditor(page)
		.locator('[class*="part-"]')
		.evaluateAll((spans) =>
			spans.map((span) => {
				const style = getComputedStyle(span);
				return {
					part: [...span.classList].filter((c) => c.startsWith('part-')).join(' '),
					color: style.color,
					cue: `${style.textDecorationLine} ${style.textDecorationStyle} ${style.fontStyle} ${style.fontWeight}`,
				};
			}),
		);
	const byPart = new Map(styles.map((s) => [s.part, s]));
	const parts = ['part-header', 'part-payload', 'part-signature', 'part-key-binding'];
	for (const part of parts) expect(byPart.has(part)).toBe(true);
	const disclosures = [0, 1, 2, 3].map((i) => byPart.get(`part-disclosure part-disclosure-${i}`));
	for (const d of disclosures) expect(d).toBeDefined();
	// Each colour differs from its neighbours', and the disclosures and KB-JWT have a cue that is not colour.
	const colours = [...parts.map((p) => byPart.get(p)!.color), ...disclosures.map((d) => d!.color)];
	expect(new Set(colours).size).toBeGreaterThanOrEqual(6);
	for (const d of disclosures) expect(d!.cue).toContain('underline');
	expect(byPart.get('part-key-binding')!.cue).toContain('wavy');
	await expect(page.locator('#token-legend')).toContainText('Disclosures (4)');
});
