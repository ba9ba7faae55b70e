// PEM parsing and key-format conversions, checked against keys, signatures and a certificate from node:crypto and OpenSSL.

import {
	X509Certificate,
	createPrivateKey,
	createPublicKey,
	generateKeyPair,
	generateKeyPairSync,
	sign,
	verify,
	type KeyObject,
} from 'node:crypto';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DerError, derTags, encodeDer, encodeOid, readDer, toHexString } from '$lib/crypto/der';
import {
	KeyFormatError,
	PemError,
	derEcdsaToJose,
	describePkcs8,
	describeSpki,
	isDerEcdsaSignature,
	joseEcdsaToDer,
	keyOids,
	parsePem,
	readCertificate,
	rsaPrivatePkcs1ToPkcs8,
	rsaPublicPkcs1ToSpki,
	sec1ToPkcs8,
	toPem,
	type KeyInfo,
} from '$lib/crypto/pem';

const hex = (text: string) =>
	Uint8Array.from(text.match(/[0-9a-f]{2}/gi) ?? [], (pair) => parseInt(pair, 16));
const bytes = (buffer: Buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);

/** Made once with `openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes
 * -subj "/CN=test.example/O=JWT Prism Tests/C=GB" -days 3650` (OpenSSL 3.0). */
const certificatePem = `-----BEGIN CERTIFICATE-----
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
const [rsa1024, rsa2048, rsa4096] = await Promise.all([
	generateRsa(1024),
	generateRsa(2048),
	generateRsa(4096),
]);
const rsaKeys = [
	[1024, rsa1024],
	[2048, rsa2048],
	[4096, rsa4096],
] as const;

const ecCurves = [
	['P-256', 'prime256v1', 32, keyOids.prime256v1],
	['P-384', 'secp384r1', 48, keyOids.secp384r1],
	['P-521', 'secp521r1', 66, keyOids.secp521r1],
	['secp256k1', 'secp256k1', 32, keyOids.secp256k1],
] as const;
const ecKeys = ecCurves.map(([crv, namedCurve, size, curveOid]) => ({
	crv,
	size,
	curveOid,
	...generateKeyPairSync('ec', { namedCurve }),
}));
const okpKeys = [
	{ crv: 'Ed25519', ...generateKeyPairSync('ed25519') },
	{ crv: 'Ed448', ...generateKeyPairSync('ed448') },
	{ crv: 'X25519', ...generateKeyPairSync('x25519') },
	{ crv: 'X448', ...generateKeyPairSync('x448') },
] as const;

type KeyFormat = 'pkcs1' | 'spki' | 'pkcs8' | 'sec1';
const der = (key: KeyObject, type: KeyFormat) => bytes(key.export({ type, format: 'der' }));
const pem = (key: KeyObject, type: KeyFormat) => key.export({ type, format: 'pem' }) as string;

function thrown(run: () => unknown): unknown {
	try {
		run();
	} catch (error) {
		return error;
	}
	throw new Error('expected an error, but nothing was thrown');
}

describe('parsePem finds the blocks node:crypto writes', () => {
	const formats = [
		['RSA SPKI', () => rsa2048.publicKey, 'spki', 'PUBLIC KEY'],
		['RSA PKCS#1 public', () => rsa2048.publicKey, 'pkcs1', 'RSA PUBLIC KEY'],
		['RSA PKCS#8', () => rsa2048.privateKey, 'pkcs8', 'PRIVATE KEY'],
		['RSA PKCS#1 private', () => rsa2048.privateKey, 'pkcs1', 'RSA PRIVATE KEY'],
		...ecKeys.flatMap(
			({ crv, publicKey, privateKey }) =>
				[
					[`${crv} SPKI`, () => publicKey, 'spki', 'PUBLIC KEY'],
					[`${crv} PKCS#8`, () => privateKey, 'pkcs8', 'PRIVATE KEY'],
					[`${crv} SEC1`, () => privateKey, 'sec1', 'EC PRIVATE KEY'],
				] as const,
		),
		['Ed25519 SPKI', () => okpKeys[0]?.publicKey as KeyObject, 'spki', 'PUBLIC KEY'],
		['Ed25519 PKCS#8', () => okpKeys[0]?.privateKey as KeyObject, 'pkcs8', 'PRIVATE KEY'],
	] as const;

	test.each(formats)('%s', (_name, key, type, label) => {
		const text = pem(key(), type);
		const blocks = parsePem(text);
		expect(blocks).toHaveLength(1);
		expect(blocks[0]).toMatchObject({
			label,
			start: 0,
			end: text.trimEnd().length,
			encrypted: false,
			headers: [],
		});
		expect(blocks[0]?.der).toEqual(der(key(), type));
	});

	test('several blocks with text between them, each with its offsets', () => {
		const first = pem(rsa2048.publicKey, 'spki');
		const second = pem(ecKeys[0]?.privateKey as KeyObject, 'sec1');
		const text = `Here is a key:\n${first}\nand another one\n\n${second}trailing words`;
		const blocks = parsePem(text);
		expect(blocks.map((block) => block.label)).toEqual(['PUBLIC KEY', 'EC PRIVATE KEY']);
		expect(blocks.map(({ start, end }) => text.slice(start, end))).toEqual([
			first.trimEnd(),
			second.trimEnd(),
		]);
	});

	test.each([
		['CRLF line ends', (text: string) => text.replace(/\n/g, '\r\n')],
		['CR line ends', (text: string) => text.replace(/\n/g, '\r')],
		['indentation', (text: string) => text.replace(/^/gm, '    ')],
		['tab indentation and trailing spaces', (text: string) => text.replace(/^(.*)$/gm, '\t$1  ')],
		['surrounding blank lines', (text: string) => `\n\n  ${text}\n\n`],
		['everything on one line', (text: string) => text.replace(/\n/g, ' ')],
		['no line breaks at all', (text: string) => text.replace(/\n/g, '')],
		['base64 without padding', (text: string) => text.replace(/=/g, '')],
	])('tolerates %s', (_name, change) => {
		const text = change(pem(ecKeys[1]?.publicKey as KeyObject, 'spki'));
		const [block] = parsePem(text);
		expect(block?.der).toEqual(der(ecKeys[1]?.publicKey as KeyObject, 'spki'));
		expect(text.slice(block?.start, block?.end)).toMatch(
			/^-----BEGIN PUBLIC KEY-----[\s\S]*-----END PUBLIC KEY-----$/,
		);
	});

	test('a PKCS#8 key encrypted with a passphrase is marked encrypted', () => {
		const text = rsa1024.privateKey.export({
			type: 'pkcs8',
			format: 'pem',
			cipher: 'aes-256-cbc',
			passphrase: 'secret',
		}) as string;
		const [block] = parsePem(text);
		expect(block).toMatchObject({ label: 'ENCRYPTED PRIVATE KEY', encrypted: true, headers: [] });
		expect(() => readDer(block?.der as Uint8Array)).not.toThrow();
	});

	test('a traditional key with Proc-Type and DEK-Info headers is marked encrypted', () => {
		const text = rsa1024.privateKey.export({
			type: 'pkcs1',
			format: 'pem',
			cipher: 'aes-128-cbc',
			passphrase: 'secret',
		}) as string;
		expect(text).toContain('Proc-Type: 4,ENCRYPTED');
		const [block] = parsePem(text.replace(/\n/g, '\r\n'));
		expect(block?.label).toBe('RSA PRIVATE KEY');
		expect(block?.encrypted).toBe(true);
		expect(block?.headers.map((header) => header.name)).toEqual(['Proc-Type', 'DEK-Info']);
		expect(block?.headers[1]?.value).toMatch(/^AES-128-CBC,[0-9A-F]{32}$/);
		expect(block?.der.length).toBeGreaterThan(600);
	});

	test('a folded header line is joined, also when the block is indented', () => {
		const text = [
			'  -----BEGIN RSA PRIVATE KEY-----',
			'  Proc-Type: 4,',
			'     ENCRYPTED',
			'  DEK-Info: DES-EDE3-CBC,0011223344556677',
			'',
			'  AAEC',
			'  -----END RSA PRIVATE KEY-----',
		].join('\n');
		const [block] = parsePem(text);
		expect(block?.headers).toEqual([
			{ name: 'Proc-Type', value: '4,ENCRYPTED' },
			{ name: 'DEK-Info', value: 'DES-EDE3-CBC,0011223344556677' },
		]);
		expect(block?.encrypted).toBe(true);
		expect([...(block?.der ?? [])]).toEqual([0, 1, 2]);
	});

	test.each([
		['empty text', ''],
		['plain text', 'not a key at all'],
		['an END with no BEGIN', 'AAEC\n-----END PUBLIC KEY-----\n'],
		['a JWT', 'eyJhbGciOiJIUzI1NiJ9.e30.ZRrHA1JJJW8opsbCGfG_HACGpVUMN_a9IV7pAx_Zmeo'],
	])('gives no blocks for %s', (_name, text) => {
		expect(parsePem(text)).toEqual([]);
	});

	test('an empty block gives empty DER', () => {
		expect(parsePem('-----BEGIN X-----\n-----END X-----')[0]?.der).toEqual(new Uint8Array(0));
	});
});

