// The signature core against published vectors: RFC 7515 App. A, RFC 7520 §4, RFC 8037 App. A.4 and Wycheproof.

import { createPrivateKey, createPublicKey, type JsonWebKey as NodeJwk } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseKeyInput } from '../../../src/lib/crypto/keys';
import { signToken } from '../../../src/lib/crypto/sign';
import { verifyToken, type Verdict } from '../../../src/lib/crypto/verify';
import { decodeToken } from '../../../src/lib/jwt/decode';

const readVector = <T>(path: string): T =>
	JSON.parse(readFileSync(new URL(`../../vectors/${path}`, import.meta.url), 'utf8')) as T;

type Jwk = NodeJwk & Record<string, unknown>;

/** The verdict for `token` checked with `keyText` typed into `Secret or key`. */
function verifyWith(token: string, keyText: string, base64 = false): Promise<Verdict> {
	return verifyToken({
		decoded: decodeToken(token),
		key: parseKeyInput(keyText, base64),
		secretText: keyText,
	});
}

/** Re-signs `token` with the key in `keyText`; throws when the core refuses, so a test shows why. */
async function resign(token: string, keyText: string): Promise<string> {
	const result = await signToken(token, parseKeyInput(keyText));
	if (!result.ok) throw new Error(result.code);
	return result.token;
}

/** The token with the first character of its signature changed: still canonical base64url, one bit pattern off. */
function tamperSignature(token: string): string {
	const start = token.lastIndexOf('.') + 1;
	return `${token.slice(0, start)}${token[start] === 'A' ? 'B' : 'A'}${token.slice(start + 1)}`;
}

/** Only the public members of a JWK (RFC 7518 §6.2.1, §6.3.1; RFC 8037 §2). */
function publicOnly(jwk: Jwk): Jwk {
	const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...rest } = jwk;
	return rest;
}

/** The same key as PEM in every form node:crypto writes: SPKI and PKCS#8, plus PKCS#1 (RSA) or SEC1 (EC). */
function pemForms(jwk: Jwk): [string, string][] {
	const publicKey = createPublicKey({ key: publicOnly(jwk), format: 'jwk' });
	const forms: [string, string][] = [
		['PEM SPKI', publicKey.export({ type: 'spki', format: 'pem' }) as string],
	];
	if (jwk.kty === 'RSA')
		forms.push(['PEM PKCS#1 public', publicKey.export({ type: 'pkcs1', format: 'pem' }) as string]);
	if (typeof jwk.d !== 'string') return forms;
	const privateKey = createPrivateKey({ key: jwk, format: 'jwk' });
	forms.push(['PEM PKCS#8', privateKey.export({ type: 'pkcs8', format: 'pem' }) as string]);
	if (jwk.kty === 'RSA')
		forms.push(['PEM PKCS#1 private', privateKey.export({ type: 'pkcs1', format: 'pem' }) as string]);
	if (jwk.kty === 'EC')
		forms.push(['PEM SEC1', privateKey.export({ type: 'sec1', format: 'pem' }) as string]);
	return forms;
}

