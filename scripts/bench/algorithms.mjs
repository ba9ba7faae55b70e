// The algorithms beyond WebCrypto (issue 15): key filled → Signature verified for ES256K, Ed25519, Ed448 and
// ML-DSA-44/65/87 (ES256 and RS256 beside them for reference), on first use and again, with the browser's own
// Ed25519 and ML-DSA and with them hidden so this page's @noble code verifies; and the gzip -9 bytes each
// algorithm's lazily loaded chunks add, read from the build's manifest.
import { generateKeyPairSync, sign as signData } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { installProbe, waitForProbe, waitForQuiet, withPage } from './browser.mjs';
import { interleave } from './runs.mjs';
import { watchVerdict } from './verify.mjs';
import { GZIP_LEVEL } from './serve.mjs';
import { plural, recordMetric, summarize } from './stats.mjs';
import { encodeToken, randomTag } from './tokens.mjs';

/** @typedef {import('./browser.mjs').Browser} Browser */
/** @typedef {import('./browser.mjs').Target} Target */
/** @typedef {import('./browser.mjs').ProbedWindow} ProbedWindow */
/** @typedef {import('./stats.mjs').Metric} Metric */
/** @typedef {{ label: string, token: string, key: string, marker: string, hide?: string[] }} AlgorithmCase */

/** The modules each algorithm loads on first use: its provider module, and the library WebCrypto may stand in for. */
const CHUNKS = /** @type {const} */ ([
	['ES256K', 'secp256k1', 'secp256k1'],
	['Ed25519', 'ed25519', 'ed25519'],
	['Ed448', 'ed448', 'ed448'],
	['ML-DSA-44/65/87', 'ml-dsa', 'ml-dsa'],
]);

/**
 * Times each case and records each algorithm's chunk bytes.
 * @param {Browser} browser
 * @param {Target[]} targets
 * @param {Metric[]} metrics
 * @param {number | undefined} requestedRuns `--runs`, or undefined for 3
 */
export async function measureAlgorithms(browser, targets, metrics, requestedRuns) {
	for (const target of targets) recordChunkBytes(target, metrics);
	const runs = requestedRuns ?? 3;
	const section = `Algorithms: key filled → Signature verified (ms, ${plural(runs, 'run')}; first use, then again)`;
	for (const algorithm of buildAlgorithmCases()) {
		const verifyTargets = targets.filter((target) => target.features?.verify);
		const samples = await interleave(verifyTargets, runs, `algorithm ${algorithm.label}`, (target) =>
			measureTwice(browser, target, algorithm),
		);
		for (const target of targets) {
			const list = samples.get(target);
			for (const [when, pick] of /** @type {const} */ ([
				['first use', (/** @type {number[]} */ pair) => pair[0] ?? NaN],
				['again', (/** @type {number[]} */ pair) => pair[1] ?? NaN],
			]))
				recordMetric(metrics, {
					id: `algorithms.${algorithm.label}.${when === 'again' ? 'again' : 'first'}`,
					section,
					label: `${algorithm.label}, ${when}`,
					unit: 'ms',
					target,
					summary: list ? summarize(list.map(pick)) : null,
				});
		}
	}
}

/**
 * The gzip -9 bytes each algorithm adds to a page that has loaded the verifier: its provider module (and the glue
 * shared by all of them) when the browser's WebCrypto computes, and the library chunks when it does not. Chunks
 * the page has already (the entry's and the crypto module's) are not counted.
 * @param {Target} target
 * @param {Metric[]} metrics
 */
function recordChunkBytes(target, metrics) {
	/** @type {Record<string, { file: string, imports?: string[] }>} */
	let manifest;
	try {
		manifest = JSON.parse(readFileSync(join(target.dir, '.vite', 'manifest.json'), 'utf8'));
	} catch {
		return; // A compare build without a manifest has no chunk sizes; its timings still count.
	}
	/** @param {string[]} roots */
	const closure = (roots) => {
		const seen = new Set();
		const visit = (/** @type {string} */ key) => {
			const entry = manifest[key];
			if (!entry || seen.has(entry.file)) return;
			seen.add(entry.file);
			for (const imported of entry.imports ?? []) visit(imported);
		};
		roots.forEach(visit);
		return seen;
	};
	const base = closure(['index.html', 'src/lib/crypto/index.ts']);
	const bytes = (/** @type {Set<string>} */ files, /** @type {Set<string>} */ without) =>
		[...files]
			.filter((file) => !without.has(file))
			.reduce(
				(sum, file) => sum + gzipSync(readFileSync(join(target.dir, file)), { level: GZIP_LEVEL }).length,
				0,
			);
	const section = 'Algorithm chunks (gzip -9 bytes added to a page with the verifier loaded)';
	for (const [label, provider, library] of CHUNKS) {
		const glue = closure([`src/lib/crypto/providers/${provider}.ts`]);
		const code = closure([`src/lib/crypto/providers/raw/${library}.ts`]);
		for (const [what, files, without] of /** @type {const} */ ([
			['provider module', glue, base],
			['+ library, when WebCrypto lacks it', code, new Set([...base, ...glue])],
		]))
			recordMetric(metrics, {
				id: `algorithms.bytes.${label}.${what.startsWith('+') ? 'library' : 'provider'}`,
				section,
				label: `${label} ${what}`,
				unit: 'bytes',
				target,
				summary: summarize([bytes(files, without)]),
			});
	}
}

/**
 * One token per case, signed in node (ES256K, Ed25519, Ed448, ES256, RS256) or taken from RFC 9964's examples
 * (ML-DSA, which node 20 cannot sign), with the public key a person pastes.
 * @returns {AlgorithmCase[]}
 */
