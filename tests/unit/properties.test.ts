// Property tests across the core: whatever text, bytes, JSON or key arrives, decoding, parsing, findings and key reading never throw.
//
// 17 700 runs in all at the default scale (RUNS below): 20 to 30 seconds on a 2-core machine.
// For a longer run, multiply every property's runs:
//   PRISM_FC_RUNS=20 npx vitest run tests/unit/properties.test.ts
// and to replay a failure, pass the seed fast-check printed: PRISM_FC_SEED=<seed>.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import fc from 'fast-check';
import { faultsOf } from './crypto/faults-of';
import { describe, expect, test } from 'vitest';
import { parseKeyInput, type ParsedKey } from '../../src/lib/crypto/keys';
import { verifyToken } from '../../src/lib/crypto/verify';
import {
	describeKeyFault,
	describeKeyProblem,
	describeSignResult,
	describeVerdict,
} from '../../src/lib/crypto/messages';
import { signToken } from '../../src/lib/crypto/sign';
import { describeKey } from '../../src/lib/crypto/key-names';
import {
	decodeBase64url,
	encodeBase64url,
	encodeBase64urlText as b64,
} from '../../src/lib/encoding/base64url';
import { decodeToken, type DecodedToken } from '../../src/lib/jwt/decode';
import { replacePart } from '../../src/lib/jwt/encode';
import { DebuggerError, type ErrorCode, type PartName } from '../../src/lib/jwt/errors';
import { listFindings } from '../../src/lib/jwt/findings';
import { inspectText, type Inspection } from '../../src/lib/jwt/inspect';
import { formatJson, minifyJson, parseJson, toPlainValue } from '../../src/lib/jwt/json';
import { describeError } from '../../src/lib/jwt/error-messages';
import { findingInfo } from '../../src/lib/jwt/messages';

/** Multiplies every property's runs; 1 by default. */
const SCALE = Math.max(0.01, Number(process.env.PRISM_FC_RUNS ?? '1') || 1);
if (process.env.PRISM_FC_SEED) fc.configureGlobal({ seed: Number(process.env.PRISM_FC_SEED) });

/** Runs of each property at scale 1: 17 700 in all. */
const RUNS = {
	inspectAnyText: 2000,
	decodeAnyText: 2000,
	damagedToken: 2500,
	innerWhitespace: 1000,
	roundTrip: 1200,
	jsonValueRoundTrip: 500,
	jsonAgrees: 1500,
	jsonMutated: 2000,
	jsonAnyText: 500,
	keyInput: 1500,
	findings: 1200,
	verify: 200,
	mutatedKey: 300,
	jwkMember: 300,
	timeClaim: 1000,
} as const;
/** The runs of one property, scaled. */
const runs = (name: keyof typeof RUNS): number => Math.max(1, Math.round(RUNS[name] * SCALE));
/** A vitest timeout that grows with the runs. */
const TIMEOUT = 60_000 * Math.max(1, SCALE);

const ERROR_CODES: readonly ErrorCode[] = [
	'empty',
	'not-a-token',
	'bad-segments',
	'missing-signature',
	'bad-base64url',
	'bad-utf8',
	'bad-json',
	'not-json-object',
];
const PART_NAMES: readonly PartName[] = [
	'header',
	'payload',
	'signature',
	'encrypted-key',
	'iv',
	'ciphertext',
	'tag',
];
const SEVERITIES = ['error', 'warning', 'info'];

// ---------------------------------------------------------------------------------------------
// Generators

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Text that is mostly token characters, with the characters that trip decoders mixed in. */
const tokenish = fc
	.array(
		fc.oneof(
			{ weight: 12, arbitrary: fc.constantFrom(...BASE64URL) },
			{ weight: 3, arbitrary: fc.constant('.') },
			{
				weight: 2,
				arbitrary: fc.constantFrom(
					' ',
					'\n',
					'\r\n',
					'\t',
					'=',
					'+',
					'/',
					'%',
					'%2E',
					'eyJ',
					'Bearer ',
					'"',
					':',
				),
			},
			{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 2 }) },
		),
		{ maxLength: 160 },
	)
	.map((chunks) => chunks.join(''));

/** Dot-separated parts that are each valid base64url of random bytes. */
const randomByteToken = fc
	.array(fc.uint8Array({ maxLength: 48 }), { minLength: 1, maxLength: 6 })
	.map((parts) => parts.map((bytes) => encodeBase64url(bytes)).join('.'));

/** A JSON number literal from the grammar (RFC 8259 §6): big, tiny, signed, with fractions and exponents. */
const numberLiteral = fc.oneof(
	fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
	fc.integer().map(String),
	fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
	fc
		.record({
			sign: fc.constantFrom('', '-'),
			int: fc.oneof(fc.constant('0'), fc.bigInt({ min: 1n, max: 10n ** 30n }).map(String)),
			frac: fc.option(fc.stringMatching(/^[0-9]{1,20}$/), { nil: undefined }),
			exp: fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), fc.nat(999)), {
				nil: undefined,
			}),
		})
		.map(
			({ sign, int, frac, exp }) =>
				`${sign}${int}${frac === undefined ? '' : `.${frac}`}${exp === undefined ? '' : `${exp[0]}${exp[1]}${exp[2]}`}`,
		),
);

