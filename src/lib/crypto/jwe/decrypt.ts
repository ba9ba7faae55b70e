// Decrypts a compact JWE with the key a person has, through jose (loaded only when a JWE appears), and says which key did it or why none could.

import { aesSizesUsed, findJweEncryption, findJweKeyManagement } from '../../jwt/jwe/algorithms';
import { readPlaintext } from '../../jwt/jwe/plaintext';
import type { DecodedToken } from '../../jwt/decode';
import { getMember, type JsonNode } from '../../jwt/json';
import { listMissingFeatures } from './capabilities';
import { chooseDecryptionKeys } from './keys';
import { MAX_INFLATED_BYTES, MAX_PBES2_COUNT } from './limits';
import type { BrowserFeature, Decryption, DecryptionFailure, DecryptionKey } from './outcome';

/** What decryption needs. */
export interface DecryptInput {
	/** The compact JWE, exactly as decoded. */
	readonly decoded: DecodedToken;
	/** `Decryption key` as typed. */
	readonly keyText: string;
}

type Jose = typeof import('./jose');
let josePromise: Promise<Jose> | undefined;

/**
 * jose's JWE functions, loaded on first use: only a JWE needs them, so the first page load does not carry them.
 * Imported through ./jose.ts, so that the chunk holds only what is used, not all of jose.
 */
export function loadJose(): Promise<Jose> {
	josePromise ??= import('./jose');
	return josePromise;
}

/**
 * Decrypts a compact JWE (RFC 7516 §5.2) with the key(s) in `keyText`. Everything that can be judged before any
 * cryptography is (header, part sizes, `p2c`, the browser's features, the key's type, size and privacy), so
 * each failure has a precise reason. Never throws for anything a token or a key contains.
 */
