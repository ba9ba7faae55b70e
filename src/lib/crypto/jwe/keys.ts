// Reads `Decryption key` for one JWE: the private key, AES key, content key or password its `alg` needs, or why what was given cannot be it.

import { decodeBase64url } from '../../encoding/base64url';
import type { JweEncryption, JweKeyManagement } from '../../jwt/jwe/algorithms';
import { describeKeyInfo, parseKeyInput, type KeyCandidate, type ParsedKey } from '../keys';
import type { DecryptionFailure, DecryptionKey, KeyMismatch } from './outcome';

/** The keys to try, in order, or why there are none. */
export type KeyChoice =
	| { readonly ok: true; readonly keys: readonly DecryptionKey[] }
	| { readonly ok: false; readonly failure: DecryptionFailure }
	| { readonly ok: false; readonly empty: true };

/** Members of a private JWK (RFC 7518 §6.2.2, §6.3.2; RFC 8037 §2) that a public key must not carry. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'];

/**
 * The keys in `text` that can decrypt a JWE with `alg` and `enc` (RFC 7516 §5.2 step 6; RFC 7518 §4): a private
 * PEM or JWK for RSA-OAEP and ECDH-ES, chosen in a JWK Set by `kid` (else every fitting key, in order); an `oct`
 * JWK, base64url key bytes, or text whose UTF-8 is exactly the size needed for `dir` and AES key wrapping; any
 * text (or an `oct` JWK) as the password for PBES2.
 */
export async function chooseDecryptionKeys(
	text: string,
	alg: JweKeyManagement,
	enc: JweEncryption,
	kid: string | undefined,
	subtle: SubtleCrypto,
): Promise<KeyChoice> {
	if (text.trim() === '') return { ok: false, empty: true };
	const trimmed = text.trim();
	const structured = trimmed.startsWith('{') || trimmed.includes('-----BEGIN');
	if (alg.family === 'pbes2' && !structured) return { ok: true, keys: [passwordKey(text)] };
	const symmetric = alg.family === 'dir' || alg.family === 'aes-kw' || alg.family === 'aes-gcm-kw';
	if (symmetric && !structured) return readKeyBytes(text, symmetricSize(alg, enc));

	const parsed: ParsedKey = parseKeyInput(text);
	if (parsed.kind === 'empty') return { ok: false, empty: true };
	if (parsed.kind === 'error')
		return { ok: false, failure: { code: 'key-unreadable', message: parsed.message } };
	let candidates: readonly KeyCandidate[] = parsed.kind === 'secret' ? [parsed.key] : parsed.keys;
	if (parsed.kind === 'keys' && parsed.isSet && kid !== undefined) {
		const withKid = candidates.filter((candidate) => candidate.kid === kid);
		if (withKid.length === 0)
			return {
				ok: false,
				failure: {
					code: 'no-kid-match',
					kid,
					available: candidates.map((c) => (c.kid !== undefined ? `kid=${c.kid}` : c.label)),
				},
			};
		candidates = withKid;
	}
	const keys: DecryptionKey[] = [];
	const mismatches: KeyMismatch[] = [];
	for (const candidate of candidates) {
		const mismatch = mismatchOf(candidate, alg, enc);
		if (mismatch) mismatches.push(mismatch);
		else keys.push(await toDecryptionKey(candidate, alg, subtle));
	}
	if (keys.length > 0) return { ok: true, keys };
	if (mismatches.length === 1) return { ok: false, failure: mismatches[0]! };
	return { ok: false, failure: { code: 'no-fitting-key', mismatches } };
}

/** The size in bytes of the key a person gives for `dir` (the CEK) or AES key wrapping (the KEK). */
export function symmetricSize(alg: JweKeyManagement, enc: JweEncryption): number {
	return alg.family === 'dir' ? enc.cekBytes : (alg.kekBytes ?? 0);
}

/** What a key of this kind is called in a "needs" phrase. */
export function describeNeeds(alg: JweKeyManagement, enc: JweEncryption): string {
	switch (alg.family) {
		case 'rsa1_5':
		case 'rsa-oaep':
			return 'an RSA private key';
		case 'ecdh-es':
		case 'ecdh-es-kw':
			return 'an EC private key on P-256, P-384 or P-521, or an X25519 private key';
		case 'pbes2':
			return 'a password';
		default:
			return `a symmetric key of ${symmetricSize(alg, enc)} bytes (an "oct" JWK or base64url)`;
	}
}

function passwordKey(text: string): DecryptionKey {
	const bytes = new TextEncoder().encode(text);
	return { source: 'password', label: `password (${bytes.length} bytes of UTF-8)`, material: bytes };
}

/** Base64url key bytes, else the text's own UTF-8 bytes when exactly `size` long (some libraries take a text key). */
function readKeyBytes(text: string, size: number): KeyChoice {
	const compact = text.replace(/\s+/g, '');
	const decoded = decodeBase64url(compact);
	if (decoded.ok && decoded.bytes.length === size)
		return {
			ok: true,
			keys: [{ source: 'key-base64url', label: `key of ${size} bytes (base64url)`, material: decoded.bytes }],
		};
	const utf8 = new TextEncoder().encode(text);
	if (utf8.length === size)
		return {
			ok: true,
			keys: [{ source: 'key-text', label: `key of ${size} bytes (the text as UTF-8)`, material: utf8 }],
		};
	const bytes = decoded.ok ? decoded.bytes.length : utf8.length;
	const key = decoded.ok ? `key of ${bytes} bytes (base64url)` : `key of ${bytes} bytes (the text as UTF-8)`;
	return { ok: false, failure: { code: 'wrong-key-size', key, bytes, needs: size } };
}