/** Escapes every character as `\uXXXX` (upper-case hex), a form JSON.stringify never writes. */
const escapeAll = (s: string) =>
	`"${[...Array(s.length).keys()].map((i) => `\\u${s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`).join('')}"`;

/** A JSON string literal, in one of the ways a server could have written it. */
const stringLiteral = fc
	.tuple(
		fc.oneof(
			fc.string({ unit: 'binary', maxLength: 12 }),
			fc.constantFrom(
				'__proto__',
				'constructor',
				'prototype',
				'exp',
				'alg',
				'kid',
				'',
				'</script>',
				'\u202e',
			),
		),
		fc.constantFrom('plain', 'all-escaped', 'slash-escaped'),
	)
	.map(([s, style]) =>
		style === 'all-escaped'
			? escapeAll(s)
			: style === 'slash-escaped'
				? JSON.stringify(s).replace(/\//g, '\\/')
				: JSON.stringify(s),
	);

/** Compact JSON text, written literal by literal, so big numbers and escapes are exactly as generated. */
const jsonText = fc.letrec((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		tie('scalar'),
		tie('array'),
		tie('object'),
	) as fc.Arbitrary<string>,
	scalar: fc.oneof(stringLiteral, numberLiteral, fc.constantFrom('true', 'false', 'null')),
	array: fc
		.array(tie('value') as fc.Arbitrary<string>, { maxLength: 4 })
		.map((items) => `[${items.join(',')}]`),
	// Keys may repeat: the core keeps every member, duplicates included.
	object: fc
		.array(fc.tuple(stringLiteral, tie('value') as fc.Arbitrary<string>), { maxLength: 5 })
		.map((members) => `{${members.map(([key, value]) => `${key}:${value}`).join(',')}}`),
}));
const jsonObjectText = jsonText.object as fc.Arbitrary<string>;
const jsonValueText = jsonText.value;

/** JSON whitespace (RFC 8259 §2) to spread between tokens. */
const spacing = fc.array(fc.constantFrom('', ' ', '\n  ', '\r\n', '\t', '\n'), {
	minLength: 1,
	maxLength: 40,
});

/** Puts whitespace around every structural character outside strings, cycling through `spaces`. */
function spread(compact: string, spaces: readonly string[]): string {
	let out = '';
	let k = 0;
	const space = () => spaces[k++ % spaces.length]!;
	for (let i = 0; i < compact.length; i++) {
		const ch = compact[i]!;
		if (ch === '"') {
			let j = i + 1;
			while (compact[j] !== '"') j += compact[j] === '\\' ? 2 : 1;
			out += compact.slice(i, j + 1);
			i = j;
		} else if ('{}[],:'.includes(ch)) {
			out += `${space()}${ch}${space()}`;
		} else {
			out += ch;
		}
	}
	return `${space()}${out}${space()}`;
}

/** A JWS over the given header and payload text, with a random signature. */
const signatureBytes = fc.uint8Array({ maxLength: 600 });
const jws = (header: string, payload: string, signature: Uint8Array) =>
	`${b64(header)}.${b64(payload)}.${encodeBase64url(signature)}`;

const ALGS = [
	'none',
	'NoNe',
	'HS256',
	'HS384',
	'HS512',
	'RS256',
	'PS384',
	'ES256',
	'ES512',
	'ES256K',
	'EdDSA',
	'Ed25519',
	'RSA-OAEP',
	'RSA1_5',
	'dir',
	'PBES2-HS256+A128KW',
	'A128KW',
	'hs256',
	'',
];
const TIME_LITERALS = fc.oneof(
	numberLiteral,
	fc.integer({ min: 0, max: 4_102_444_800 }).map(String),
	fc.integer({ min: 0, max: 4_102_444_800 }).map((s) => `${s}000`),
	fc.constantFrom('"1700000000"', 'null', 'true', '[]', '{}', '1e400', '-1e400', '1.5'),
);

/** A header or payload with the members findings look at, each given values of any type. */
function membersOf(names: readonly string[], special: Record<string, fc.Arbitrary<string>>) {
	return fc
		.array(
			fc.tuple(
				fc.constantFrom(...names),
				fc.oneof({ weight: 3, arbitrary: special.any ?? jsonValueText }, jsonValueText),
			),
			{ maxLength: 8 },
		)
		.chain((members) =>
			fc
				.tuple(
					...members.map(([name]) =>
						name in special
							? fc.oneof({ weight: 4, arbitrary: special[name]! }, jsonValueText)
							: jsonValueText,
					),
				)
				.map((values) => `{${members.map(([name], i) => `${JSON.stringify(name)}:${values[i]}`).join(',')}}`),
		);
}

const stringOf = (values: readonly string[]) =>
	fc
		.oneof(fc.constantFrom(...values), fc.string({ unit: 'binary', maxLength: 20 }))
		.map((s) => JSON.stringify(s));

