// SD-JWT findings in the browser: every code beyond the five of the contract raises, and its near miss does not;
// hostile SD-JWTs (truncated, not JSON, 10 000 disclosures, 100 deep, a digest referenced twice) are named with
// their position while what decodes still shows.
import { createHash, generateKeyPairSync } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { b64url, findingCodes, nowSeconds, openEmpty, pasteToken, signJws, warnings } from './support';

const holder = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const issuer = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const holderJwk = holder.publicKey.export({ format: 'jwk' });

const keyBinding = (page: Page) => page.getByRole('status', { name: 'Key binding' });
const disclosedClaims = (page: Page) => page.getByRole('textbox', { name: 'Disclosed claims' });
const finding = (page: Page, code: string) => warnings(page).locator(`li[data-code="${code}"]`);

function disclose(name: string | undefined, value: unknown, salt = `salt-${name}`) {
	const disclosure = b64url(JSON.stringify(name === undefined ? [salt, value] : [salt, name, value]));
	return { disclosure, digest: createHash('sha256').update(disclosure).digest('base64url') };
}

interface Options {
	typ?: string;
	kbHeader?: object;
	kbPayload?: (sdHash: string) => object;
	kbText?: string;
}

function sdJwt(payload: object, disclosures: string[], options: Options = {}): string {
	const jwt = signJws('ES256', { typ: options.typ ?? 'example+sd-jwt' }, payload, issuer.privateKey);
	const presented = `${jwt}~${disclosures.map((d) => `${d}~`).join('')}`;
	if (options.kbText !== undefined) return presented + options.kbText;
	if (!options.kbPayload && !options.kbHeader) return presented;
	const sdHash = createHash('sha256').update(presented).digest('base64url');
	const kbPayload = options.kbPayload?.(sdHash) ?? good(sdHash);
	return presented + signJws('ES256', options.kbHeader ?? { typ: 'kb+jwt' }, kbPayload, holder.privateKey);
}
const good = (sdHash: string) => ({
	iat: nowSeconds(),
	aud: 'https://verifier',
	nonce: 'n-1',
	sd_hash: sdHash,
});
const bound = { cnf: { jwk: holderJwk } };

/** `depth` disclosures, each the only claim of the one above it. */
function nested(depth: number) {
	let inner = disclose('leaf', 'value');
	const disclosures = [inner.disclosure];
	for (let level = 1; level < depth; level++) {
		inner = disclose(`l${level}`, { _sd: [inner.digest] });
		disclosures.push(inner.disclosure);
	}
	return { digest: inner.digest, disclosures };
}

async function codesAfter(page: Page, token: string): Promise<string[]> {
	await pasteToken(page, token);
	await expect(page.getByRole('table', { name: 'Disclosures' })).toBeVisible();
	await expect(keyBinding(page)).not.toHaveText(/Checking/);
	await expect(page.getByRole('heading', { name: 'Disclosed claims' })).toBeVisible();
	return findingCodes(page);
}

const a = disclose('given_name', 'Ada');
type Case = [code: string, raise: () => string, nearMiss: () => string];
const cases: Case[] = [
	[
		'sd-claim-exists',
		() => sdJwt({ given_name: 'Eve', _sd: [a.digest] }, [a.disclosure]),
		() => sdJwt({ child: { given_name: 'Eve' }, _sd: [a.digest] }, [a.disclosure]),
	],
	['sd-alg-unknown', () => sdJwt({ _sd_alg: 'SHA-256' }, []), () => sdJwt({ _sd_alg: 'sha-256' }, [])],
	['sd-alg-weak', () => sdJwt({ _sd_alg: 'sha-256-64' }, []), () => sdJwt({ _sd_alg: 'sha-384' }, [])],
	['sd-invalid-digests', () => sdJwt({ _sd: 'abc' }, []), () => sdJwt({ _sd: [] }, [])],
	[
		'sd-nesting-too-deep',
		() => {
			const chain = nested(65);
			return sdJwt({ _sd: [chain.digest] }, chain.disclosures);
		},
		() => {
			const chain = nested(64);
			return sdJwt({ _sd: [chain.digest] }, chain.disclosures);
		},
	],
	['sd-kb-missing', () => sdJwt(bound, []), () => sdJwt({}, [])],
	['sd-kb-no-cnf', () => sdJwt({}, [], { kbPayload: good }), () => sdJwt(bound, [], { kbPayload: good })],
	[
		'sd-kb-malformed',
		() => sdJwt(bound, [], { kbText: 'abc.def' }),
		() => sdJwt(bound, [], { kbPayload: good }),
	],
	[
		'sd-kb-typ',
		() => sdJwt(bound, [], { kbHeader: { typ: 'JWT' } }),
		() => sdJwt(bound, [], { kbHeader: { typ: 'kb+jwt' } }),
	],
	[
		'sd-kb-iat',
		() => sdJwt(bound, [], { kbPayload: (h) => ({ ...good(h), iat: nowSeconds() - 3600 }) }),
		() => sdJwt(bound, [], { kbPayload: (h) => ({ ...good(h), iat: nowSeconds() - 60 }) }),
	],
	[
		'sd-kb-claims',
		() => sdJwt(bound, [], { kbPayload: (h) => ({ ...good(h), nonce: undefined }) }),
		() => sdJwt(bound, [], { kbPayload: good }),
	],
	[
		'sd-vc-missing-vct',
		() => sdJwt({ iss: 'https://issuer' }, [], { typ: 'dc+sd-jwt' }),
		() => sdJwt({ iss: 'https://issuer', vct: 'urn:x' }, [], { typ: 'dc+sd-jwt' }),
	],
	[
		'sd-vc-typ',
		() => sdJwt({ vct: 'urn:x' }, [], { typ: 'JWT' }),
		() => sdJwt({ vct: 'urn:x' }, [], { typ: 'vc+sd-jwt' }),
	],
];

