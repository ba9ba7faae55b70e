// The provider of ES256K (RFC 8812), on secp256k1, which no browser's WebCrypto has.

import { rawKeyProvider } from './raw/jws';

/** Verifies and signs with secp256k1 keys in every format the page reads, loaded when such a token or key appears. */
export const provider = rawKeyProvider(['secp256k1']);
