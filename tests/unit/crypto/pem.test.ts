// PEM blocks: parsePem finds and reads them in pasted text (or says where it cannot), toPem writes them.

import { type KeyObject } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readDer } from '$lib/encoding/der';
import { PemError, parsePem, toPem } from '$lib/crypto/pem';
import { der, ecKeys, okpKeys, pem, rsa1024, rsa2048, rsa4096, thrown } from './key-fixtures';

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

	test.each([
		['-----BEGIN X-----\nAA==\nAAAA\n-----END X-----', { code: 'after-padding', line: 2, column: 3 }],
		['-----BEGIN X-----\nAAAAA\n-----END X-----', { code: 'lone-character', line: 3 }],
		['-----BEGIN X-----\nAAA==\n-----END X-----', { code: 'bad-padding', line: 2, column: 4 }],
		[
			'-----BEGIN X-----\nA_AA\n-----END X-----',
			{ code: 'bad-character', codePoint: 0x5f, line: 2, column: 2 },
		],
		[
			'-----BEGIN X-----\nAAAA\n-----END Y-----',
			{ code: 'wrong-end', label: 'X', endLabel: 'Y', line: 1, endLine: 3 },
		],
		['-----BEGIN X-----\nAAAA', { code: 'no-end', label: 'X', line: 1 }],
		[
			'-----BEGIN X-----\n-----BEGIN Y-----',
			{ code: 'no-end-before-begin', label: 'X', line: 1, nextLine: 2 },
		],
	])('the fault of %j is data', (text, fault) => {
		const error = thrown(() => parsePem(text));
		expect((error as PemError).fault).toMatchObject(fault);
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
