// Reads `Decryption key` for one JWE: the private key, AES key, content key or password its `alg` needs, or why what was given cannot be it.

import { decodeBase64url } from '../../encoding/base64url';
import type { JweEncryption, JweKeyManagement } from '../../jwt/jwe/algorithms';
import { withThumbprints } from '../key-thumbprint';
import { describeKey, describeKeyInfo, parseKeyInput, type KeyCandidate, type ParsedKey } from '../keys';
import { selectKeys, type KeyMisfit } from '../select-keys';
import { MAX_KEYS_TRIED } from './limits';
import type { DecryptionFailure, DecryptionKey, KeyMismatch } from './outcome';

/** The keys to try, in order, or why there are none. */
export type KeyChoice =
	| { readonly ok: true; readonly keys: readonly DecryptionKey[]; readonly untried?: number }
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

	// The verdict names keys by their thumbprint (RFC 7638), as the Signature status does.
	const parsed: ParsedKey = await withThumbprints(parseKeyInput(text), subtle);
	if (parsed.kind === 'error')
		return { ok: false, failure: { code: 'key-unreadable', problem: parsed.problem } };
	const selection = selectKeys(parsed, { kid, alg: alg.name, operation: 'decrypt' });
	switch (selection.code) {
		case 'no-key':
			return { ok: false, empty: true };
		case 'key-unreadable':
		case 'unknown-alg':
			// Handled above (a parse error) and by the caller (the JWE table holds every alg selectKeys knows).
			return { ok: false, failure: { code: 'key-unreadable', problem: { code: 'json-not-key' } } };
		case 'kid-not-found':
			return {
				ok: false,
				failure: {
					code: 'no-kid-match',
					kid: selection.kid,
					available: selection.keys.map((c) => (c.kid !== undefined ? `kid=${c.kid}` : describeKey(c))),
				},
			};
		default:
			break;
	}
	const keys: DecryptionKey[] = [];
	const mismatches: KeyMismatch[] = [];
	let refused: DecryptionFailure | undefined;
	let untried = 0;
	for (const { key: candidate, misfits } of selection.matches) {
		const mismatch = mismatchOf(candidate, misfits, alg, enc);
		if (mismatch) mismatches.push(mismatch);
		else if (keys.length >= MAX_KEYS_TRIED) untried++;
		else if ('crv' in candidate.info && candidate.info.crv === 'X448')
			refused ??= { code: 'browser-lacks', feature: 'x448', needed: `${alg.name} with X448` };
		else {
			try {
				keys.push(await toDecryptionKey(candidate, alg, subtle));
			} catch (error) {
				// A PKCS#8 key WebCrypto will not import (its DER reads, its numbers do not make a key).
				if (!(error instanceof Error)) throw error;
				refused ??= { code: 'crypto-refused', key: describeKey(candidate), errorName: error.name };
			}
		}
	}
	if (keys.length > 0) return { ok: true, keys, untried };
	if (refused) return { ok: false, failure: refused };
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

/**
 * Why `candidate` cannot decrypt this JWE, or undefined when it may: the first of selectKeys' misfits that holds
 * for a JWE (RFC 7517 §4.2–4.4), then what only decryption checks: an `oct` key's exact size (RFC 7518 §4.4, §4.5,
 * §4.7) and an RSA key's 2048-bit minimum (§4.2, §4.3).
 */
export function mismatchOf(
	candidate: KeyCandidate,
	misfits: readonly KeyMisfit[],
	alg: JweKeyManagement,
	enc: JweEncryption,
): KeyMismatch | undefined {
	const key = describeKey(candidate);
	for (const misfit of misfits) {
		switch (misfit.code) {
			case 'key-type':
				return { code: 'wrong-key-type', key, needs: describeNeeds(alg, enc) };
			case 'key-use':
				return { code: 'key-not-for-alg', key, member: 'use', value: misfit.use };
			case 'key-alg':
				// With `dir` the key is the content key, and its JWK `alg` names the content encryption (RFC 7520 §5.6).
				if (alg.family === 'dir' && misfit.keyAlg === enc.name) break;
				return { code: 'key-not-for-alg', key, member: 'alg', value: misfit.keyAlg };
			case 'key-ops':
				// ECDH-ES keys derive rather than decrypt (RFC 7517 §4.3 "deriveKey", WebCrypto "deriveBits").
				if (
					ECDH.includes(alg.family) &&
					misfit.keyOps.some((op) => op === 'deriveKey' || op === 'deriveBits')
				)
					break;
				return {
					code: 'key-not-for-alg',
					key,
					member: 'key_ops',
					value: misfit.keyOps.join(', ') || 'empty',
				};
			case 'not-private':
				return { code: 'key-is-public', key };
		}
	}
	const info = candidate.info;
	if (info.kty === 'RSA' && info.bits < 2048) return { code: 'rsa-key-too-small', key, bits: info.bits };
	if (info.kty === 'oct' && alg.family !== 'pbes2') {
		const needs = symmetricSize(alg, enc);
		if (info.bytes !== needs) return { code: 'wrong-key-size', key, bytes: info.bytes, needs };
	}
	return undefined;
}

const ECDH: readonly string[] = ['ecdh-es', 'ecdh-es-kw'];

/** How WebCrypto imports an RSA, EC or X25519 key for `alg`'s key management (RSA-OAEP with its hash, or ECDH). */
export function jweImportParams(
	info: KeyCandidate['info'],
	alg: JweKeyManagement,
): RsaHashedImportParams | EcKeyImportParams | Algorithm {
	return info.kty === 'RSA'
		? { name: 'RSA-OAEP', hash: alg.hash ?? 'SHA-1' }
		: info.kty === 'EC'
			? { name: 'ECDH', namedCurve: info.crv }
			: { name: 'X25519' };
}

/** The material jose is given for a fitting candidate: raw bytes, the private JWK, or a CryptoKey from PKCS#8. */
async function toDecryptionKey(
	candidate: KeyCandidate,
	alg: JweKeyManagement,
	subtle: SubtleCrypto,
): Promise<DecryptionKey> {
	const common = { source: candidate.source, label: describeKey(candidate), kid: candidate.kid, candidate };
	if (candidate.secret) return { ...common, material: candidate.secret };
	if (candidate.jwk) return { ...common, material: { ...candidate.jwk } as JsonWebKey };
	if (!candidate.pkcs8) throw new Error('a private key candidate without material');
	const info = candidate.info;
	const params = jweImportParams(info, alg);
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