describe('parsePem rejects broken PEM with a PemError at the right offset', () => {
	const valid = pem(ecKeys[0]?.publicKey as KeyObject, 'spki');
	const lines = valid.split('\n');
	const withLine = (index: number, change: (line: string) => string) =>
		lines.map((line, i) => (i === index ? change(line) : line)).join('\n');

	test.each([
		[
			'a BEGIN without END',
			valid.replace(/-----END.*\n/, ''),
			0,
			/BEGIN PUBLIC KEY" at line 1 has no matching "END/,
		],
		[
			'a BEGIN followed by another BEGIN',
			valid.replace('-----END PUBLIC KEY-----', '') + valid,
			0,
			/no "END PUBLIC KEY" before the next BEGIN at line/,
		],
		[
			'mismatched labels',
			valid.replace('END PUBLIC KEY', 'END PRIVATE KEY'),
			valid.indexOf('-----END'),
			new RegExp(`"BEGIN PUBLIC KEY" at line 1 is closed by "END PRIVATE KEY" at line ${lines.length - 1}`),
		],
		[
			'an invalid character',
			withLine(2, (line) => `${line.slice(0, 9)}!${line.slice(10)}`),
			lines[0]!.length + lines[1]!.length + 2 + 9,
			/invalid base64 character "!" at line 3, column 10/,
		],
		[
			'a base64url character',
			withLine(1, (line) => `_${line.slice(1)}`),
			lines[0]!.length + 1,
			/invalid base64 character "_" \(base64url, not base64\) at line 2, column 1/,
		],
		[
			'a control character',
			withLine(1, (line) => `${line.slice(0, 3)}\u0000${line.slice(4)}`),
			lines[0]!.length + 4,
			/invalid base64 character U\+0000 at line 2, column 4/,
		],
		[
			'a no-break space',
			withLine(1, (line) => `${line.slice(0, 3)}\u00a0${line.slice(4)}`),
			lines[0]!.length + 4,
			/invalid base64 character U\+00A0 at line 2, column 4/,
		],
		[
			'an accented letter',
			withLine(1, (line) => `${line.slice(0, 3)}é${line.slice(4)}`),
			lines[0]!.length + 4,
			/invalid base64 character "é" \(U\+00E9\) at line 2, column 4/,
		],
		[
			'an invalid character with CR line ends',
			withLine(2, (line) => `${line.slice(0, 9)}!${line.slice(10)}`).replace(/\n/g, '\r'),
			lines[0]!.length + lines[1]!.length + 2 + 9,
			/invalid base64 character "!" at line 3, column 10/,
		],
		[
			'base64 after padding',
			'-----BEGIN X-----\nAA==\nAAAA\n-----END X-----',
			20,
			/continues after "=" padding at line 2, column 3/,
		],
		['a lone final character', '-----BEGIN X-----\nAAAAA\n-----END X-----', 24, /lone character/],
		['too much padding', '-----BEGIN X-----\nAAA==\n-----END X-----', 21, /padding/],
	])('%s', (_name, text, offset, message) => {
		const error = thrown(() => parsePem(text));
		expect(error).toBeInstanceOf(PemError);
		expect((error as PemError).offset).toBe(offset);
		expect((error as PemError).message).toMatch(message);
	});

	test('a huge block with no END fails fast', () => {
		const started = performance.now();
		expect(() => parsePem(`-----BEGIN A-----\n${'QUFB\n'.repeat(200_000)}`)).toThrow(PemError);
		expect(performance.now() - started).toBeLessThan(1000);
	});

	test('arbitrary text gives blocks or a PemError, nothing else', () => {
		const pieces = fc.constantFrom(
			'-----BEGIN A-----',
			'-----END A-----',
			'-----END B-----',
			'QUJD',
			'=',
			'\n',
			' ',
			'x:',
			'!',
		);
		fc.assert(
			fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { maxLength: 20 }), (parts) => {
				try {
					parsePem(parts.join(''));
				} catch (error) {
					if (!(error instanceof PemError)) throw error;
				}
			}),
			{ numRuns: 1000 },
		);
	});
});

