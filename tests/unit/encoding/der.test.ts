// DER reader and writer: element layout, strict rejection of malformed input, OIDs, INTEGERs and a fuzz property.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	DerError,
	MAX_DER_DEPTH,
	derTags,
	describeTag,
	encodeDer,
	encodeIntegerContent,
	encodeLength,
	encodeOid,
	isMinimalInteger,
	readBitStringBytes,
	readDer,
	readInteger,
	readOid,
	toHexString,
} from '$lib/encoding/der';

const hex = (text: string) =>
	Uint8Array.from(text.match(/[0-9a-f]{2}/gi) ?? [], (pair) => parseInt(pair, 16));

/** Runs `run` and returns the DerError it throws, failing the test on anything else. */
function derErrorOf(run: () => unknown): DerError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(DerError);
		return error as DerError;
	}
	throw new Error('expected a DerError, but nothing was thrown');
}

/** A SEQUENCE nested `depth` times around an empty one, built without quadratic copying. */
function nestedSequences(depth: number): Uint8Array {
	const lengths = [0];
	for (let i = 1; i < depth; i++) {
		const inner = lengths[i - 1] as number;
		lengths.push(inner + 1 + encodeLength(inner).length);
	}
	const total = (lengths[depth - 1] as number) + 1 + encodeLength(lengths[depth - 1] as number).length;
	const out = new Uint8Array(total);
	let offset = 0;
	for (let i = depth - 1; i >= 0; i--) {
		out[offset++] = derTags.sequence;
		const length = encodeLength(lengths[i] as number);
		out.set(length, offset);
		offset += length.length;
	}
	return out;
}

describe('readDer reads one element and its children', () => {
	test('a primitive INTEGER', () => {
		const node = readDer(hex('02 01 05'));
		expect(node).toMatchObject({ tag: 0x02, constructed: false, start: 0, headerLength: 2, length: 1 });
		expect([...node.content]).toEqual([5]);
		expect(node.children).toBeUndefined();
	});

	test('a SEQUENCE gives its children with absolute offsets', () => {
		const node = readDer(hex('30 08 02 01 05 04 03 61 62 63'));
		expect(node.constructed).toBe(true);
		expect(
			node.children?.map(({ tag, start, headerLength, length }) => [tag, start, headerLength, length]),
		).toEqual([
			[0x02, 2, 2, 1],
			[0x04, 5, 2, 3],
		]);
		expect(new TextDecoder().decode(node.children?.[1]?.content)).toBe('abc');
	});

	test('an empty SEQUENCE has no children', () => {
		expect(readDer(hex('30 00')).children).toEqual([]);
	});

	test('a context-specific constructed [0] is parsed into children', () => {
		const node = readDer(hex('a0 03 02 01 02'));
		expect(node.children?.[0]?.tag).toBe(derTags.integer);
	});

	test('a long-form length is read', () => {
		const content = new Uint8Array(300).fill(7);
		const node = readDer(encodeDer(derTags.octetString, content));
		expect(node.headerLength).toBe(4);
		expect(node.length).toBe(300);
		expect(node.content).toEqual(content);
	});

	test('a view into a larger buffer is read relative to the view', () => {
		const buffer = hex('ff ff 02 01 09 ff');
		expect([...readDer(buffer.subarray(2, 5)).content]).toEqual([9]);
	});

	test(`nesting down to depth ${MAX_DER_DEPTH} is accepted`, () => {
		expect(() => readDer(nestedSequences(MAX_DER_DEPTH + 1))).not.toThrow();
	});
});

