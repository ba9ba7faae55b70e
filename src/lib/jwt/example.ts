// The example token shown on a first visit: a realistic HS256 token, issued now and valid for an hour.

import { SignJWT } from 'jose';

/** The example's HMAC secret, shown next to the example so people can verify it themselves. */
export const EXAMPLE_SECRET = 'jwt-prism-example-secret-not-for-production';

/** Signs the example token with `EXAMPLE_SECRET`; `now` is in seconds. */
export async function createExampleToken(now: number): Promise<string> {
	const iat = Math.floor(now);
	return new SignJWT({
		sub: '1234567890',
		name: 'Ada Lovelace',
		email: 'ada@example.com',
		roles: ['admin', 'editor'],
		iss: 'https://auth.example.com',
		aud: 'api.example.com',
		iat,
		exp: iat + 3600,
	})
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.sign(new TextEncoder().encode(EXAMPLE_SECRET));
}