describe('toPem', () => {
	test.each([
		['RSA SPKI', () => rsa4096.publicKey, 'spki', 'PUBLIC KEY'],
		['RSA PKCS#1', () => rsa2048.privateKey, 'pkcs1', 'RSA PRIVATE KEY'],
		['EC SEC1', () => ecKeys[2]?.privateKey as KeyObject, 'sec1', 'EC PRIVATE KEY'],
	] as const)('writes %s exactly as node does', (_name, key, type, label) => {
		expect(toPem(label, der(key(), type))).toBe(pem(key(), type));
	});

	test.each([0, 1, 2, 3, 47, 48, 49, 96])('round-trips %i bytes through parsePem', (size) => {
		const data = Uint8Array.from({ length: size }, (_, i) => (i * 37) & 0xff);
		const text = toPem('TEST DATA', data);
		expect(text.endsWith('-----END TEST DATA-----\n')).toBe(true);
		expect(text.split('\n').every((line) => line.length <= 64 || line.startsWith('-----'))).toBe(true);
		expect(parsePem(text)[0]?.der).toEqual(data);
	});

	test.each(['has--double', '-leading', 'new\nline', 'END-----'])('refuses the label "%s"', (label) => {
		expect(() => toPem(label, new Uint8Array(1))).toThrow(RangeError);
	});
});

