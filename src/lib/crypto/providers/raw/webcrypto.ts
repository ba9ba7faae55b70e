// Ed25519 and ML-DSA through the browser's own WebCrypto, over the same raw keys as the library providers.

import type { ProviderAlgorithm, RawKeyPair, SignatureProvider } from './types';

type NativeAlgorithm = Extract<ProviderAlgorithm, 'Ed25519' | 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87'>;

/** The PKCS#8 prefix of an Ed25519 seed (RFC 8410 §7): SEQUENCE { 0, { id-Ed25519 }, OCTET STRING { OCTET STRING(32) } }. */
const ED25519_PKCS8_PREFIX = Uint8Array.of(
	0x30,
	0x2e,
	0x02,
	0x01,
	0x00,
	0x30,
	0x05,
	0x06,
	0x03,
	0x2b,
	0x65,
	0x70,
	0x04,
	0x22,
	0x04,
	0x20,
);

const ML_DSA_SEED_BYTES = 32;

/** Formats of each algorithm's raw keys in WebCrypto (Ed25519: WebCrypto §30; ML-DSA: WICG "Modern Algorithms in WebCrypto"). */
function formats(algorithm: NativeAlgorithm) {
	return algorithm === 'Ed25519'
		? ({ publicKey: 'raw', privateKey: 'pkcs8' } as const)
		: ({ publicKey: 'raw-public', privateKey: 'raw-seed' } as const);
}

function privateKeyData(algorithm: NativeAlgorithm, privateKey: Uint8Array): Uint8Array {
	if (algorithm !== 'Ed25519') return privateKey;
	const pkcs8 = new Uint8Array(ED25519_PKCS8_PREFIX.length + privateKey.length);
	pkcs8.set(ED25519_PKCS8_PREFIX);
	pkcs8.set(privateKey, ED25519_PKCS8_PREFIX.length);
	return pkcs8;
}

/**
 * A provider backed by `subtle` for an algorithm the browser implements (check with
 * {@link hasNativeAlgorithm} first). ML-DSA private keys must be seeds here: an expanded key goes
 * to the library (`fallback`), which WebCrypto's formats cannot take.
 */
export function webCryptoProvider(
	algorithm: NativeAlgorithm,
	subtle: SubtleCrypto,
	fallback?: () => Promise<SignatureProvider>,
): SignatureProvider {
	const { publicKey: publicFormat, privateKey: privateFormat } = formats(algorithm);
	const params = { name: algorithm };
	const isSeed = (key: Uint8Array) => algorithm === 'Ed25519' || key.length === ML_DSA_SEED_BYTES;
	const importPrivate = (privateKey: Uint8Array, extractable: boolean) =>
		subtle.importKey(
			privateFormat as 'pkcs8',
			privateKeyData(algorithm, privateKey) as BufferSource,
			params,
			extractable,
			['sign'],
		);
	const needFallback = async () => {
		if (!fallback) throw new Error(`${algorithm}: this key form needs the library provider`);
		return fallback();
	};
	return Object.freeze({
		algorithm,
		implementation: 'webcrypto',
		async verify(publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array) {
			try {
				const key = await subtle.importKey(publicFormat as 'raw', publicKey as BufferSource, params, false, [
					'verify',
				]);
				return await subtle.verify(params, key, signature as BufferSource, data as BufferSource);
			} catch {
				return false;
			}
		},
		async sign(privateKey: Uint8Array, data: Uint8Array) {
			if (!isSeed(privateKey)) return (await needFallback()).sign(privateKey, data);
			const key = await importPrivate(privateKey, false);
			return new Uint8Array(await subtle.sign(params, key, data as BufferSource));
		},
		async publicKeyOf(privateKey: Uint8Array) {
			if (!isSeed(privateKey)) return (await needFallback()).publicKeyOf(privateKey);
			const jwk = await subtle.exportKey('jwk', await importPrivate(privateKey, true));
			const member = (jwk as Record<string, unknown>)[algorithm === 'Ed25519' ? 'x' : 'pub'];
			if (typeof member !== 'string') throw new Error(`${algorithm}: WebCrypto exported no public key`);
			return fromBase64url(member);
		},
		async generate(): Promise<RawKeyPair> {
			const pair = (await subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
			const publicKey = new Uint8Array(await subtle.exportKey(publicFormat as 'raw', pair.publicKey));
			const exported = new Uint8Array(await subtle.exportKey(privateFormat as 'raw', pair.privateKey));
			const privateKey = algorithm === 'Ed25519' ? exported.slice(ED25519_PKCS8_PREFIX.length) : exported;
			return { publicKey, privateKey };
		},
	} satisfies SignatureProvider);
}

const probes = new WeakMap<SubtleCrypto, Map<NativeAlgorithm, Promise<boolean>>>();

/**
 * Whether this browser's WebCrypto implements `algorithm` fully: a generated key signs, verifies
 * and exports its raw forms. Asked once per algorithm; a missing algorithm is a `false`, not an error.
 */
export function hasNativeAlgorithm(algorithm: NativeAlgorithm, subtle: SubtleCrypto): Promise<boolean> {
	let known = probes.get(subtle);
	if (!known) probes.set(subtle, (known = new Map()));
	let probe = known.get(algorithm);
	if (!probe) {
		probe = (async () => {
			try {
				const provider = webCryptoProvider(algorithm, subtle);
				const { publicKey, privateKey } = await provider.generate();
				const data = Uint8Array.of(1, 2, 3);
				const signature = await provider.sign(privateKey, data);
				return await provider.verify(publicKey, data, signature);
			} catch {
				return false;
			}
		})();
		known.set(algorithm, probe);
	}
	return probe;
}

function fromBase64url(text: string): Uint8Array {
	const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
	return Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (c) => c.charCodeAt(0));
}