const reviewedHeader = fc
	.tuple(
		fc.constantFrom(...ALGS).map((a) => JSON.stringify(a)),
		membersOf(
			['typ', 'cty', 'kid', 'jku', 'x5u', 'x5c', 'jwk', 'crit', 'b64', 'zip', 'enc', 'p2c', 'p2s', 'epk'],
			{
				typ: stringOf(['JWT', 'at+jwt', 'jwt', 'JOSE']),
				kid: stringOf([
					'../../etc/passwd',
					"1' OR '1'='1",
					'k; rm -rf /',
					'https://evil.invalid',
					'a\u0000b',
				]),
				jku: stringOf(['https://evil.invalid/jwks.json', 'javascript:alert(1)']),
				x5u: stringOf(['https://evil.invalid/cert.pem']),
				x5c: fc
					.array(
						fc.base64String({ maxLength: 40 }).map((s) => JSON.stringify(s)),
						{ maxLength: 2 },
					)
					.map((items) => `[${items.join(',')}]`),
				jwk: fc.constantFrom(
					'{"kty":"oct","k":"c2VjcmV0"}',
					'{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}',
					'[]',
				),
				crit: fc.constantFrom('["b64"]', '[]', '["exp","exp"]', '"b64"'),
				b64: fc.constantFrom('false', 'true', '"false"'),
				zip: stringOf(['DEF']),
				enc: stringOf(['A128GCM', 'A256CBC-HS512']),
				p2c: numberLiteral,
			},
		),
	)
	.map(([alg, rest]) => (rest === '{}' ? `{"alg":${alg}}` : `{"alg":${alg},${rest.slice(1)}`));

const reviewedPayload = membersOf(
	[
		'exp',
		'nbf',
		'iat',
		'aud',
		'iss',
		'sub',
		'azp',
		'nonce',
		'password',
		'client_secret',
		'api_key',
		'card',
		'ssn',
		'email',
		'scope',
	],
	{
		exp: TIME_LITERALS,
		nbf: TIME_LITERALS,
		iat: TIME_LITERALS,
		aud: fc.constantFrom('[]', '""', '"api"', '["a","b"]', '[1]'),
		password: stringOf(['hunter2']),
		card: stringOf(['4111111111111111', '4111 1111 1111 1111']),
		ssn: stringOf(['078-05-1120']),
		api_key: stringOf(['sk_live_0123456789abcdefghijklmn', 'AKIAIOSFODNN7EXAMPLE']),
	},
);

/** Tokens findings can say something about: JWS with reviewed members, some JWE, raw signatures. */
const decodableToken = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.tuple(reviewedHeader, reviewedPayload, signatureBytes).map(([h, p, s]) => jws(h, p, s)),
	},
	fc
		.tuple(reviewedHeader, fc.array(fc.uint8Array({ maxLength: 40 }), { minLength: 4, maxLength: 4 }))
		.map(([h, parts]) => [b64(h), ...parts.map((bytes) => encodeBase64url(bytes))].join('.')),
	fc.tuple(jsonValueText, jsonValueText, signatureBytes).map(([h, p, s]) => jws(h, p, s)),
);

/** A valid-looking HS256 token, then one of the ways tokens get damaged. */
const validToken = fc
	.tuple(jsonObjectText, jsonObjectText, signatureBytes)
	.map(([h, p, s]) => jws(`{"alg":"HS256",${h.slice(1) === '}' ? '"typ":"JWT"}' : h.slice(1)}`, p, s));

type Mutation = (token: string) => fc.Arbitrary<string>;
const mutations: Record<string, Mutation> = {
	'a bit flipped in a part': (token) =>
		fc.tuple(fc.nat(), fc.nat(), fc.nat(7)).map(([partIndex, byteIndex, bit]) => {
			const parts = token.split('.');
			const index = partIndex % parts.length;
			const decoded = decodeBase64url(parts[index]!);
			if (!decoded.ok || decoded.bytes.length === 0) return token;
			const bytes = decoded.bytes.slice();
			bytes[byteIndex % bytes.length]! ^= 1 << bit;
			parts[index] = encodeBase64url(bytes);
			return parts.join('.');
		}),
	'a character replaced': (token) =>
		fc
			.tuple(
				fc.nat(),
				fc.oneof(
					fc.constantFrom(...BASE64URL, '.', '=', '+', '/', ' '),
					fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
				),
			)
			.map(([at, ch]) => {
				const i = at % Math.max(1, token.length);
				return `${token.slice(0, i)}${ch}${token.slice(i + 1)}`;
			}),
	truncated: (token) => fc.nat(token.length).map((n) => token.slice(0, n)),
	'dots inserted': (token) =>
		fc.array(fc.nat(), { minLength: 1, maxLength: 3 }).map((positions) =>
			positions.reduce((t, at) => {
				const i = at % (t.length + 1);
				return `${t.slice(0, i)}.${t.slice(i)}`;
			}, token),
		),
	'whitespace inserted': (token) =>
		fc
			.array(fc.tuple(fc.nat(), fc.constantFrom(' ', '\n', '\r\n', '\t', '  \n  ')), {
				minLength: 1,
				maxLength: 4,
			})
			.map((inserts) =>
				inserts.reduce((t, [at, space]) => {
					const i = at % (t.length + 1);
					return `${t.slice(0, i)}${space}${t.slice(i)}`;
				}, token),
			),
	'huge and odd numbers in the payload': (token) =>
		fc
			.array(fc.tuple(fc.constantFrom('exp', 'nbf', 'iat', 'n', 'aud'), TIME_LITERALS), {
				minLength: 1,
				maxLength: 6,
			})
			.map((members) => {
				const [header, , signature] = token.split('.');
				return `${header}.${b64(`{${members.map(([k, v]) => `"${k}":${v}`).join(',')}}`)}.${signature}`;
			}),
	'unicode in the payload': (token) =>
		fc.string({ unit: 'binary', maxLength: 30 }).map((s) => {
			const [header, , signature] = token.split('.');
			return `${header}.${b64(JSON.stringify({ [s]: s, name: `${s}\u202e\ud83d\ude00` }))}.${signature}`;
		}),
	'bytes that are not UTF-8': (token) =>
		fc
			.tuple(
				fc.constantFrom(0, 1),
				fc.constantFrom([0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]),
			)
			.map(([partIndex, bad]) => {
				const parts = token.split('.');
				parts[partIndex] = encodeBase64url(new Uint8Array([0x7b, 0x22, ...bad, 0x22, 0x7d]));
				return parts.join('.');
			}),
	'surrounded by text': (token) =>
		fc
			.tuple(
				fc.constantFrom(
					'Bearer ',
					'Authorization: Bearer ',
					'"',
					'token=',
					'#id_token=',
					'{"access_token":"',
				),
				fc.string({ maxLength: 10 }),
			)
			.map(([before, after]) => `${before}${token}${after}`),
};

