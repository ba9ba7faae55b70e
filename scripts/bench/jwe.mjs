// JWE: `Decryption key` filled → `Decrypted` (and → the plaintext in `Payload`) for a 1 MB JWE, per key management,
// and the gzip -9 bytes of the chunks only a JWE loads (the decrypter, jose, their panels' CSS), read from the page's
// own fetches.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as jose from 'jose';
import { PAYLOAD_SELECTOR, waitForQuiet, withPage, installProbe, sleep } from './browser.mjs';
import { attempt, interleave } from './runs.mjs';
import { GZIP_LEVEL } from './serve.mjs';
import { plural, recordMetric, summarize } from './stats.mjs';

/** @typedef {import('./browser.mjs').Browser} Browser */
/** @typedef {import('./browser.mjs').Page} Page */
/** @typedef {import('./browser.mjs').Target} Target */
/** @typedef {import('./stats.mjs').Metric} Metric */
/** @typedef {{ inputAt?: number, decryptedAt?: number, shownAt?: number }} DecryptProbe */
/** @typedef {Window & typeof globalThis & { __jweBench?: DecryptProbe }} JweProbedWindow */

/** Characters of the claims set's filler: a 1 MB plaintext. */
const PLAINTEXT_BYTES = 1_000_000;

/**
 * The 1 MB JWEs measured, each with the text a person types into `Decryption key` and a marker claim that shows
 * in `Payload` once decrypted. Built once per bench run with jose (the independent producer the tests use too).
 */
async function buildJweCases() {
	const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const cek = new Uint8Array(randomBytes(32));
	const marker = `jwe-bench-${randomBytes(6).toString('hex')}`;
	// Base64 of random bytes: incompressible, so the claims set stays 1 MB whatever `zip` would do.
	const blob = randomBytes((PLAINTEXT_BYTES * 3) / 4).toString('base64');
	const claims = new TextEncoder().encode(JSON.stringify({ marker, sub: 'bench', exp: 4_000_000_000, blob }));
	const encrypt = (
		/** @type {jose.CompactJWEHeaderParameters} */ header,
		/** @type {Uint8Array | import("node:crypto").KeyObject} */ key,
	) => new jose.CompactEncrypt(claims).setProtectedHeader(header).encrypt(key);
	return [
		{
			label: 'RSA-OAEP-256 + A256GCM',
			token: await encrypt({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }, rsa.publicKey),
			key: JSON.stringify(rsa.privateKey.export({ format: 'jwk' })),
			marker,
			bytes: claims.length,
		},
		{
			label: 'dir + A128CBC-HS256',
			token: await encrypt({ alg: 'dir', enc: 'A128CBC-HS256' }, cek),
			key: jose.base64url.encode(cek),
			marker,
			bytes: claims.length,
		},
	];
}

/**
 * Decrypt times of 1 MB JWEs, and the bytes of the lazy JWE chunks. Only this build is measured: another build
 * may have no `Decryption key`.
 * @param {Browser} browser
 * @param {Target[]} targets
 * @param {Metric[]} metrics
 * @param {number | undefined} requestedRuns `--runs`, or undefined for 3
 */
export async function measureJwe(browser, targets, metrics, requestedRuns) {
	const runs = requestedRuns ?? 3;
	const mine = targets.filter((target) => target.name === 'this');
	const cases = await buildJweCases();
	for (const jwe of cases) {
		const samples = await interleave(mine, runs, `decrypt ${jwe.label}`, (target) =>
			measureDecrypt(browser, target, jwe),
		);
		for (const target of mine) {
			const list = samples.get(target) ?? [];
			const section = `Decryption key filled → 1 MB JWE decrypted (ms, ${plural(runs, 'run')}; token ${cases[0]?.token.length} characters)`;
			for (const [field, what] of /** @type {const} */ ([
				['decrypted', '`Decrypted`'],
				['shown', 'plaintext in Payload'],
			]))
				recordMetric(metrics, {
					id: `jwe.${jwe.label}.${field}`,
					section,
					label: `${jwe.label}: ${what}`,
					unit: 'ms',
					target,
					summary: list.length ? summarize(list.map((sample) => sample[field])) : null,
				});
		}
	}
	for (const target of mine) {
		const chunks = await attempt('JWE chunks', () => measureJweChunks(browser, target, cases[1]));
		if (!chunks) continue;
		const section = 'Chunks only a JWE loads (bytes gzip -9)';
		for (const chunk of chunks)
			recordMetric(metrics, {
				id: `jwe.chunk.${chunk.path}`,
				section,
				label: chunk.path,
				unit: 'bytes',
				target,
				summary: summarize([chunk.gzip]),
			});
		recordMetric(metrics, {
			id: 'jwe.chunk.total',
			section,
			label: `total (${plural(chunks.length, 'file')})`,
			unit: 'bytes',
			target,
			summary: summarize([chunks.reduce((sum, chunk) => sum + chunk.gzip, 0)]),
		});
	}
}

