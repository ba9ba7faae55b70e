// Ed25519 (RFC 8032 §5.1) with @noble/curves, for browsers whose WebCrypto lacks Ed25519.

import { ed25519 } from '@noble/curves/ed25519.js';
import { safely, type SignatureProvider } from './types';

/**
 * Ed25519 verified strictly as RFC 8032 and WebCrypto do (`zip215: false`: non-canonical points are
 * refused, as Wycheproof expects).
 */
export const ed25519Provider: SignatureProvider = Object.freeze({
	algorithm: 'Ed25519',
	implementation: 'noble-curves',
	verify: (publicKey, data, signature) =>
		safely(() => ed25519.verify(signature, data, publicKey, { zip215: false })),
	sign: async (privateKey, data) => ed25519.sign(data, privateKey),
	publicKeyOf: async (privateKey) => ed25519.getPublicKey(privateKey),
	generate: async () => {
		const { secretKey, publicKey } = ed25519.keygen();
		return { privateKey: secretKey, publicKey };
	},
} satisfies SignatureProvider);
