// The parts of jose JWE decryption and re-encryption use, in one module that is only ever imported dynamically.

export { CompactEncrypt, compactDecrypt } from 'jose';