describe('RFC 7515 Appendix A.1–A.4', () => {
	interface RfcVector {
		name: string;
		compact: string;
		alg: string;
		jwk?: Jwk;
	}
	const RFC = readVector<{ vectors: RfcVector[] }>('rfc7515-7519.json');
	const PRIVATE = readVector<{ keys: Record<string, Jwk> }>('rfc7515-private-keys.json').keys;
	const SIGNED = RFC.vectors
		.filter((v) => v.name.startsWith('RFC 7515 A.') && v.jwk)
		.map((v) => [v.name, v] as const);
	const byName = (name: string) => RFC.vectors.find((v) => v.name === name)!;

	test('A.1 to A.4 are all there, each with its key', () => {
		expect(SIGNED.map(([name]) => name)).toEqual([
			'RFC 7515 A.1 HS256',
			'RFC 7515 A.2 RS256',
			'RFC 7515 A.3 ES256',
			'RFC 7515 A.4 ES512',
		]);
	});

	test.each(SIGNED)('%s verifies with its JWK given as JSON text', async (_name, vector) => {
		const verdict = await verifyWith(vector.compact, JSON.stringify(vector.jwk));
		expect(verdict).toMatchObject({ status: 'verified', key: { source: 'jwk' } });
	});

	test.each(SIGNED)('%s with one character of the signature changed is invalid', async (_name, vector) => {
		const verdict = await verifyWith(tamperSignature(vector.compact), JSON.stringify(vector.jwk));
		expect(verdict.status).toBe('invalid');
	});

	test('A.1 (HS256) is re-signed byte for byte with the oct JWK', async () => {
		const vector = byName('RFC 7515 A.1 HS256');
		expect(await resign(vector.compact, JSON.stringify(vector.jwk))).toBe(vector.compact);
	});

	test('A.2 (RS256) is re-signed byte for byte with the private JWK and its PEM forms', async () => {
		const vector = byName('RFC 7515 A.2 RS256');
		const jwk = PRIVATE['RFC 7515 A.2 RS256']!;
		expect(publicOnly(jwk)).toEqual(vector.jwk);
		expect(await resign(vector.compact, JSON.stringify(jwk))).toBe(vector.compact);
		for (const [form, pem] of pemForms(jwk).filter(
			([form]) => form !== 'PEM SPKI' && !form.endsWith('public'),
		))
			expect(await resign(vector.compact, pem), form).toBe(vector.compact);
	});

	test.each(['RFC 7515 A.3 ES256', 'RFC 7515 A.4 ES512'])(
		'%s re-signed with its private key verifies with the public JWK',
		async (name) => {
			const vector = byName(name);
			const jwk = PRIVATE[name]!;
			expect(publicOnly(jwk)).toEqual(vector.jwk);
			const token = await resign(vector.compact, JSON.stringify(jwk));
			// ECDSA draws a fresh nonce: the header and payload stay, the signature is new.
			expect(token.slice(0, token.lastIndexOf('.'))).toBe(
				vector.compact.slice(0, vector.compact.lastIndexOf('.')),
			);
			expect(token).not.toBe(vector.compact);
			expect(await verifyWith(token, JSON.stringify(vector.jwk))).toMatchObject({ status: 'verified' });
			expect(await verifyWith(tamperSignature(token), JSON.stringify(vector.jwk))).toMatchObject({
				status: 'invalid',
			});
		},
	);
});

