// The provider of Ed448 (RFC 8037, RFC 9864), which no browser's WebCrypto has.

import { rawKeyProvider } from './raw/jws';

/** Verifies and signs with Ed448 keys in every format the page reads, loaded when such a token or key appears. */
export const provider = rawKeyProvider(['Ed448']);