const mutatedToken = fc
	.tuple(validToken, fc.constantFrom(...Object.keys(mutations)))
	.chain(([token, name]) => fc.tuple(fc.constant(name), mutations[name]!(token)));

// ---------------------------------------------------------------------------------------------
// Checks shared by the properties

/** What every decoding must look like, whatever the input. */
function expectWellFormedDecoding(decoded: DecodedToken, token: string): void {
	expect(decoded.token).toBe(token);
	expect(['jws', 'jwe', 'unsecured-fragment', 'malformed']).toContain(decoded.kind);
	expect(Array.isArray(decoded.errors)).toBe(true);
	for (const error of decoded.errors) {
		expect(error).toBeInstanceOf(DebuggerError);
		expect(ERROR_CODES).toContain(error.code);
		expect(typeof describeError(error)).toBe('string');
		if (decoded.kind === 'malformed') {
			expect(error.code).toBe('bad-segments');
		} else {
			// The fault lies in one part: the error names it, in `part` and at the start of its message.
			expect(error.part, error.message).toBeDefined();
			expect(PART_NAMES).toContain(error.part);
			expect(error.message.startsWith(`${error.part}:`), error.message).toBe(true);
		}
	}
	const names = decoded.parts.map((p) => p.name);
	for (const { part } of [...decoded.deviations, ...decoded.invalidUtf8]) expect(names).toContain(part);
	// The parts and their separators give back the token: dots inside the issuer JWT, `~` around an SD-JWT's disclosures.
	const issuerParts = decoded.parts.filter((p) => p.name !== 'disclosure' && p.name !== 'key-binding');
	const issuerEnd = decoded.sdJwt?.issuerEnd ?? token.length;
	if (decoded.kind !== 'malformed')
		expect(issuerParts.map((p) => p.text).join('.')).toBe(token.slice(0, issuerEnd));
	if (decoded.sdJwt) {
		const disclosures = decoded.parts.filter((p) => p.name === 'disclosure').map((p) => `~${p.text}`);
		const keyBinding = decoded.parts.find((p) => p.name === 'key-binding')?.text ?? '';
		expect(`${disclosures.join('')}~${keyBinding}`).toBe(token.slice(issuerEnd));
	}
	if (decoded.header?.root) expect(decoded.header.text).toBeTypeOf('string');
	expect(['json', 'text', 'hex', 'encrypted', 'unreadable']).toContain(decoded.payload.mode);
}

/** What every inspection must look like: candidates in order, inside the text, ranges on the text. */
function expectWellFormedInspection(inspection: Inspection, text: string): void {
	expect(Array.isArray(inspection.candidates)).toBe(true);
	if (inspection.candidates.length === 0) {
		expect(inspection.error).toBeInstanceOf(DebuggerError);
		expect(['empty', 'not-a-token']).toContain(inspection.error!.code);
		expect(inspection.decoded).toBeUndefined();
		return;
	}
	expect(inspection.chosen).toBeGreaterThanOrEqual(0);
	expect(inspection.chosen).toBeLessThan(inspection.candidates.length);
	let previousEnd = 0;
	for (const candidate of inspection.candidates) {
		expect(candidate.start).toBeGreaterThanOrEqual(previousEnd);
		expect(candidate.end).toBeGreaterThanOrEqual(candidate.start);
		expect(candidate.end).toBeLessThanOrEqual(text.length);
		expect(candidate.token).not.toMatch(/[ \t\r\n]/);
		previousEnd = candidate.end;
	}
	expect(inspection.decoded).toBeDefined();
	expectWellFormedDecoding(inspection.decoded!, inspection.candidate!.token);
	for (const range of inspection.ranges) {
		expect(range.from).toBeGreaterThanOrEqual(0);
		expect(range.to).toBeGreaterThanOrEqual(range.from);
		expect(range.to).toBeLessThanOrEqual(text.length);
	}
}