/**
 * One decryption in a fresh, idle page: from the fill's 'input' event to `Decrypted` in the `Decryption` status, and
 * to the marker claim in `Payload`.
 * @param {Browser} browser
 * @param {Target} target
 * @param {{ token: string, key: string, marker: string }} jwe
 */
async function measureDecrypt(browser, target, { token, key, marker }) {
	return withPage(browser, async (page) => {
		await openJwe(page, target, token);
		await page.getByRole('status', { name: 'Decryption', exact: true }).evaluate(watchDecryption, marker);
		await page.getByRole('textbox', { name: 'Decryption key', exact: true }).fill(key);
		await page.waitForFunction(
			() => /** @type {JweProbedWindow} */ (window).__jweBench?.shownAt !== undefined,
			undefined,
			{
				timeout: 60_000,
			},
		);
		const { inputAt, decryptedAt, shownAt } = await page.evaluate(
			() => /** @type {JweProbedWindow} */ (window).__jweBench ?? {},
		);
		if (inputAt === undefined || decryptedAt === undefined || shownAt === undefined)
			throw new Error('no input event before the decryption');
		return { decrypted: decryptedAt - inputAt, shown: shownAt - inputAt };
	});
}

/**
 * Opens the page with `token` pasted, waits for the `Decryption` status to ask for a key (the JWE code loaded), then
 * for quiet.
 * @param {Page} page
 * @param {Target} target
 * @param {string} token
 */
async function openJwe(page, target, token) {
	await installProbe(page, PAYLOAD_SELECTOR, '"never shown"');
	await page.goto(target.base);
	await page.getByRole('textbox', { name: 'Encoded token', exact: true }).fill(token);
	await page
		.getByRole('status', { name: 'Decryption', exact: true })
		.filter({ hasText: 'Enter the decryption key' })
		.waitFor({ timeout: 30_000 });
	await waitForQuiet(page);
}

/**
 * In the page: when the next 'input' event starts (the fill), when `status` first begins with "Decrypted", and when
 * the `Payload` view first holds `marker`.
 * @param {Element} status
 * @param {string} marker
 */
function watchDecryption(status, marker) {
	/** @type {DecryptProbe} */
	const probe = {};
	/** @type {JweProbedWindow} */ (window).__jweBench = probe;
	addEventListener('input', () => (probe.inputAt ??= performance.now()), { capture: true, once: true });
	const observer = new MutationObserver(() => {
		if (probe.decryptedAt === undefined && status.textContent?.trim().startsWith('Decrypted'))
			probe.decryptedAt = performance.now();
		if (
			probe.shownAt === undefined &&
			document.querySelector('[aria-label="Payload"]')?.textContent?.includes(marker)
		)
			probe.shownAt = performance.now();
		if (probe.decryptedAt !== undefined && probe.shownAt !== undefined) observer.disconnect();
	});
	observer.observe(document.body, { childList: true, subtree: true, characterData: true });
}

/**
 * The scripts and styles a page fetches once a JWE is shown and decrypted that a page showing a JWS (idle, everything after
 * first paint loaded) never fetches, with their gzip -9 size: what a JWE costs over the debugger of compact JWS.
 * @param {Browser} browser
 * @param {Target} target
 * @param {{ token: string, key: string } | undefined} jwe
 */
async function measureJweChunks(browser, target, jwe) {
	if (!jwe) throw new Error('no JWE case');
	const scriptsOf = (/** @type {Page} */ page) =>
		page.evaluate(() =>
			performance
				.getEntriesByType('resource')
				.map((entry) => new URL(entry.name).pathname)
				.filter((path) => /\.(js|css)$/.test(path)),
		);
	const jwsScripts = await withPage(browser, async (page) => {
		await installProbe(page, PAYLOAD_SELECTOR, '"name"');
		await page.goto(target.base);
		await waitForQuiet(page);
		await sleep(500);
		return new Set(await scriptsOf(page));
	});
	// A small JWE: a 1 MB one also starts the analysis worker, which is the huge-text path, not JWE code.
	const small = await new jose.CompactEncrypt(new TextEncoder().encode('{"sub":"bench"}'))
		.setProtectedHeader({ alg: 'dir', enc: 'A128CBC-HS256' })
		.encrypt(jose.base64url.decode(jwe.key));
	const jweScripts = await withPage(browser, async (page) => {
		await openJwe(page, target, small);
		await page.getByRole('textbox', { name: 'Decryption key', exact: true }).fill(jwe.key);
		await page
			.getByRole('status', { name: 'Decryption', exact: true })
			.filter({ hasText: /^\s*Decrypted/ })
			.waitFor({ timeout: 30_000 });
		await waitForQuiet(page);
		return scriptsOf(page);
	});
	const only = [...new Set(jweScripts)].filter((path) => !jwsScripts.has(path)).sort();
	return Promise.all(
		only.map(async (path) => {
			const raw = await readFile(join(target.dir, path));
			return { path, raw: raw.length, gzip: gzipSync(raw, { level: GZIP_LEVEL }).length };
		}),
	);
}
