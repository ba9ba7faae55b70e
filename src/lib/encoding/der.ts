// A minimal, strict DER reader and writer (ITU-T X.690 §8 and §10) for keys, certificates and ECDSA signatures.

/** Universal-class tag bytes this project reads or writes, with the constructed bit where it applies (X.690 §8.1.2). */
export const derTags = Object.freeze({
	boolean: 0x01,
	integer: 0x02,
	bitString: 0x03,
	octetString: 0x04,
	null: 0x05,
	oid: 0x06,
	utf8String: 0x0c,
	numericString: 0x12,
	printableString: 0x13,
	t61String: 0x14,
	ia5String: 0x16,
	utcTime: 0x17,
	generalizedTime: 0x18,
	visibleString: 0x1a,
	universalString: 0x1c,
	bmpString: 0x1e,
	sequence: 0x30,
	set: 0x31,
} as const);

/** Deepest nesting readDer accepts; real keys and certificates stay well below it. */
export const MAX_DER_DEPTH = 64;

/** One DER element. `content` is a view into the bytes given to readDer, not a copy. */
export interface DerNode {
	/** The full identifier byte: class, constructed bit and tag number (X.690 §8.1.2). */
	tag: number;
	/** Whether the constructed bit (0x20) is set; such nodes carry `children`. */
	constructed: boolean;
	/** Offset of the identifier byte in the bytes given to readDer. */
	start: number;
	/** Bytes taken by identifier and length octets. */
	headerLength: number;
	/** Content length in bytes. */
	length: number;
	content: Uint8Array;
	/** The elements inside a constructed node, in order. */
	children?: DerNode[];
}

/**
 * What is wrong with DER bytes (X.690 §8, §10), as data for the messages people read:
 * `cut` the bytes end before an element does; `trailing` bytes follow the element; the rest name the rule broken.
 * `unencodable` is a value this project's own code asked to encode and cannot (never a person's input).
 */
export type DerProblem =
	| 'cut'
	| 'trailing'
	| 'indefinite-length'
	| 'long-length'
	| 'non-minimal-length'
	| 'high-tag'
	| 'too-deep'
	| 'bad-oid'
	| 'bad-integer'
	| 'bad-bit-string'
	| 'unencodable';

/**
 * Malformed DER: `problem` says what, `offset` where, in the bytes given to the function that threw (-1 when none
 * applies). `message` is for developers.
 */
export class DerError extends Error {
	constructor(
		readonly problem: DerProblem,
		message: string,
		readonly offset: number = -1,
		options?: ErrorOptions,
	) {
		super(message, options);
		this.name = new.target.name;
	}
}

/**
 * Reads exactly one DER element filling all of `bytes`, with its children parsed recursively.
 * Strict DER: definite lengths in the shortest form, at most 4 length bytes, low tag numbers only,
 * nothing trailing, and nesting no deeper than {@link MAX_DER_DEPTH} (X.690 §10.1).
 *
 * @throws {DerError} naming the byte offset of the first problem.
 * @example readDer(Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x05)).children?.[0]?.content // [5]
 */
export function readDer(bytes: Uint8Array): DerNode {
	if (bytes.length === 0) throw new DerError('cut', 'no DER element at offset 0: the input is empty', 0);
	const node = readElement(bytes, 0, bytes.length, 0);
	const end = node.start + node.headerLength + node.length;
	if (end !== bytes.length)
		throw new DerError(
			'trailing',
			`${bytes.length - end} trailing byte${bytes.length - end === 1 ? '' : 's'} after the DER element at offset ${end}`,
			end,
		);
	return node;
}