/** Every finding is a known code with its severity, whatever the token. */
function expectWellFormedFindings(
	decoded: DecodedToken,
	now: number,
	skew: number,
	whitespace: boolean,
): void {
	const findings = listFindings(decoded, { now, clockSkew: skew, hadInnerWhitespace: whitespace });
	expect(Array.isArray(findings)).toBe(true);
	for (const finding of findings) {
		expect(findingInfo).toHaveProperty([finding.code]);
		expect(SEVERITIES).toContain(finding.severity);
		expect(finding.detail).toBeTypeOf('string');
		if (finding.part !== undefined) expect(PART_NAMES).toContain(finding.part);
	}
}

/** JSON.parse's verdict on the text: the value, or undefined when it rejects it. */
function parseNative(text: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (error) {
		if (!(error instanceof SyntaxError)) throw error;
		return { ok: false };
	}
}

function expectAgreesWithJsonParse(text: string): void {
	const ours = parseJson(text);
	const native = parseNative(text);
	expect(
		ours.ok,
		`parseJson ${ours.ok ? 'accepts' : 'rejects'} what JSON.parse ${native.ok ? 'accepts' : 'rejects'}`,
	).toBe(native.ok);
	if (ours.ok && native.ok) {
		// Same value, the last duplicate winning as in JSON.parse; compared as JSON so __proto__ keys count.
		expect(JSON.stringify(toPlainValue(ours.root))).toBe(JSON.stringify(native.value));
	} else if (!ours.ok) {
		expect(ours.error.offset).toBeGreaterThanOrEqual(0);
		expect(ours.error.offset).toBeLessThanOrEqual(text.length);
		expect(ours.error.line).toBeGreaterThanOrEqual(1);
		expect(ours.error.column).toBeGreaterThanOrEqual(1);
		expect(ours.error.message).not.toBe('');
	}
}

const JSON_EDIT_CHARS = [
	'{',
	'}',
	'[',
	']',
	',',
	':',
	'"',
	'\\',
	'0',
	'-',
	'+',
	'e',
	'.',
	't',
	'n',
	' ',
	'\n',
	'\u0000',
	'\ud800',
	'\u2028',
	'\ufeff',
];

/** JSON text with a few characters inserted, deleted or replaced. */
const mutatedJson = fc
	.tuple(
		fc.oneof(fc.json(), jsonValueText),
		fc.array(
			fc.tuple(
				fc.constantFrom('insert', 'delete', 'replace'),
				fc.nat(),
				fc.oneof(
					fc.constantFrom(...JSON_EDIT_CHARS),
					fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
				),
			),
			{ minLength: 1, maxLength: 3 },
		),
	)
	.map(([text, edits]) =>
		edits.reduce((t, [op, at, ch]) => {
			const i = at % (t.length + 1);
			if (op === 'insert') return `${t.slice(0, i)}${ch}${t.slice(i)}`;
			if (op === 'delete') return `${t.slice(0, i)}${t.slice(i + 1)}`;
			return `${t.slice(0, i)}${ch}${t.slice(i + 1)}`;
		}, text),
	);

const PEM_LABELS = [
	'PUBLIC KEY',
	'RSA PUBLIC KEY',
	'CERTIFICATE',
	'PRIVATE KEY',
	'RSA PRIVATE KEY',
	'EC PRIVATE KEY',
	'ENCRYPTED PRIVATE KEY',
	'X',
];

/** DER-looking bytes: a SEQUENCE header around random content, so the DER reader goes deeper than its first byte. */
const derish = fc
	.uint8Array({ maxLength: 200 })
	.map(
		(content) =>
			new Uint8Array([
				0x30,
				...(content.length < 128 ? [content.length] : [0x81, content.length]),
				...content,
			]),
	);

/** Whatever people paste as a key: any text, JSON and JWK(S)-shaped objects, PEM around random DER. */
const keyText = fc.oneof(
	fc.string({ unit: 'binary', maxLength: 80 }),
	fc.json(),
	fc
		.record(
			{
				kty: fc.constantFrom('oct', 'RSA', 'EC', 'OKP', 'x', ''),
				k: fc.base64String({ maxLength: 60 }),
				n: fc.uint8Array({ maxLength: 64 }).map((b) => encodeBase64url(b)),
				e: fc.constantFrom('AQAB', 'AQ', 'Aw', 'AA', ''),
				crv: fc.constantFrom('P-256', 'P-384', 'P-521', 'secp256k1', 'Ed25519', 'X25519', 'P-1'),
				x: fc.uint8Array({ maxLength: 66 }).map((b) => encodeBase64url(b)),
				y: fc.uint8Array({ maxLength: 66 }).map((b) => encodeBase64url(b)),
				d: fc.uint8Array({ maxLength: 66 }).map((b) => encodeBase64url(b)),
				kid: fc.string({ maxLength: 10 }),
				use: fc.constantFrom('sig', 'enc', ''),
				alg: fc.constantFrom(...ALGS),
				key_ops: fc.constantFrom(['verify'], ['encrypt'], 'verify'),
			},
			{ requiredKeys: [] },
		)
		.chain((jwk) =>
			fc.constantFrom(
				JSON.stringify(jwk),
				JSON.stringify({ keys: [jwk, jwk] }),
				JSON.stringify({ keys: [] }),
				` ${JSON.stringify(jwk)}\n`,
			),
		),
	fc
		.tuple(fc.constantFrom(...PEM_LABELS), fc.oneof(derish, fc.uint8Array({ maxLength: 120 })), fc.boolean())
		.map(([label, der, wrap]) => {
			const body = Buffer.from(der).toString('base64');
			const lines = wrap ? (body.match(/.{1,64}/g) ?? []).join('\n') : body;
			return `-----BEGIN ${label}-----\n${lines}\n-----END ${label}-----\n`;
		}),
);

