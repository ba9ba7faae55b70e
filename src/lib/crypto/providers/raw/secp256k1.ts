// ES256K over secp256k1 (RFC 8812 §3.2) with @noble/curves: WebCrypto has no secp256k1.

import { secp256k1 } from '@noble/curves/secp256k1.js';
import { safely, type SignatureProvider } from './types';

/**
 * ECDSA on secp256k1 with SHA-256 of the signing input, signatures as 64-byte r‖s (RFC 8812 §3.2,
 * RFC 7518 §3.4). Verification accepts high-S signatures, as JOSE and Wycheproof do; signing
 * produces low-S ones.
 */
export const secp256k1Provider: SignatureProvider = Object.freeze({
	algorithm: 'secp256k1',
	implementation: 'noble-curves',
	verify: (publicKey, data, signature) =>
		safely(() =>
			secp256k1.verify(signature, data, publicKey, { prehash: true, lowS: false, format: 'compact' }),
		),
	sign: async (privateKey, data) => secp256k1.sign(data, privateKey, { prehash: true, lowS: true }),
	publicKeyOf: async (privateKey) => secp256k1.getPublicKey(privateKey, false),
	generate: async () => {
		const privateKey = secp256k1.utils.randomSecretKey();
		return { privateKey, publicKey: secp256k1.getPublicKey(privateKey, false) };
	},
	isValidPublicKey: async (publicKey) => isSecp256k1Point(publicKey),
} satisfies SignatureProvider);

/** Whether `point` is a SEC1 encoding of a point on secp256k1 (SEC 1 §2.3.4). */
export function isSecp256k1Point(point: Uint8Array): boolean {
	try {
		secp256k1.Point.fromBytes(point).assertValidity();
		return true;
	} catch {
		return false;
	}
}
