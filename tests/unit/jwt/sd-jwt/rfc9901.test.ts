import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseKeyInput } from '../../../../src/lib/crypto/keys';
import { verifyKeyBinding, webCryptoDigest } from '../../../../src/lib/crypto/sd-jwt';
import { verifyToken } from '../../../../src/lib/crypto/verify';
import { encodeBase64urlText as b64 } from '../../../../src/lib/encoding/base64url';
import { decodeToken } from '../../../../src/lib/jwt/decode';
import {
	checkKeyBinding,
	findSdHashAlgorithm,
	processSdJwt,
	readDisclosure,
	readJsonSerialization,
	digestText,
} from '../../../../src/lib/jwt/sd-jwt';

const digest = webCryptoDigest();
const SHA256 = findSdHashAlgorithm('sha-256')!;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Vector = any;
const load = (name: string): Vector => JSON.parse(readFileSync(`tests/vectors/rfc9901/${name}.json`, 'utf8'));
const withKeyBinding = ['section5_example', 'appendixA.3_sd_jwt_vc', 'appendixA.4_w3c_vcdm2'];
const issued = ['section5_example', 'appendixA.3_sd_jwt_vc', 'appendixA.4_w3c_vcdm2'];
const presented = [
	'section5_example',
	'appendixA.1_simple_structured',
	'appendixA.2_complex_structured',
	...withKeyBinding.slice(1),
];
/** The KB-JWTs were made at this instant (their `iat`, 2025-05-29). */
const KB_NOW = 1748537244;

async function process(token: string) {
	const decoded = decodeToken(token);
	const processing = (await processSdJwt(decoded, digest))!;
	return { decoded, processing, claims: JSON.parse(processing.claimsText) as unknown };
}

/** The payload without `_sd` and `_sd_alg` at the top, with the input claims laid over it. */
function expectedClaims(vector: Vector, payload: Record<string, unknown>): unknown {
	const { _sd: _digests, _sd_alg: _alg, ...clear } = payload;
	return { ...clear, ...vector.input_claims };
}

describe('RFC 9901 §4.2: disclosures and their digests', () => {
	const v = load('section4.2_disclosure_examples');
	test.each([
		['§4.2.1 the "Möbius" disclosure', v.object_property.disclosure, v.object_property.digest],
		...v.object_property.equivalent_encodings.map((e: Vector) => [
			`§4.2.1 ${e.description}`,
			e.disclosure,
			e.digest,
		]),
		['§4.2.2 the array element "FR"', v.array_element.disclosure, v.array_element.digest],
	])('%s has the digest the RFC prints', async (_name, disclosure, expected) => {
		expect(await digestText(disclosure, SHA256, digest)).toBe(expected);
	});

	test('§4.2.1 decodes to salt, name and value; §4.2.2 to salt and value', () => {
		expect(readDisclosure(v.object_property.disclosure)).toMatchObject({
			ok: true,
			kind: 'property',
			salt: v.object_property.array[0],
			name: 'family_name',
			value: { kind: 'string', value: 'Möbius' },
		});
		expect(readDisclosure(v.array_element.disclosure)).toMatchObject({
			ok: true,
			kind: 'array-element',
			salt: v.array_element.array[0],
			value: { kind: 'string', value: 'FR' },
		});
	});

	test.each([
		['with the disclosure', [v.array_element.disclosure], v.array_element.processed_with_disclosure],
		['without it', [], v.array_element.processed_without_disclosure],
	])('§4.2.4.2 an array element digest %s', async (_name, disclosures, claims) => {
		const token = `${b64('{"alg":"ES256"}')}.${b64(JSON.stringify(v.array_element.sd_jwt_payload_example))}.c2ln~${disclosures.map((d: string) => `${d}~`).join('')}`;
		expect((await process(token)).claims).toEqual(claims);
	});
});

