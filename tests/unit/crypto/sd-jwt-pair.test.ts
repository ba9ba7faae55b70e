// A KB-JWT pasted apart from its SD-JWT: sd_hash and the cnf key bind the pair (RFC 9901 §4.3), checked against
// the RFC's own presentation and against what @sd-jwt/core (an independent implementation) presents.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SDJwtInstance } from '@sd-jwt/core';
import { digest as oracleDigest, ES256, generateSalt } from '@sd-jwt/crypto-nodejs';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkBindings, listBindingFindings, type Binding } from '../../../src/lib/crypto/bindings';
import { decodeToken } from '../../../src/lib/jwt/decode';

interface Rfc9901Section5 {
	sd_jwt: string;
	presentation: { sd_jwt_kb: string; kb_jwt: string };
}
const rfc = JSON.parse(
	readFileSync(new URL('../../vectors/rfc9901/section5_example.json', import.meta.url), 'utf8'),
) as Rfc9901Section5;

const side = (text: string) => ({ text, decoded: decodeToken(text) });
const kinds = (bindings: Binding[]) => bindings.map((b) => [b.kind, b.holds]);
const codes = (bindings: Binding[]) => listBindingFindings(bindings).map((f) => f.code);
/** A presentation `<SD-JWT>~<KB-JWT>` split as a person pastes it in two fields. */
const split = (presentation: string) => {
	const last = presentation.lastIndexOf('~');
	return { sdJwt: presentation.slice(0, last + 1), kbJwt: presentation.slice(last + 1) };
};
const NOW = Math.floor(Date.now() / 1000);

describe('the RFC 9901 §5.2 presentation, split into its SD-JWT and its KB-JWT', () => {
	const { sdJwt, kbJwt } = split(rfc.presentation.sd_jwt_kb);

	test("the split is the RFC's own KB-JWT", () => {
		expect(kbJwt).toBe(rfc.presentation.kb_jwt);
	});

	test.each([
		['SD-JWT first', () => [side(sdJwt), side(kbJwt)] as const],
		['KB-JWT first', () => [side(kbJwt), side(sdJwt)] as const],
	])('%s: sd_hash and the cnf key hold, no finding', async (_name, pair) => {
		const [a, b] = pair();
		const bindings = await checkBindings(a, b);
		expect(kinds(bindings)).toEqual([
			['kb-sd-hash', true],
			['kb-signature', true],
		]);
		expect(codes(bindings)).toEqual([]);
	});

	test('the SD-JWT with fewer disclosures than the KB-JWT covers raises sd-hash-mismatch', async () => {
		const fewer = `${sdJwt.split('~')[0]}~${sdJwt.split('~')[1]}~`;
		const bindings = await checkBindings(side(fewer), side(kbJwt));
		expect(kinds(bindings)).toEqual([
			['kb-sd-hash', false],
			['kb-signature', true],
		]);
		expect(codes(bindings)).toEqual(['sd-hash-mismatch']);
	});

	test('an SD-JWT that already ends in a KB-JWT is compared up to its last "~"', async () => {
		expect(kinds(await checkBindings(side(rfc.presentation.sd_jwt_kb), side(kbJwt)))).toEqual([
			['kb-sd-hash', true],
			['kb-signature', true],
		]);
	});

	test('a KB-JWT whose signature is changed raises kb-key-mismatch', async () => {
		const [h, p, s] = kbJwt.split('.');
		const tampered = `${h}.${p}.${s!.startsWith('A') ? 'B' : 'A'}${s!.slice(1)}`;
		const bindings = await checkBindings(side(sdJwt), side(tampered));
		expect(kinds(bindings)).toEqual([
			['kb-sd-hash', true],
			['kb-signature', false],
		]);
		expect(codes(bindings)).toEqual(['kb-key-mismatch']);
	});

	test('the issuer JWT alone beside its own KB-JWT, and a plain JWT beside an SD-JWT, are no pair', async () => {
		expect(await checkBindings(side(rfc.sd_jwt.split('~')[0]!), side(kbJwt))).toEqual([]);
		const plain = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';
		expect(await checkBindings(side(sdJwt), side(plain))).toEqual([]);
	});
});

