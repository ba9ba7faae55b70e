// Issue 15's property tests for ES256K, Ed25519, Ed448, EdDSA and ML-DSA-44/65/87: for any payload, signing then
// verifying round-trips; any flipped bit of the signature is `Invalid signature`; a key of another algorithm is the
// key-type mismatch, whether verifying or signing.

import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseKeyInput } from '../../../src/lib/crypto/keys';
import { describeSignResult } from '../../../src/lib/crypto/messages';
import { signToken } from '../../../src/lib/crypto/sign';
import { json, jwkOf, pem, verifyWith } from './verify-fixtures';

/** An algorithm's private key (which signs) and public key (which verifies), as text `Secret or key` reads. */
interface Keys {
	readonly kind: string;
	readonly privateText: string;
	readonly publicText: string;
}

function nodeKeys(kind: string, pair: ReturnType<typeof generateKeyPairSync>): Keys {
	return { kind, privateText: pem(pair.privateKey, 'pkcs8'), publicText: json(jwkOf(pair.publicKey)) };
}

/** RFC 9964's example key of each level: node 20 makes no ML-DSA keys. */
function mlDsaKeys(level: '44' | '65' | '87'): Keys {
	const { jwk } = JSON.parse(
		readFileSync(new URL(`../../vectors/rfc9964/ML_DSA_${level}.jose.json`, import.meta.url), 'utf8'),
	) as { jwk: Record<string, string> };
	const { priv: _priv, ...publicJwk } = jwk;
	return { kind: `ML-DSA-${level}`, privateText: json(jwk), publicText: json(publicJwk) };
}

const secp256k1 = nodeKeys('secp256k1', generateKeyPairSync('ec', { namedCurve: 'secp256k1' }));
const ed25519 = nodeKeys('Ed25519', generateKeyPairSync('ed25519'));
const ed448 = nodeKeys('Ed448', generateKeyPairSync('ed448'));
const p256 = nodeKeys('P-256', generateKeyPairSync('ec', { namedCurve: 'P-256' }));
const mlDsa = { '44': mlDsaKeys('44'), '65': mlDsaKeys('65'), '87': mlDsaKeys('87') };

/** Each algorithm with the keys it takes. */
const algorithms: readonly (readonly [string, Keys])[] = [
	['ES256K', secp256k1],
	['Ed25519', ed25519],
	['Ed448', ed448],
	['EdDSA', ed25519],
	['EdDSA', ed448],
	['ML-DSA-44', mlDsa['44']],
	['ML-DSA-65', mlDsa['65']],
	['ML-DSA-87', mlDsa['87']],
];
const allKeys = [secp256k1, ed25519, ed448, p256, mlDsa['44'], mlDsa['65'], mlDsa['87']];

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const payloads = fc.dictionary(
	fc.string({ maxLength: 12 }),
	fc.oneof(fc.string({ maxLength: 40 }), fc.integer()),
	{
		maxKeys: 6,
	},
);

describe.each(algorithms)('%s with %s keys', (alg, keys) => {
	test('any payload: signed with the private key, it verifies with the public key; any flipped signature bit is invalid', async () => {
		await fc.assert(
			fc.asyncProperty(payloads, fc.nat(), async (payload, at) => {
				const signed = await signToken(
					`${b64({ alg, typ: 'JWT' })}.${b64(payload)}.`,
					parseKeyInput(keys.privateText),
				);
				if (!signed.ok) throw new Error(describeSignResult(signed));
				expect(await verifyWith(signed.token, keys.publicText)).toMatchObject({ status: 'verified' });
				const [header, body, signature] = signed.token.split('.') as [string, string, string];
				const bytes = Buffer.from(signature, 'base64url');
				bytes[Math.floor(at / 8) % bytes.length]! ^= 1 << (at % 8);
				const verdict = await verifyWith(`${header}.${body}.${bytes.toString('base64url')}`, keys.publicText);
				expect(verdict).toMatchObject({ status: 'invalid', code: 'mismatch' });
			}),
			{ numRuns: 8 },
		);
	});

	const others = allKeys.filter(
		(other) => other !== keys && !(alg === 'EdDSA' && (other === ed25519 || other === ed448)),
	);
	test('a key of another algorithm is the key-type mismatch, verifying and signing', async () => {
		const token = `${b64({ alg })}.${b64({ sub: 'x' })}.`;
		// A signature of the right length, so that the key, not the signature's shape, is what is refused.
		const own = await signToken(token, parseKeyInput(keys.privateText));
		if (!own.ok) throw new Error(describeSignResult(own));
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...others), async (other) => {
				// The first reason is the key's type; an AKP key's own "alg" may add key-alg after it.
				const signed = await signToken(token, parseKeyInput(other.privateText));
				expect(signed).toMatchObject({ ok: false, code: 'key-misfit' });
				expect(!signed.ok && signed.code === 'key-misfit' && signed.matches[0]?.misfits[0]?.code).toBe(
					'key-type',
				);
				const verdict = await verifyWith(own.token, other.publicText);
				expect(verdict).toMatchObject({ status: 'invalid', code: 'key-misfit' });
				expect(verdict.code === 'key-misfit' && verdict.matches[0]?.misfits[0]?.code).toBe('key-type');
			}),
			{ numRuns: others.length * 2 },
		);
	});
});
