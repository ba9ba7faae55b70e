// ECDSA signatures in their two forms: DER ECDSA-Sig-Value (RFC 3279 §2.2.3) and JOSE's fixed-length r‖s (RFC 7518 §3.4).

import {
	DerError,
	derTags,
	describeTag,
	encodeDer,
	encodeIntegerContent,
	isMinimalInteger,
	readDer,
	readInteger,
	type DerNode,
} from './der';
import { KeyFormatError } from './key-format-error';

/** Reads r and s from a DER ECDSA-Sig-Value (RFC 3279 §2.2.3) as unsigned magnitudes. */
function readEcdsaSignature(der: Uint8Array): [Uint8Array, Uint8Array] {
	let root: DerNode;
	try {
		root = readDer(der);
	} catch (error) {
		if (error instanceof DerError)
			throw new KeyFormatError(`expected an ECDSA-Sig-Value: ${error.message}`, { cause: error });
		throw error;
	}
	const expected = 'expected an ECDSA-Sig-Value SEQUENCE of two INTEGERs (r, s)';
	if (root.tag !== derTags.sequence)
		throw new KeyFormatError(`${expected}, but found ${describeTag(root.tag)}`);
	const children = root.children ?? [];
	if (children.length !== 2) throw new KeyFormatError(`${expected}, but it has ${children.length} elements`);
	const [r, s] = children as [DerNode, DerNode];
	for (const node of [r, s])
		if (node.tag !== derTags.integer)
			throw new KeyFormatError(`${expected}, but found ${describeTag(node.tag)}`);
	try {
		return [readInteger(r.content), readInteger(s.content)];
	} catch (error) {
		if (error instanceof DerError)
			throw new KeyFormatError(`expected an ECDSA-Sig-Value: ${error.message}`, { cause: error });
		throw error;
	}
}

/**
 * Converts a DER ECDSA-Sig-Value (RFC 3279 §2.2.3, what OpenSSL and most non-JOSE libraries produce) to
 * the JOSE form r‖s, each left-padded to `size` bytes: 32 for ES256, 48 for ES384, 66 for ES512
 * (RFC 7518 §3.4).
 * @throws {KeyFormatError} when the bytes are not an ECDSA-Sig-Value or r or s exceeds `size` bytes.
 */
export function derEcdsaToJose(der: Uint8Array, size: number): Uint8Array {
	if (!Number.isInteger(size) || size <= 0)
		throw new RangeError(`ECDSA integer size ${size} is not a positive integer`);
	const out = new Uint8Array(size * 2);
	readEcdsaSignature(der).forEach((integer, i) => {
		if (integer.length > size)
			throw new KeyFormatError(
				`the signature's ${i === 0 ? 'r' : 's'} is ${integer.length} bytes, longer than the curve's ${size}`,
			);
		out.set(integer, size * (i + 1) - integer.length);
	});
	return out;
}

/**
 * Converts a JOSE ECDSA signature r‖s (RFC 7518 §3.4) to a DER ECDSA-Sig-Value (RFC 3279 §2.2.3)
 * with minimal INTEGERs.
 * @throws {KeyFormatError} when `raw` is empty or of odd length.
 */
export function joseEcdsaToDer(raw: Uint8Array): Uint8Array {
	if (raw.length === 0 || raw.length % 2 !== 0)
		throw new KeyFormatError(`expected r‖s, two integers of equal length, but got ${raw.length} bytes`);
	const half = raw.length / 2;
	return encodeDer(derTags.sequence, [
		encodeDer(derTags.integer, encodeIntegerContent(raw.subarray(0, half))),
		encodeDer(derTags.integer, encodeIntegerContent(raw.subarray(half))),
	]);
}

/**
 * Whether the bytes are exactly a DER SEQUENCE of two positive, minimally encoded INTEGERs with
 * nothing after it — a DER ECDSA signature (RFC 3279 §2.2.3) rather than JOSE's r‖s. Never throws.
 */
export function isDerEcdsaSignature(bytes: Uint8Array): boolean {
	let root: DerNode;
	try {
		root = readDer(bytes);
	} catch (error) {
		if (error instanceof DerError) return false;
		throw error;
	}
	const children = root.children ?? [];
	return (
		root.tag === derTags.sequence &&
		children.length === 2 &&
		children.every(
			({ tag, content }) =>
				tag === derTags.integer &&
				isMinimalInteger(content) &&
				((content[0] as number) & 0x80) === 0 &&
				content.some((byte) => byte !== 0),
		)
	);
}
