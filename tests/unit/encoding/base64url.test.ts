import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	decodeBase64url,
	decodeNatively,
	encodeBase64url,
	encodeBase64urlText,
	toHex,
	type Base64urlResult,
} from '../../../src/lib/encoding/base64url';

const ascii = (text: string) => [...new TextEncoder().encode(text)];

function decoded(result: Base64urlResult): { bytes: number[]; deviations: string[] } {
	if (!result.ok) throw new Error(`expected base64url, got ${result.reason} at ${result.index}`);
	return { bytes: [...result.bytes], deviations: [...result.deviations].sort() };
}

describe('decodeBase64url decodes canonical base64url with no deviations', () => {
	test.each([
		['the empty string to no bytes', '', []],
		['two characters to one byte', 'Zg', ascii('f')],
		['three characters to two bytes', 'Zm8', ascii('fo')],
		['four characters to three bytes', 'Zm9v', ascii('foo')],
		['six characters to four bytes', 'Zm9vYg', ascii('foob')],
		['the URL-safe characters - and _', '-_8', [0xfb, 0xff]],
		['a JOSE header', 'eyJhbGciOiJIUzI1NiJ9', ascii('{"alg":"HS256"}')],
	])('%s', (_name, text, bytes) => {
		expect(decoded(decodeBase64url(text))).toEqual({ bytes, deviations: [] });
	});
});

describe('decodeBase64url accepts what people paste but reports each deviation', () => {
	test.each([
		['two padding characters', 'Zg==', ascii('f'), ['padding']],
		['one padding character', 'Zm8=', ascii('fo'), ['padding']],
		['standard-base64 + and /', '+/8', [0xfb, 0xff], ['standard-alphabet']],
		['non-zero unused bits after one byte', 'Zh', ascii('f'), ['stray-bits']],
		['non-zero unused bits after two bytes', 'Zm9', ascii('fo'), ['stray-bits']],
		['all three at once', '+/9=', [0xfb, 0xff], ['padding', 'standard-alphabet', 'stray-bits']],
	])('%s', (_name, text, bytes, deviations) => {
		expect(decoded(decodeBase64url(text))).toEqual({ bytes, deviations });
	});
});

describe('decodeBase64url rejects what is not base64url, saying where', () => {
	test.each([
		['a character outside both alphabets', 'ab$d', 'bad-character', 2, '$'],
		['a space inside the part', 'Zm9v YQ', 'bad-character', 4, ' '],
		['a dot', 'Zm9v.', 'bad-character', 4, '.'],
		['a non-ASCII letter', 'Zé', 'bad-character', 1, 'é'],
		['an emoji, named whole', 'ab😀', 'bad-character', 2, '😀'],
		['padding in the middle', 'Zg==Zg', 'bad-character', 2, '='],
		[
			'a stray character that also makes the length impossible',
			'eyJhbGciOiJIUzI1NiJ9!',
			'bad-character',
			20,
			'!',
		],
		['a stray character before misplaced padding', 'Z$=', 'bad-character', 1, '$'],
		['one character (length % 4 == 1)', 'Z', 'bad-length', 0, undefined],
		['five characters (length % 4 == 1)', 'Zm9vY', 'bad-length', 4, undefined],
		['nine characters (length % 4 == 1)', 'Zm9vYmFyY', 'bad-length', 8, undefined],
		['padding that does not complete a quantum', 'Zg=', 'bad-padding', 2, undefined],
		['three padding characters', 'Zg===', 'bad-padding', 2, undefined],
		['padding after a full quantum', 'Zm9v=', 'bad-padding', 4, undefined],
		['padding alone', '=', 'bad-padding', 0, undefined],
	])('%s', (_name, text, reason, index, character) => {
		const result = decodeBase64url(text);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect({ reason: result.reason, index: result.index, character: result.character }).toEqual({
			reason,
			index,
			character,
		});
	});
});