/** Why `candidate` cannot decrypt this JWE, or undefined when it may (RFC 7517 §4.2–4.4, RFC 7518 §4). */
export function mismatchOf(
	candidate: KeyCandidate,
	alg: JweKeyManagement,
	enc: JweEncryption,
): KeyMismatch | undefined {
	const info = candidate.info;
	const key = candidate.label;
	const crv = 'crv' in info ? info.crv : undefined;
	const fits = alg.keys.some(
		(requirement) =>
			(requirement.kty === info.kty || (requirement.kty === 'password' && info.kty === 'oct')) &&
			(requirement.crv === undefined || (crv !== undefined && requirement.crv.includes(crv))),
	);
	if (!fits) return { code: 'wrong-key-type', key, needs: describeNeeds(alg, enc) };
	if (candidate.use !== undefined && candidate.use !== 'enc')
		return { code: 'key-not-for-alg', key, member: 'use', value: candidate.use };
	// With `dir` the key is the content key, and its JWK `alg` names the content encryption (RFC 7520 §5.6).
	const keyAlgs = alg.family === 'dir' ? [alg.name, enc.name] : [alg.name];
	if (candidate.alg !== undefined && !keyAlgs.includes(candidate.alg))
		return { code: 'key-not-for-alg', key, member: 'alg', value: candidate.alg };
	// RFC 7517 §4.3: the operations a JWE recipient's key performs (RFC 7518 §4: unwrap, decrypt, derive).
	const ops = ['decrypt', 'unwrapKey', 'deriveKey', 'deriveBits'];
	if (candidate.keyOps !== undefined && !candidate.keyOps.some((op) => ops.includes(op)))
		return { code: 'key-not-for-alg', key, member: 'key_ops', value: candidate.keyOps.join(', ') || 'empty' };
	if (!info.private) return { code: 'key-is-public', key };
	// RFC 7518 §4.2, §4.3: "A key of size 2048 bits or larger MUST be used"; jose refuses smaller ones.
	if (info.kty === 'RSA' && info.bits < 2048) return { code: 'rsa-key-too-small', key, bits: info.bits };
	if (info.kty === 'oct' && alg.family !== 'pbes2') {
		const needs = symmetricSize(alg, enc);
		if (info.bytes !== needs) return { code: 'wrong-key-size', key, bytes: info.bytes, needs };
	}
	return undefined;
}

/** The material jose is given for a fitting candidate: raw bytes, the private JWK, or a CryptoKey from PKCS#8. */
async function toDecryptionKey(
	candidate: KeyCandidate,
	alg: JweKeyManagement,
	subtle: SubtleCrypto,
): Promise<DecryptionKey> {
	const common = { source: candidate.source, label: candidate.label, kid: candidate.kid, candidate };
	if (candidate.secret) return { ...common, material: candidate.secret };
	if (candidate.jwk) return { ...common, material: { ...candidate.jwk } as JsonWebKey };
	if (!candidate.pkcs8) throw new Error('a private key candidate without material');
	const info = candidate.info;
	const params: RsaHashedImportParams | EcKeyImportParams | Algorithm =
		info.kty === 'RSA'
			? { name: 'RSA-OAEP', hash: alg.hash ?? 'SHA-1' }
			: info.kty === 'EC'
				? { name: 'ECDH', namedCurve: info.crv }
				: { name: 'X25519' };
	const usages: KeyUsage[] = info.kty === 'RSA' ? ['decrypt', 'unwrapKey'] : ['deriveBits'];
	// Extractable, so that re-encryption can derive the public key from it; it never leaves this page's memory.
	const material = await subtle.importKey('pkcs8', candidate.pkcs8 as BufferSource, params, true, usages);
	return { ...common, material };
}

/** The public JWK of a private key (RFC 7518 §6.2.1, §6.3.1; RFC 8037 §2), for re-encrypting to the same recipient. */
export async function publicJwkOf(
	key: DecryptionKey,
	subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<JsonWebKey | undefined> {
	const material = key.material;
	if (material instanceof Uint8Array) return undefined;
	const jwk: JsonWebKey =
		typeof (material as CryptoKey).type === 'string' && 'algorithm' in material
			? await subtle.exportKey('jwk', material as CryptoKey)
			: (material as JsonWebKey);
	if (jwk.kty === 'oct') return undefined;
	const publicKey: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(jwk))
		if (!PRIVATE_MEMBERS.includes(name) && name !== 'key_ops' && name !== 'ext') publicKey[name] = value;
	return publicKey as JsonWebKey;
}

/** "RSA 2048 private key" and the like, for messages that name a candidate's kind only. */
export function describeCandidate(candidate: KeyCandidate): string {
	return describeKeyInfo(candidate.info);
}

/**
 * What the `jwe-dir-weak-key` finding needs of the key that decrypted a `dir` JWE: its size, and whether every byte
 * is printable ASCII (a passphrase typed as the key, not random bytes: 16 random bytes are all printable about once
 * in ten million).
 */
export function describeDirectKey(key: DecryptionKey): { bytes: number; text: boolean } | undefined {
	if (!(key.material instanceof Uint8Array)) return undefined;
	const bytes = key.material;
	return { bytes: bytes.length, text: bytes.length > 0 && bytes.every((b) => b >= 0x20 && b <= 0x7e) };
}
