// UTF-8 decoding that says where invalid bytes are (RFC 3629), since a JWT's header and payload must be UTF-8.

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The decoded text, or the 0-based offset of the first byte that is not valid UTF-8. */
export type Utf8Result = { ok: true; text: string } | { ok: false; offset: number };

/** Decodes UTF-8 strictly: overlong forms, surrogates and truncated sequences fail (RFC 3629 §3). */
export function decodeUtf8(bytes: Uint8Array): Utf8Result {
	try {
		return { ok: true, text: decoder.decode(bytes) };
	} catch (error) {
		if (!(error instanceof TypeError)) throw error;
		return { ok: false, offset: findInvalidUtf8(bytes) };
	}
}

/** The offset of the first byte that starts an invalid sequence, or -1 when all is valid. */
export function findInvalidUtf8(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i] as number;
		if (b < 0x80) {
			i++;
			continue;
		}
		let need: number;
		let min: number;
		if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
		else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
		else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
		else return i;
		let cp = b & (0xff >> (need + 2));
		for (let k = 1; k <= need; k++) {
			const c = bytes[i + k];
			if (c === undefined || (c & 0xc0) !== 0x80) return i;
			cp = (cp << 6) | (c & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
		i += need + 1;
	}
	return -1;
}
