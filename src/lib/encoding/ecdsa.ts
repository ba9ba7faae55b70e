// ECDSA signatures in their two forms: DER ECDSA-Sig-Value (RFC 3279 §2.2.3) and JOSE's fixed-length r‖s (RFC 7518 §3.4).

import {
	DerError,
	derTags,
	encodeDer,
	encodeIntegerContent,
	isMinimalInteger,
	readDer,
	readInteger,
	type DerNode,
	type DerProblem,
} from './der';
import { FaultError } from './fault-error';

/**
 * Why bytes are not an ECDSA signature in the form expected, as data (the words are the finding's): not DER at
 * `offset`; not a SEQUENCE of two INTEGERs (the element at `offset` has tag `found`, or there are `elements` of
 * them); r or s longer than the curve's size; r‖s of a length that cannot be split in two.
 */
export type EcdsaSignatureFault =
	| { readonly code: 'ecdsa-not-der'; readonly offset: number; readonly problem: DerProblem }
	| {
			readonly code: 'ecdsa-not-pair';
			readonly offset: number;
			readonly found: number;
			readonly elements: number;
	  }
	| {
			readonly code: 'ecdsa-integer-length';
			readonly integer: 'r' | 's';
			readonly bytes: number;
			readonly size: number;
	  }
	| { readonly code: 'ecdsa-odd-length'; readonly bytes: number };

/** Signature bytes that are not the ECDSA form a conversion expected; `fault` says what and where. */
export class EcdsaSignatureError extends FaultError<EcdsaSignatureFault> {}

/** Reads r and s from a DER ECDSA-Sig-Value (RFC 3279 §2.2.3) as unsigned magnitudes. */
function readEcdsaSignature(der: Uint8Array): [Uint8Array, Uint8Array] {
	const notDer = (error: unknown, shift = 0) => {
		if (!(error instanceof DerError)) return error;
		const offset = Math.max(error.offset, 0) + shift;
		return new EcdsaSignatureError(
			{ code: 'ecdsa-not-der', offset, problem: error.problem },
			{ cause: error },
		);
	};
	let root: DerNode;
	try {
		root = readDer(der);
	} catch (error) {
		throw notDer(error);
	}
	const children = root.children ?? [];
	const notPair = (node: DerNode) =>
		new EcdsaSignatureError({
			code: 'ecdsa-not-pair',
			offset: node.start,
			found: node.tag,
			elements: children.length,
		});
	if (root.tag !== derTags.sequence || children.length !== 2) throw notPair(root);
	const [r, s] = children as [DerNode, DerNode];
	for (const node of [r, s]) if (node.tag !== derTags.integer) throw notPair(node);
	const integer = (node: DerNode) => {
		try {
			return readInteger(node.content);
		} catch (error) {
			throw notDer(error, node.start + node.headerLength);
		}
	};
	return [integer(r), integer(s)];
}

/**
 * Converts a DER ECDSA-Sig-Value (RFC 3279 §2.2.3, what OpenSSL and most non-JOSE libraries produce) to
 * the JOSE form r‖s, each left-padded to `size` bytes: 32 for ES256, 48 for ES384, 66 for ES512
 * (RFC 7518 §3.4).
 * @throws {EcdsaSignatureError} when the bytes are not an ECDSA-Sig-Value or r or s exceeds `size` bytes.
 */
export function derEcdsaToJose(der: Uint8Array, size: number): Uint8Array {
	if (!Number.isInteger(size) || size <= 0)
		throw new RangeError(`ECDSA integer size ${size} is not a positive integer`);
	const out = new Uint8Array(size * 2);
	readEcdsaSignature(der).forEach((integer, i) => {
		if (integer.length > size)
			throw new EcdsaSignatureError({
				code: 'ecdsa-integer-length',
				integer: i === 0 ? 'r' : 's',
				bytes: integer.length,
				size,
			});
		out.set(integer, size * (i + 1) - integer.length);
	});
	return out;
}

/**
 * Converts a JOSE ECDSA signature r‖s (RFC 7518 §3.4) to a DER ECDSA-Sig-Value (RFC 3279 §2.2.3)
 * with minimal INTEGERs.
 * @throws {EcdsaSignatureError} `ecdsa-odd-length` when `raw` is empty or of odd length.
 */
export function joseEcdsaToDer(raw: Uint8Array): Uint8Array {
	if (raw.length === 0 || raw.length % 2 !== 0)
		throw new EcdsaSignatureError({ code: 'ecdsa-odd-length', bytes: raw.length });
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
