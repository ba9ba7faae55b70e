// Issue 19: every path that reads a key a person typed (`Secret or key` to verify and to sign, JWKS, certificates and
// PEM, `Decryption key`, `Holder private key`, generated keys) words its failures from the messages tables: no browser
// error name, no `undefined`, `NaN`, `[object Object]`, and none of the developers' own text.

import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import * as jose from 'jose';
import { describe, expect, test } from 'vitest';
import { changed, cut } from '../../damaged-pem';
import { findEmbeddedKeys } from '$lib/crypto/embedded';
import { decryptJwe } from '$lib/crypto/jwe/decrypt';
import { describeFailure } from '$lib/crypto/jwe/messages';
import { describeKeyBindingSigning } from '../../../src/lib/crypto/key-binding-messages';
import { parseKeyInput, type KeyProblem } from '$lib/crypto/keys';
import {
	describeKeyFault,
	describeKeyGenerationFailure,
	describeKeyProblem,
	describeSignResult,
	describeVerdict,
} from '$lib/crypto/messages';
import { signKeyBinding } from '$lib/crypto/sd-jwt';
import { signToken } from '$lib/crypto/sign';
import { verifyToken } from '$lib/crypto/verify';
import { decodeToken } from '$lib/jwt/decode';
import { findSdHashAlgorithm } from '$lib/jwt/sd-jwt';
import { certificatePem } from './key-fixtures';
import { faultsOf } from './faults-of';
import { makeToken } from './verify-fixtures';

/** Browser error names and values never meant as words. */
const RAW =
	/\b(?:DataError|OperationError|NotSupportedError|InvalidAccessError|SyntaxError|TypeError|RangeError)\b|\bundefined\b|\bNaN\b|\[object Object\]/;
