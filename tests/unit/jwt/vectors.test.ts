import { readFileSync } from 'node:fs';
import { compactVerify, importJWK, type JWK } from 'jose';
import { describe, expect, test } from 'vitest';
import { encodeBase64url, encodeBase64urlText } from '../../../src/lib/encoding/base64url';
import { decodeToken } from '../../../src/lib/jwt/decode';
import { listFindings } from '../../../src/lib/jwt/findings';
import { getMember, toPlainValue } from '../../../src/lib/jwt/json';

/** 2026-01-01T00:00:00Z, in seconds. */
const NOW = 1_767_225_600;

const readVector = <T>(path: string): T =>
	JSON.parse(readFileSync(new URL(`../../vectors/${path}`, import.meta.url), 'utf8')) as T;

/** A public JWK: what a verifier holds (WebCrypto will not verify with a private key). */
function publicJwk(jwk: JWK): JWK {
	const { kty, n, e, crv, x, y, k } = jwk;
	return Object.fromEntries(Object.entries({ kty, n, e, crv, x, y, k }).filter(([, v]) => v !== undefined));
}

async function verify(compact: string, jwk: JWK, alg: string): Promise<Uint8Array> {
	const { payload } = await compactVerify(compact, await importJWK(publicJwk(jwk), alg));
	return payload;
}

interface CookbookVector {
	title: string;
	input: { payload: string; key: JWK; alg: string };
	signing: { protected: Record<string, unknown>; protected_b64u: string; sig: string };
	output: { compact: string; json_flat: { payload: string; protected: string; signature: string } };
}

const COOKBOOK = [
	'4_1.rsa_v15_signature.json',
	'4_2.rsa-pss_signature.json',
	'4_3.ecdsa_signature.json',
	'4_4.hmac-sha2_integrity_protection.json',
].map((file) => {
	const vector = readVector<CookbookVector>(`rfc7520/jws/${file}`);
	return [
		`RFC 7520 §${file.slice(0, 3).replace('_', '.')} ${vector.title} (${vector.input.alg})`,
		vector,
	] as const;
});

describe('RFC 7520 §4 JWS examples decode byte for byte', () => {
	test.each(COOKBOOK)('%s: header, payload and signature', (_name, vector) => {
		const decoded = decodeToken(vector.output.compact);
		expect(decoded.kind).toBe('jws');
		expect(decoded.parts.map((p) => p.text)).toEqual([
			vector.output.json_flat.protected,
			vector.output.json_flat.payload,
			vector.output.json_flat.signature,
		]);
		expect(decoded.deviations).toEqual([]);

		// Header: the exact octets of the protected header, and the members the vector lists, in order.
		expect([...new TextEncoder().encode(decoded.header?.text)]).toEqual([
			...Buffer.from(vector.signing.protected_b64u, 'base64url'),
		]);
		expect(decoded.header?.text).toBe(JSON.stringify(vector.signing.protected));
		const header = decoded.header?.root;
		expect(header && toPlainValue(header)).toEqual(vector.signing.protected);
		expect(header?.kind === 'object' && header.entries.map((e) => e.key)).toEqual(
			Object.keys(vector.signing.protected),
		);

		// Payload: the cookbook signs prose (with U+2019 quotes), which is shown as text.
		expect(decoded.payload).toMatchObject({ mode: 'text', text: vector.input.payload });
		expect(encodeBase64urlText(vector.input.payload)).toBe(vector.output.json_flat.payload);
		// Prose is not a JWT claims set: any content may be signed, so it is shown, but this JWS is no JWT.
		expect(decoded.errors.map((e) => [e.code, e.part])).toEqual([['bad-json', 'payload']]);

		expect(encodeBase64url(decoded.bytes.signature ?? new Uint8Array())).toBe(vector.signing.sig);
	});

	test.each(COOKBOOK)('%s: the only finding is that the payload is not JSON', (_name, vector) => {
		expect(listFindings(decodeToken(vector.output.compact), { now: NOW }).map((f) => f.code)).toEqual([
			'payload-not-json',
		]);
	});

	test.each(COOKBOOK)('%s: the published signature verifies with its key', async (_name, vector) => {
		const payload = await verify(vector.output.compact, vector.input.key, vector.input.alg);
		expect(new TextDecoder().decode(payload)).toBe(vector.input.payload);
	});
});

