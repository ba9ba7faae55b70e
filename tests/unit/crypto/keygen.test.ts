// generateKey: every kind of key it makes signs and verifies.

import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { generateKey, keyKinds } from '../../../src/lib/crypto/keygen';
import { parseKeyInput } from '../../../src/lib/crypto/keys';
import { signToken } from '../../../src/lib/crypto/sign';
import { type Jwk, unsigned, makeToken, verifyWith } from './verify-fixtures';

describe('generateKey', () => {
	test('offers HMAC, RSA, EC and Ed25519 kinds', () => {
		expect(keyKinds.map((k) => k.id)).toEqual([
			'HS256',
			'HS384',
			'HS512',
			'RSA-2048',
			'RSA-3072',
			'RSA-4096',
			'P-256',
			'P-384',
			'P-521',
			'Ed25519',
		]);
	});

	test.each(keyKinds.map((k) => [k.id, k.alg] as const))(
		'%s: the private key signs %s and the public forms verify',
		async (kind, alg) => {
			const generated = await generateKey(kind);
			expect(generated).toMatchObject({ kind, alg });
			if (alg.startsWith('HS')) {
				const secret = generated.secret!;
				expect(Buffer.from(secret, 'base64url')).toHaveLength(Number(alg.slice(2)) / 8);
				const signed = await signToken(unsigned(alg), parseKeyInput(secret, true));
				if (!signed.ok) throw new Error(signed.code);
				expect(signed.token).toBe(makeToken(alg, Buffer.from(secret, 'base64url')));
				expect(await verifyWith(signed.token, secret, true)).toMatchObject({ status: 'verified' });
				expect(await verifyWith(signed.token, generated.privateJwk!)).toMatchObject({ status: 'verified' });
				return;
			}
			const signed = await signToken(unsigned(alg), parseKeyInput(generated.privatePem!));
			if (!signed.ok) throw new Error(signed.code);
			for (const keyText of [generated.publicPem!, generated.publicJwk!, generated.privateJwk!])
				expect(await verifyWith(signed.token, keyText)).toMatchObject({ status: 'verified' });
			// The private JWK signs too, and node:crypto reads every form as the same key.
			const viaJwk = await signToken(unsigned(alg), parseKeyInput(generated.privateJwk!));
			if (!viaJwk.ok) throw new Error(viaJwk.code);
			expect(await verifyWith(viaJwk.token, generated.publicPem!)).toMatchObject({ status: 'verified' });
			const publicJwk = JSON.parse(generated.publicJwk!) as Jwk;
			expect(publicJwk).toMatchObject({ use: 'sig', alg });
			expect(publicJwk).not.toHaveProperty('d');
			expect(publicJwk).not.toHaveProperty('key_ops');
			expect(createPublicKey(generated.publicPem!).export({ format: 'jwk' })).toEqual(
				createPublicKey({ key: publicJwk, format: 'jwk' }).export({ format: 'jwk' }),
			);
			expect(createPublicKey(createPrivateKey(generated.privatePem!)).export({ format: 'jwk' })).toEqual(
				createPublicKey(generated.publicPem!).export({ format: 'jwk' }),
			);
		},
		60_000,
	);

	test('two generated keys differ', async () => {
		const [a, b] = await Promise.all([generateKey('P-256'), generateKey('P-256')]);
		expect(a.privatePem).not.toBe(b.privatePem);
	});
});
