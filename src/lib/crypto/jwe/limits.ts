// The bounds decryption keeps to, so that a hostile JWE cannot tie up or exhaust the page.

/**
 * The highest PBES2 iteration count (`p2c`) this page derives a key for. RFC 7518 §4.8.1.2 recommends at least
 * 1000; OWASP (2023) asks 600 000 for PBKDF2-HMAC-SHA256, so honest tokens stay well under a million. Above it a
 * hostile token could make the browser derive for minutes (2³¹ iterations is hours), so it is refused unread.
 * Derivation under the cap runs in WebCrypto's `deriveBits`, which the WebCrypto spec runs "in parallel", off the
 * page's event loop: the page stays responsive, and a newer key drops the older result by its sequence number.
 */
export const MAX_PBES2_COUNT = 1_000_000;

/**
 * The largest plaintext a `zip: "DEF"` JWE may inflate to: 16 MiB. The page shows tokens of a few megabytes; a
 * deflate stream can grow about a thousandfold, so without a bound 20 KB of token could take gigabytes.
 */
export const MAX_INFLATED_BYTES = 16 * 1024 * 1024;

/**
 * The most keys tried on one JWE. A JWK Set with no key for the token's `kid` (or a token without one) has each
 * fitting key tried in turn; a set of 10 000 RSA keys would take minutes, so the rest are left untried and the
 * verdict says how many.
 */
export const MAX_KEYS_TRIED = 32;