describe('PKCS#1 and SEC1 become the SPKI and PKCS#8 node writes', () => {
	test.each(rsaKeys)('RSA %i public key: PKCS#1 → SPKI', (_bits, { publicKey }) => {
		const spki = rsaPublicPkcs1ToSpki(der(publicKey, 'pkcs1'));
		expect(toHexString(spki)).toBe(toHexString(der(publicKey, 'spki')));
		const imported = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
		expect(imported.equals(publicKey)).toBe(true);
	});

	test.each(rsaKeys)('RSA %i private key: PKCS#1 → PKCS#8', (_bits, { privateKey }) => {
		const pkcs8 = rsaPrivatePkcs1ToPkcs8(der(privateKey, 'pkcs1'));
		expect(toHexString(pkcs8)).toBe(toHexString(der(privateKey, 'pkcs8')));
		const imported = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
		expect(imported.equals(privateKey)).toBe(true);
	});

	test.each(ecKeys)('$crv private key: SEC1 → PKCS#8', ({ privateKey }) => {
		const pkcs8 = sec1ToPkcs8(der(privateKey, 'sec1'));
		const imported = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
		expect(imported.export({ format: 'jwk' })).toEqual(privateKey.export({ format: 'jwk' }));
	});

	/** The SEC1 key with its [0] curve and/or [1] public key left out. */
	function trimmedSec1(privateKey: KeyObject, keep: { curve: boolean; publicKey: boolean }): Uint8Array {
		const sec1 = der(privateKey, 'sec1');
		const children = readDer(sec1).children ?? [];
		const parts = children
			.filter((child) => (child.tag !== 0xa0 || keep.curve) && (child.tag !== 0xa1 || keep.publicKey))
			.map((child) => sec1.subarray(child.start, child.start + child.headerLength + child.length));
		return encodeDer(derTags.sequence, parts);
	}

	test.each(ecKeys.filter((key) => key.curveOid))(
		'$crv SEC1 without its curve takes the curve OID given',
		({ privateKey, curveOid }) => {
			const sec1 = trimmedSec1(privateKey, { curve: false, publicKey: true });
			const pkcs8 = sec1ToPkcs8(sec1, curveOid);
			const imported = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
			expect(imported.export({ format: 'jwk' })).toEqual(privateKey.export({ format: 'jwk' }));
		},
	);

	test('SEC1 without its public key still converts, and node derives the public key', () => {
		const { privateKey } = ecKeys[0] as (typeof ecKeys)[number];
		const pkcs8 = sec1ToPkcs8(trimmedSec1(privateKey, { curve: true, publicKey: false }));
		const imported = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
		expect(imported.export({ format: 'jwk' })).toEqual(privateKey.export({ format: 'jwk' }));
	});

	test('SEC1 without a curve, and none given, is refused plainly', () => {
		const sec1 = trimmedSec1(ecKeys[0]?.privateKey as KeyObject, { curve: false, publicKey: true });
		const error = thrown(() => sec1ToPkcs8(sec1));
		expect(error).toBeInstanceOf(KeyFormatError);
		expect((error as Error).message).toMatch(/does not name its curve.*no curve OID was given/);
	});

	test('SEC1 naming one curve while another is given is refused', () => {
		const error = thrown(() =>
			sec1ToPkcs8(der(ecKeys[0]?.privateKey as KeyObject, 'sec1'), keyOids.secp384r1),
		);
		expect(error).toBeInstanceOf(KeyFormatError);
		expect((error as Error).message).toContain(keyOids.prime256v1);
	});

	test('SEC1 with explicit curve parameters is refused', () => {
		const sec1 = der(ecKeys[0]?.privateKey as KeyObject, 'sec1');
		const [version, privateKey] = readDer(sec1).children ?? [];
		const slice = (node: typeof version) =>
			sec1.subarray(node!.start, node!.start + node!.headerLength + node!.length);
		const explicit = encodeDer(derTags.sequence, [
			slice(version),
			slice(privateKey),
			encodeDer(0xa0, encodeDer(derTags.sequence, encodeDer(derTags.integer, Uint8Array.of(1)))),
		]);
		const error = thrown(() => sec1ToPkcs8(explicit));
		expect(error).toBeInstanceOf(KeyFormatError);
		expect((error as Error).message).toMatch(/explicit curve parameters are not supported/);
	});
});