const PARSED_KINDS: readonly ParsedKey['kind'][] = ['empty', 'secret', 'keys', 'error'];

/** Our own developer text, never for a person (issue 19): fault JSON, the DER reader's wording, ASN.1 shapes. */
const DEVELOPER = /"code"|SEQUENCE \{|\bexpected an? [A-Z]|truncated DER|\boffset \d/;
/** Browser error names and values never meant as words. */
const RAW_WORDS =
	/\b(?:DataError|OperationError|NotSupportedError|InvalidAccessError|SyntaxError|TypeError|RangeError)\b|\bundefined\b|\bNaN\b|\[object Object\]/;

// ---------------------------------------------------------------------------------------------
// Properties

describe('decoding never throws and always explains itself', () => {
	test(
		'inspectText on any text returns a structured inspection',
		() => {
			fc.assert(
				fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 120 }), tokenish), (text) => {
					expectWellFormedInspection(inspectText(text), text);
				}),
				{ numRuns: runs('inspectAnyText') },
			);
		},
		TIMEOUT,
	);

	test(
		'decodeToken on any text and on random bytes in base64url parts returns a structured result',
		() => {
			fc.assert(
				fc.property(
					fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), tokenish, randomByteToken),
					(token) => {
						expectWellFormedDecoding(decodeToken(token), token);
					},
				),
				{ numRuns: runs('decodeAnyText') },
			);
		},
		TIMEOUT,
	);

	test(
		'a damaged valid token decodes without throwing, and errors name the part at fault',
		() => {
			fc.assert(
				fc.property(mutatedToken, fc.nat(4), ([, token], pick) => {
					const decoded = decodeToken(token);
					expectWellFormedDecoding(decoded, token);
					expectWellFormedInspection(inspectText(token, pick), token);
					expectWellFormedFindings(decoded, 1_700_000_000, 0, false);
				}),
				{ numRuns: runs('damagedToken') },
			);
		},
		TIMEOUT,
	);

	test(
		'whitespace inside a token is skipped: each coloured range holds exactly its part',
		() => {
			fc.assert(
				fc.property(
					validToken.chain((token) => mutations['whitespace inserted']!(token)),
					(text) => {
						const inspection = inspectText(text);
						expect(inspection.candidates).toHaveLength(1);
						const decoded = inspection.decoded!;
						expect(decoded.token).toBe(text.replace(/\s+/g, ''));
						for (const range of inspection.ranges) {
							const shown = text.slice(range.from, range.to).replace(/\s+/g, '');
							if (range.name === 'dot') expect(shown).toBe('.');
							else if (range.name === 'tilde') expect(shown).toBe('~');
							else expect(shown).toBe(decoded.parts.find((p) => p.name === range.name)!.text);
						}
					},
				),
				{ numRuns: runs('innerWhitespace') },
			);
		},
		TIMEOUT,
	);
});

describe('encode then decode gives back the JSON as written', () => {
	test(
		'replacePart keeps every key, its order and every literal; only whitespace goes',
		() => {
			fc.assert(
				fc.property(
					validToken,
					fc.constantFrom('header', 'payload') as fc.Arbitrary<'header' | 'payload'>,
					jsonObjectText,
					spacing,
					(token, part, compact, spaces) => {
						const typed = spread(compact, spaces);
						const result = replacePart(token, part, typed);
						expect(result.ok).toBe(true);
						if (!result.ok) return;
						const decoded = decodeToken(result.token);
						const [header, payload, signature] = token.split('.');
						const [newHeader, newPayload, newSignature] = result.token.split('.');
						expect(newSignature).toBe(signature);
						if (part === 'header') {
							expect(decoded.header?.text).toBe(compact);
							expect(newPayload).toBe(payload);
						} else {
							expect(decoded.payload.mode).toBe('json');
							expect(decoded.payload.mode === 'json' && decoded.payload.text).toBe(compact);
							expect(newHeader).toBe(header);
						}
						// What the editor shows (formatJson) encodes back to the very same token.
						const shown = formatJson(compact);
						expect(minifyJson(shown)).toBe(compact);
						expect(replacePart(result.token, part, shown)).toEqual({ ok: true, token: result.token });
					},
				),
				{ numRuns: runs('roundTrip') },
			);
		},
		TIMEOUT,
	);

	test(
		'fc.jsonValue objects survive the round trip as JSON.stringify wrote them',
		() => {
			fc.assert(
				fc.property(validToken, fc.dictionary(fc.string(), fc.jsonValue()), (token, object) => {
					const compact = JSON.stringify(object);
					const result = replacePart(token, 'payload', JSON.stringify(object, null, 2));
					expect(result.ok).toBe(true);
					const decoded = decodeToken(result.ok ? result.token : '');
					expect(decoded.payload.mode === 'json' && decoded.payload.text).toBe(compact);
				}),
				{ numRuns: runs('jsonValueRoundTrip') },
			);
		},
		TIMEOUT,
	);
});

