// Ed448 (RFC 8032 §5.2) with @noble/curves: WebCrypto has no Ed448.

import { ed448 } from '@noble/curves/ed448.js';
import { safely, type SignatureProvider } from './types';

/** Ed448 with an empty context (RFC 8037 §3.1, RFC 9864): 57-byte keys and seeds, 114-byte signatures. */
export const ed448Provider: SignatureProvider = Object.freeze({
	algorithm: 'Ed448',
	implementation: 'noble-curves',
	verify: (publicKey, data, signature) => safely(() => ed448.verify(signature, data, publicKey)),
	sign: async (privateKey, data) => ed448.sign(data, privateKey),
	publicKeyOf: async (privateKey) => ed448.getPublicKey(privateKey),
	generate: async () => {
		const { secretKey, publicKey } = ed448.keygen();
		return { privateKey: secretKey, publicKey };
	},
} satisfies SignatureProvider);
