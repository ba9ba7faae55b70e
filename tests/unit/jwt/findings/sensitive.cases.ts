// Sensitive-data cases for the findings suites: secret-looking names and values, nested anywhere, and look-alikes that are not secrets.

import { HOUR, HS, jws, NOW, type FindingCase } from './fixtures';

const EXP = NOW + HOUR;
const claims = (extra: Record<string, unknown>) => jws(HS, { sub: 'u1', exp: EXP, ...extra });

/**
 * Credential-shaped values, assembled at run time so that no literal in this file looks like a
 * live key to a secret scanner. None of them is real.
 */
export const FAKE = Object.freeze({
	aws: ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join(''),
	stripe: ['sk', 'live', 'a1B2c3D4e5F6g7H8i9J0k1L2'].join('_'),
	github: ['ghp', 'A'.repeat(36)].join('_'),
	slack: ['xoxb', '1234567890', 'abcdefghij'].join('-'),
	pem: ['-----BEGIN', 'RSA', 'PRIVATE', 'KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----'].join(
		' ',
	),
});

/** Each case raises its code. */
export const RAISING: FindingCase[] = [
	['password', claims({ password: 'hunter2' }), {}, 'sensitive-data'],
	[
		'a nested password',
		claims({ user: { credentials: { password: 'correct horse' } } }),
		{},
		'sensitive-data',
	],
	['client_secret', claims({ client_secret: 'abc123' }), {}, 'sensitive-data'],
	['apiKey (camel case)', claims({ apiKey: 'k-123' }), {}, 'sensitive-data'],
	['api-key (dashed)', claims({ 'api-key': 'k-123' }), {}, 'sensitive-data'],
	['APIKEY (one word)', claims({ APIKEY: 'k-123' }), {}, 'sensitive-data'],
	['private_key', claims({ private_key: 'abc' }), {}, 'sensitive-data'],
	['AWS_ACCESS_KEY', claims({ AWS_ACCESS_KEY: 'abc' }), {}, 'sensitive-data'],
	['passwd in an array of objects', claims({ users: [{ passwd: 'x' }] }), {}, 'sensitive-data'],
	['pwd', claims({ pwd: 'x' }), {}, 'sensitive-data'],
	['ssn by name and shape', claims({ ssn: '123-45-6789' }), {}, 'sensitive-data'],
	['ssn as a number', claims({ ssn: 123456789 }), {}, 'sensitive-data'],
	['an SSN inside free text', claims({ note: 'SSN 078-05-1120 on file' }), {}, 'sensitive-data'],
	['cvv', claims({ cvv: '123' }), {}, 'sensitive-data'],
	['card_number as a number', claims({ card_number: 4111111111111111 }), {}, 'sensitive-data'],
	['a Visa test number under a harmless name', claims({ pan: '4111111111111111' }), {}, 'sensitive-data'],
	['a card number with spaces', claims({ payment: { number: '5555 5555 5555 4444' } }), {}, 'sensitive-data'],
	['a card number with dashes, in a list', claims({ cards: ['3782-822463-10005'] }), {}, 'sensitive-data'],
	['an AWS access key ID', claims({ k: FAKE.aws }), {}, 'sensitive-data'],
	['a Stripe live key', claims({ billing: FAKE.stripe }), {}, 'sensitive-data'],
	['a GitHub token', claims({ gh: FAKE.github }), {}, 'sensitive-data'],
	['a Slack bot token', claims({ hook: FAKE.slack }), {}, 'sensitive-data'],
	['a PEM private key', claims({ key: FAKE.pem }), {}, 'sensitive-data'],
];

/** Each case must not raise its code. */
export const NEAR_MISSES: FindingCase[] = [
	['password_changed_at as a timestamp', claims({ password_changed_at: NOW - HOUR }), {}, 'sensitive-data'],
	['secret_santa: false', claims({ secret_santa: false }), {}, 'sensitive-data'],
	['has_password: true', claims({ has_password: true }), {}, 'sensitive-data'],
	['password_length as a number', claims({ password_length: 12 }), {}, 'sensitive-data'],
	['an empty password', claims({ password: '' }), {}, 'sensitive-data'],
	['a masked password', claims({ password: '********' }), {}, 'sensitive-data'],
	['a redacted secret', claims({ secret: '[REDACTED]' }), {}, 'sensitive-data'],
	['secretary (a word containing "secret")', claims({ secretary: 'Jane' }), {}, 'sensitive-data'],
	['a 16-digit number failing Luhn', claims({ ref: '4111111111111112' }), {}, 'sensitive-data'],
	['a 13-digit millisecond timestamp as text', claims({ ts: '1767225600000' }), {}, 'sensitive-data'],
	['one digit repeated (Luhn-valid zeros)', claims({ ref: '0000000000000000' }), {}, 'sensitive-data'],
	[
		'a card-like number as a JSON number under a harmless name',
		claims({ id: 4111111111111111 }),
		{},
		'sensitive-data',
	],
	['a date', claims({ birthdate: '2024-01-01' }), {}, 'sensitive-data'],
	['an SSN shape with area 000', claims({ ref: '000-12-3456' }), {}, 'sensitive-data'],
	['an SSN shape with area 666', claims({ ref: '666-12-3456' }), {}, 'sensitive-data'],
	['an SSN shape with area 9xx', claims({ ref: '912-34-5678' }), {}, 'sensitive-data'],
	['an SSN shape inside a longer number', claims({ ref: '1123-45-67890' }), {}, 'sensitive-data'],
	['a UUID', claims({ jti: '018c0ae5-4d9b-471b-bfd6-eef314bc7037' }), {}, 'sensitive-data'],
	['AKIA too short', claims({ k: 'AKIA1234' }), {}, 'sensitive-data'],
	['a public key PEM', claims({ key: '-----BEGIN PUBLIC KEY-----' }), {}, 'sensitive-data'],
	['an e-mail address', claims({ email: 'ada@example.com' }), {}, 'sensitive-data'],
];
