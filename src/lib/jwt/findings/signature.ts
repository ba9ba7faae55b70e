// Findings about a JWS signature's bytes, before any key: ECDSA zeros (psychic signatures), r or s out of range,
// DER form, and lengths the alg rules out.

import { DerError, derTags, describeTag, readDer, type DerNode } from '../../encoding/der';
import {
	derEcdsaToJose,
	EcdsaSignatureError,
	isDerEcdsaSignature,
	type EcdsaSignatureFault,
} from '../../encoding/ecdsa';
import { curveOrders, findJwsAlgorithm, type JwsAlgorithm } from '../algorithms';
import { encodeBase64url } from '../../encoding/base64url';
import type { AddFinding } from './types';
import { stringMember, type JsonNode } from '../json';

/**
 * RSA signatures are exactly as long as the modulus (RFC 8017 §8.1.1, §8.2.1): 128 bytes for 1024
 * bits up to 1024 bytes for 8192 bits. Outside that range no real key made the signature.
 */
const RSA_SIGNATURE_BYTES = Object.freeze({ min: 128, max: 1024 });

/** `EdDSA` covers Ed25519 (64-byte signatures) and Ed448 (114 bytes) (RFC 8037 §3.1, RFC 8032 §5.1.6, §5.2.6). */
const EDDSA_SIGNATURE_BYTES: readonly number[] = Object.freeze([64, 114]);

/**
 * Checks the signature bytes of a JWS against its header's `alg`: an ECDSA signature that is all
 * zero or has r or s zero (`psychic-signature`, CVE-2022-21449), r or s not below the curve order
 * (`ecdsa-out-of-range`), one in DER rather than r‖s form
 * (`der-signature`, RFC 7518 §3.4), and a length no key for the `alg` can produce
 * (`signature-length`). An empty signature is left to `empty-signature`, and `none` to `alg-none`.
 */
export function checkSignature(header: JsonNode, signature: Uint8Array | undefined, add: AddFinding): void {
	const alg = stringMember(header, 'alg');
	const algorithm = alg === undefined ? undefined : findJwsAlgorithm(alg);
	if (!algorithm || algorithm.family === 'none' || !signature || signature.length === 0) return;
	// A DER signature's length is explained by der-signature; checking it against r‖s would repeat that.
	const isDerForm = algorithm.family === 'ecdsa' && checkEcdsa(algorithm, signature, add);
	if (!isDerForm) checkLength(algorithm, signature, add);
}

/** Raises psychic-signature, ecdsa-out-of-range and der-signature; true when the bytes are a DER SEQUENCE of two INTEGERs. */
function checkEcdsa(algorithm: JwsAlgorithm, signature: Uint8Array, add: AddFinding): boolean {
	const size = (algorithm.signatureBytes ?? 0) / 2;
	const der = readDerPair(signature);
	const [r, s] = der ?? [signature.subarray(0, size), signature.subarray(size)];
	let zero: string | undefined;
	if (isZero(signature)) zero = 'is all zero';
	else if ((der || signature.length === size * 2) && (isZero(r) || isZero(s)))
		zero = isZero(r) ? (isZero(s) ? 'has r = 0 and s = 0' : 'has r = 0') : 'has s = 0';
	if (zero) {
		add(
			'psychic-signature',
			`The ${algorithm.name} signature ${zero}${der ? ' (in DER form)' : ''}. ECDSA requires 1 ≤ r, s < n; a verifier that skips this check accepts such a signature for any payload and any key (CVE-2022-21449, "psychic signatures").`,
			{ part: 'signature' },
		);
	}
	const order = algorithm.curve ? curveOrders[algorithm.curve] : undefined;
	const whole = der !== undefined || signature.length === size * 2;
	if (!zero && whole && order) {
		const high = [atLeast(r, order) && 'r', atLeast(s, order) && 's'].filter(Boolean).join(' and ');
		if (high)
			add(
				'ecdsa-out-of-range',
				`The ${algorithm.name} signature has ${high} ≥ n, the order of ${algorithm.curve}${der ? ' (in DER form)' : ''}. ECDSA requires 1 ≤ r, s < n, so no correct signer makes this; a verifier that skips the range check may take it as r or s minus n, a second signature for the same payload (RFC 7518 §3.4, SEC 1 §4.1.4).`,
				{ part: 'signature' },
			);
	}
	if (der && isDerEcdsaSignature(signature)) {
		add(
			'der-signature',
			`The ${algorithm.name} signature is ${signature.length} bytes of DER (an ASN.1 SEQUENCE of r and s), as OpenSSL and Java produce. JWS wants r‖s: two ${size}-byte integers, ${size * 2} bytes in all (RFC 7518 §3.4). Strict verifiers reject DER, lenient ones accept it, so they disagree. ${convert(signature, size)}`,
			{ part: 'signature' },
		);
	}
	return der !== undefined;
}

