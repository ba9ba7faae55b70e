import { describe, expect, test } from 'vitest';
import { encodeBase64urlText } from '../../../src/lib/encoding/base64url';
import { decodeToken } from '../../../src/lib/jwt/decode';
import { listFindings } from '../../../src/lib/jwt/findings';
import { recognizeProfile } from '../../../src/lib/jwt/profiles';
import { formatReport } from '../../../src/lib/jwt/report';

const NOW = 1_767_225_600;
const SIG = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const jwt = (header: object, payload: object) =>
	`${encodeBase64urlText(JSON.stringify(header))}.${encodeBase64urlText(JSON.stringify(payload))}.${SIG}`;

describe('formatReport', () => {
	const token = jwt(
		{ alg: 'RS256', typ: 'at+jwt', kid: 'k1' },
		{
			iss: 'https://as.example',
			sub: 'u1',
			aud: 'api',
			email: 'jane@example.com',
			scope: 'a|b',
			exp: NOW + 3600,
			iat: NOW - 60,
		},
	);
	const decoded = decodeToken(token);
	const root = decoded.payload.mode === 'json' ? decoded.payload.root : undefined;
	const report = formatReport({
		decoded,
		now: NOW,
		profile: recognizeProfile(decoded.header?.root, root),
		verdict: {
			status: 'verified',
			text: 'Verified with the RSA 2048 public key.',
			keyProvenance: 'JWK from Secret or key',
		},
		findings: listFindings(decoded, { now: NOW }),
		redact: ['/payload/email'],
		bindings: [{ compared: 'the two tokens\' "iss"', holds: true }],
	});

	test.each([
		['the profile with its spec', '- Profile: OAuth access token (RFC 9068)'],
		['the verdict', '**Signature verified.**'],
		['the key provenance', 'Key: JWK from Secret or key'],
		['the header', '"kid": "k1"'],
		['the redaction in the payload', '"email": "[redacted]"'],
		['which members were redacted', '- Redacted: `/payload/email`'],
		['a claim with its time', `| exp | ${NOW + 3600} | 2026-01-01T01:00:00.000Z (in 1 hour) |`],
		['a pipe in a value escaped', '| scope | a\\|b |'],
		['a finding with its code and RFC link', '`missing-claim`'],
		['the finding reference', '(https://www.rfc-editor.org/rfc/rfc9068#section-2.2)'],
		['the binding', '- Holds: the two tokens\' "iss"'],
	])('has %s', (_name, text) => {
		expect(report).toContain(text);
	});

	test('never holds the signature or the redacted value', () => {
		expect(report).not.toContain(SIG);
		expect(report).not.toContain('jane@example.com');
	});

	test('a value with backticks cannot break out of its code block', () => {
		const sneaky = formatReport({
			decoded: decodeToken(jwt({ alg: 'HS256' }, { note: '```\n# injected' })),
			now: NOW,
			verdict: { status: 'not-verified', text: 'Enter the secret.' },
			findings: [],
		});
		expect(sneaky).toContain('````json');
		expect(sneaky).not.toMatch(/^# injected/m);
	});
});
