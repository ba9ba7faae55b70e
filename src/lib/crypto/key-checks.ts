// Checks that a key's numbers fit together before the browser is asked to use it: an EC point on its curve, a
// private scalar that makes the public point (SEC 1 §3.2), RSA primes and exponents that make the key (RFC 8017 §3).
// The browser refuses such keys too, but only with an error name; these checks say what is wrong.

import { curveOrders } from '../jwt/algorithms';
import { KeyFaultError } from './key-faults';

/** Short Weierstrass curve y² = x³ + ax + b over GF(p), with base point G and order n. */
interface Curve {
	readonly p: bigint;
	readonly a: bigint;
	readonly b: bigint;
	readonly gx: bigint;
	readonly gy: bigint;
	readonly n: bigint;
	/** Field element size in bytes. */
	readonly bytes: number;
}

const hexInt = (hex: string) => BigInt(`0x${hex}`);

function curve(p: bigint, a: bigint, b: string, gx: string, gy: string, order: string, bytes: number): Curve {
	return Object.freeze({
		p,
		a: ((a % p) + p) % p,
		b: hexInt(b),
		gx: hexInt(gx),
		gy: hexInt(gy),
		n: hexInt(order),
		bytes,
	});
}

// SP 800-186 §3.2.1.3–3.2.1.5 (P-256, P-384, P-521) and SEC 2 §2.4.1 (secp256k1).
const p256 = 2n ** 256n - 2n ** 224n + 2n ** 192n + 2n ** 96n - 1n;
const p384 = 2n ** 384n - 2n ** 128n - 2n ** 96n + 2n ** 32n - 1n;
const p521 = 2n ** 521n - 1n;
const pK1 = 2n ** 256n - 2n ** 32n - 977n;

/** The curves keys are checked against, by JOSE `crv`. */
export const ecCurves: Readonly<Record<string, Curve>> = Object.freeze({
	'P-256': curve(
		p256,
		-3n,
		'5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b',
		'6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296',
		'4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5',
		curveOrders['P-256']!,
		32,
	),
	'P-384': curve(
		p384,
		-3n,
		'b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef',
		'aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7',
		'3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f',
		curveOrders['P-384']!,
		48,
	),
	'P-521': curve(
		p521,
		-3n,
		'0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00',
		'00c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66',
		'011839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650',
		curveOrders['P-521']!,
		66,
	),
	secp256k1: curve(
		pK1,
		0n,
		'07',
		'79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798',
		'483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8',
		curveOrders.secp256k1!,
		32,
	),
});

/** A big-endian unsigned integer. */
export function toBigInt(bytes: Uint8Array): bigint {
	let value = 0n;
	for (const byte of bytes) value = (value << 8n) | BigInt(byte);
	return value;
}

function mod(value: bigint, m: bigint): bigint {
	const r = value % m;
	return r < 0n ? r + m : r;
}

function power(base: bigint, exponent: bigint, m: bigint): bigint {
	let result = 1n;
	let b = mod(base, m);
	for (let e = exponent; e > 0n; e >>= 1n) {
		if (e & 1n) result = (result * b) % m;
		b = (b * b) % m;
	}
	return result;
}

/** Whether (x, y) is a point of `c`: both coordinates below p and y² = x³ + ax + b (SEC 1 §3.2.2.1). */
export function isOnCurve(c: Curve, x: bigint, y: bigint): boolean {
	if (x < 0n || y < 0n || x >= c.p || y >= c.p) return false;
	return mod(y * y - (x * x * x + c.a * x + c.b), c.p) === 0n;
}

/**
 * The point an SEC 1 §2.3.4 encoding holds (04‖x‖y, or 02/03‖x compressed), or undefined when the bytes are
 * not a point of `c`. Every curve here has p ≡ 3 (mod 4), so a square root is a power.
 */
export function decodePoint(c: Curve, bytes: Uint8Array): { x: bigint; y: bigint } | undefined {
	const prefix = bytes[0];
	if (prefix === 4 && bytes.length === 1 + 2 * c.bytes) {
		const x = toBigInt(bytes.subarray(1, 1 + c.bytes));
		const y = toBigInt(bytes.subarray(1 + c.bytes));
		return isOnCurve(c, x, y) ? { x, y } : undefined;
	}
	if ((prefix === 2 || prefix === 3) && bytes.length === 1 + c.bytes) {
		const x = toBigInt(bytes.subarray(1));
		if (x >= c.p) return undefined;
		const rhs = mod(x * x * x + c.a * x + c.b, c.p);
		let y = power(rhs, (c.p + 1n) / 4n, c.p);
		if ((y * y) % c.p !== rhs) return undefined;
		if ((y & 1n) !== BigInt(prefix & 1)) y = mod(-y, c.p);
		return { x, y };
	}
	return undefined;
}

/** Jacobian coordinates (X, Y, Z) stand for (X/Z², Y/Z³); Z = 0 is the point at infinity. */
type Jacobian = readonly [bigint, bigint, bigint];

function double(c: Curve, [x, y, z]: Jacobian): Jacobian {
	if (z === 0n || y === 0n) return [0n, 1n, 0n];
	const { p } = c;
	const yy = (y * y) % p;
	const s = (4n * x * yy) % p;
	const zz = (z * z) % p;
	const m = mod(3n * x * x + c.a * zz * zz, p);
	const x3 = mod(m * m - 2n * s, p);
	return [x3, mod(m * (s - x3) - 8n * yy * yy, p), (2n * y * z) % p];
}