describe('RFC 7520 §4.1–4.4 (JOSE Cookbook)', () => {
	interface CookbookVector {
		title: string;
		reproducible?: boolean;
		input: { payload: string; key: Jwk; alg: string };
		output: { compact: string };
	}
	const FILES = [
		'4_1.rsa_v15_signature.json',
		'4_2.rsa-pss_signature.json',
		'4_3.ecdsa_signature.json',
		'4_4.hmac-sha2_integrity_protection.json',
	];
	const COOKBOOK = FILES.map((file) => {
		const vector = readVector<CookbookVector>(`rfc7520/jws/${file}`);
		return [`RFC 7520 §${file.slice(0, 3).replace('_', '.')} ${vector.input.alg}`, vector] as const;
	});
	const JWK = Object.fromEntries(
		['3_1.ec_public_key', '3_2.ec_private_key', '3_3.rsa_public_key', '3_4.rsa_private_key'].map((name) => [
			name,
			readVector<Jwk>(`rfc7520/jwk/${name}.json`),
		]),
	);

	/** Every way the §4 key can be typed: the JWK as in the file, its public half, and its PEM forms. */
	const KEY_FORMS = COOKBOOK.flatMap(([name, vector]) => {
		const jwk = vector.input.key;
		const forms: [string, string][] = [['JWK as given', JSON.stringify(jwk)]];
		if (jwk.kty !== 'oct') forms.push(['public JWK', JSON.stringify(publicOnly(jwk))], ...pemForms(jwk));
		return forms.map(([form, text]) => [name, form, vector.output.compact, text] as const);
	});

	test('the §3 keys are the keys the §4 examples use', () => {
		const [rsa, pss, ecdsa] = COOKBOOK.map(([, vector]) => vector.input.key);
		expect(rsa).toEqual(JWK['3_4.rsa_private_key']);
		expect(pss).toEqual(JWK['3_4.rsa_private_key']);
		expect(ecdsa).toEqual(JWK['3_2.ec_private_key']);
		expect(publicOnly(JWK['3_4.rsa_private_key']!)).toEqual(JWK['3_3.rsa_public_key']);
		expect(publicOnly(JWK['3_2.ec_private_key']!)).toEqual(JWK['3_1.ec_public_key']);
	});

	test('every key form is covered: JWK, public JWK, SPKI, PKCS#1 / SEC1 and PKCS#8', () => {
		expect(KEY_FORMS.map(([name, form]) => `${name}: ${form}`)).toEqual([
			...['RFC 7520 §4.1 RS256', 'RFC 7520 §4.2 PS384'].flatMap((name) =>
				[
					'JWK as given',
					'public JWK',
					'PEM SPKI',
					'PEM PKCS#1 public',
					'PEM PKCS#8',
					'PEM PKCS#1 private',
				].map((form) => `${name}: ${form}`),
			),
			...['JWK as given', 'public JWK', 'PEM SPKI', 'PEM PKCS#8', 'PEM SEC1'].map(
				(form) => `RFC 7520 §4.3 ES512: ${form}`,
			),
			'RFC 7520 §4.4 HS256: JWK as given',
		]);
	});

	test.each(KEY_FORMS)('%s verifies with the key as %s', async (_name, _form, compact, keyText) => {
		expect(await verifyWith(compact, keyText)).toMatchObject({ status: 'verified' });
		expect((await verifyWith(tamperSignature(compact), keyText)).status).toBe('invalid');
	});

	test.each(COOKBOOK.filter(([, v]) => v.reproducible))(
		'%s is re-signed byte for byte',
		async (_name, vector) => {
			expect(await resign(vector.output.compact, JSON.stringify(vector.input.key))).toBe(
				vector.output.compact,
			);
		},
	);

	test.each(COOKBOOK.filter(([, v]) => !v.reproducible))(
		'%s (randomised) re-signed verifies with the public key',
		async (_name, vector) => {
			const token = await resign(vector.output.compact, JSON.stringify(vector.input.key));
			expect(token).not.toBe(vector.output.compact);
			expect(await verifyWith(token, JSON.stringify(publicOnly(vector.input.key)))).toMatchObject({
				status: 'verified',
			});
		},
	);

	test('§4.1 and §4.4 are the reproducible ones', () => {
		expect(COOKBOOK.filter(([, v]) => v.reproducible).map(([name]) => name)).toEqual([
			'RFC 7520 §4.1 RS256',
			'RFC 7520 §4.4 HS256',
		]);
	});
});

describe('RFC 8037 Appendix A.4 (Ed25519)', () => {
	const vector = readVector<{
		reproducible: boolean;
		input: { key: Jwk; alg: string };
		output: { compact: string };
	}>('rfc7520/curve25519/jws.json');
	const { key } = vector.input;
	const FORMS: [string, string][] = [
		['private OKP JWK', JSON.stringify(key)],
		['public OKP JWK', JSON.stringify(publicOnly(key))],
		...pemForms(key),
	];

	test('the vector is EdDSA with an Ed25519 key', () => {
		expect(vector.input.alg).toBe('EdDSA');
		expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
		expect(FORMS.map(([form]) => form)).toEqual([
			'private OKP JWK',
			'public OKP JWK',
			'PEM SPKI',
			'PEM PKCS#8',
		]);
	});

	test.each(FORMS)('verifies with the %s', async (_form, keyText) => {
		expect(await verifyWith(vector.output.compact, keyText)).toMatchObject({ status: 'verified' });
		expect((await verifyWith(tamperSignature(vector.output.compact), keyText)).status).toBe('invalid');
	});

	test('is re-signed byte for byte (Ed25519 is deterministic)', async () => {
		expect(vector.reproducible).toBe(true);
		expect(await resign(vector.output.compact, JSON.stringify(key))).toBe(vector.output.compact);
	});
});

interface WycheproofTest {
	tcId: number;
	comment: string;
	jws: string;
	result: 'valid' | 'invalid';
	flags: string[];
}