describe('describeSpki and describePkcs8 say what the key is', () => {
	const cases: [string, KeyObject, KeyObject, KeyInfo][] = [
		...rsaKeys.map(([bits, { publicKey, privateKey }]): [string, KeyObject, KeyObject, KeyInfo] => [
			`RSA ${bits}`,
			publicKey,
			privateKey,
			{ kty: 'RSA', bits, private: false },
		]),
		...ecKeys.map(({ crv, publicKey, privateKey }): [string, KeyObject, KeyObject, KeyInfo] => [
			`EC ${crv}`,
			publicKey,
			privateKey,
			{ kty: 'EC', crv, private: false },
		]),
		...okpKeys.map(({ crv, publicKey, privateKey }): [string, KeyObject, KeyObject, KeyInfo] => [
			`OKP ${crv}`,
			publicKey,
			privateKey,
			{ kty: 'OKP', crv, private: false } as KeyInfo,
		]),
	];

	test.each(cases)('%s', (_name, publicKey, privateKey, info) => {
		expect(describeSpki(der(publicKey, 'spki'))).toEqual(info);
		expect(describePkcs8(der(privateKey, 'pkcs8'))).toEqual({ ...info, private: true });
	});

	test.each(rsaKeys)('RSA %i through the PKCS#1 conversions', (bits, { publicKey, privateKey }) => {
		expect(describeSpki(rsaPublicPkcs1ToSpki(der(publicKey, 'pkcs1')))).toEqual({
			kty: 'RSA',
			bits,
			private: false,
		});
		expect(describePkcs8(rsaPrivatePkcs1ToPkcs8(der(privateKey, 'pkcs1')))).toEqual({
			kty: 'RSA',
			bits,
			private: true,
		});
	});

	test('an RSASSA-PSS key counts as RSA', () => {
		const { publicKey, privateKey } = generateKeyPairSync('rsa-pss', { modulusLength: 2048 });
		expect(readDer(der(publicKey, 'spki')).children?.[0]?.children?.[0]?.content).toEqual(
			encodeOid(keyOids.rsassaPss),
		);
		expect(describeSpki(der(publicKey, 'spki'))).toEqual({ kty: 'RSA', bits: 2048, private: false });
		expect(describePkcs8(der(privateKey, 'pkcs8'))).toEqual({ kty: 'RSA', bits: 2048, private: true });
	});

	const spkiWith = (algorithm: Uint8Array[]) =>
		encodeDer(derTags.sequence, [
			encodeDer(derTags.sequence, algorithm),
			encodeDer(derTags.bitString, Uint8Array.of(0, 4)),
		]);

	test('an unknown algorithm is reported with its OID', () => {
		const spki = spkiWith([encodeDer(derTags.oid, encodeOid('1.2.840.10040.4.1'))]);
		expect(describeSpki(spki)).toEqual({ kty: 'unknown', oid: '1.2.840.10040.4.1', private: false });
	});

	test('an EC key on an unknown named curve is reported with the curve OID', () => {
		const brainpool = '1.3.36.3.3.2.8.1.1.7';
		const spki = spkiWith([
			encodeDer(derTags.oid, encodeOid(keyOids.ecPublicKey)),
			encodeDer(derTags.oid, encodeOid(brainpool)),
		]);
		expect(describeSpki(spki)).toEqual({ kty: 'unknown', oid: brainpool, private: false });
	});

	test('a PKCS#8 EC key with the curve only inside the SEC1 key is described', () => {
		const sec1 = der(ecKeys[1]?.privateKey as KeyObject, 'sec1');
		const pkcs8 = encodeDer(derTags.sequence, [
			encodeDer(derTags.integer, Uint8Array.of(0)),
			encodeDer(derTags.sequence, [encodeDer(derTags.oid, encodeOid(keyOids.ecPublicKey))]),
			encodeDer(derTags.octetString, sec1),
		]);
		expect(describePkcs8(pkcs8)).toEqual({ kty: 'EC', crv: 'P-384', private: true });
	});
});