describe('encodeBase64url writes canonical base64url', () => {
	test.each([
		['no bytes', [], ''],
		['one byte', ascii('f'), 'Zg'],
		['two bytes', ascii('fo'), 'Zm8'],
		['three bytes', ascii('foo'), 'Zm9v'],
		['bytes that need - and _', [0xfb, 0xff], '-_8'],
	])('%s', (_name, bytes, text) => {
		expect(encodeBase64url(new Uint8Array(bytes))).toBe(text);
	});

	test('text is encoded as UTF-8 first', () => {
		expect(encodeBase64urlText('{"n":"é€"}')).toBe(Buffer.from('{"n":"é€"}', 'utf8').toString('base64url'));
	});

	test('a large input is encoded whole', () => {
		const bytes = new Uint8Array(100_003).map((_, i) => (i * 7919) & 0xff);
		expect(encodeBase64url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
	});
});

describe('base64url properties', () => {
	test('encode then decode returns the same bytes with no deviations', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
				const text = encodeBase64url(bytes);
				expect(text).toBe(Buffer.from(bytes).toString('base64url'));
				expect(decoded(decodeBase64url(text))).toEqual({ bytes: [...bytes], deviations: [] });
			}),
			{ numRuns: 1000 },
		);
	});

	test('any base64url text of a possible length decodes to what Node decodes', () => {
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
		const text = fc
			.array(fc.constantFrom(...alphabet), { maxLength: 200 })
			.map((chars) => chars.join(''))
			.filter((s) => s.length % 4 !== 1);
		fc.assert(
			fc.property(text, (s) => {
				const result = decoded(decodeBase64url(s));
				expect(result.bytes).toEqual([...Buffer.from(s, 'base64url')]);
				expect(result.deviations.filter((d) => d !== 'stray-bits')).toEqual([]);
			}),
			{ numRuns: 1000 },
		);
	});

	test('standard base64 with padding decodes to the same bytes', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
				const result = decodeBase64url(Buffer.from(bytes).toString('base64'));
				expect(result.ok).toBe(true);
				if (result.ok) expect([...result.bytes]).toEqual([...bytes]);
			}),
			{ numRuns: 1000 },
		);
	});
});

/**
 * `Uint8Array.fromBase64(text, { alphabet: 'base64url', lastChunkHandling: 'loose' })` as ES2026 specifies it
 * (Node 20 lacks it): ASCII whitespace skipped, `=` padding allowed, a stray character or a final chunk of one
 * character a SyntaxError, unused bits ignored.
 */
function specFromBase64(text: string): Uint8Array {
	const squeezed = text.replace(/[\t\n\f\r ]/g, '');
	const body = squeezed.replace(/={1,2}$/, '');
	if (!/^[A-Za-z0-9_-]*$/.test(body) || body.length % 4 === 1) throw new SyntaxError('not base64url');
	if (squeezed.length > body.length && squeezed.length % 4 !== 0) throw new SyntaxError('bad padding');
	return new Uint8Array(Buffer.from(body, 'base64url'));
}

describe('the native decoder serves only canonical base64url, and agrees with the written-out one', () => {
	test.each([
		['canonical', 'eyJhIjoxfQ', true],
		['padded', 'eyJhIjoxfQ==', false],
		['standard alphabet', 'a+b/', false],
		['whitespace inside', 'eyJh Ijox', false],
		['a line break at the end', 'eyJhIjox\n', false],
		['stray bits', 'eR', false],
		['impossible length', 'eyJhI', false],
		['a stray character', 'ey$h', false],
	])('%s: served natively %s', (_name, text, native) => {
		expect(decodeNatively(text, specFromBase64) !== undefined).toBe(native);
	});

	test('without the native decoder nothing is served natively', () => {
		expect(decodeNatively('eyJhIjoxfQ', undefined)).toBeUndefined();
	});

	test('any text of base64 characters, padding, whitespace and strays decodes exactly as without it', () => {
		const characters = [
			...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
			'+',
			'/',
			'=',
			' ',
			'\n',
			'$',
		];
		const from = (pool: string[]) =>
			fc.array(fc.constantFrom(...pool), { maxLength: 60 }).map((c) => c.join(''));
		// Half of the cases canonical-looking, so the native path is taken often, not only refused.
		const text = fc.oneof(from(characters.slice(0, 64)), from(characters));
		fc.assert(
			fc.property(text, (s) => {
				expect(decodeNatively(s, specFromBase64) ?? decodeBase64url(s)).toEqual(decodeBase64url(s));
			}),
			{ numRuns: 5000 },
		);
	});
});

describe('toHex', () => {
	test.each([
		['no bytes', [], '', ''],
		['pads each byte to two digits', [0, 10, 255], '', '000aff'],
		['joins with a separator', [0x7b, 0xff, 0x7d], ' ', '7b ff 7d'],
	])('%s', (_name, bytes, separator, hex) => {
		expect(toHex(new Uint8Array(bytes), separator)).toBe(hex);
	});
});
