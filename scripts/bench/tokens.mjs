// The tokens the bench pastes and verifies, signed in Node: HS256 payloads of a given size, and one token per
// algorithm with the key a person would paste to verify it.
import { createHash, createHmac, generateKeyPairSync, sign as signData } from 'node:crypto';

/** The HS256 secret of every HMAC token the bench makes (long enough to raise no weak-secret finding). */
export const HS256_SECRET = 'bench-hs256-secret-that-is-longer-than-32-bytes';

/**
 * Signs a payload as an HS256 token.
 * @param {object} payload
 */
export function signHs256(payload) {
	return encodeToken({ alg: 'HS256', typ: 'JWT' }, payload, (input) =>
		createHmac('sha256', HS256_SECRET).update(input).digest(),
	);
}

/**
 * A compact JWS (RFC 7515 §7.1): base64url header and payload, and the signature of both.
 * @param {object} header
 * @param {object} payload
 * @param {(input: string) => Buffer} sign
 */
export function encodeToken(header, payload, sign) {
	const b64 = (/** @type {object} */ part) => Buffer.from(JSON.stringify(part)).toString('base64url');
	const input = `${b64(header)}.${b64(payload)}`;
	return `${input}.${sign(input).toString('base64url')}`;
}

/**
 * A payload of about `bytes` bytes of JSON: the marker claim, then filler claims of ~100 bytes each.
 * The marker comes FIRST: CodeMirror draws only the lines in view, so a claim at the end of a large payload
 * would never reach the DOM where the MutationObserver looks for it.
 * @param {number} bytes
 * @param {string} marker
 */
export function buildPayload(bytes, marker) {
	/** @type {Record<string, string | number>} */
	const payload = { bench_marker: marker, sub: 'bench', iat: 1_700_000_000 };
	let length = JSON.stringify(payload).length;
	for (let i = 0; length < bytes; i++) {
		const key = `filler_${String(i).padStart(5, '0')}`;
		// Varied text, as real claims are (a repeated string would make the token unrealistically compressible).
		const value = createHash('sha512').update(key).digest('base64url').slice(0, 80);
		payload[key] = value;
		length += key.length + value.length + 6; // ,"key":"value"
	}
	return payload;
}

/** HS256, RS256, ES256 and EdDSA tokens signed in node, each with the text a person pastes to verify it. */
export function buildVerifyCases() {
	/** @param {string} alg @param {(input: string) => Buffer} sign @param {string} key */
	const build = (alg, sign, key) => {
		const marker = `verify-${alg}-${randomTag()}`;
		const token = encodeToken({ alg, typ: 'JWT' }, { sub: 'bench', name: 'Verify', marker }, sign);
		return { alg, token, key, marker };
	};
	const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	const ed = generateKeyPairSync('ed25519');
	/** @param {import('node:crypto').KeyObject} publicKey */
	const pem = (publicKey) => String(publicKey.export({ type: 'spki', format: 'pem' }));
	return [
		build('HS256', (input) => createHmac('sha256', HS256_SECRET).update(input).digest(), HS256_SECRET),
		build('RS256', (input) => signData('sha256', Buffer.from(input), rsa.privateKey), pem(rsa.publicKey)),
		// JWS wants ECDSA signatures as fixed-length r‖s (RFC 7518 §3.4), not node's default DER.
		build(
			'ES256',
			(input) => signData('sha256', Buffer.from(input), { key: ec.privateKey, dsaEncoding: 'ieee-p1363' }),
			pem(ec.publicKey),
		),
		build('EdDSA', (input) => signData(null, Buffer.from(input), ed.privateKey), pem(ed.publicKey)),
	];
}

/** A short random tag, so each run's marker appears nowhere before that run. */
export function randomTag() {
	return Math.random().toString(36).slice(2, 10);
}
