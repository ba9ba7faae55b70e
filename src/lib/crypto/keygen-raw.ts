// Generates secp256k1, Ed25519, Ed448 and ML-DSA keys with their providers and writes them as PEM and JWK.

import { toPem } from './pem';
import { loadProvider } from './providers/raw/load';
import { encodeJwk, encodePkcs8, encodeSpki, type RawKeyAlgorithm } from './raw-keys';

/** A generated key pair as SPKI/PKCS#8 PEM and as JWKs (RFC 8812, RFC 8037, RFC 9964; PKCS#8 per RFC 9881 for ML-DSA). */
export interface RawKeyForms {
	readonly privatePem: string;
	readonly publicPem: string;
	readonly privateJwk: Record<string, string>;
	readonly publicJwk: Record<string, string>;
}

/** A new key pair of `algorithm` from its provider (WebCrypto where the browser has it, else the bundled library). */
export async function generateRawKey(
	algorithm: RawKeyAlgorithm,
	subtle: SubtleCrypto | undefined,
): Promise<RawKeyForms> {
	const provider = await loadProvider(algorithm, subtle);
	const { publicKey, privateKey } = await provider.generate();
	return {
		privatePem: toPem('PRIVATE KEY', encodePkcs8(algorithm, privateKey, publicKey)),
		publicPem: toPem('PUBLIC KEY', encodeSpki(algorithm, publicKey)),
		privateJwk: encodeJwk(algorithm, publicKey, privateKey),
		publicJwk: encodeJwk(algorithm, publicKey),
	};
}