describe('malformed keys throw KeyFormatError saying what was expected', () => {
	const rsaPublic = der(rsa1024.publicKey, 'pkcs1');
	const ecPkcs8 = der(ecKeys[0]?.privateKey as KeyObject, 'pkcs8');

	test.each([
		[
			'an SPKI given as PKCS#1 public',
			() => rsaPublicPkcs1ToSpki(der(rsa1024.publicKey, 'spki')),
			/expected an RSAPublicKey SEQUENCE of two INTEGERs \(modulus, exponent\), but element 1 is SEQUENCE instead of INTEGER/,
		],
		[
			'truncated PKCS#1 public',
			() => rsaPublicPkcs1ToSpki(rsaPublic.subarray(0, 40)),
			/expected an RSAPublicKey.*truncated/,
		],
		[
			'PKCS#1 public with a third INTEGER',
			() =>
				rsaPublicPkcs1ToSpki(
					encodeDer(derTags.sequence, Array(3).fill(encodeDer(derTags.integer, Uint8Array.of(1)))),
				),
			/the SEQUENCE has 3 elements/,
		],
		[
			'PKCS#1 public with a negative modulus',
			() =>
				rsaPublicPkcs1ToSpki(
					encodeDer(derTags.sequence, [
						encodeDer(derTags.integer, Uint8Array.of(0x80)),
						encodeDer(derTags.integer, Uint8Array.of(3)),
					]),
				),
			/negative INTEGER/,
		],
		[
			'a PKCS#8 key given as PKCS#1 private',
			() => rsaPrivatePkcs1ToPkcs8(der(rsa1024.privateKey, 'pkcs8')),
			/expected an RSAPrivateKey SEQUENCE/,
		],
		['a PKCS#8 key given as SEC1', () => sec1ToPkcs8(ecPkcs8), /expected an EC PRIVATE KEY/],
		[
			'a SEC1 key with version 2',
			() => sec1ToPkcs8(hex('30 07 02 01 02 04 02 01 02')),
			/the version is not 1/,
		],
		[
			'a bad curve OID',
			() => sec1ToPkcs8(hex('30 07 02 01 01 04 02 01 02'), 'P-256'),
			/"P-256" is not a curve OID/,
		],
		['PKCS#8 given as SPKI', () => describeSpki(ecPkcs8), /expected a SubjectPublicKeyInfo/],
		[
			'SPKI given as PKCS#8',
			() => describePkcs8(der(rsa1024.publicKey, 'spki')),
			/expected a PKCS#8 PrivateKeyInfo/,
		],
		[
			'an SPKI with unused bits',
			() => describeSpki(hex('30 0a 30 05 06 03 2b 65 70 03 01 07')),
			/unused bits/,
		],
		[
			'bytes that are not DER',
			() => describeSpki(hex('01 02 03')),
			/expected a SubjectPublicKeyInfo.*offset/,
		],
		[
			'an SPKI given as a certificate',
			() => readCertificate(der(rsa1024.publicKey, 'spki')),
			/expected an X.509 Certificate/,
		],
	])('%s', (_name, run, message) => {
		const error = thrown(run);
		expect(error).toBeInstanceOf(KeyFormatError);
		expect((error as Error).message).toMatch(message);
	});

	test('a DER problem is kept as the cause', () => {
		const error = thrown(() => describeSpki(new Uint8Array(0)));
		expect((error as Error).cause).toBeInstanceOf(DerError);
	});
});