describe.each(['section6.1_flat', 'section6.2_structured', 'section6.3_recursive'])('RFC 9901 %s', (name) => {
	const v = load(name);
	const token = (payload: unknown) =>
		`${b64('{"alg":"ES256"}')}.${b64(JSON.stringify(payload))}.c2ln~${v.disclosures.map((d: Vector) => `${d.disclosure}~`).join('')}`;

	test('every disclosure has the digest the RFC prints and is matched', async () => {
		const { processing } = await process(token(v.sd_jwt_payload));
		expect(processing.disclosures.map((d) => d.digest)).toEqual(v.disclosures.map((d: Vector) => d.digest));
		expect(processing.disclosures.map((d) => d.status)).toEqual(v.disclosures.map(() => 'matched'));
		expect(processing.findings.map((f) => f.code)).toEqual([]);
	});

	test('processing with every disclosure gives back the input claims', async () => {
		expect((await process(token(v.sd_jwt_payload))).claims).toEqual(expectedClaims(v, v.sd_jwt_payload));
	});
});

test('RFC 9901 §6.2 variant: "country" in the clear and three disclosures used', async () => {
	const v = load('section6.2_structured');
	const payload = v.variant_one_subclaim_in_clear.sd_jwt_payload;
	const used = v.disclosures.filter((d: Vector) => payload.address._sd.includes(d.digest));
	const token = `${b64('{"alg":"ES256"}')}.${b64(JSON.stringify(payload))}.c2ln~${used.map((d: Vector) => `${d.disclosure}~`).join('')}`;
	const { claims } = await process(token);
	expect(claims).toEqual(expectedClaims(v, payload));
});

test('RFC 9901 §6.3: nested disclosures name their parent and where their digest sits', async () => {
	const v = load('section6.3_recursive');
	const token = `${b64('{"alg":"ES256"}')}.${b64(JSON.stringify(v.sd_jwt_payload))}.c2ln~${v.disclosures.map((d: Vector) => `${d.disclosure}~`).join('')}`;
	const { processing } = await process(token);
	const address = v.disclosures.findIndex((d: Vector) => d.claim_name === 'address');
	expect(processing.disclosures[address]!.path).toBe('$._sd[0]');
	expect(processing.disclosures[address]!.parent).toBeUndefined();
	expect(processing.disclosures[address]!.digestSpan).toBeDefined();
	for (const record of processing.disclosures.filter((d) => d.index !== address)) {
		expect(record.parent).toBe(address);
		expect(record.path).toMatch(/^\$\.address\._sd\[\d\]$/);
		expect(record.digestSpan).toBeUndefined();
	}
});

describe.each(issued)('RFC 9901 %s, as issued', (name) => {
	const v = load(name);
	test('the issuer signature verifies with the Appendix A.5 key through the JWS verification', async () => {
		const verdict = await verifyToken({
			decoded: decodeToken(v.sd_jwt),
			key: parseKeyInput(JSON.stringify(v.issuer_public_jwk)),
		});
		expect(verdict.status).toBe('verified');
	});

	test('digests as printed, all matched, and processing gives back the input claims', async () => {
		const { processing, claims } = await process(v.sd_jwt);
		expect(processing.disclosures.map((d) => d.digest)).toEqual(v.disclosures.map((d: Vector) => d.digest));
		expect(processing.disclosures.every((d) => d.status === 'matched' && d.placed)).toBe(true);
		expect(processing.findings.map((f) => f.code)).toEqual([]);
		expect(claims).toEqual(expectedClaims(v, v.issuer_jwt_payload));
	});
});

describe.each(presented)('RFC 9901 %s, as presented', (name) => {
	const v = load(name);
	const token: string = v.presentation.sd_jwt_kb ?? v.presentation.sd_jwt;
	test('processing gives exactly the processed payload the RFC prints', async () => {
		const { processing, claims } = await process(token);
		expect(claims).toEqual(v.presentation.processed_payload);
		expect(processing.findings.map((f) => f.code)).toEqual([]);
	});
});

test('RFC 9901 A.1: the listed decoy digests are the digests without a disclosure', async () => {
	const v = load('appendixA.1_simple_structured');
	const all = `${v.issuer_signed_jwt}~${v.disclosures.map((d: Vector) => `${d.disclosure}~`).join('')}`;
	const { processing } = await process(all);
	expect(processing.undisclosedDigests).toBe(v.decoy_digests.length);
});