describe('parseJson agrees with JSON.parse and never throws', () => {
	test(
		'on fc.json() text and on generated JSON with big numbers and escapes',
		() => {
			fc.assert(fc.property(fc.oneof(fc.json(), jsonValueText), expectAgreesWithJsonParse), {
				numRuns: runs('jsonAgrees'),
			});
		},
		TIMEOUT,
	);

	test(
		'on JSON with characters inserted, deleted or replaced',
		() => {
			fc.assert(fc.property(mutatedJson, expectAgreesWithJsonParse), { numRuns: runs('jsonMutated') });
		},
		TIMEOUT,
	);

	test(
		'on any text',
		() => {
			fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), expectAgreesWithJsonParse), {
				numRuns: runs('jsonAnyText'),
			});
		},
		TIMEOUT,
	);
});

describe('keys and findings never throw', () => {
	test(
		'parseKeyInput on any text, base64 or not, returns a kind and says why when it fails',
		() => {
			fc.assert(
				fc.property(keyText, fc.boolean(), (text, base64) => {
					const parsed = parseKeyInput(text, base64);
					expect(PARSED_KINDS).toContain(parsed.kind);
					if (parsed.kind === 'error') {
						const words = describeKeyProblem(parsed.problem);
						expect(words).toMatch(/\S/);
						expect(words, words).not.toMatch(RAW_WORDS);
						expect(words, words).not.toMatch(DEVELOPER);
					}
					if (parsed.kind === 'secret') expect(parsed.key.secret).toBeInstanceOf(Uint8Array);
					if (parsed.kind === 'keys') expect(parsed.keys.length).toBeGreaterThan(0);
					if (text === '') expect(parsed.kind).toBe('empty');
				}),
				{ numRuns: runs('keyInput') },
			);
		},
		TIMEOUT,
	);

	test(
		'listFindings on random decodable tokens returns known codes at any time',
		() => {
			fc.assert(
				fc.property(
					decodableToken,
					fc.oneof(
						fc.integer({ min: 0, max: 4_102_444_800 }),
						fc.double({ noNaN: true, noDefaultInfinity: true }),
					),
					fc.nat(600),
					fc.boolean(),
					(token, now, skew, whitespace) => {
						const decoded = decodeToken(token);
						expectWellFormedDecoding(decoded, token);
						expectWellFormedFindings(decoded, now, skew, whitespace);
					},
				),
				{ numRuns: runs('findings') },
			);
		},
		TIMEOUT,
	);

	test(
		'verifyToken always settles on a verdict, never rejects',
		async () => {
			await fc.assert(
				fc.asyncProperty(decodableToken, keyText, fc.boolean(), async (token, key, base64) => {
					const verdict = await verifyToken({
						decoded: decodeToken(token),
						key: parseKeyInput(key, base64),
						secretText: key,
					});
					expect(['verified', 'invalid', 'not-verified']).toContain(verdict.status);
				}),
				{ numRuns: runs('verify') },
			);
		},
		TIMEOUT,
	);
});