describe('readCertificate', () => {
	const certificate = readCertificate(parsePem(certificatePem)[0]?.der as Uint8Array);
	const reference = new X509Certificate(certificatePem);

	test('subject and issuer read in encoded order', () => {
		expect(certificate.subject).toBe('CN=test.example, O=JWT Prism Tests, C=GB');
		expect(certificate.issuer).toBe('CN=test.example, O=JWT Prism Tests, C=GB');
	});

	test('the SPKI is the one node takes from the certificate', () => {
		expect(certificate.spki).toEqual(bytes(reference.publicKey.export({ type: 'spki', format: 'der' })));
		expect(describeSpki(certificate.spki)).toEqual({ kty: 'EC', crv: 'P-256', private: false });
	});

	test('validity and serial agree with node', () => {
		expect(certificate.notBefore).toEqual(new Date(reference.validFrom));
		expect(certificate.notAfter).toEqual(new Date(reference.validTo));
		expect(certificate.serialHex).toBe(reference.serialNumber);
	});

	/** A structurally valid certificate around the given fields; readCertificate does not check signatures. */
	function fakeCertificate(fields: {
		version?: boolean;
		serial?: string;
		name?: Uint8Array;
		times?: Uint8Array[];
	}) {
		const algorithm = encodeDer(derTags.sequence, encodeDer(derTags.oid, encodeOid('1.2.840.10045.4.3.2')));
		const name = fields.name ?? encodeDer(derTags.sequence, []);
		const times = fields.times ?? [
			encodeDer(derTags.utcTime, new TextEncoder().encode('250101000000Z')),
			encodeDer(derTags.utcTime, new TextEncoder().encode('350101000000Z')),
		];
		const tbs = encodeDer(derTags.sequence, [
			...(fields.version === false ? [] : [encodeDer(0xa0, encodeDer(derTags.integer, Uint8Array.of(2)))]),
			encodeDer(derTags.integer, hex(fields.serial ?? '01')),
			algorithm,
			name,
			encodeDer(derTags.sequence, times),
			name,
			der(ecKeys[0]?.publicKey as KeyObject, 'spki'),
		]);
		return encodeDer(derTags.sequence, [tbs, algorithm, encodeDer(derTags.bitString, Uint8Array.of(0))]);
	}
	const attribute = (oid: string, tag: number, value: Uint8Array) =>
		encodeDer(derTags.sequence, [encodeDer(derTags.oid, encodeOid(oid)), encodeDer(tag, value)]);
	const rdn = (...attributes: Uint8Array[]) => encodeDer(derTags.set, attributes);
	const ascii = (text: string) => new TextEncoder().encode(text);
	const nameOf = (...rdns: Uint8Array[]) =>
		readCertificate(fakeCertificate({ name: encodeDer(derTags.sequence, rdns) })).subject;

	test.each([
		[
			'a UTF8String with non-ASCII text',
			attribute('2.5.4.3', derTags.utf8String, ascii('Zoë 例')),
			'CN=Zoë 例',
		],
		['a PrintableString', attribute('2.5.4.6', derTags.printableString, ascii('US')), 'C=US'],
		[
			'an IA5String email address',
			attribute('1.2.840.113549.1.9.1', derTags.ia5String, ascii('a@b.c')),
			'emailAddress=a@b.c',
		],
		[
			'a T61String as latin1',
			attribute('2.5.4.10', derTags.t61String, Uint8Array.of(0x43, 0x61, 0x66, 0xe9)),
			'O=Café',
		],
		[
			'a BMPString',
			attribute('2.5.4.11', derTags.bmpString, hex('00 55 00 6e 00 69 00 74 20 ac')),
			'OU=Unit€',
		],
		['a UniversalString', attribute('2.5.4.7', derTags.universalString, hex('00 01 f6 00')), 'L=😀'],
		['ST', attribute('2.5.4.8', derTags.utf8String, ascii('Bavaria')), 'ST=Bavaria'],
		[
			'an unknown attribute as a dotted OID',
			attribute('2.5.4.5', derTags.printableString, ascii('42')),
			'2.5.4.5=42',
		],
		[
			'a value with no string type as # and hex',
			attribute('2.5.4.3', derTags.integer, Uint8Array.of(5)),
			'CN=#020105',
		],
		[
			'separators escaped (RFC 4514)',
			attribute('2.5.4.10', derTags.utf8String, ascii('Acme, Inc. + "Co"')),
			'O=Acme\\, Inc. \\+ \\"Co\\"',
		],
		[
			'a leading # and trailing space escaped',
			attribute('2.5.4.3', derTags.utf8String, ascii('#x ')),
			'CN=\\#x\\ ',
		],
	])('renders %s', (_name, value, expected) => {
		expect(nameOf(rdn(value))).toBe(expected);
	});

	test('a multi-valued RDN is joined with " + "', () => {
		const cn = attribute('2.5.4.3', derTags.utf8String, ascii('a'));
		const ou = attribute('2.5.4.11', derTags.utf8String, ascii('b'));
		expect(nameOf(rdn(cn, ou), rdn(attribute('2.5.4.6', derTags.printableString, ascii('GB'))))).toBe(
			'CN=a + OU=b, C=GB',
		);
	});

	test('an empty name is empty', () => {
		expect(nameOf()).toBe('');
	});

	test('a v1 certificate has no version field', () => {
		const read = readCertificate(fakeCertificate({ version: false, serial: '00 ff' }));
		expect(read.serialHex).toBe('FF');
	});

	test('a negative serial keeps its sign', () => {
		expect(readCertificate(fakeCertificate({ serial: 'ff 01' })).serialHex).toBe('-FF');
	});

	const time = (tag: number, text: string) => encodeDer(tag, ascii(text));
	test.each([
		['UTCTime 99 is 1999', time(derTags.utcTime, '991231235959Z'), '1999-12-31T23:59:59.000Z'],
		['UTCTime 49 is 2049', time(derTags.utcTime, '490101000000Z'), '2049-01-01T00:00:00.000Z'],
		['UTCTime 50 is 1950', time(derTags.utcTime, '500101000000Z'), '1950-01-01T00:00:00.000Z'],
		['UTCTime with an offset', time(derTags.utcTime, '250101120000+0130'), '2025-01-01T10:30:00.000Z'],
		[
			'GeneralizedTime past 2049',
			time(derTags.generalizedTime, '20500101000000Z'),
			'2050-01-01T00:00:00.000Z',
		],
		[
			'GeneralizedTime with fractions',
			time(derTags.generalizedTime, '99991231235959.5Z'),
			'9999-12-31T23:59:59.500Z',
		],
		[
			'GeneralizedTime in year 0099',
			time(derTags.generalizedTime, '00990101000000Z'),
			'0099-01-01T00:00:00.000Z',
		],
	])('reads %s', (_name, notBefore, iso) => {
		const read = readCertificate(fakeCertificate({ times: [notBefore, notBefore] }));
		expect(read.notBefore.toISOString()).toBe(iso);
	});

	test.each([
		['a date that does not exist', time(derTags.utcTime, '250231000000Z')],
		['an hour of 24', time(derTags.utcTime, '250101240000Z')],
		['a time with letters', time(derTags.generalizedTime, '2025010100000AZ')],
		['an INTEGER as a time', encodeDer(derTags.integer, Uint8Array.of(1))],
	])('refuses %s', (_name, value) => {
		expect(() => readCertificate(fakeCertificate({ times: [value, value] }))).toThrow(KeyFormatError);
	});

	test('refuses a certificate whose validity is not two times', () => {
		const times = [time(derTags.utcTime, '250101000000Z')];
		expect(() => readCertificate(fakeCertificate({ times }))).toThrow(/validity SEQUENCE of two times/);
	});
});