export async function decryptJwe(
	input: DecryptInput,
	subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<Decryption> {
	const { decoded } = input;
	const precheck = await checkBeforeDecrypting(decoded, subtle);
	if ('failure' in precheck) return failed(precheck.failure);
	const { alg, enc, kid } = precheck;
	const choice = await chooseDecryptionKeys(input.keyText, alg, enc, kid, subtle);
	if (!choice.ok) return 'empty' in choice ? { status: 'not-decrypted' } : failed(choice.failure);

	const jose = await loadJose();
	const tried: string[] = [];
	for (const key of choice.keys) {
		try {
			const result = await jose.compactDecrypt(
				decoded.token,
				key.material as Parameters<Jose['compactDecrypt']>[1],
				{
					keyManagementAlgorithms: [alg.name],
					contentEncryptionAlgorithms: [enc.name],
					maxPBES2Count: MAX_PBES2_COUNT,
					maxDecompressedLength: MAX_INFLATED_BYTES,
				},
			);
			return { status: 'decrypted', key, plaintext: result.plaintext, view: readPlaintext(result.plaintext) };
		} catch (error) {
			const failure = mapJoseError(error, key);
			if (failure.code !== 'tag-mismatch') return failed(failure);
			tried.push(key.label);
		}
	}
	return failed({ code: 'tag-mismatch', tried, ...(choice.untried ? { untried: choice.untried } : {}) });
}

interface Prechecked {
	readonly alg: NonNullable<ReturnType<typeof findJweKeyManagement>>;
	readonly enc: NonNullable<ReturnType<typeof findJweEncryption>>;
	readonly kid?: string;
}

/** Every check that needs no key: the header's `alg`, `enc`, `zip`, `p2c`; the parts' sizes; this browser's features. */
export async function checkBeforeDecrypting(
	decoded: DecodedToken,
	subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<Prechecked | { failure: DecryptionFailure }> {
	if (decoded.kind !== 'jwe') return { failure: { code: 'not-a-jwe' } };
	const header = decoded.header?.root;
	if (header?.kind !== 'object') return { failure: { code: 'header-unreadable' } };
	const algName = stringMember(header, 'alg');
	if (algName === 'RSA1_5') return { failure: { code: 'rsa1-5' } };
	const alg = findJweKeyManagement(algName);
	if (!alg) return { failure: { code: 'unknown-alg', alg: algName } };
	const encName = stringMember(header, 'enc');
	const enc = findJweEncryption(encName);
	if (!enc) return { failure: { code: 'unknown-enc', enc: encName } };
	const zip = getMember(header, 'zip');
	if (zip !== undefined && !(zip.kind === 'string' && zip.value === 'DEF'))
		return { failure: { code: 'unsupported-zip', zip: zip.kind === 'string' ? zip.value : zip.kind } };

	if (alg.family === 'pbes2') {
		const p2c = getMember(header, 'p2c');
		if (p2c?.kind !== 'number' || !Number.isSafeInteger(p2c.value) || p2c.value < 1)
			return { failure: { code: 'bad-header-member', member: 'p2c', expected: 'a positive whole number' } };
		if (p2c.value > MAX_PBES2_COUNT)
			return { failure: { code: 'p2c-over-cap', p2c: p2c.value, cap: MAX_PBES2_COUNT } };
		const p2s = getMember(header, 'p2s');
		if (p2s?.kind !== 'string' || !isBase64urlOfAtLeast(p2s.value, 8))
			return {
				failure: {
					code: 'bad-header-member',
					member: 'p2s',
					expected: 'a base64url salt of at least 8 bytes',
				},
			};
	}
	if (alg.family === 'ecdh-es' || alg.family === 'ecdh-es-kw') {
		if (getMember(header, 'epk')?.kind !== 'object')
			return {
				failure: {
					code: 'bad-header-member',
					member: 'epk',
					expected: "the sender's ephemeral public key as a JWK",
				},
			};
	}
	if (alg.family === 'aes-gcm-kw') {
		for (const member of ['iv', 'tag'] as const)
			if (getMember(header, member)?.kind !== 'string')
				return {
					failure: {
						code: 'bad-header-member',
						member,
						expected:
							member === 'iv' ? 'the 96-bit key-wrap IV, base64url' : 'the 128-bit key-wrap tag, base64url',
					},
				};
	}

	const partFailure = checkParts(decoded, alg.family, enc);
	if (partFailure) return { failure: partFailure };

	const missing = await listMissingFeatures(subtle);
	const gap = browserGap(missing, alg, enc, header);
	if (gap) return { failure: gap };
	return { alg, enc, kid: stringMember(header, 'kid') };
}

/** RFC 7516 §5.2 steps 9–10 and RFC 7518 §5.2.2.2, §5.3: the parts' sizes each algorithm fixes. */
function checkParts(
	decoded: DecodedToken,
	family: Prechecked['alg']['family'],
	enc: Prechecked['enc'],
): DecryptionFailure | undefined {
	const bytes = decoded.bytes;
	for (const part of ['encrypted-key', 'iv', 'ciphertext', 'tag'] as const)
		if (bytes[part] === undefined) return { code: 'bad-part', part, bytes: 0, expected: 'valid base64url' };
	const encryptedKey = bytes['encrypted-key']!.length;
	const direct = family === 'dir' || family === 'ecdh-es';
	// RFC 7516 §5.2 step 10: with direct key agreement or direct encryption, the encrypted key must be empty.
	if (direct && encryptedKey !== 0)
		return { code: 'bad-part', part: 'encrypted-key', bytes: encryptedKey, expected: 'empty' };
	if (!direct && encryptedKey === 0)
		return { code: 'bad-part', part: 'encrypted-key', bytes: 0, expected: 'the wrapped content key' };
	if (bytes.iv!.length !== enc.ivBytes)
		return { code: 'bad-part', part: 'iv', bytes: bytes.iv!.length, expected: `${enc.ivBytes} bytes` };
	if (bytes.tag!.length !== enc.tagBytes)
		return { code: 'bad-part', part: 'tag', bytes: bytes.tag!.length, expected: `${enc.tagBytes} bytes` };
	return undefined;
}

function browserGap(
	missing: ReadonlySet<BrowserFeature>,
	alg: Prechecked['alg'],
	enc: Prechecked['enc'],
	header: JsonNode,
): DecryptionFailure | undefined {
	if (missing.has('aes-192')) {
		const sizes = aesSizesUsed(alg, enc);
		if (sizes.content === 192) return { code: 'browser-lacks', feature: 'aes-192', needed: enc.name };
		if (sizes.kw === 192 || sizes.gcmKw === 192)
			return { code: 'browser-lacks', feature: 'aes-192', needed: alg.name };
	}
	if (missing.has('x25519') && (alg.family === 'ecdh-es' || alg.family === 'ecdh-es-kw')) {
		const epk = getMember(header, 'epk');
		const crv = epk ? getMember(epk, 'crv') : undefined;
		if (crv?.kind === 'string' && crv.value === 'X25519')
			return { code: 'browser-lacks', feature: 'x25519', needed: `${alg.name} with X25519` };
	}
	if (missing.has('deflate-raw') && getMember(header, 'zip') !== undefined)
		return { code: 'browser-lacks', feature: 'deflate-raw', needed: 'zip "DEF"' };
	return undefined;
}

/** jose's errors, by their stable `code`, as our failures; anything else is a bug and is thrown on. */
function mapJoseError(error: unknown, key: DecryptionKey): DecryptionFailure {
	const code =
		typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
	const message = error instanceof Error ? error.message : '';
	switch (code) {
		// jose answers any failed unwrap with a random content key (RFC 7516 §11.5), so a wrong key, a wrong
		// password and a tampered token all end here, at the tag: the browser's error says nothing more.
		case 'ERR_JWE_DECRYPTION_FAILED':
			return { code: 'tag-mismatch', tried: [key.label] };
		case 'ERR_JWE_INVALID': {
			// jose's JWEInvalid carries no field to tell its causes apart; its messages are pinned by failures.test.ts.
			if (/exceeded/i.test(message)) return { code: 'zip-too-large', limit: MAX_INFLATED_BYTES };
			if (/decompress/i.test(message)) return { code: 'zip-invalid' };
			const member = /"(\w+)" \(/.exec(message)?.[1];
			if (member) return { code: 'bad-header-member', member, expected: 'valid for this algorithm' };
			return { code: 'tag-mismatch', tried: [key.label] };
		}
		default:
			break;
	}
	if (error instanceof TypeError && /decompress|inflate|deflate|compress/i.test(message))
		return { code: 'zip-invalid' };
	// jose checks a key against the algorithm with TypeErrors ("must be a private JWK", "modulusLength").
	if (error instanceof TypeError) return { code: 'crypto-refused', key: key.label, errorName: 'TypeError' };
	if (
		error instanceof Error &&
		['DataError', 'OperationError', 'NotSupportedError', 'InvalidAccessError'].includes(error.name)
	)
		return { code: 'crypto-refused', key: key.label, errorName: error.name };
	if (error instanceof Error && code !== undefined)
		return { code: 'crypto-refused', key: key.label, errorName: code };
	throw error;
}

function stringMember(node: JsonNode, name: string): string | undefined {
	const member = getMember(node, name);
	return member?.kind === 'string' ? member.value : undefined;
}

function isBase64urlOfAtLeast(text: string, bytes: number): boolean {
	return /^[A-Za-z0-9_-]*$/.test(text) && Math.floor((text.length * 3) / 4) >= bytes;
}

function failed(failure: DecryptionFailure): Decryption {
	return { status: 'failed', failure };
}