interface WycheproofGroup {
	comment: string;
	public?: unknown;
	private?: unknown;
	tests: WycheproofTest[];
}

interface WycheproofFile {
	numberOfTests: number;
	testGroups: WycheproofGroup[];
}

/** A verdict that differs from Wycheproof's `result`, and why that is right for this debugger. */
interface ExpectedDifference {
	readonly status: Verdict['status'];
	readonly why: string;
}

/** Each case with the key its group gives (public when there is one, else private) as JSON text. */
function listCases(file: WycheproofFile): [string, WycheproofTest, string][] {
	return file.testGroups.flatMap((group) =>
		group.tests.map((t): [string, WycheproofTest, string] => [
			`wycheproof #${t.tcId} ${t.comment}${t.flags.length > 0 ? ` [${t.flags.join(', ')}]` : ''} (${group.comment})`,
			t,
			JSON.stringify(group.public ?? group.private),
		]),
	);
}

/** Asserts Wycheproof's expectation, or exactly the listed difference. */
async function checkCase(
	t: WycheproofTest,
	keyText: string,
	differences: ReadonlyMap<number, ExpectedDifference>,
) {
	const verdict = await verifyWith(t.jws, keyText);
	const difference = differences.get(t.tcId);
	if (difference) {
		expect(verdict.status, difference.why).toBe(difference.status);
		return verdict;
	}
	if (t.result === 'valid') expect(verdict).toMatchObject({ status: 'verified' });
	else expect(verdict.status).not.toBe('verified');
	// An unsigned token is never checked, whatever the key (RFC 8725 §3.1).
	if (t.flags.includes('AlgIsNone')) expect(verdict.status).toBe('not-verified');
	return verdict;
}

/** Each listed difference names a real case whose expected result it really contradicts. */
function checkDifferences(
	cases: [string, WycheproofTest, string][],
	differences: ReadonlyMap<number, ExpectedDifference>,
) {
	for (const [tcId, difference] of differences) {
		const found = cases.find(([, t]) => t.tcId === tcId);
		expect(found, `#${tcId}`).toBeDefined();
		expect(found![1].result === 'valid', `#${tcId}`).toBe(difference.status !== 'verified');
	}
}