/** SD-JWTs issued and presented by @sd-jwt/core, signed with ES256, KB-JWT by the holder key or another. */
describe('pairs made by @sd-jwt/core', () => {
	let holder: { publicKey: JsonWebKey; privateKey: JsonWebKey };
	let other: { publicKey: JsonWebKey; privateKey: JsonWebKey };
	let issuer: { publicKey: JsonWebKey; privateKey: JsonWebKey };

	beforeAll(async () => {
		[holder, other, issuer] = await Promise.all([
			ES256.generateKeyPair(),
			ES256.generateKeyPair(),
			ES256.generateKeyPair(),
		]);
	});

	async function present(options: {
		cnf?: Record<string, unknown> | null;
		kbKey?: JsonWebKey;
		hashAlg?: 'sha-256' | 'sha-384';
	}) {
		const instance = new SDJwtInstance<Record<string, unknown>>({
			signer: await ES256.getSigner(issuer.privateKey),
			signAlg: ES256.alg,
			hasher: oracleDigest,
			hashAlg: options.hashAlg ?? 'sha-256',
			saltGenerator: generateSalt,
			kbSigner: await ES256.getSigner(options.kbKey ?? holder.privateKey),
			kbSignAlg: ES256.alg,
		});
		const cnf = options.cnf === null ? {} : { cnf: options.cnf ?? { jwk: holder.publicKey } };
		const credential = await instance.issue(
			{ iss: 'https://issuer.example', iat: NOW, vct: 'https://vct.example/id', given_name: 'Erika', ...cnf },
			{ _sd: ['given_name'] },
			{ header: { typ: 'dc+sd-jwt' } },
		);
		const presentation = await instance.present(
			credential,
			{ given_name: true },
			{ kb: { payload: { iat: NOW, aud: 'https://verifier.example', nonce: 'n-1' } } },
		);
		return split(presentation);
	}

	test.each([['sha-256'], ['sha-384']] as const)('the right pair holds, _sd_alg %s', async (hashAlg) => {
		const { sdJwt, kbJwt } = await present({ hashAlg });
		expect(kinds(await checkBindings(side(kbJwt), side(sdJwt)))).toEqual([
			['kb-sd-hash', true],
			['kb-signature', true],
		]);
	});

	test('a KB-JWT signed by another key than cnf.jwk raises kb-key-mismatch', async () => {
		const { sdJwt, kbJwt } = await present({ kbKey: other.privateKey });
		const bindings = await checkBindings(side(sdJwt), side(kbJwt));
		expect(kinds(bindings)).toEqual([
			['kb-sd-hash', true],
			['kb-signature', false],
		]);
		expect(codes(bindings)).toEqual(['kb-key-mismatch']);
	});

	test('the KB-JWT of another presentation raises sd-hash-mismatch', async () => {
		const first = await present({});
		const second = await present({});
		expect(codes(await checkBindings(side(first.sdJwt), side(second.kbJwt)))).toEqual(['sd-hash-mismatch']);
	});

	test('a credential without cnf raises sd-kb-no-cnf', async () => {
		const { sdJwt, kbJwt } = await present({ cnf: null });
		const bindings = await checkBindings(side(sdJwt), side(kbJwt));
		expect(kinds(bindings)).toEqual([
			['kb-sd-hash', true],
			['kb-signature', false],
		]);
		expect(codes(bindings)).toEqual(['sd-kb-no-cnf']);
	});

	test('a cnf naming its key by jkt: sd_hash is checked, the signature is not, and the line says so', async () => {
		const jkt = await calculateJwkThumbprint(
			holder.publicKey as Parameters<typeof calculateJwkThumbprint>[0],
		);
		const { sdJwt, kbJwt } = await present({ cnf: { jkt } });
		const bindings = await checkBindings(side(sdJwt), side(kbJwt));
		expect(kinds(bindings)).toEqual([['kb-sd-hash', true]]);
		expect(bindings[0]?.note).toContain('"jkt"');
	});
});

describe('an access token with cnf.jwk beside a DPoP proof (RFC 7800 §3.2)', () => {
	async function pair(sameKey: boolean) {
		const client = await generateKeyPair('ES384', { extractable: true });
		const other = await generateKeyPair('ES384', { extractable: true });
		const server = await generateKeyPair('PS512');
		const proofJwk = await exportJWK(client.publicKey);
		const accessToken = await new SignJWT({
			client_id: 'c1',
			cnf: { jwk: sameKey ? proofJwk : await exportJWK(other.publicKey) },
		})
			.setProtectedHeader({ alg: 'PS512', typ: 'at+jwt' })
			.setIssuer('https://as.example')
			.setExpirationTime(NOW + 300)
			.sign(server.privateKey);
		const proof = await new SignJWT({
			htm: 'GET',
			htu: 'https://rs.example/r',
			jti: 'p',
			ath: createHash('sha256').update(accessToken).digest('base64url'),
		})
			.setProtectedHeader({ alg: 'ES384', typ: 'dpop+jwt', jwk: proofJwk })
			.setIssuedAt(NOW)
			.sign(client.privateKey);
		return { proof, accessToken };
	}

	test.each([
		[true, true],
		[false, false],
	])('the same key: %s; the line holds: %s; never a finding (RFC 9449 binds by jkt)', async (same, holds) => {
		const { proof, accessToken } = await pair(same);
		const bindings = await checkBindings(side(accessToken), side(proof));
		expect(kinds(bindings)).toEqual([
			['dpop-ath', true],
			['dpop-cnf-jwk', holds],
		]);
		expect(bindings[1]?.level).toBe('expected');
		expect(codes(bindings)).toEqual([]);
	});
});

describe('an SD-JWT is no access token', () => {
	test('beside a DPoP proof with ath it gives no ath line', async () => {
		const { sdJwt } = split(rfc.presentation.sd_jwt_kb);
		const client = await generateKeyPair('ES256', { extractable: true });
		const proof = await new SignJWT({ htm: 'GET', htu: 'https://x', jti: 'j', ath: 'x' })
			.setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: await exportJWK(client.publicKey) })
			.setIssuedAt(NOW)
			.sign(client.privateKey);
		expect(await checkBindings(side(proof), side(sdJwt))).toEqual([]);
	});
});