function buildAlgorithmCases() {
	/** @param {string} label @param {string} alg @param {(input: string) => Buffer} sign @param {import('node:crypto').KeyObject} publicKey @param {string[]} [hide] */
	const build = (label, alg, sign, publicKey, hide) => {
		const marker = `algorithm-${alg}-${randomTag()}`;
		const token = encodeToken({ alg, typ: 'JWT' }, { sub: 'bench', marker }, sign);
		return { label, token, key: String(publicKey.export({ type: 'spki', format: 'pem' })), marker, hide };
	};
	const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	const k1 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
	const ed25519 = generateKeyPairSync('ed25519');
	const ed448 = generateKeyPairSync('ed448');
	const ecdsa = (/** @type {import('node:crypto').KeyObject} */ key) => (/** @type {string} */ input) =>
		signData('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
	const eddsa = (/** @type {import('node:crypto').KeyObject} */ key) => (/** @type {string} */ input) =>
		signData(null, Buffer.from(input), key);
	/** @type {AlgorithmCase[]} */
	const cases = [
		build(
			'RS256 (reference)',
			'RS256',
			(input) => signData('sha256', Buffer.from(input), rsa.privateKey),
			rsa.publicKey,
		),
		build('ES256 (reference)', 'ES256', ecdsa(p256.privateKey), p256.publicKey),
		build('ES256K (@noble/curves)', 'ES256K', ecdsa(k1.privateKey), k1.publicKey),
		build('Ed25519 (WebCrypto)', 'Ed25519', eddsa(ed25519.privateKey), ed25519.publicKey),
		build('Ed25519 (@noble/curves)', 'Ed25519', eddsa(ed25519.privateKey), ed25519.publicKey, ['Ed25519']),
		build('Ed448 (@noble/curves)', 'Ed448', eddsa(ed448.privateKey), ed448.publicKey),
	];
	for (const level of ['44', '65', '87'])
		for (const hide of [undefined, ['ML-DSA']]) {
			const vector = JSON.parse(
				readFileSync(
					new URL(`../../tests/vectors/rfc9964/ML_DSA_${level}.jose.json`, import.meta.url),
					'utf8',
				),
			);
			const { priv: _priv, ...publicJwk } = vector.jwk;
			cases.push({
				label: `ML-DSA-${level} (${hide ? '@noble/post-quantum' : 'WebCrypto'})`,
				token: vector.jws,
				key: JSON.stringify(publicJwk),
				// RFC 9964's payload is text, not JSON: its words show in the Payload view.
				marker: 'Frodo',
				hide,
			});
		}
	return cases;
}

/**
 * In a fresh, idle page: the time from the key's 'input' event to "Signature verified", on first use (which may
 * fetch the algorithm's chunks) and again after the key was removed (the chunks in place).
 * @param {Browser} browser
 * @param {Target} target
 * @param {AlgorithmCase} algorithm
 * @returns {Promise<number[]>}
 */
async function measureTwice(browser, target, algorithm) {
	return withPage(browser, async (page) => {
		if (algorithm.hide) await page.addInitScript(hideFromWebCrypto, algorithm.hide);
		await installProbe(page, target.payloadSelector, algorithm.marker);
		await page.goto(`${target.base}#token=${algorithm.token}`);
		await waitForProbe(page, 'seenAt', 20_000);
		await waitForQuiet(page);
		const status = page.getByRole('status', { name: 'Signature', exact: true });
		const box = page.getByRole('textbox', { name: 'Secret or key', exact: true });
		/** @type {number[]} */
		const times = [];
		for (let round = 0; round < 2; round++) {
			if (round > 0) {
				await box.fill('');
				await page.waitForFunction(
					(element) => !element?.textContent?.includes('Signature verified'),
					await status.elementHandle(),
				);
				await page.evaluate(() => {
					const probe = /** @type {ProbedWindow} */ (window).__bench;
					probe.inputAt = undefined;
					probe.verifiedAt = undefined;
				});
			}
			await status.evaluate(watchVerdict);
			await box.fill(algorithm.key);
			await waitForProbe(page, 'verifiedAt', 30_000);
			const { inputAt, verifiedAt } = await page.evaluate(() => /** @type {ProbedWindow} */ (window).__bench);
			if (inputAt === undefined || verifiedAt === undefined)
				throw new Error('no input event before the verdict');
			times.push(verifiedAt - inputAt);
		}
		return times;
	});
}

/**
 * Before the page's scripts: makes WebCrypto refuse algorithms whose names start with one of `prefixes`, as a
 * browser without them does (NotSupportedError), so the page's own code verifies.
 * @param {string[]} prefixes
 */
function hideFromWebCrypto(prefixes) {
	const subtle = /** @type {Record<string, (...args: unknown[]) => Promise<unknown>>} */ (
		/** @type {unknown} */ (SubtleCrypto.prototype)
	);
	const nameOf = (/** @type {unknown} */ algorithm) =>
		typeof algorithm === 'string' ? algorithm : /** @type {{ name?: string } | null} */ (algorithm)?.name;
	for (const [method, at] of /** @type {const} */ ([
		['generateKey', 0],
		['importKey', 2],
		['sign', 0],
		['verify', 0],
	])) {
		const original = subtle[method];
		if (!original) continue;
		subtle[method] = function (/** @type {unknown[]} */ ...args) {
			const name = String(nameOf(args[at]));
			if (prefixes.some((prefix) => name.startsWith(prefix)))
				return Promise.reject(new DOMException('Algorithm: Unrecognized name', 'NotSupportedError'));
			return original.apply(this, args);
		};
	}
}
