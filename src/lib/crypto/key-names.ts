// The names of keys as people read them: "RSA 2048 public key", "EC P-256 private key", "HMAC secret (32 bytes)".

import type { KeyInfo } from './key-formats';

/** What a key is, for naming it: a {@link KeyInfo} or an HMAC secret of some length. */
export type KeyDescription =
	KeyInfo | { readonly kty: 'oct'; readonly bytes: number; readonly private: true };

/** "RSA 2048 public key", "EC P-256 private key", "Ed25519 public key", "HMAC secret (32 bytes)". */
export function describeKeyInfo(info: KeyDescription, withKind = true): string {
	const visibility = info.private ? 'private' : 'public';
	const suffix = withKind ? ` ${visibility} key` : info.private ? ', private' : '';
	switch (info.kty) {
		case 'oct':
			return withKind ? `HMAC secret (${plural(info.bytes, 'byte')})` : `oct, ${plural(info.bytes, 'byte')}`;
		case 'RSA':
			return `RSA ${info.bits}${suffix}`;
		case 'EC':
			return `EC ${info.crv}${suffix}`;
		case 'OKP':
			return `${info.crv}${suffix}`;
		default:
			return `unknown key type ${info.oid}${suffix}`;
	}
}

/** "1 byte", "32 bytes". */
export function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}
