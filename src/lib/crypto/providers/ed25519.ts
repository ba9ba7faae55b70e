// The provider of Ed25519 (RFC 8037, RFC 9864): the browser's WebCrypto where it has Ed25519, else the bundled library.

import { rawKeyProvider } from './raw/jws';

/** Verifies and signs with Ed25519 keys in every format the page reads, loaded when such a token or key appears. */
export const provider = rawKeyProvider(['Ed25519']);