function readElement(bytes: Uint8Array, start: number, limit: number, depth: number): DerNode {
	if (depth > MAX_DER_DEPTH)
		throw new DerError(
			'too-deep',
			`DER nested deeper than ${MAX_DER_DEPTH} levels at offset ${start}`,
			start,
		);
	const tag = bytes[start] as number;
	// High tag numbers (X.690 §8.1.2.4) never occur in keys, certificates or signatures.
	if ((tag & 0x1f) === 0x1f)
		throw new DerError('high-tag', `unsupported multi-byte tag 0x${hexByte(tag)} at offset ${start}`, start);
	if (start + 1 >= limit)
		throw new DerError('cut', `truncated DER: missing length at offset ${start + 1}`, start + 1);
	const first = bytes[start + 1] as number;
	let length: number;
	let headerLength: number;
	if (first < 0x80) {
		length = first;
		headerLength = 2;
	} else if (first === 0x80) {
		throw new DerError(
			'indefinite-length',
			`indefinite length (BER, not DER) at offset ${start + 1}`,
			start + 1,
		);
	} else {
		const count = first & 0x7f;
		if (count > 4)
			throw new DerError(
				'long-length',
				`length of ${count} bytes (more than 4) at offset ${start + 1}`,
				start + 1,
			);
		if (start + 2 + count > limit)
			throw new DerError(
				'cut',
				`truncated DER: length bytes run past the end at offset ${start + 1}`,
				start + 1,
			);
		length = 0;
		for (let i = 0; i < count; i++) length = length * 256 + (bytes[start + 2 + i] as number);
		// X.690 §10.1: the long form is only for lengths above 127, with no leading zero byte.
		if (length < 0x80 || (bytes[start + 2] as number) === 0)
			throw new DerError(
				'non-minimal-length',
				`length ${length} is not in its shortest form at offset ${start + 1}`,
				start + 1,
			);
		headerLength = 2 + count;
	}
	const contentStart = start + headerLength;
	if (length > limit - contentStart)
		throw new DerError(
			'cut',
			`truncated DER: element at offset ${start} declares ${length} content bytes but only ${limit - contentStart} remain`,
			start,
		);
	const content = bytes.subarray(contentStart, contentStart + length);
	const constructed = (tag & 0x20) !== 0;
	const node: DerNode = { tag, constructed, start, headerLength, length, content };
	if (constructed) {
		const children: DerNode[] = [];
		const end = contentStart + length;
		let offset = contentStart;
		while (offset < end) {
			const child = readElement(bytes, offset, end, depth + 1);
			children.push(child);
			offset = child.start + child.headerLength + child.length;
		}
		node.children = children;
	}
	return node;
}

/** Encodes a definite DER length (X.690 §8.1.3), in the shortest form. */
export function encodeLength(length: number): Uint8Array {
	if (!Number.isSafeInteger(length) || length < 0 || length > 0xffffffff)
		throw new DerError('unencodable', `cannot encode a DER length of ${length}`);
	if (length < 0x80) return Uint8Array.of(length);
	const digits: number[] = [];
	for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) digits.unshift(rest % 256);
	return Uint8Array.of(0x80 | digits.length, ...digits);
}

/**
 * Encodes one element: `tag`, the definite length, then the content (parts are concatenated).
 * @example encodeDer(derTags.sequence, [encodeDer(derTags.integer, Uint8Array.of(5))]) // 30 03 02 01 05
 */
export function encodeDer(tag: number, content: Uint8Array | Uint8Array[]): Uint8Array {
	if (!Number.isInteger(tag) || tag < 0 || tag > 0xff || (tag & 0x1f) === 0x1f)
		throw new DerError('unencodable', `cannot encode tag ${tag}: only single-byte tags are supported`);
	const body = content instanceof Uint8Array ? content : concatBytes(content);
	return concatBytes([Uint8Array.of(tag), encodeLength(body.length), body]);
}

/** Joins byte arrays into a new one. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
	let total = 0;
	for (const part of parts) total += part.length;
	const out = new Uint8Array(total);
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.length;
	}
	return out;
}

/**
 * Reads an OBJECT IDENTIFIER's content bytes in dotted form (X.690 §8.19). Arcs of any size are
 * kept exact.
 * @throws {DerError} for empty content, a non-minimal arc or a truncated last arc.
 * @example readOid(Uint8Array.of(0x2b, 0x65, 0x70)) // '1.3.101.112'
 */
export function readOid(content: Uint8Array): string {
	if (content.length === 0) throw new DerError('bad-oid', 'empty OBJECT IDENTIFIER', 0);
	const arcs: bigint[] = [];
	let value = 0n;
	let arcStart = 0;
	for (let i = 0; i < content.length; i++) {
		const byte = content[i] as number;
		// X.690 §8.19.2: an arc never starts with 0x80, which would be a redundant leading zero.
		if (i === arcStart && byte === 0x80)
			throw new DerError('bad-oid', `OBJECT IDENTIFIER arc is not minimally encoded at byte ${i}`, i);
		value = (value << 7n) | BigInt(byte & 0x7f);
		if ((byte & 0x80) === 0) {
			arcs.push(value);
			value = 0n;
			arcStart = i + 1;
		}
	}
	if (arcStart !== content.length)
		throw new DerError(
			'bad-oid',
			`OBJECT IDENTIFIER ends inside an arc at byte ${content.length - 1}`,
			content.length - 1,
		);
	// X.690 §8.19.4: the first subidentifier packs the first two arcs as 40 × first + second.
	const head = arcs[0] as bigint;
	const first = head < 40n ? 0n : head < 80n ? 1n : 2n;
	return [first, head - first * 40n, ...arcs.slice(1)].join('.');
}

/**
 * Encodes a dotted OID as OBJECT IDENTIFIER content bytes (no tag or length; X.690 §8.19).
 * @throws {DerError} when the text is not a valid OID (fewer than two arcs, first arc above 2, …).
 */
