import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findEmbeddedKeys } from '../../../src/lib/crypto/embedded';
import { parseKeyInput } from '../../../src/lib/crypto/keys';
import { decodeToken } from '../../../src/lib/jwt/decode';

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const token = (header: object) => `${b64(JSON.stringify(header))}.${b64('{"sub":"x"}')}.c2ln`;
const members = (header: object) => findEmbeddedKeys(decodeToken(token(header))).map((k) => k.member);

describe('findEmbeddedKeys', () => {
	test('a header without key references has none', () => {
		expect(members({ alg: 'RS256', kid: 'k1' })).toEqual([]);
	});

	test('a jwk header becomes key text that parseKeyInput reads as a JWK', () => {
		const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
		const [key] = findEmbeddedKeys(decodeToken(token({ alg: 'ES256', jwk })));
		expect(key?.member).toBe('jwk');
		expect(key?.explanation).toContain('CVE-2018-0114');
		const parsed = parseKeyInput(key!.keyText!);
		expect(parsed.kind === 'keys' && parsed.keys[0]?.info).toMatchObject({ kty: 'EC', crv: 'P-256' });
	});

	test('the first x5c certificate becomes PEM that parseKeyInput reads as a certificate', () => {
		const pem = readFileSync(new URL('../../e2e/fixtures/cert.pem', import.meta.url), 'utf8');
		const der = pem.replace(/-----[A-Z ]+-----|\s/g, '');
		const [key] = findEmbeddedKeys(decodeToken(token({ alg: 'RS256', x5c: [der, 'second'] })));
		const parsed = parseKeyInput(key!.keyText!);
		expect(parsed.kind === 'keys' && parsed.keys[0]).toMatchObject({
			source: 'pem-certificate',
			subject: 'CN=api.example.test, O=JWT Prism Tests',
		});
	});

	test('jku and x5u are kept as text URLs with no key text, whatever they hold', () => {
		const keys = findEmbeddedKeys(
			decodeToken(token({ alg: 'RS256', jku: 'javascript:alert(1)', x5u: 'https://example.test/c.pem' })),
		);
		expect(keys.map((k) => [k.member, k.url, k.keyText])).toEqual([
			['jku', 'javascript:alert(1)', undefined],
			['x5u', 'https://example.test/c.pem', undefined],
		]);
	});

	test('malformed references are named, not thrown', () => {
		const keys = findEmbeddedKeys(decodeToken(token({ alg: 'RS256', jwk: 'nope', x5c: ['%%%'], jku: 42 })));
		expect(keys.map((k) => [k.member, k.problem ?? k.url])).toEqual([
			['jwk', '"jwk" is not a JSON object'],
			['x5c', '"x5c" does not start with a base64 certificate'],
			['jku', '42'],
		]);
	});
});