interface RfcVector {
	name: string;
	url: string;
	compact: string;
	alg: string;
	header: string;
	payload: string;
	jwk?: JWK;
}

const RFC = readVector<{ claims_octets: number[]; vectors: RfcVector[] }>('rfc7515-7519.json');
const CLAIMS = { iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true };
const CLAIMS_TEXT = new TextDecoder().decode(new Uint8Array(RFC.claims_octets));
const VECTORS = RFC.vectors.map((v) => [v.name, v] as const);
const SIGNED = VECTORS.filter(([, v]) => v.jwk !== undefined);

describe('RFC 7519 §3.1 and RFC 7515 Appendix A examples', () => {
	test('the file holds §3.1 and A.1 to A.5, and §3.1 is A.1', () => {
		expect(RFC.vectors.map((v) => v.name)).toEqual([
			'RFC 7519 §3.1 example JWT',
			'RFC 7515 A.1 HS256',
			'RFC 7515 A.2 RS256',
			'RFC 7515 A.3 ES256',
			'RFC 7515 A.4 ES512',
			'RFC 7515 A.5 unsecured JWS',
		]);
		expect(RFC.vectors[0]?.compact).toBe(RFC.vectors[1]?.compact);
		expect(CLAIMS_TEXT).toBe('{"iss":"joe",\r\n "exp":1300819380,\r\n "http://example.com/is_root":true}');
	});

	test.each(VECTORS)('%s: the header decodes exactly, CRLF and order kept', (_name, vector) => {
		const decoded = decodeToken(vector.compact);
		expect(decoded.kind).toBe('jws');
		expect(decoded.deviations).toEqual([]);
		expect(decoded.header?.text).toBe(vector.header);
		const header = decoded.header?.root;
		expect(header && getMember(header, 'alg')).toMatchObject({ kind: 'string', value: vector.alg });
	});

	test('the RFC 7519 §3.1 header is {"typ":"JWT",CRLF "alg":"HS256"} exactly', () => {
		const decoded = decodeToken(RFC.vectors[0]!.compact);
		expect(decoded.header?.text).toBe('{"typ":"JWT",\r\n "alg":"HS256"}');
		const header = decoded.header?.root;
		expect(header?.kind === 'object' && header.entries.map((e) => e.key)).toEqual(['typ', 'alg']);
	});

	test.each(VECTORS)('%s: the payload decodes exactly', (_name, vector) => {
		const decoded = decodeToken(vector.compact);
		if (vector.payload !== 'Payload') {
			expect(vector.payload).toBe(CLAIMS_TEXT);
			expect(decoded.errors).toEqual([]);
			if (decoded.payload.mode !== 'json') throw new Error('payload should be JSON');
			expect([...new TextEncoder().encode(decoded.payload.text)]).toEqual(RFC.claims_octets);
			expect(toPlainValue(decoded.payload.root)).toEqual(CLAIMS);
			expect(getMember(decoded.payload.root, 'exp')).toMatchObject({ raw: '1300819380' });
		} else {
			// A.4 signs the octets of "Payload", which is not JSON.
			expect(decoded.payload).toMatchObject({ mode: 'text', text: 'Payload' });
		}
	});

	test.each(VECTORS)('%s: findings at a time in 2026', (_name, vector) => {
		const found = listFindings(decodeToken(vector.compact), { now: NOW }).map((f) => f.code);
		const expected =
			vector.alg === 'none'
				? ['alg-none', 'expired']
				: vector.payload === 'Payload'
					? ['payload-not-json']
					: ['expired'];
		expect(found.sort()).toEqual(expected);
	});

	test.each(VECTORS)('%s: the exp of 2011-03-22 is not expired just before it', (_name, vector) => {
		const found = listFindings(decodeToken(vector.compact), { now: 1300819379 }).map((f) => f.code);
		expect(found).not.toContain('expired');
	});

	test.each(SIGNED)('%s: the published signature verifies with the RFC’s key', async (_name, vector) => {
		const payload = await verify(vector.compact, vector.jwk!, vector.alg);
		expect(new TextDecoder().decode(payload)).toBe(vector.payload);
	});
});