export function encodeOid(oid: string): Uint8Array {
	if (!/^\d+(\.\d+)+$/.test(oid))
		throw new DerError('unencodable', `"${oid}" is not a dotted OBJECT IDENTIFIER`);
	const arcs = oid.split('.').map((arc) => BigInt(arc));
	const first = arcs[0] as bigint;
	const second = arcs[1] as bigint;
	if (first > 2n || (first < 2n && second >= 40n))
		throw new DerError('unencodable', `"${oid}" is not a valid OBJECT IDENTIFIER: bad first two arcs`);
	const out: number[] = [];
	for (const arc of [first * 40n + second, ...arcs.slice(2)]) {
		const groups: number[] = [Number(arc & 0x7fn)];
		for (let rest = arc >> 7n; rest > 0n; rest >>= 7n) groups.unshift(Number(rest & 0x7fn) | 0x80);
		out.push(...groups);
	}
	return Uint8Array.from(out);
}

/**
 * Reads a non-negative INTEGER's content bytes (X.690 §8.3) as its big-endian magnitude with all
 * leading zero bytes stripped; zero gives an empty array. The result is a view, not a copy.
 * @throws {DerError} for empty content or a negative value.
 */
export function readInteger(content: Uint8Array): Uint8Array {
	if (content.length === 0) throw new DerError('bad-integer', 'empty INTEGER', 0);
	if (((content[0] as number) & 0x80) !== 0)
		throw new DerError('bad-integer', 'negative INTEGER where a positive one belongs', 0);
	let i = 0;
	while (i < content.length && content[i] === 0) i++;
	return content.subarray(i);
}

/**
 * Encodes an unsigned big-endian magnitude as INTEGER content bytes: leading zeros dropped and a
 * 0x00 prepended when the top bit is set, so the value stays positive (X.690 §8.3.2).
 */
export function encodeIntegerContent(magnitude: Uint8Array): Uint8Array {
	let i = 0;
	while (i < magnitude.length && magnitude[i] === 0) i++;
	const digits = magnitude.subarray(i);
	if (digits.length === 0) return Uint8Array.of(0);
	if (((digits[0] as number) & 0x80) !== 0) return concatBytes([Uint8Array.of(0), digits]);
	return digits.slice();
}

/** Whether INTEGER content bytes are in DER's shortest two's-complement form (X.690 §8.3.2). */
export function isMinimalInteger(content: Uint8Array): boolean {
	if (content.length === 0) return false;
	if (content.length === 1) return true;
	const [a, b] = content as unknown as [number, number];
	return !((a === 0x00 && (b & 0x80) === 0) || (a === 0xff && (b & 0x80) !== 0));
}

/**
 * The bytes of a BIT STRING whose length is a whole number of bytes, as keys always are
 * (X.690 §8.6.2: the first content byte counts the unused bits of the last byte).
 * @throws {DerError} when the BIT STRING is empty or has unused bits.
 */
export function readBitStringBytes(content: Uint8Array): Uint8Array {
	if (content.length === 0) throw new DerError('bad-bit-string', 'empty BIT STRING', 0);
	if (content[0] !== 0)
		throw new DerError('bad-bit-string', `BIT STRING has ${content[0]} unused bits; expected whole bytes`, 0);
	return content.subarray(1);
}

/** A readable name for a tag byte, for messages: "SEQUENCE", "INTEGER", "[0]", "tag 0x45". */
export function describeTag(tag: number): string {
	const universal: Record<number, string> = {
		[derTags.boolean]: 'BOOLEAN',
		[derTags.integer]: 'INTEGER',
		[derTags.bitString]: 'BIT STRING',
		[derTags.octetString]: 'OCTET STRING',
		[derTags.null]: 'NULL',
		[derTags.oid]: 'OBJECT IDENTIFIER',
		[derTags.utf8String]: 'UTF8String',
		[derTags.printableString]: 'PrintableString',
		[derTags.ia5String]: 'IA5String',
		[derTags.utcTime]: 'UTCTime',
		[derTags.generalizedTime]: 'GeneralizedTime',
		[derTags.sequence]: 'SEQUENCE',
		[derTags.set]: 'SET',
	};
	const name = universal[tag];
	if (name !== undefined) return name;
	if ((tag & 0xc0) === 0x80) return `[${tag & 0x1f}]`;
	return `tag 0x${hexByte(tag)}`;
}

/** Lowercase hex of the bytes, two digits each, no separators. */
export function toHexString(bytes: Uint8Array): string {
	let out = '';
	for (const byte of bytes) out += hexByte(byte);
	return out;
}

function hexByte(byte: number): string {
	return byte.toString(16).padStart(2, '0');
}