// Issue 19: keys changed by one character, JWKs with a member emptied or swapped, and time claims anywhere in
// ±2^63 never give a person a browser error name, `undefined`, `NaN`, `[object Object]` or a wrong description.
describe('what a person reads about damaged keys and impossible times', () => {
	const RAW =
		/\b(?:DataError|OperationError|NotSupportedError|InvalidAccessError|SyntaxError|TypeError|RangeError)\b|\bundefined\b|\bNaN\b|\[object Object\]/;
	const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
	const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	const ed = generateKeyPairSync('ed25519');
	const pemOf = (key: KeyObject, type: 'spki' | 'pkcs1' | 'pkcs8' | 'sec1') =>
		key.export({ type, format: 'pem' }) as string;
	const jwkOf = (key: KeyObject) => key.export({ format: 'jwk' }) as Record<string, string>;
	const signed = (alg: string, key: KeyObject, hash: string | null, dsaEncoding?: 'ieee-p1363') => {
		const input = `${b64(JSON.stringify({ alg }))}.${b64('{"sub":"x"}')}`;
		const signature = sign(hash, Buffer.from(input), dsaEncoding ? { key, dsaEncoding } : key);
		return decodeToken(`${input}.${signature.toString('base64url')}`);
	};
	const tokens = {
		RSA: signed('RS256', rsa.privateKey, 'sha256'),
		EC: signed('ES256', ec.privateKey, 'sha256', 'ieee-p1363'),
		OKP: signed('EdDSA', ed.privateKey, null),
	};
	const KEY_TEXTS: [keyof typeof tokens, string][] = [
		['RSA', pemOf(rsa.privateKey, 'pkcs8')],
		['RSA', pemOf(rsa.privateKey, 'pkcs1')],
		['RSA', pemOf(rsa.publicKey, 'spki')],
		['RSA', pemOf(rsa.publicKey, 'pkcs1')],
		['RSA', JSON.stringify(jwkOf(rsa.privateKey))],
		['EC', pemOf(ec.privateKey, 'sec1')],
		['EC', pemOf(ec.privateKey, 'pkcs8')],
		['EC', pemOf(ec.publicKey, 'spki')],
		['EC', JSON.stringify(jwkOf(ec.privateKey))],
		['OKP', pemOf(ed.privateKey, 'pkcs8')],
		['OKP', JSON.stringify(jwkOf(ed.publicKey))],
	];

	/**
	 * Reads the key, verifies and signs the token with it, and checks every sentence a person would read: each fault
	 * has a code the messages table words (its words are in the alert), and no text is raw or the developers'.
	 */
	async function checkWords(keyText: string, token: DecodedToken): Promise<void> {
		const parsed = parseKeyInput(keyText);
		if (parsed.kind === 'error') {
			const words = describeKeyProblem(parsed.problem);
			expect(words, words).not.toMatch(RAW);
			expect(words, words).not.toMatch(DEVELOPER);
			expect(words).toMatch(/^[A-Z"]/);
			const { problem } = parsed;
			// A code the table knows has words (an unknown one falls through its switch to undefined).
			for (const fault of faultsOf(problem)) {
				const faultWords = describeKeyFault(fault);
				expect(typeof faultWords, fault.code).toBe('string');
				expect(words).toContain(faultWords);
			}
		}
		if (parsed.kind === 'keys')
			for (const key of parsed.keys) {
				const name = describeKey(key);
				expect(name, name).not.toMatch(RAW);
				// A key read as RSA is one: no "RSA 0 public key" or "RSA 17 public key".
				if (key.info.kty === 'RSA') expect(key.info.bits).toBeGreaterThanOrEqual(512);
			}
		const verdict = await verifyToken({ decoded: token, key: parsed });
		const { explanation, hint } = describeVerdict(verdict);
		expect(explanation, explanation).not.toMatch(RAW);
		expect(explanation, explanation).not.toMatch(DEVELOPER);
		if (hint) expect(hint).not.toMatch(RAW);
		const note = describeSignResult(await signToken(token.token, parsed));
		expect(note, note).not.toMatch(RAW);
		expect(note, note).not.toMatch(DEVELOPER);
	}

	const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_';
	test(
		'any key text with one character changed',
		async () => {
			await fc.assert(
				fc.asyncProperty(
					fc.constantFrom(...KEY_TEXTS),
					fc.nat(),
					fc.oneof(fc.constantFrom(...BASE64), fc.string({ minLength: 1, maxLength: 1 })),
					async ([kty, text], at, character) => {
						const index = at % text.length;
						await checkWords(text.slice(0, index) + character + text.slice(index + 1), tokens[kty]);
					},
				),
				{ numRuns: runs('mutatedKey') },
			);
		},
		TIMEOUT,
	);

	const JWKS: [keyof typeof tokens, Record<string, string>][] = [
		['RSA', jwkOf(rsa.privateKey)],
		['RSA', jwkOf(rsa.publicKey)],
		['EC', jwkOf(ec.privateKey)],
		['EC', jwkOf(ec.publicKey)],
		['OKP', jwkOf(ed.privateKey)],
	];
	test(
		'any JWK with a member emptied or two members swapped',
		async () => {
			await fc.assert(
				fc.asyncProperty(
					fc.constantFrom(...JWKS),
					fc.nat(),
					fc.nat(),
					fc.boolean(),
					async ([kty, jwk], i, j, empty) => {
						const names = Object.keys(jwk);
						const a = names[i % names.length]!;
						const b = names[j % names.length]!;
						const changed = empty ? { ...jwk, [a]: '' } : { ...jwk, [a]: jwk[b], [b]: jwk[a] };
						await checkWords(JSON.stringify(changed), tokens[kty]);
					},
				),
				{ numRuns: runs('jwkMember') },
			);
		},
		TIMEOUT,
	);

	test(
		'any time claim from -2^63 to 2^63',
		() => {
			fc.assert(
				fc.property(
					fc.bigInt(-(2n ** 63n), 2n ** 63n),
					fc.constantFrom('exp', 'nbf', 'iat', 'auth_time'),
					(value, name) => {
						const token = `${b64('{"alg":"HS256"}')}.${b64(`{"${name}":${value}}`)}.c2ln`;
						const findings = listFindings(decodeToken(token), { now: 1_700_000_000 });
						const seconds = Number(value);
						for (const finding of findings) expect(finding.detail, finding.detail).not.toMatch(RAW);
						const about = findings.filter((f) => f.member === name);
						// Milliseconds only for a positive value that is a date when read as milliseconds.
						const looksLikeMs = seconds >= 1e11 && seconds / 1000 <= 8.64e12;
						expect(about.some((f) => f.code === 'time-in-milliseconds')).toBe(looksLikeMs);
						if (seconds < 0)
							for (const finding of about) expect(finding.detail).not.toMatch(/milliseconds|in the future/);
					},
				),
				{ numRuns: runs('timeClaim') },
			);
		},
		TIMEOUT,
	);
});

test('the plan is at least 10 000 runs at PRISM_FC_RUNS=1', () => {
	expect(Object.values(RUNS).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(10_000);
});