describe('readDer rejects malformed DER with a DerError naming the offset', () => {
	test.each([
		['empty input', '', 0, /empty/],
		['a tag with no length', '30', 1, /truncated.*missing length/],
		['content shorter than its length', '30 03 02 01', 0, /truncated.*3 content bytes.*only 2/],
		['a child running past its parent', '30 03 02 05 01', 2, /truncated/],
		['an indefinite length (BER)', '30 80 00 00', 1, /indefinite length/],
		['a length of more than 4 bytes', '04 85 00 00 00 00 01 00', 1, /more than 4/],
		['length bytes past the end', '04 82 01', 1, /length bytes run past the end/],
		['a long-form length below 128', '04 81 01 00', 1, /shortest form/],
		['a long-form length with a leading zero', `04 82 00 80 ${'00 '.repeat(128)}`, 1, /shortest form/],
		['a multi-byte tag', '1f 81 00 00', 0, /multi-byte tag/],
		['one trailing byte', '05 00 00', 2, /1 trailing byte after/],
		['two trailing bytes', '05 00 05 00', 2, /2 trailing bytes/],
	])('%s', (_name, input, offset, message) => {
		const error = derErrorOf(() => readDer(hex(input)));
		expect(error.offset).toBe(offset);
		expect(error.message).toMatch(message);
		expect(error.message).toContain(`offset ${offset}`);
	});

	test(`nesting deeper than ${MAX_DER_DEPTH} levels`, () => {
		const error = derErrorOf(() => readDer(nestedSequences(MAX_DER_DEPTH + 2)));
		expect(error.message).toMatch(/nested deeper than 64 levels/);
	});

	test('100000 properly nested SEQUENCEs are refused quickly, not recursed into', () => {
		const started = performance.now();
		const error = derErrorOf(() => readDer(nestedSequences(100_000)));
		expect(error.message).toMatch(/nested deeper/);
		expect(performance.now() - started).toBeLessThan(1000);
	});

	test('100000 SEQUENCE headers with no content are refused quickly', () => {
		const headers = new Uint8Array(100_000 * 2);
		for (let i = 0; i < headers.length; i += 2) headers.set([0x30, 0x7f], i);
		const error = derErrorOf(() => readDer(headers));
		expect(error.message).toMatch(/truncated|trailing/);
	});

	test('100000 indefinite-length SEQUENCE headers are refused at the first', () => {
		const headers = new Uint8Array(100_000 * 2);
		for (let i = 0; i < headers.length; i += 2) headers.set([0x30, 0x80], i);
		expect(derErrorOf(() => readDer(headers)).offset).toBe(1);
	});
});

describe('encodeDer writes definite lengths in the shortest form', () => {
	test.each([
		[0, '00'],
		[1, '01'],
		[127, '7f'],
		[128, '8180'],
		[255, '81ff'],
		[256, '820100'],
		[65535, '82ffff'],
		[65536, '83010000'],
		[0xffffffff, '84ffffffff'],
	])('length %i as %s', (length, expected) => {
		expect(toHexString(encodeLength(length))).toBe(expected);
	});

	test.each([-1, 1.5, 2 ** 32])('length %d is refused', (length) => {
		derErrorOf(() => encodeLength(length));
	});

	test('a list of parts is concatenated', () => {
		const encoded = encodeDer(derTags.sequence, [hex('02 01 01'), hex('05 00')]);
		expect(toHexString(encoded)).toBe('3005020101' + '0500');
	});

	test.each([0, 1, 127, 128, 255, 256, 70000])('%i content bytes round-trip through readDer', (size) => {
		const content = Uint8Array.from({ length: size }, (_, i) => i & 0xff);
		const node = readDer(encodeDer(derTags.octetString, content));
		expect(node.content).toEqual(content);
	});

	test('a multi-byte tag is refused', () => {
		derErrorOf(() => encodeDer(0x1f, new Uint8Array(0)));
	});
});

describe('OBJECT IDENTIFIERs', () => {
	test.each([
		['rsaEncryption', '1.2.840.113549.1.1.1', '2a864886f70d010101'],
		['RSASSA-PSS', '1.2.840.113549.1.1.10', '2a864886f70d01010a'],
		['id-ecPublicKey', '1.2.840.10045.2.1', '2a8648ce3d0201'],
		['prime256v1', '1.2.840.10045.3.1.7', '2a8648ce3d030107'],
		['secp384r1', '1.3.132.0.34', '2b81040022'],
		['Ed25519', '1.3.101.112', '2b6570'],
		['a first arc of 0', '0.9.2342.19200300.100.1.25', '0992268993f22c640119'],
		['a first arc of 2 with a large second arc (X.690 §8.19.4)', '2.999.3', '883703'],
		[
			'a UUID arc beyond 2^53',
			'2.25.329800735698586629295641978511506172918',
			'6983f09da7ebcfdee0c7a1a7b2c0948cc8f9d776',
		],
	])('%s', (_name, oid, content) => {
		expect(toHexString(encodeOid(oid))).toBe(content);
		expect(readOid(hex(content))).toBe(oid);
	});

	test.each([
		['empty content', ''],
		['a last arc with the continuation bit set', '2a 86'],
		['an arc with a redundant leading 0x80', '2a 80 01'],
	])('readOid refuses %s', (_name, content) => {
		derErrorOf(() => readOid(hex(content)));
	});

	test.each(['', '1', '1.', '.1.2', '3.1', '1.40', '0.40.1', 'a.b', '1.2.-3', '1 .2'])(
		'encodeOid refuses "%s"',
		(oid) => {
			derErrorOf(() => encodeOid(oid));
		},
	);
});