function checkLength(algorithm: JwsAlgorithm, signature: Uint8Array, add: AddFinding): void {
	const length = signature.length;
	const forged = 'No correct signer makes such a signature.';
	// [what the alg's signatures are, what this one means]
	let problem: [string, string] | undefined;
	switch (algorithm.family) {
		case 'hmac':
			if (length !== algorithm.signatureBytes)
				problem = [
					`exactly ${algorithm.signatureBytes} bytes, the full ${algorithm.name.replace('HS', 'SHA-')} output`,
					`${forged} A truncated MAC is easier to forge, and some verifiers compare only the bytes that are there.`,
				];
			break;
		case 'ecdsa':
			if (length !== algorithm.signatureBytes)
				problem = [
					`r‖s, exactly ${algorithm.signatureBytes} bytes on ${algorithm.curve}`,
					`${forged} Libraries disagree about extra or missing bytes, even zeros.`,
				];
			break;
		case 'eddsa': {
			const allowed =
				algorithm.signatureBytes !== undefined ? [algorithm.signatureBytes] : EDDSA_SIGNATURE_BYTES;
			if (!allowed.includes(length))
				problem = [
					allowed.length === 1 ? `exactly ${allowed[0]} bytes` : '64 bytes (Ed25519) or 114 bytes (Ed448)',
					forged,
				];
			break;
		}
		case 'rsa-pkcs1':
		case 'rsa-pss':
			if (length < RSA_SIGNATURE_BYTES.min)
				problem = [
					`as long as the RSA modulus, at least ${RSA_SIGNATURE_BYTES.min} bytes (1024 bits)`,
					'This one means a key under 1024 bits, which can be factored (RFC 7518 §3.3 asks for 2048 bits or more), or bytes lost on the way.',
				];
			else if (length > RSA_SIGNATURE_BYTES.max)
				problem = [
					`as long as the RSA modulus, at most ${RSA_SIGNATURE_BYTES.max} bytes (8192 bits) in practice`,
					'Bytes were most likely added to it.',
				];
			break;
	}
	if (problem === undefined) return;
	add(
		'signature-length',
		`The signature is ${length} byte${length === 1 ? '' : 's'}, but ${algorithm.name} signatures are ${problem[0]} (${algorithm.spec}). ${problem[1]}`,
		{ part: 'signature' },
	);
}

/** The r‖s form of a DER signature as base64url, or why there is none. */
function convert(signature: Uint8Array, size: number): string {
	try {
		return `In r‖s form it would be ${encodeBase64url(derEcdsaToJose(signature, size))}.`;
	} catch (error) {
		if (!(error instanceof EcdsaSignatureError)) throw error;
		return `It cannot be converted to r‖s: ${describeEcdsaSignatureFault(error.fault)}.`;
	}
}

/** Why DER signature bytes cannot become r‖s, as a clause in lower case (RFC 3279 §2.2.3, RFC 7518 §3.4). */
export function describeEcdsaSignatureFault(fault: EcdsaSignatureFault): string {
	switch (fault.code) {
		case 'ecdsa-not-der':
			return fault.problem === 'cut'
				? `its DER ends early, at byte ${fault.offset}`
				: fault.problem === 'trailing'
					? `bytes follow its DER SEQUENCE, from byte ${fault.offset}`
					: fault.problem === 'bad-integer'
						? `r or s is empty or negative (byte ${fault.offset})`
						: `its DER is not well formed at byte ${fault.offset}`;
		case 'ecdsa-not-pair':
			return `it is not a SEQUENCE of exactly two INTEGERs (r and s): byte ${fault.offset} holds ${describeTag(fault.found)}`;
		case 'ecdsa-integer-length':
			return `its ${fault.integer} is ${fault.bytes} bytes, longer than the curve's ${fault.size}`;
		case 'ecdsa-odd-length':
			return `r‖s is ${fault.bytes} bytes, which does not split into two equal halves`;
	}
}

/** The contents of r and s when `bytes` is exactly a DER SEQUENCE of two INTEGERs, zero or not; never throws. */
function readDerPair(bytes: Uint8Array): [Uint8Array, Uint8Array] | undefined {
	if (bytes[0] !== derTags.sequence) return undefined;
	let root: DerNode;
	try {
		root = readDer(bytes);
	} catch (error) {
		if (error instanceof DerError) return undefined;
		throw error;
	}
	const [r, s, ...rest] = root.children ?? [];
	if (!r || !s || rest.length > 0) return undefined;
	if (r.tag !== derTags.integer || s.tag !== derTags.integer) return undefined;
	if (r.content.length === 0 || s.content.length === 0) return undefined;
	return [r.content, s.content];
}

/** Whether the big-endian unsigned `value` is at least the hex `order` (both without sign). */
function atLeast(value: Uint8Array, order: string): boolean {
	let start = 0;
	while (start < value.length && value[start] === 0) start++;
	const hex = Array.from(value.subarray(start), (b) => b.toString(16).padStart(2, '0')).join('');
	const n = order.replace(/^(00)+/, '');
	return hex.length !== n.length ? hex.length > n.length : hex >= n;
}

function isZero(bytes: Uint8Array): boolean {
	return bytes.every((b) => b === 0);
}
