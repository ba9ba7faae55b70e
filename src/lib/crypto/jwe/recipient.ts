// Reads `Encryption key`: the recipient's public key a JWE is encrypted to on re-encryption, or why what was given cannot be it.

import type { JweKeyManagement } from '../../jwt/jwe/algorithms';
import { parseKeyInput, type KeyCandidate, type KeyProblem } from '../keys';
import { selectKeys } from '../select-keys';
import { describeKey } from '../key-names';
import { jweImportParams } from './keys';

/** Members of a private JWK (RFC 7518 §6.2.2, §6.3.2; RFC 8037 §2), and those WebCrypto adds on export: never sent to jose. */
const NOT_PUBLIC = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'key_ops', 'ext']);

/** JWK `key_ops` that allow encrypting to the key (RFC 7517 §4.3): RSA encrypts or wraps, ECDH derives. */
const ENCRYPTING_OPS = ['encrypt', 'wrapKey', 'deriveKey', 'deriveBits'];

/** Why `Encryption key` cannot be the recipient, as data; messages.ts words it. */
export type RecipientProblem =
	| { readonly code: 'recipient-empty' }
	| { readonly code: 'recipient-unreadable'; readonly problem: KeyProblem }
	/** The JWE's `alg` is symmetric (`dir`, AES key wrap, PBES2): there is no public key to encrypt to. */
	| { readonly code: 'recipient-not-public-key-alg'; readonly alg: string }
	| { readonly code: 'recipient-wrong-type'; readonly key: string; readonly needs: string }
	| {
			readonly code: 'recipient-not-for-encryption';
			readonly key: string;
			readonly member: 'use' | 'alg' | 'key_ops';
			readonly value: string;
	  }
	| { readonly code: 'recipient-too-small'; readonly key: string; readonly bits: number }
	/** A JWK Set with no key for the token's `kid` and more than one that fits: which recipient is meant is unclear. */
	| { readonly code: 'recipient-ambiguous'; readonly count: number; readonly kid?: string }
	| { readonly code: 'recipient-refused'; readonly key: string };

/** The recipient's public JWK, with what a person reads about it, or why there is none. */
export type RecipientChoice =
	| { readonly ok: true; readonly jwk: JsonWebKey; readonly label: string; readonly kid?: string }
	| { readonly ok: false; readonly problem: RecipientProblem };

/**
 * Reads the public key a re-encrypted JWE is encrypted to (RFC 7516 §5.1 step 2; RFC 7518 §4.2, §4.3, §4.6): a PEM
 * public key (SPKI), a certificate, a JWK, or a JWK Set (the key with the token's `kid`, else the one key that
 * fits). A private key given here encrypts to its public half. Symmetric `alg`s have no public key: refused.
 */