/** Our developer messages: fault JSON, ASN.1 shape strings, der.ts wording. */
const DEVELOPER = /"code"|SEQUENCE \{|\bexpected an? [A-Z]|truncated DER|\boffset \d|Error\b/;

function expectPersonWords(words: string): void {
	expect(words, words).toMatch(/\S/);
	expect(words, words).not.toMatch(RAW);
	expect(words, words).not.toMatch(DEVELOPER);
}

/** The problem's words contain the messages table's words for each fault inside it. */
function expectFromTable(problem: KeyProblem, words: string): void {
	for (const fault of faultsOf(problem)) {
		const faultWords = describeKeyFault(fault);
		expectPersonWords(faultWords);
		expect(words).toContain(faultWords);
	}
	expect(words).toContain(describeKeyProblem(problem));
}

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const pemOf = (key: KeyObject, type: 'spki' | 'pkcs1' | 'pkcs8' | 'sec1') =>
	key.export({ type, format: 'pem' }) as string;
const jwkOf = (key: KeyObject) => key.export({ format: 'jwk' }) as Record<string, string>;

type Family = 'RSA' | 'EC';
/** Damaged keys as people paste them, and the family of token each is meant for. */
const DAMAGED: readonly [name: string, family: Family, text: string][] = [
	['RSA PKCS#8 cut', 'RSA', cut(pemOf(rsa.privateKey, 'pkcs8'))],
	['RSA PKCS#8 with one character changed', 'RSA', changed(pemOf(rsa.privateKey, 'pkcs8'))],
	['RSA PKCS#1 private key cut', 'RSA', cut(pemOf(rsa.privateKey, 'pkcs1'), 5)],
	['RSA PKCS#1 private key with one character changed', 'RSA', changed(pemOf(rsa.privateKey, 'pkcs1'))],
	['RSA SPKI cut', 'RSA', cut(pemOf(rsa.publicKey, 'spki'))],
	[
		'RSA SPKI under the PKCS#1 label',
		'RSA',
		pemOf(rsa.publicKey, 'spki').replaceAll('PUBLIC KEY', 'RSA PUBLIC KEY'),
	],
	['a certificate cut', 'RSA', cut(certificatePem, 3)],
	['an RSA JWK with an empty "n"', 'RSA', JSON.stringify({ ...jwkOf(rsa.publicKey), n: '' })],
	['an RSA JWK with "n" of one byte', 'RSA', JSON.stringify({ ...jwkOf(rsa.publicKey), n: 'EQ' })],
	['an RSA JWK with "d" but no "p"', 'RSA', JSON.stringify({ ...jwkOf(rsa.privateKey), p: undefined })],
	[
		'an RSA JWK with "p" and "q" swapped',
		'RSA',
		JSON.stringify({ ...jwkOf(rsa.privateKey), p: jwkOf(rsa.privateKey).dp }),
	],
	[
		'a JWKS whose keys are all damaged',
		'RSA',
		JSON.stringify({ keys: [{ ...jwkOf(rsa.publicKey), n: '' }, { kty: 'RSA' }, 5] }),
	],
	['JSON that does not parse', 'RSA', '{"kty":"RSA",'],
	['a PEM with a character that is not base64', 'RSA', pemOf(rsa.publicKey, 'spki').replace(/\n(.)/, '\n!')],
	[
		'the EC JWK of issue 19 (point off P-256)',
		'EC',
		JSON.stringify({ kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'A'.repeat(43) }),
	],
	['a SEC1 key cut', 'EC', cut(pemOf(ec.privateKey, 'sec1'), 1)],
	['an EC PKCS#8 key with one character changed', 'EC', changed(pemOf(ec.privateKey, 'pkcs8'))],
	[
		'an EC SPKI under the EC PRIVATE KEY label',
		'EC',
		pemOf(ec.publicKey, 'spki').replaceAll('PUBLIC KEY', 'EC PRIVATE KEY'),
	],
	['an EC JWK with "x" emptied', 'EC', JSON.stringify({ ...jwkOf(ec.privateKey), x: '' })],
];

const TOKENS: Record<Family, string> = {
	RSA: makeToken('RS256', rsa.privateKey),
	EC: makeToken('ES256', ec.privateKey),
};

describe('`Secret or key`: reading, verifying, signing', () => {
	test.each(DAMAGED)('%s: the alert, the verdict and the sign note', async (_name, family, text) => {
		const parsed = parseKeyInput(text);
		expect(parsed.kind).toBe('error');
		if (parsed.kind !== 'error') return;
		const alert = describeKeyProblem(parsed.problem);
		expectPersonWords(alert);
		expectFromTable(parsed.problem, alert);

		const verdict = await verifyToken({ decoded: decodeToken(TOKENS[family]), key: parsed });
		expect(verdict).toMatchObject({ status: 'invalid', code: 'key-unreadable' });
		const { explanation, hint } = describeVerdict(verdict);
		expectPersonWords(explanation);
		if (hint) expectPersonWords(hint);

		const signed = await signToken(TOKENS[family], parsed);
		expect(signed).toMatchObject({ ok: false, code: 'key-unreadable' });
		const note = describeSignResult(signed);
		expectPersonWords(note);
		expect(note).toContain(alert);
	});
});

describe('keys a token carries (`jwk`, `x5c`), when a person chooses to verify with them', () => {
	const certificateDer = Buffer.from(
		certificatePem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''),
		'base64',
	);
	test.each([
		['an "x5c" certificate cut short', { x5c: [certificateDer.subarray(0, 200).toString('base64')] }],
		['a "jwk" off its curve', { jwk: { kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'A'.repeat(43) } }],
	])('%s: the key problem and the verdict are worded from the tables', async (_name, header) => {
		const decoded = decodeToken(makeToken('ES256', ec.privateKey, header));
		const [embedded] = findEmbeddedKeys(decoded);
		const parsed = parseKeyInput(embedded!.keyText!);
		expect(parsed.kind).toBe('error');
		if (parsed.kind !== 'error') return;
		expectFromTable(parsed.problem, describeKeyProblem(parsed.problem));
		const verdict = await verifyToken({ decoded, key: parsed });
		const { explanation } = describeVerdict({ ...verdict, via: embedded!.member } as typeof verdict);
		expectPersonWords(explanation);
	});
});