test.describe('each SD-JWT finding code raises, and its near miss does not', () => {
	for (const [code, raise, nearMiss] of cases) {
		test(code, async ({ page }) => {
			await openEmpty(page);
			expect(await codesAfter(page, raise())).toContain(code);
			expect(await codesAfter(page, nearMiss())).not.toContain(code);
		});
	}

	test('sd-kb-audience and sd-kb-nonce follow the expected values in Settings, and stay quiet when they match', async ({
		page,
	}) => {
		await openEmpty(page);
		const token = sdJwt(bound, [], { kbPayload: good });
		expect(await codesAfter(page, token)).not.toContain('sd-kb-audience');
		await page.getByText('Settings', { exact: true }).click();
		const audience = page.getByRole('textbox', { name: 'Expected audience (key binding aud)' });
		const nonce = page.getByRole('textbox', { name: 'Expected nonce (key binding nonce)' });
		await audience.fill('https://other');
		await nonce.fill('n-2');
		await expect
			.poll(() => findingCodes(page))
			.toEqual(expect.arrayContaining(['sd-kb-audience', 'sd-kb-nonce']));
		await audience.fill('https://verifier');
		await nonce.fill('n-1');
		await expect.poll(() => findingCodes(page)).not.toContain('sd-kb-audience');
		expect(await findingCodes(page)).not.toContain('sd-kb-nonce');
		await expect(keyBinding(page)).toHaveText(/^\s*Key binding verified/);
	});

	test('sd-too-many-disclosures past 5 000, named with the range left unread (10 000 disclosures)', async ({
		page,
	}) => {
		test.setTimeout(120_000);
		const filler = Array.from({ length: 9_999 }, (_v, i) => b64url(`["s${i}", "x${i}", ${i}]`));
		await openEmpty(page);
		await pasteToken(page, sdJwt({ _sd: [a.digest] }, [a.disclosure, ...filler]));
		await expect(finding(page, 'sd-too-many-disclosures')).toContainText(/5,?000/, { timeout: 60_000 });
		await expect(finding(page, 'sd-too-many-disclosures')).toContainText(/10,?000/);
		await expect(disclosedClaims(page)).toContainText('"given_name": "Ada"');
		await expect(page.getByText(/Showing the first 200 of 10000 disclosures/)).toBeVisible();
	});
});

test.describe('hostile SD-JWTs are named with their position, and what decodes still shows', () => {
	test('a truncated disclosure and one that is not JSON: each named by number and characters', async ({
		page,
	}) => {
		const b = disclose('family_name', 'Lovelace');
		const truncated = b.disclosure.slice(0, -5);
		const notJson = b64url('["salt", "x",');
		await openEmpty(page);
		const codes = await codesAfter(
			page,
			sdJwt({ _sd: [a.digest, b.digest] }, [a.disclosure, truncated, notJson]),
		);
		expect(codes).toContain('sd-malformed-disclosure');
		const malformed = finding(page, 'sd-malformed-disclosure');
		await expect(malformed.first()).toContainText(/Disclosure 2 \(characters \d+–\d+/);
		await expect(warnings(page)).toContainText(/Disclosure 3 \(characters \d+–\d+/);
		await expect(disclosedClaims(page)).toContainText('"given_name": "Ada"');
		await expect(page.getByRole('table', { name: 'Disclosures' }).locator('tbody tr')).toHaveCount(3);
	});

	test('disclosures nested 100 deep: expanded to the limit, the one past it named by its depth', async ({
		page,
	}) => {
		const chain = nested(100);
		await openEmpty(page);
		expect(await codesAfter(page, sdJwt({ _sd: [chain.digest] }, chain.disclosures))).toContain(
			'sd-nesting-too-deep',
		);
		await expect(finding(page, 'sd-nesting-too-deep')).toContainText(/65 disclosures deep/);
		await expect(disclosedClaims(page)).toContainText('"l99"');
	});

	test('a digest referenced from two places (what a digest cycle comes down to with SHA-256) is named with both paths', async ({
		page,
	}) => {
		// A real cycle needs a disclosure holding its own digest, which SHA-256 makes impossible to build; the unit
		// tests build one with a broken hash (tests/unit/jwt/sd-jwt/hostile.test.ts).
		const child = disclose('child', 'value');
		const parent = disclose('parent', { _sd: [child.digest] });
		await openEmpty(page);
		const codes = await codesAfter(
			page,
			sdJwt({ _sd: [parent.digest, child.digest] }, [parent.disclosure, child.disclosure]),
		);
		expect(codes).toContain('sd-duplicate-digest');
		await expect(finding(page, 'sd-duplicate-digest')).toContainText('$._sd[');
		await expect(disclosedClaims(page)).toContainText('"parent"');
	});
});