describe('ECDSA signatures between DER and JOSE r‖s', () => {
	const data = new TextEncoder().encode('header.payload');
	const curves = ecKeys.filter((key) => key.crv !== 'secp256k1');
	const hashes = { 'P-256': 'sha256', 'P-384': 'sha384', 'P-521': 'sha512' } as Record<string, string>;

	test.each(curves)(
		'$crv: 25 signatures convert both ways and verify',
		({ crv, size, privateKey, publicKey }) => {
			const hash = hashes[crv] as string;
			for (let i = 0; i < 25; i++) {
				const derSignature = bytes(sign(hash, data, { key: privateKey, dsaEncoding: 'der' }));
				expect(isDerEcdsaSignature(derSignature)).toBe(true);
				const raw = derEcdsaToJose(derSignature, size);
				expect(raw).toHaveLength(size * 2);
				expect(verify(hash, data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, raw)).toBe(true);
				expect(joseEcdsaToDer(raw)).toEqual(derSignature);

				const rawSignature = bytes(sign(hash, data, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
				expect(isDerEcdsaSignature(rawSignature)).toBe(false);
				const converted = joseEcdsaToDer(rawSignature);
				expect(verify(hash, data, { key: publicKey, dsaEncoding: 'der' }, converted)).toBe(true);
				expect(derEcdsaToJose(converted, size)).toEqual(rawSignature);
			}
		},
	);

	test('short r and s are left-padded', () => {
		expect(toHexString(derEcdsaToJose(hex('30 06 02 01 01 02 01 02'), 4))).toBe('00000001' + '00000002');
	});

	test('values with the top bit set get a 0x00 in DER and lose it in JOSE', () => {
		const derSignature = joseEcdsaToDer(hex('0080 00ff'));
		expect(toHexString(derSignature)).toBe('3008' + '02020080' + '020200ff');
		expect(toHexString(derEcdsaToJose(derSignature, 2))).toBe('0080' + '00ff');
	});

	test('leading zero bytes of r and s are dropped in DER', () => {
		expect(toHexString(joseEcdsaToDer(hex('0000 0001')))).toBe('3006' + '020100' + '020101');
	});

	test.each([
		['r longer than the size', '30 08 02 03 01 02 03 02 01 02', 2, /r is 3 bytes, longer than the curve's 2/],
		['s longer than the size', '30 08 02 01 01 02 03 01 02 03', 2, /s is 3 bytes/],
		['a negative r', '30 06 02 01 80 02 01 01', 32, /negative INTEGER/],
		['three INTEGERs', '30 09 02 01 01 02 01 01 02 01 01', 32, /ECDSA-Sig-Value.*3 elements/],
		['trailing bytes', '30 06 02 01 01 02 01 01 00', 32, /trailing byte/],
		['an OCTET STRING', '04 02 01 01', 32, /found OCTET STRING/],
	])('derEcdsaToJose refuses %s', (_name, input, size, message) => {
		const error = thrown(() => derEcdsaToJose(hex(input), size));
		expect(error).toBeInstanceOf(KeyFormatError);
		expect((error as Error).message).toMatch(message);
	});

	test.each([0, -1, 1.5])('derEcdsaToJose refuses size %d', (size) => {
		expect(() => derEcdsaToJose(hex('30 06 02 01 01 02 01 01'), size)).toThrow(RangeError);
	});

	test.each([0, 1, 63])('joseEcdsaToDer refuses %i bytes', (length) => {
		expect(() => joseEcdsaToDer(new Uint8Array(length))).toThrow(KeyFormatError);
	});

	test.each([
		['two small INTEGERs', '30 06 02 01 01 02 01 02', true],
		['INTEGERs with a needed 0x00', '30 08 02 02 00 80 02 02 00 ff', true],
		['a trailing byte', '30 06 02 01 01 02 01 02 00', false],
		['one INTEGER', '30 03 02 01 01', false],
		['three INTEGERs', '30 09 02 01 01 02 01 01 02 01 01', false],
		['a negative INTEGER', '30 06 02 01 ff 02 01 01', false],
		['a zero INTEGER', '30 06 02 01 00 02 01 01', false],
		['a non-minimal INTEGER', '30 07 02 02 00 01 02 01 01', false],
		['a SET', '31 06 02 01 01 02 01 02', false],
		['an OCTET STRING in place of s', '30 06 02 01 01 04 01 02', false],
		['nothing', '', false],
		['garbage', 'de ad be ef', false],
	])('isDerEcdsaSignature: %s → %s', (_name, input, expected) => {
		expect(isDerEcdsaSignature(hex(input))).toBe(expected);
	});

	test('isDerEcdsaSignature never throws on arbitrary bytes', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 80 }), (input) => {
				expect(typeof isDerEcdsaSignature(input)).toBe('boolean');
			}),
			{ numRuns: 1000 },
		);
	});
});
