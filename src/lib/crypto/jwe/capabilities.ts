// Asks this browser, once, for the JWE features some browsers lack: 192-bit AES (absent in Chromium), X25519 and raw DEFLATE.

import type { BrowserFeature } from './outcome';

const cache = new WeakMap<SubtleCrypto, Promise<ReadonlySet<BrowserFeature>>>();

/**
 * The features this WebCrypto lacks, probed by importing a harmless key of each kind (STYLE.md §6: detect a
 * capability before offering it). Chromium refuses 192-bit AES keys for AES-GCM, AES-KW and AES-CBC alike, and a
 * failed key unwrap inside jose would otherwise read as a wrong key.
 */
export function listMissingFeatures(
	subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<ReadonlySet<BrowserFeature>> {
	let probe = cache.get(subtle);
	if (!probe) {
		probe = probeFeatures(subtle);
		cache.set(subtle, probe);
	}
	return probe;
}

async function probeFeatures(subtle: SubtleCrypto): Promise<ReadonlySet<BrowserFeature>> {
	const missing = new Set<BrowserFeature>();
	const aes192 = await Promise.all(
		(
			[
				['AES-GCM', ['decrypt']],
				['AES-KW', ['unwrapKey']],
				['AES-CBC', ['decrypt']],
			] as const
		).map(([name, usages]) =>
			succeeds(() => subtle.importKey('raw', new Uint8Array(24), { name }, false, [...usages])),
		),
	);
	if (aes192.includes(false)) missing.add('aes-192');
	// u = 9, the X25519 base point (RFC 7748 §4.1): a valid public key to import.
	const basePoint = new Uint8Array(32);
	basePoint[0] = 9;
	if (!(await succeeds(() => subtle.importKey('raw', basePoint, { name: 'X25519' }, false, []))))
		missing.add('x25519');
	if (!hasDeflateRaw()) missing.add('deflate-raw');
	return missing;
}

async function succeeds(run: () => Promise<unknown>): Promise<boolean> {
	try {
		await run();
		return true;
	} catch (error) {
		// Only the browser's refusals mean "missing"; a bug in this module must not read as a browser gap.
		if (
			error instanceof Error &&
			(error.name === 'NotSupportedError' || error.name === 'DataError' || error.name === 'OperationError')
		)
			return false;
		throw error;
	}
}

function hasDeflateRaw(): boolean {
	if (typeof DecompressionStream === 'undefined') return false;
	try {
		new DecompressionStream('deflate-raw');
		return true;
	} catch (error) {
		if (error instanceof TypeError) return false;
		throw error;
	}
}
