// Keys, a certificate and helpers shared by the PEM, key-format, certificate and ECDSA tests: keys come from
// node:crypto (RSA generated in parallel, once per test file), the certificate from OpenSSL.

import { generateKeyPair, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { keyOids } from '$lib/crypto/key-formats';

export const hex = (text: string) =>
	Uint8Array.from(text.match(/[0-9a-f]{2}/gi) ?? [], (pair) => parseInt(pair, 16));
export const bytes = (buffer: Buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);

/** Made once with `openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes
 * -subj "/CN=test.example/O=JWT Prism Tests/C=GB" -days 3650` (OpenSSL 3.0). */
export const certificatePem = `-----BEGIN CERTIFICATE-----
MIIB0DCCAXegAwIBAgIUBtGC3PCrs/nS4mLnnvDKb6EvY/8wCgYIKoZIzj0EAwIw
PjEVMBMGA1UEAwwMdGVzdC5leGFtcGxlMRgwFgYDVQQKDA9KV1QgUHJpc20gVGVz
dHMxCzAJBgNVBAYTAkdCMB4XDTI2MTIwMjAzMzQwN1oXDTM2MTEyOTAzMzQwN1ow
PjEVMBMGA1UEAwwMdGVzdC5leGFtcGxlMRgwFgYDVQQKDA9KV1QgUHJpc20gVGVz
dHMxCzAJBgNVBAYTAkdCMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEhLdmOwrm
t7NukrSpT1SL3Rsh4NerlFch1V96BRW6ElcLF5bcoualIH1XyKhpLcYH+ROijBZA
cxMJP2oIEjc0tqNTMFEwHQYDVR0OBBYEFFJtxXFQxdWi0HXpXAxsDx6oIxy4MB8G
A1UdIwQYMBaAFFJtxXFQxdWi0HXpXAxsDx6oIxy4MA8GA1UdEwEB/wQFMAMBAf8w
CgYIKoZIzj0EAwIDRwAwRAIgXbRfS9SFO5xZsyRLhFaeU8VfAyVuiPWVL3ojhBTl
oq8CIB+yzWabPyUEtq1tlFoW6wusszBGFbxYuEPOgjqXXxAA
-----END CERTIFICATE-----
`;

// RSA 4096 takes a while to generate, so all RSA keys are made in parallel on the thread pool.
const generateRsa = (modulusLength: number) => promisify(generateKeyPair)('rsa', { modulusLength });
export const [rsa1024, rsa2048, rsa4096] = await Promise.all([
	generateRsa(1024),
	generateRsa(2048),
	generateRsa(4096),
]);
export const rsaKeys = [
	[1024, rsa1024],
	[2048, rsa2048],
	[4096, rsa4096],
] as const;

export const ecCurves = [
	['P-256', 'prime256v1', 32, keyOids.prime256v1],
	['P-384', 'secp384r1', 48, keyOids.secp384r1],
	['P-521', 'secp521r1', 66, keyOids.secp521r1],
	['secp256k1', 'secp256k1', 32, keyOids.secp256k1],
] as const;
export const ecKeys = ecCurves.map(([crv, namedCurve, size, curveOid]) => ({
	crv,
	size,
	curveOid,
	...generateKeyPairSync('ec', { namedCurve }),
}));
export const okpKeys = [
	{ crv: 'Ed25519', ...generateKeyPairSync('ed25519') },
	{ crv: 'Ed448', ...generateKeyPairSync('ed448') },
	{ crv: 'X25519', ...generateKeyPairSync('x25519') },
	{ crv: 'X448', ...generateKeyPairSync('x448') },
] as const;

export type KeyFormat = 'pkcs1' | 'spki' | 'pkcs8' | 'sec1';
export const der = (key: KeyObject, type: KeyFormat) => bytes(key.export({ type, format: 'der' }));
export const pem = (key: KeyObject, type: KeyFormat) => key.export({ type, format: 'pem' }) as string;

export function thrown(run: () => unknown): unknown {
	try {
		run();
	} catch (error) {
		return error;
	}
	throw new Error('expected an error, but nothing was thrown');
}
