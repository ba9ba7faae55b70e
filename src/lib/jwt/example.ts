// The example token shown on a first visit: a realistic HS256 token, issued now and valid for an hour.

import { encodeBase64url, encodeBase64urlText } from '../encoding/base64url';

/** The example's HMAC secret, shown next to the example so people can verify it themselves. */
export const EXAMPLE_SECRET = 'jwt-prism-example-secret-not-for-production';

/**
 * Signs the example token with `EXAMPLE_SECRET` over WebCrypto (RFC 7515 §5.1, RFC 7518 §3.2);
 * `now` is in seconds. The tests check it with jose, an independent implementation.
 */
export async function createExampleToken(
	now: number,
	subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<string> {
	const iat = Math.floor(now);
	const header = JSON.stringify({ alg: 'HS256', typ: 'JWT' });
	const payload = JSON.stringify({
		sub: '1234567890',
		name: 'Ada Lovelace',
		email: 'ada@example.com',
		roles: ['admin', 'editor'],
		iss: 'https://auth.example.com',
		aud: 'api.example.com',
		iat,
		exp: iat + 3600,
	});
	const input = `${encodeBase64urlText(header)}.${encodeBase64urlText(payload)}`;
	const encoder = new TextEncoder();
	const key = await subtle.importKey(
		'raw',
		encoder.encode(EXAMPLE_SECRET),
		{ name: 'HMAC', hash: 'SHA-256' },
		false,
		['sign'],
	);
	const signature = new Uint8Array(await subtle.sign('HMAC', key, encoder.encode(input)));
	return `${input}.${encodeBase64url(signature)}`;
}