describe('INTEGERs', () => {
	test.each([
		['a small value', '05', '05'],
		['a value with the padding zero for a set top bit', '00 ff', 'ff'],
		['redundant leading zeros (BER)', '00 00 01 02', '0102'],
		['zero, as an empty magnitude', '00', ''],
	])('readInteger reads %s', (_name, content, magnitude) => {
		expect(toHexString(readInteger(hex(content)))).toBe(magnitude);
	});

	test.each([
		['empty content', ''],
		['a negative value', '80'],
		['a negative value with more bytes', 'ff 01'],
	])('readInteger refuses %s', (_name, content) => {
		derErrorOf(() => readInteger(hex(content)));
	});

	test.each([
		['', '00'],
		['00', '00'],
		['7f', '7f'],
		['80', '0080'],
		['00 00 80', '0080'],
		['00 01', '01'],
	])('encodeIntegerContent(%s) is %s', (magnitude, content) => {
		expect(toHexString(encodeIntegerContent(hex(magnitude)))).toBe(content);
	});

	test.each([
		['00', true],
		['7f', true],
		['00 80', true],
		['ff 7f', true],
		['00 7f', false],
		['ff 80', false],
		['', false],
	])('isMinimalInteger(%s) is %s', (content, minimal) => {
		expect(isMinimalInteger(hex(content))).toBe(minimal);
	});
});

describe('BIT STRING bytes and tag names', () => {
	test('readBitStringBytes drops the unused-bits byte', () => {
		expect(toHexString(readBitStringBytes(hex('00 ab cd')))).toBe('abcd');
	});

	test.each([
		['empty content', ''],
		['unused bits', '04 f0'],
	])('readBitStringBytes refuses %s', (_name, content) => {
		derErrorOf(() => readBitStringBytes(hex(content)));
	});

	test.each([
		[0x30, 'SEQUENCE'],
		[0x02, 'INTEGER'],
		[0xa0, '[0]'],
		[0x81, '[1]'],
		[0x45, 'tag 0x45'],
	])('describeTag(%i) is %s', (tag, name) => {
		expect(describeTag(tag)).toBe(name);
	});
});

describe('properties', () => {
	test('readDer on arbitrary bytes returns a node or throws DerError, nothing else', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
				try {
					const node = readDer(bytes);
					expect(node.headerLength + node.length).toBe(bytes.length);
				} catch (error) {
					if (!(error instanceof DerError)) throw error;
				}
			}),
			{ numRuns: 2000 },
		);
	});

	// Arbitrary DER trees, so the fuzzing below starts from valid input rather than noise.
	const { tree } = fc.letrec<{ tree: Uint8Array }>((tie) => ({
		tree: fc.oneof(
			{ depthSize: 'small' },
			fc
				.tuple(fc.constantFrom(0x02, 0x04, 0x05, 0x0c, 0x80), fc.uint8Array({ maxLength: 140 }))
				.map(([tag, content]) => encodeDer(tag, content)),
			fc
				.tuple(fc.constantFrom(0x30, 0x31, 0xa0, 0xa3), fc.array(tie('tree'), { maxLength: 4 }))
				.map(([tag, children]) => encodeDer(tag, children)),
		),
	}));

	test('encoded trees read back, and re-encoding the root gives the same bytes', () => {
		fc.assert(
			fc.property(tree, (bytes) => {
				const node = readDer(bytes);
				expect(encodeDer(node.tag, node.content)).toEqual(bytes);
			}),
			{ numRuns: 500 },
		);
	});

	test('every proper prefix of valid DER throws DerError', () => {
		fc.assert(
			fc.property(
				tree.chain((bytes) => fc.tuple(fc.constant(bytes), fc.nat({ max: bytes.length - 1 }))),
				([bytes, cut]) => {
					derErrorOf(() => readDer(bytes.subarray(0, cut)));
				},
			),
			{ numRuns: 500 },
		);
	});

	test('valid DER with one byte changed returns or throws DerError', () => {
		fc.assert(
			fc.property(
				tree.chain((bytes) =>
					fc.tuple(fc.constant(bytes), fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 })),
				),
				([bytes, index, value]) => {
					const changed = bytes.slice();
					changed[index] = value;
					try {
						readDer(changed);
					} catch (error) {
						if (!(error instanceof DerError)) throw error;
					}
				},
			),
			{ numRuns: 1000 },
		);
	});
});
