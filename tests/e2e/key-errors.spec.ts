// Issue 19 in the browser: a key that cannot be read shows an alert in the messages table's words (ui-contract.md
// "Errors"), the `Signature` status says `Invalid signature`, and the decryption and holder key fields say why too.
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import * as jose from 'jose';
import type { Page } from '@playwright/test';
import { describeFailure } from '../../src/lib/crypto/jwe/messages';
import { parseKeyInput } from '../../src/lib/crypto/keys';
import { describeKeyProblem, describeVerdict } from '../../src/lib/crypto/messages';
import { expect, test } from './fixtures';
import { changed, cut } from '../damaged-pem';
import {
	b64url,
	nowSeconds,
	openEmpty,
	pasteToken,
	payloadEditor,
	secretBox,
	signJws,
	verdict,
} from './support';

/** Browser error names, values never meant as words, and the developers' own messages (fault JSON, DER reader). */
const RAW =
	/DataError|OperationError|NotSupportedError|SyntaxError|undefined|NaN|\[object Object\]|"code"|SEQUENCE \{|truncated DER|\boffset \d|\bexpected an? [A-Z]/;

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const pemOf = (key: KeyObject, type: 'spki' | 'pkcs1' | 'pkcs8' | 'sec1') =>
	key.export({ type, format: 'pem' }).toString();

/** `der` of `key` as PEM with the last byte (the end of the EC point) changed: a point off the curve. */
function offCurve(key: KeyObject, type: 'spki' | 'sec1' | 'pkcs8', label: string): string {
	const der = Buffer.from(key.export({ type, format: 'der' }));
	der[der.length - 1]! ^= 1;
	const body = der
		.toString('base64')
		.match(/.{1,64}/g)!
		.join('\n');
	return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/** The alert's words for `keyText`, from the messages table, as the page's own code reads the key. */
function alertWords(keyText: string): string {
	const parsed = parseKeyInput(keyText);
	if (parsed.kind !== 'error') throw new Error(`the key is readable (${parsed.kind})`);
	return describeKeyProblem(parsed.problem);
}

const claims = () => ({ sub: 'user-42', name: 'Ada Lovelace', iat: nowSeconds(), exp: nowSeconds() + 3600 });

async function openWith(page: Page, token: string): Promise<void> {
	await openEmpty(page);
	await pasteToken(page, token);
	await expect(payloadEditor(page)).toContainText('Ada Lovelace');
}

const UNREADABLE: readonly [name: string, alg: 'RS256' | 'ES256', keyText: string][] = [
	['a PUBLIC KEY PEM whose DER is cut', 'RS256', cut(pemOf(rsa.publicKey, 'spki'))],
	['a PRIVATE KEY PEM whose DER is cut', 'RS256', cut(pemOf(rsa.privateKey, 'pkcs8'), 6)],
	['an RSA PKCS#8 private key with one character changed', 'RS256', changed(pemOf(rsa.privateKey, 'pkcs8'))],
	['an RSA PKCS#1 private key with one character changed', 'RS256', changed(pemOf(rsa.privateKey, 'pkcs1'))],
	[
		'a PUBLIC KEY under the RSA PUBLIC KEY label',
		'RS256',
		pemOf(rsa.publicKey, 'spki').replaceAll('PUBLIC', 'RSA PUBLIC'),
	],
	[
		'the JWK of issue 19, its point off P-256',
		'ES256',
		JSON.stringify({ kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'A'.repeat(43) }),
	],
	['an EC SEC1 private key whose DER is cut', 'ES256', cut(pemOf(p256.privateKey, 'sec1'), 1)],
	['an EC PUBLIC KEY whose point is off P-256', 'ES256', offCurve(p256.publicKey, 'spki', 'PUBLIC KEY')],
	[
		'an EC PRIVATE KEY (SEC1) whose point is off P-256',
		'ES256',
		offCurve(p256.privateKey, 'sec1', 'EC PRIVATE KEY'),
	],
	['a PKCS#8 EC key whose point is off P-256', 'ES256', offCurve(p256.privateKey, 'pkcs8', 'PRIVATE KEY')],
	['an RSA JWK with a one-byte "n"', 'RS256', JSON.stringify({ kty: 'RSA', n: 'EQ', e: 'AQAB' })],
];

test.describe('`Secret or key`: a key that cannot be read', () => {
	for (const [name, alg, keyText] of UNREADABLE)
		test(`${name}: an alert in the table's words, and "Invalid signature"`, async ({ page }) => {
			await openWith(page, signJws(alg, {}, claims(), alg === 'ES256' ? p256.privateKey : rsa.privateKey));
			await secretBox(page).fill(keyText);
			const alert = page.getByRole('alert');
			await expect(alert).toHaveText(alertWords(keyText));
			await expect(verdict(page)).toContainText('Invalid signature');
			await expect(verdict(page)).toContainText(
				describeVerdict({ status: 'invalid', code: 'key-unreadable' }).explanation,
			);
			for (const text of [await alert.innerText(), await verdict(page).innerText()])
				expect(text).not.toMatch(RAW);
			await expect(secretBox(page)).toHaveValue(keyText);
		});

	test('mending the key takes the alert away and verifies', async ({ page }) => {
		await openWith(page, signJws('RS256', {}, claims(), rsa.privateKey));
		await secretBox(page).fill(cut(pemOf(rsa.publicKey, 'spki')));
		await expect(page.getByRole('alert')).toBeVisible();
		await secretBox(page).fill(pemOf(rsa.publicKey, 'spki'));
		await expect(verdict(page)).toContainText('Signature verified');
		await expect(page.getByRole('alert')).toHaveCount(0);
	});
});

test.describe('`Decryption key`: a key that cannot be read says why', () => {
	const decryption = (page: Page) => page.getByRole('status', { name: 'Decryption' });
	for (const [name, , keyText] of UNREADABLE.filter(([, alg]) => alg === 'RS256'))
		test(name, async ({ page }) => {
			const jwe = await new jose.CompactEncrypt(new TextEncoder().encode(JSON.stringify(claims())))
				.setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' })
				.encrypt(rsa.publicKey);
			await openEmpty(page);
			await pasteToken(page, jwe);
			await expect(decryption(page)).toContainText('Not decrypted');
			await page.getByRole('textbox', { name: 'Decryption key' }).fill(keyText);
			const parsed = parseKeyInput(keyText);
			if (parsed.kind !== 'error') throw new Error('readable');
			await expect(decryption(page)).toContainText('Decryption failed');
			await expect(decryption(page)).toContainText(
				describeFailure({ code: 'key-unreadable', problem: parsed.problem }),
			);
			expect(await decryption(page).innerText()).not.toMatch(RAW);
		});
});

test('`Holder private key`: a key that cannot be read says why when signing the key binding', async ({
	page,
}) => {
	const holder = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	const disclosure = b64url(JSON.stringify(['salt-1', 'given_name', 'Ada']));
	const digest = createHash('sha256').update(disclosure).digest('base64url');
	const jwt = signJws(
		'ES256',
		{ typ: 'example+sd-jwt' },
		{ cnf: { jwk: holder.publicKey.export({ format: 'jwk' }) }, _sd: [digest], _sd_alg: 'sha-256' },
		p256.privateKey,
	);
	await openEmpty(page);
	await pasteToken(page, `${jwt}~${disclosure}~`);
	await expect(page.getByRole('table', { name: 'Disclosures' })).toBeVisible();
	const damaged = cut(pemOf(holder.privateKey, 'sec1'), 1);
	await page.getByRole('textbox', { name: 'Holder private key' }).fill(damaged);
	await page.getByRole('button', { name: 'Sign key binding' }).click();
	const words = alertWords(damaged);
	await expect(page.getByText(words)).toBeVisible();
	expect(await page.getByText(words).innerText()).not.toMatch(RAW);
});