function add(c: Curve, a: Jacobian, b: Jacobian): Jacobian {
	if (a[2] === 0n) return b;
	if (b[2] === 0n) return a;
	const { p } = c;
	const z1z1 = (a[2] * a[2]) % p;
	const z2z2 = (b[2] * b[2]) % p;
	const u1 = (a[0] * z2z2) % p;
	const u2 = (b[0] * z1z1) % p;
	const s1 = (((a[1] * b[2]) % p) * z2z2) % p;
	const s2 = (((b[1] * a[2]) % p) * z1z1) % p;
	if (u1 === u2) return s1 === s2 ? double(c, a) : [0n, 1n, 0n];
	const h = mod(u2 - u1, p);
	const r = mod(s2 - s1, p);
	const hh = (h * h) % p;
	const hhh = (h * hh) % p;
	const v = (u1 * hh) % p;
	const x3 = mod(r * r - hhh - 2n * v, p);
	return [x3, mod(r * (v - x3) - s1 * hhh, p), (((a[2] * b[2]) % p) * h) % p];
}

/** d·G in affine coordinates (SEC 1 §3.2.1), for 1 ≤ d < n. Not constant-time: it checks keys, it never signs. */
export function multiplyBase(c: Curve, d: bigint): { x: bigint; y: bigint } {
	let result: Jacobian = [0n, 1n, 0n];
	let addend: Jacobian = [c.gx, c.gy, 1n];
	for (let k = d; k > 0n; k >>= 1n) {
		if (k & 1n) result = add(c, result, addend);
		addend = double(c, addend);
	}
	const zInverse = power(result[2], c.p - 2n, c.p);
	const zz = (zInverse * zInverse) % c.p;
	return { x: (result[0] * zz) % c.p, y: (((result[1] * zz) % c.p) * zInverse) % c.p };
}

/**
 * Checks an EC key of curve `crv`: the public point (SEC 1 encoding, or x and y) lies on the curve, the private
 * scalar lies in [1, n − 1], and, with both, the point is d·G.
 * @throws {KeyFaultError} `ec-point-off-curve`, `ec-private-range` or `ec-private-mismatch`.
 */
export function checkEcKey(
	crv: string,
	key: {
		readonly point?: Uint8Array;
		readonly x?: Uint8Array;
		readonly y?: Uint8Array;
		readonly d?: Uint8Array;
	},
): void {
	const c = ecCurves[crv];
	if (!c) return;
	let point: { x: bigint; y: bigint } | undefined;
	if (key.point) point = decodePoint(c, key.point);
	else if (key.x && key.y) {
		const x = toBigInt(key.x);
		const y = toBigInt(key.y);
		point = isOnCurve(c, x, y) ? { x, y } : undefined;
	}
	if ((key.point || key.x) && !point) throw new KeyFaultError({ code: 'ec-point-off-curve', crv });
	if (!key.d) return;
	const d = toBigInt(key.d);
	if (d === 0n || d >= c.n) throw new KeyFaultError({ code: 'ec-private-range', crv });
	if (!point) return;
	const made = multiplyBase(c, d);
	if (made.x !== point.x || made.y !== point.y) throw new KeyFaultError({ code: 'ec-private-mismatch', crv });
}

/** An RSA modulus smaller than this cannot be a key anyone made: the smallest RSA keys ever used had 512 bits. */
export const MIN_RSA_MODULUS_BITS = 512;

/**
 * Checks an RSA modulus: at least {@link MIN_RSA_MODULUS_BITS} bits and odd, as a product of two odd primes is.
 * @throws {KeyFaultError} `rsa-modulus`.
 */
export function checkRsaModulus(n: Uint8Array): void {
	const value = toBigInt(n);
	const bits = value === 0n ? 0 : value.toString(2).length;
	const even = (value & 1n) === 0n;
	if (bits < MIN_RSA_MODULUS_BITS || even)
		throw new KeyFaultError({ code: 'rsa-modulus', bits, even, minimum: MIN_RSA_MODULUS_BITS });
}

/** The integers of a two-prime RSA private key (RFC 8017 §3.2). */
export interface RsaPrivateNumbers {
	readonly n: Uint8Array;
	readonly e: Uint8Array;
	readonly d: Uint8Array;
	readonly p: Uint8Array;
	readonly q: Uint8Array;
	readonly dp: Uint8Array;
	readonly dq: Uint8Array;
	readonly qi: Uint8Array;
}

/**
 * Checks that an RSA private key's numbers fit together (RFC 8017 §3.2): n = p·q, e·d ≡ 1 modulo p − 1 and
 * q − 1, dP = d mod (p − 1), dQ = d mod (q − 1), and q·qInv ≡ 1 (mod p). One changed character breaks one of them.
 * @throws {KeyFaultError} `rsa-inconsistent`.
 */
export function checkRsaPrivate(numbers: RsaPrivateNumbers): void {
	const [n, e, d, p, q, dp, dq, qi] = [
		numbers.n,
		numbers.e,
		numbers.d,
		numbers.p,
		numbers.q,
		numbers.dp,
		numbers.dq,
		numbers.qi,
	].map(toBigInt) as [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint];
	const fits =
		p > 1n &&
		q > 1n &&
		n === p * q &&
		mod(e * d, p - 1n) === 1n % (p - 1n) &&
		mod(e * d, q - 1n) === 1n % (q - 1n) &&
		dp === mod(d, p - 1n) &&
		dq === mod(d, q - 1n) &&
		mod(q * qi, p) === 1n;
	if (!fits) throw new KeyFaultError({ code: 'rsa-inconsistent' });
}