describe('Wycheproof json_web_signature_test.json', () => {
	const FILE = readVector<WycheproofFile>('wycheproof/json_web_signature_test.json');
	const CASES = listCases(FILE);
	const byId = (tcId: number) => CASES.find(([, t]) => t.tcId === tcId)![1];

	/**
	 * The file contradicts itself in two places, and no verifier can meet both halves; and four RFC 7520
	 * cases give the key an `alg` other than the token's, which this debugger reports as a mismatch.
	 * The JSON-serialized case (#17) is expected invalid, which this compact-only debugger also says.
	 */
	const EXPECTED_DIFFERENCES: ReadonlyMap<number, ExpectedDifference> = new Map([
		...[346, 350, 347, 351].map((tcId): [number, ExpectedDifference] => [
			tcId,
			{
				status: 'invalid',
				why:
					'the key says "alg": "PS256" (#346, #350) or "ES521" (#347, #351) but the token is PS384 or ES512: a key ' +
					'that "cannot be used with the token\'s alg" is an invalid signature (ui-contract.md, RFC 7517 §4.4), ' +
					'as json_web_key_test #19 expects for the same "ES521"',
			},
		]),
		...[367, 370].map((tcId): [number, ExpectedDifference] => [
			tcId,
			{
				status: 'verified',
				why: 'the token is the same string as #357 (valid): the generator did not add the padding its comment names',
			},
		]),
		...[372, 373].map((tcId): [number, ExpectedDifference] => [
			tcId,
			{
				status: 'not-verified',
				why:
					"'?' is not base64url, so the part cannot be decoded (RFC 7515 §5.2 steps 1–2), and the MAC is #357's, " +
					'computed over the input without the inserted character (RFC 7515 §5.2 step 8 uses the input as received)',
			},
		]),
	]);

	test('all 401 cases are read, one key per group', () => {
		expect(CASES).toHaveLength(FILE.numberOfTests);
		expect(CASES).toHaveLength(401);
		for (const [, , keyText] of CASES) expect(keyText).toMatch(/^\{"/);
	});

	test('the expected differences are real and explained', () => {
		checkDifferences(CASES, EXPECTED_DIFFERENCES);
		expect(byId(367).jws).toBe(byId(357).jws);
		expect(byId(370).jws).toBe(byId(357).jws);
		expect(byId(372).jws.replace('?', '')).toBe(byId(357).jws);
		expect(byId(373).jws.replace('?', '')).toBe(byId(357).jws);
	});

	test.each([346, 347, 350, 351])(
		'#%i: only the key\'s "alg" stands in the way; without it the signature verifies',
		async (tcId) => {
			const [, t, keyText] = CASES.find(([, c]) => c.tcId === tcId)!;
			const verdict = await verifyWith(t.jws, keyText);
			expect(verdict).toMatchObject({
				status: 'invalid',
				code: 'key-misfit',
				matches: [{ misfits: [{ code: 'key-alg', keyAlg: expect.stringMatching(/^(PS256|ES521)$/) }] }],
			});
			const { alg: _alg, ...withoutAlg } = JSON.parse(keyText) as Jwk;
			expect(await verifyWith(t.jws, JSON.stringify(withoutAlg))).toMatchObject({ status: 'verified' });
		},
	);

	test.each([
		[368, 'payload', 'not-verified'],
		[369, 'payload', 'not-verified'],
		[371, 'payload', 'not-verified'],
		[373, 'payload', 'not-verified'],
		[372, 'header', 'not-verified'],
		[361, 'signature', 'invalid'],
		[363, 'signature', 'invalid'],
	] as const)(
		'#%i: a %s that is not base64url gives %s, not a match over its characters',
		async (tcId, part, status) => {
			const [, t, keyText] = CASES.find(([, c]) => c.tcId === tcId)!;
			const errors = decodeToken(t.jws).errors.filter((e) => e.code === 'bad-base64url');
			expect(errors.map((e) => e.part)).toEqual([part]);
			const verdict = await verifyWith(t.jws, keyText);
			expect(verdict.status).toBe(status);
			expect(verdict.code).toBe(
				part === 'header'
					? 'undecodable'
					: part === 'payload'
						? 'payload-not-base64url'
						: 'signature-not-base64url',
			);
		},
	);

	test.each(CASES)('%s', async (_name, t, keyText) => {
		await checkCase(t, keyText, EXPECTED_DIFFERENCES);
	});

	test('the JSON-serialized case is turned away as not compact', async () => {
		const t = byId(17);
		expect(t.flags).toEqual(['JsonSerialization']);
		expect(t.jws.startsWith('{')).toBe(true);
		expect(decodeToken(t.jws).kind).toBe('malformed');
	});

	test('a symmetric-confusion attack (HS256 with the EC public key as secret) names the key type', async () => {
		const [, t, keyText] = CASES.find(([, c]) => c.tcId === 31)!;
		const verdict = await verifyWith(t.jws, keyText);
		expect(verdict).toMatchObject({
			status: 'invalid',
			code: 'key-misfit',
			alg: 'HS256',
			key: { info: { kty: 'EC', crv: 'P-256' } },
			// The JWK also says "alg": "ES256"; the key type is the first thing to fix.
			matches: [
				{
					misfits: [
						{ code: 'key-type', needs: [{ kty: 'oct' }] },
						{ code: 'key-alg', keyAlg: 'ES256' },
					],
				},
			],
		});
	});
});

/**
 * json_web_key_test.json holds key sets, not single keys: each group has a JWK Set (`private`, and
 * `public` for asymmetric keys) and one JWS that a library given the set should accept or reject.
 * The sets test key handling: a set mixing key types, duplicate `kid`s, a key whose `use` is `enc`,
 * an `alg`/`crv`/`kty` that does not fit the key, a point off the curve, AES keys offered for HMAC,
 * HMAC keys shorter than the hash, an empty `k`, a 1024-bit RSA key, a ROCA-weak modulus and e = 1.
 * Every case has a JWS, so each is checked like a signature case: the set goes, as JSON text, into
 * `Secret or key` (parseKeyInput reads it as a JWKS), and verifyToken must verify the valid ones
 * and not the invalid ones, whether the key is refused when read or when matched to the token.
 */
describe('Wycheproof json_web_key_test.json', () => {
	const FILE = readVector<WycheproofFile>('wycheproof/json_web_key_test.json');
	const CASES = listCases(FILE);

	const weakKey = (finding: string): ExpectedDifference => ({
		status: 'verified',
		why: `the signature matches: the verdict says only that (ui-contract.md "Verdict"), and a short key is the \`${finding}\` finding`,
	});
	const EXPECTED_DIFFERENCES: ReadonlyMap<number, ExpectedDifference> = new Map([
		[
			1,
			{
				status: 'verified',
				why: 'flagged Ambiguous: RFC 7517 §5 lets a JWK Set hold keys of any types; the kid picks the HMAC key and its MAC matches',
			},
		],
		[
			4,
			{
				status: 'verified',
				why: 'flagged Ambiguous: distinct kids are a SHOULD (RFC 7517 §4.5); a debugger tries each key with the kid and says which matched',
			},
		],
		[
			7,
			{
				status: 'verified',
				why: 'the signature matches; recognising a ROCA-weak modulus (CVE-2017-15361) needs a fingerprint test the debugger does not run',
			},
		],
		[8, weakKey('weak-rsa-key')],
		[10, weakKey('weak-secret')],
		[11, weakKey('weak-secret')],
		[12, weakKey('weak-secret')],
	]);

	test('all 26 cases are read, each with a key set', () => {
		expect(CASES).toHaveLength(FILE.numberOfTests);
		expect(CASES).toHaveLength(26);
		for (const [, , keyText] of CASES) expect(parseKeyInput(keyText)).not.toMatchObject({ kind: 'secret' });
	});

	test('the expected differences are real and explained', () => {
		checkDifferences(CASES, EXPECTED_DIFFERENCES);
	});

	test.each(CASES)('%s', async (_name, t, keyText) => {
		await checkCase(t, keyText, EXPECTED_DIFFERENCES);
	});

	test.each([
		[6, { code: 'key-use', use: 'enc' }],
		[9, { code: 'rsa-exponent', value: 1 }],
		[16, { code: 'member-empty', member: 'k' }],
		[17, { code: 'member-empty', member: 'k' }],
		[18, { code: 'member-empty', member: 'k' }],
		[19, { code: 'key-alg', keyAlg: 'ES521', alg: 'ES256' }],
		[20, { code: 'key-alg', keyAlg: 'ES224' }],
		[21, { code: 'key-use', use: 'enc' }],
		// A P-256 point labelled P-384: its coordinates are too short for P-384, so it is refused when read.
		[23, { code: 'member-length', member: 'x', crv: 'P-384', bytes: 32, expected: 48 }],
		[24, { code: 'key-unreadable' }],
		[25, { code: 'key-alg', keyAlg: 'A256GCM' }],
		[26, { code: 'key-alg', keyAlg: 'A256KW' }],
	])('#%i is refused for the key, with the reason', async (tcId, reason) => {
		const [, t, keyText] = CASES.find(([, c]) => c.tcId === tcId)!;
		const verdict = await verifyWith(t.jws, keyText);
		expect(verdict.status).toBe('invalid');
		// A key refused when read has its reason in parseKeyInput's problem (the alert under the key).
		const parsed = parseKeyInput(keyText);
		const problem = parsed.kind === 'error' ? parsed.problem : undefined;
		const reasons = [
			verdict,
			...(verdict.status === 'invalid' && verdict.code === 'key-misfit'
				? verdict.matches.flatMap((m) => m.misfits)
				: []),
			...(problem?.code === 'jwk-unusable' ? [problem.fault] : []),
			...(problem?.code === 'jwks-no-key' ? problem.keys.map((k) => k.fault) : []),
		];
		expect(reasons).toContainEqual(expect.objectContaining(reason));
	});

	test('#4: of two keys with the same kid, the first one verifies', async () => {
		const [, t, keyText] = CASES.find(([, c]) => c.tcId === 4)!;
		expect(await verifyWith(t.jws, keyText)).toMatchObject({ status: 'verified', key: { index: 0 } });
	});
});