describe.each(withKeyBinding)('RFC 9901 %s key binding', (name) => {
	const v = load(name);
	const token: string = v.presentation.sd_jwt_kb;

	test('sd_hash as printed, typ kb+jwt, signature verified with cnf.jwk: "Key binding verified"', async () => {
		const report = (await checkKeyBinding(decodeToken(token), SHA256, digest, { now: KB_NOW }))!;
		expect(report.sdHash).toEqual({
			expected: v.presentation.kb_jwt_payload.sd_hash,
			actual: v.presentation.kb_jwt_payload.sd_hash,
		});
		expect(report.problems).toEqual([]);
		expect(report.findings).toEqual([]);
		expect(report.holderKey).toEqual({ kind: 'jwk', jwk: v.holder_public_jwk });
		const verdict = await verifyKeyBinding(report);
		expect(verdict).toMatchObject({
			status: 'verified',
			code: 'verified',
			signature: { status: 'verified' },
		});
	});

	test('the expected aud and nonce the RFC uses pass; others fail with their codes', async () => {
		const { aud, nonce } = v.presentation.kb_jwt_payload;
		const ok = await checkKeyBinding(decodeToken(token), SHA256, digest, {
			now: KB_NOW,
			expectedAudience: aud,
			expectedNonce: nonce,
		});
		expect(ok!.findings).toEqual([]);
		const wrong = await checkKeyBinding(decodeToken(token), SHA256, digest, {
			now: KB_NOW,
			expectedAudience: `${aud}/other`,
			expectedNonce: `${nonce}0`,
		});
		expect(wrong!.findings.map((f) => f.code).sort()).toEqual(['sd-kb-audience', 'sd-kb-nonce']);
		expect((await verifyKeyBinding(wrong!)).status).toBe('invalid');
	});

	test('a presentation with one disclosure removed keeps its KB-JWT but fails sd_hash', async () => {
		const parts = token.split('~');
		const tampered = [...parts.slice(0, 1), ...parts.slice(2)].join('~');
		const report = (await checkKeyBinding(decodeToken(tampered), SHA256, digest, { now: KB_NOW }))!;
		expect(report.findings.map((f) => f.code)).toEqual(['sd-hash-mismatch']);
		const verdict = await verifyKeyBinding(report);
		expect(verdict).toMatchObject({ status: 'invalid', failures: [{ check: 'sd-hash' }] });
	});
});

describe('RFC 9901 §8: JSON serialization is read into the compact form §8.1 hashes', () => {
	test.each([
		['§8.2 flattened, issued', 'section8.2_flattened_json_serialization', 'sd_jwt_flattened', 'flattened', 1],
		[
			'§8.2 flattened, with KB-JWT',
			'section8.2_flattened_json_serialization',
			'sd_jwt_kb_flattened',
			'flattened',
			1,
		],
		[
			'§8.3 general, two signatures',
			'section8.3_general_json_serialization',
			'sd_jwt_kb_general',
			'general',
			2,
		],
	])('%s', async (_name, file, member, form, signatures) => {
		const v = load(file);
		const read = readJsonSerialization(JSON.stringify(v[member]));
		expect(read).toMatchObject({ ok: true, form, signatureCount: signatures });
		if (!read.ok) return;
		const { claims } = await process(read.token);
		if (member !== 'sd_jwt_flattened') {
			expect(claims).toEqual(v.processed_payload);
			expect(read.token.slice(0, read.token.lastIndexOf('~') + 1)).toBe(v.sd_hash_input);
			const report = (await checkKeyBinding(decodeToken(read.token), SHA256, digest, { now: KB_NOW }))!;
			expect(report.sdHash?.actual).toBe(v.kb_jwt_payload.sd_hash);
			expect((await verifyKeyBinding(report)).status).toBe('verified');
		}
	});

	test.each([
		['not JSON', '{"payload":', 'not-json'],
		[
			'a plain JWS in flattened JSON',
			JSON.stringify({ payload: 'e30', protected: 'e30', signature: 'c2ln' }),
			'not-sd-jwt',
		],
		[
			'disclosures not strings',
			JSON.stringify({ payload: 'e30', protected: 'e30', signature: 'c2ln', header: { disclosures: [1] } }),
			'bad-member',
		],
		['an object without payload', '{"a":1}', 'not-sd-jwt'],
	])('refused with a reason: %s', (_name, text, reason) => {
		expect(readJsonSerialization(text)).toMatchObject({ ok: false, reason });
	});
});
