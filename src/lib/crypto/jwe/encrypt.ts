// Re-encrypts a new plaintext for the same recipient as a JWE: same alg, enc, zip and header members, a fresh content key and IV.

import { findJweEncryption, findJweKeyManagement } from '../../jwt/jwe/algorithms';
import { getMember, toPlainValue, type JsonNode } from '../../jwt/json';
import { loadJose } from './decrypt';
import { publicJwkOf } from './keys';
import type { DecryptionKey } from './outcome';

/** Header members jose writes afresh for each encryption (RFC 7518 §4.6.1.1, §4.7.1, §4.8.1): never copied over. */
const GENERATED = new Set(['epk', 'iv', 'tag', 'p2s']);

/** The new JWE, or why it cannot be made, as data. */
export type Encryption =
	| { readonly ok: true; readonly token: string }
	| { readonly ok: false; readonly code: 'rsa1-5' | 'unknown-alg' | 'no-public-key' | 'encrypt-failed' };

/** What re-encryption needs. */
export interface EncryptInput {
	/** The outer JWE's protected header: its members are kept, in order (those jose generates are made anew). */
	readonly header: JsonNode;
	readonly plaintext: Uint8Array | string;
	/** The key that decrypted the JWE: its public half (or, for symmetric algorithms, itself) encrypts again. */
	readonly key: DecryptionKey;
	/** A public JWK to encrypt to instead of the decryption key's public half (`Encryption key`). */
	readonly recipient?: JsonWebKey;
	/** The `kid` of that key: it replaces the header's `kid`, if the header has one, so the new recipient finds its key. */
	readonly recipientKid?: string;
}

/**
 * Encrypts `plaintext` as a compact JWE for the recipient of the original (RFC 7516 §5.1): same `alg`, `enc`,
 * `zip` and other protected header members, with a fresh content encryption key, IV, and where the algorithm has
 * them a fresh ephemeral key (`epk`) or salt (`p2s`, keeping `p2c`). With `dir` the key is the content key itself:
 * only the IV is fresh.
 */
export async function encryptJwe(input: EncryptInput): Promise<Encryption> {
	const algNode = getMember(input.header, 'alg');
	const encNode = getMember(input.header, 'enc');
	const alg = findJweKeyManagement(algNode?.kind === 'string' ? algNode.value : undefined);
	const enc = findJweEncryption(encNode?.kind === 'string' ? encNode.value : undefined);
	if (alg?.family === 'rsa1_5') return { ok: false, code: 'rsa1-5' };
	if (!alg || !enc) return { ok: false, code: 'unknown-alg' };

	const material = input.key.material;
	let key: JsonWebKey | Uint8Array;
	if (material instanceof Uint8Array) key = material;
	else {
		const recipient = input.recipient ?? (await publicJwkOf(input.key));
		if (!recipient) return { ok: false, code: 'no-public-key' };
		key = recipient;
	}

	const header = toPlainValue(input.header) as Record<string, unknown>;
	const protectedHeader: Record<string, unknown> = {};
	// PBES2's count goes to jose as a parameter, which writes it back into the header after the salt.
	const p2c = alg.family === 'pbes2' ? getMember(input.header, 'p2c') : undefined;
	for (const [name, value] of Object.entries(header))
		if (!GENERATED.has(name) && !(p2c && name === 'p2c')) protectedHeader[name] = value;
	if (input.recipient && input.recipientKid !== undefined && 'kid' in protectedHeader)
		protectedHeader.kid = input.recipientKid;

	const jose = await loadJose();
	const plaintext =
		typeof input.plaintext === 'string' ? new TextEncoder().encode(input.plaintext) : input.plaintext;
	const encrypter = new jose.CompactEncrypt(plaintext).setProtectedHeader(
		protectedHeader as Parameters<InstanceType<typeof jose.CompactEncrypt>['setProtectedHeader']>[0],
	);
	if (p2c?.kind === 'number') encrypter.setKeyManagementParameters({ p2c: p2c.value });
	try {
		return { ok: true, token: await encrypter.encrypt(key) };
	} catch (error) {
		if (error instanceof Error) return { ok: false, code: 'encrypt-failed' };
		throw error;
	}
}