describe('`Decryption key` (JWE)', () => {
	const encrypted: Record<Family, Promise<string>> = {
		RSA: new jose.CompactEncrypt(new TextEncoder().encode('{"a":1}'))
			.setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A128GCM' })
			.encrypt(rsa.publicKey),
		EC: new jose.CompactEncrypt(new TextEncoder().encode('{"a":1}'))
			.setProtectedHeader({ alg: 'ECDH-ES+A128KW', enc: 'A128GCM' })
			.encrypt(ec.publicKey),
	};

	test.each(DAMAGED)('%s: the decryption status says why, from the tables', async (_name, family, text) => {
		const outcome = await decryptJwe({ decoded: decodeToken(await encrypted[family]), keyText: text });
		expect(outcome.status).toBe('failed');
		if (outcome.status !== 'failed') return;
		const words = describeFailure(outcome.failure);
		expectPersonWords(words);
		if (outcome.failure.code === 'key-unreadable') expectFromTable(outcome.failure.problem, words);
		else expect(outcome.failure.code).toBe('crypto-refused');
	});

	test('a key the browser refuses to import is refused in words, without the browser error name', async () => {
		const refusing = refusingSubtle();
		const outcome = await decryptJwe(
			{ decoded: decodeToken(await encrypted.RSA), keyText: pemOf(rsa.privateKey, 'pkcs8') },
			refusing,
		);
		expect(outcome).toMatchObject({
			status: 'failed',
			failure: { code: 'crypto-refused', errorName: 'DataError' },
		});
		if (outcome.status === 'failed') expectPersonWords(describeFailure(outcome.failure));
	});
});

describe('`Holder private key` (SD-JWT key binding)', () => {
	const presentation = `${TOKENS.EC}~`;
	const claims = { now: 1_767_225_600, aud: 'https://verifier.example', nonce: 'n-1' };
	const sha256 = findSdHashAlgorithm('sha-256')!;
	const digest = async (_alg: string, bytes: Uint8Array) =>
		new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));

	test.each(DAMAGED)('%s: the note says why the key cannot be used', async (_name, _family, text) => {
		const parsed = parseKeyInput(text);
		const signed = await signKeyBinding(presentation, parsed, claims, sha256, digest);
		expect(signed).toMatchObject({ ok: false, code: 'key-unreadable' });
		if (signed.ok || parsed.kind !== 'error') return;
		const words = describeKeyBindingSigning(signed);
		expectPersonWords(words);
		expectFromTable(parsed.problem, words);
	});

	test('a holder key the browser refuses is refused in words, without the browser error name', async () => {
		const signed = await signKeyBinding(
			presentation,
			parseKeyInput(JSON.stringify(jwkOf(ec.privateKey))),
			claims,
			sha256,
			digest,
			refusingSubtle(),
		);
		expect(signed.ok).toBe(false);
		if (!signed.ok) expectPersonWords(describeKeyBindingSigning(signed));
	});
});

describe('generated keys', () => {
	test.each([
		['NotSupportedError', new DOMException('Algorithm: Unrecognized name', 'NotSupportedError')],
		['OperationError', new DOMException('The operation failed', 'OperationError')],
		['TypeError', new TypeError('x is undefined')],
		['a thrown string', 'boom'],
		['undefined', undefined],
	])('a failure (%s) is worded without the error', (_name, error) => {
		expectPersonWords(describeKeyGenerationFailure(error));
	});
});

/** WebCrypto that refuses every key it is given to import, as a browser does with a DataError. */
function refusingSubtle(): SubtleCrypto {
	return new Proxy(globalThis.crypto.subtle, {
		get(target, name) {
			if (name === 'importKey')
				return () => Promise.reject(new DOMException('The provided key data is invalid', 'DataError'));
			const value = Reflect.get(target, name) as unknown;
			return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
		},
	});
}
