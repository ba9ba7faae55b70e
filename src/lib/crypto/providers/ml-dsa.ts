// The provider of ML-DSA-44/65/87 (RFC 9964): the browser's WebCrypto where it has ML-DSA, else the bundled library.

import { rawKeyProvider } from './raw/jws';

/** Verifies and signs with ML-DSA keys (AKP JWK, SPKI, PKCS#8), loaded when such a token or key appears. */
export const provider = rawKeyProvider(['ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87']);