export async function chooseRecipientKey(
	text: string,
	alg: JweKeyManagement,
	kid: string | undefined,
	subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<RecipientChoice> {
	if (!alg.publicKey || alg.family === 'rsa1_5')
		return { ok: false, problem: { code: 'recipient-not-public-key-alg', alg: alg.name } };
	const parsed = parseKeyInput(text.trim());
	if (parsed.kind === 'error')
		return { ok: false, problem: { code: 'recipient-unreadable', problem: parsed.problem } };
	if (parsed.kind === 'empty') return { ok: false, problem: { code: 'recipient-empty' } };
	if (parsed.kind === 'secret')
		return {
			ok: false,
			problem: { code: 'recipient-wrong-type', key: describeKey(parsed.key), needs: publicNeeds(alg) },
		};
	// By the token's kid when the set has that key; a new recipient's set may not, and then one fitting key will do.
	const byKid = parsed.isSet && kid !== undefined ? parsed.keys.filter((key) => key.kid === kid) : [];
	const keys = byKid.length > 0 ? byKid : parsed.keys;
	const fitting: KeyCandidate[] = [];
	let first: RecipientProblem | undefined;
	for (const key of keys) {
		const problem = misfitOf(key, alg);
		if (problem) first ??= problem;
		else fitting.push(key);
	}
	if (fitting.length === 0) return { ok: false, problem: first! };
	if (fitting.length > 1 && parsed.isSet)
		return { ok: false, problem: { code: 'recipient-ambiguous', count: fitting.length, kid } };
	const key = fitting[0]!;
	const jwk = await publicJwk(key, alg, subtle);
	if (!jwk) return { ok: false, problem: { code: 'recipient-refused', key: describeKey(key) } };
	return { ok: true, jwk, label: describeKey(key), ...(key.kid !== undefined ? { kid: key.kid } : {}) };
}

/** Why `key` cannot be encrypted to with `alg`, or undefined when it can. */
function misfitOf(key: KeyCandidate, alg: JweKeyManagement): RecipientProblem | undefined {
	// selectKeys judges for decrypting: its type and curve checks hold for encrypting too; the rest is checked here.
	const selection = selectKeys(
		{ kind: 'keys', keys: [key], isSet: false },
		{ alg: alg.name, operation: 'decrypt' },
	);
	const misfits = selection.code === 'no-fitting-key' ? selection.matches[0]!.misfits : [];
	if (misfits.some((m) => m.code === 'key-type'))
		return { code: 'recipient-wrong-type', key: describeKey(key), needs: publicNeeds(alg) };
	if (key.use !== undefined && key.use !== 'enc')
		return { code: 'recipient-not-for-encryption', key: describeKey(key), member: 'use', value: key.use };
	if (key.alg !== undefined && key.alg !== alg.name)
		return { code: 'recipient-not-for-encryption', key: describeKey(key), member: 'alg', value: key.alg };
	if (key.keyOps !== undefined && !key.keyOps.some((op) => ENCRYPTING_OPS.includes(op)))
		return {
			code: 'recipient-not-for-encryption',
			key: describeKey(key),
			member: 'key_ops',
			value: key.keyOps.join(', ') || 'empty',
		};
	if (key.info.kty === 'RSA' && key.info.bits < 2048)
		return { code: 'recipient-too-small', key: describeKey(key), bits: key.info.bits };
	return undefined;
}

/** "an RSA public key" and the like: what `alg` encrypts to (RFC 7518 §4.3, §4.6; RFC 8037 §3.2). */
function publicNeeds(alg: JweKeyManagement): string {
	return alg.family === 'rsa-oaep'
		? 'an RSA public key'
		: 'an EC public key on P-256, P-384 or P-521, or an X25519 public key';
}

/** The public JWK of a candidate: a JWK without its private members, or a PEM key (SPKI, PKCS#8) exported as one. */
async function publicJwk(
	key: KeyCandidate,
	alg: JweKeyManagement,
	subtle: SubtleCrypto,
): Promise<JsonWebKey | undefined> {
	let jwk: JsonWebKey;
	if (key.jwk) jwk = key.jwk as JsonWebKey;
	else {
		const info = key.info;
		const params = jweImportParams(info, alg);
		const format = key.spki ? 'spki' : 'pkcs8';
		const der = key.spki ?? key.pkcs8;
		if (!der) return undefined;
		const usages: KeyUsage[] =
			format === 'pkcs8'
				? info.kty === 'RSA'
					? ['decrypt']
					: ['deriveBits']
				: info.kty === 'RSA'
					? ['encrypt']
					: [];
		try {
			const imported = await subtle.importKey(format, der as BufferSource, params, true, usages);
			jwk = await subtle.exportKey('jwk', imported);
		} catch (error) {
			// DER that reads but whose numbers WebCrypto will not take as a key (or a curve it lacks).
			if (!(error instanceof Error)) throw error;
			return undefined;
		}
	}
	const publicKey: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(jwk))
		// WebCrypto's exported `alg` names its own algorithm ("RSA-OAEP-256"), not necessarily the JWE's.
		if (!NOT_PUBLIC.has(name) && !(name === 'alg' && !key.jwk)) publicKey[name] = value;
	return publicKey as JsonWebKey;
}
