import { describe, expect, test } from 'vitest';
import { findTokens, type TokenCandidate, type TokenSource } from '../../../src/lib/jwt/extract';

const b64 = (text: string): string => Buffer.from(text).toString('base64url');

/** RFC 7519 §3.1. */
const RFC =
	'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const OTHER = `${b64('{"alg":"HS256","typ":"JWT"}')}.${b64('{"sub":"2"}')}.c2lnbmF0dXJl`;
const REFRESH = `${b64('{"alg":"RS256"}')}.${b64('{"sub":"r"}')}.cmVmcmVzaA`;
const JWE = `${b64('{"alg":"dir","enc":"A128GCM"}')}..AAAA.BBBB.CCCC`;
const UNSECURED = `${b64('{"alg":"none"}')}.${b64('{"sub":"x"}')}.`;
const TWO_PART = `${b64('{"alg":"HS256"}')}.${b64('{"sub":"x"}')}`;

/** Escapes every dot, as some redirect handlers do. */
const escapeDots = (token: string, escape = '%2E'): string => token.replaceAll('.', escape);

/** Inserts `breaks` into `token` at evenly spread positions, as mail clients wrap long lines. */
function wrap(token: string, breaks: string[]): string {
	const step = Math.floor(token.length / (breaks.length + 1));
	let out = '';
	let at = 0;
	breaks.forEach((separator, i) => {
		const next = step * (i + 1);
		out += token.slice(at, next) + separator;
		at = next;
	});
	return out + token.slice(at);
}

function only(text: string): TokenCandidate {
	const found = findTokens(text);
	expect(found).toHaveLength(1);
	return found[0] as TokenCandidate;
}

describe('the whole input is one token, possibly wrapped', () => {
	test.each<[string, string, TokenSource, string]>([
		['a bare token', RFC, 'token', 'Token'],
		['a token with surrounding spaces and newlines', `\n\n   ${RFC}  \r\n`, 'token', 'Token'],
		['a token in double quotes', `"${RFC}"`, 'token', 'Token'],
		['a token in single quotes with spaces', `  '${RFC}'\n`, 'token', 'Token'],
		['a token in backticks', `\`${RFC}\``, 'token', 'Token'],
		['a Bearer prefix', `Bearer ${RFC}`, 'bearer', 'Bearer token'],
		['a lower-case bearer prefix', `bearer ${RFC}`, 'bearer', 'Bearer token'],
		['an upper-case BEARER prefix with a tab', `BEARER\t${RFC}`, 'bearer', 'Bearer token'],
		['a quoted Bearer value', `"Bearer ${RFC}"`, 'bearer', 'Bearer token'],
		[
			'a whole Authorization header line',
			`Authorization: Bearer ${RFC}\n`,
			'authorization-header',
			'Authorization header',
		],
		[
			'a lower-case header line without space',
			`authorization:Bearer ${RFC}`,
			'authorization-header',
			'Authorization header',
		],
		[
			'a header line with the token alone',
			`Authorization: ${RFC}`,
			'authorization-header',
			'Authorization header',
		],
		['a JWE with an empty encrypted key', JWE, 'token', 'Token'],
		['an unsecured JWS with an empty signature', UNSECURED, 'token', 'Token'],
		['a 2-part header.payload', TWO_PART, 'token', 'Token'],
		['a token ending a sentence', `${RFC}.`, 'token', 'Token'],
		['a JWE ending a sentence', `${JWE}.\n`, 'token', 'Token'],
		['an unsecured JWS ending a sentence', `${UNSECURED}.`, 'token', 'Token'],
	])('%s is returned with offsets pointing at the token', (_name, text, source, label) => {
		const token = [RFC, JWE, UNSECURED].find((known) => text.includes(known)) ?? text.trim();
		const candidate = only(text);
		expect(candidate).toEqual({
			token,
			start: text.indexOf(token),
			end: text.indexOf(token) + token.length,
			source,
			label,
			hasInnerWhitespace: false,
			percentDecoded: false,
		});
	});

	test.each<[string, string, string, TokenSource]>([
		['a token wrapped across LF lines', wrap(RFC, ['\n', '\n', '\n']), RFC, 'token'],
		[
			'a token wrapped across CRLF lines with indentation',
			`  ${wrap(RFC, ['\r\n  ', '\r\n  '])}\n`,
			RFC,
			'token',
		],
		['a token with spaces inside', wrap(RFC, [' ', ' ']), RFC, 'token'],
		['a token broken right after a dot', RFC.replace('.', '.\n'), RFC, 'token'],
		['a token wrapped inside its signature', `${RFC.slice(0, -10)}\n${RFC.slice(-10)}`, RFC, 'token'],
		['a wrapped token after Bearer', `Bearer ${wrap(RFC, ['\n'])}`, RFC, 'bearer'],
		['a wrapped token in quotes', `"${wrap(RFC, ['\n', '\n'])}"`, RFC, 'token'],
		['a wrapped JWE', wrap(JWE, ['\n']), JWE, 'token'],
	])('%s is joined and marked as having inner whitespace', (_name, text, token, source) => {
		const candidate = only(text);
		const first = text.indexOf(token.slice(0, 4));
		const last = text.lastIndexOf(token.slice(-4)) + 4;
		expect(candidate).toMatchObject({ token, start: first, end: last, source, hasInnerWhitespace: true });
		expect(text.slice(candidate.start, candidate.end).replace(/\s+/g, '')).toBe(token);
	});
});

describe('tokens in URLs and OAuth redirects', () => {
	test.each<[string, string, string, TokenSource, string]>([
		[
			'an id_token in a fragment',
			`https://app/cb#id_token=${RFC}&state=1`,
			RFC,
			'url-fragment',
			'id_token (URL fragment)',
		],
		[
			'an access_token ending a fragment',
			`https://app/cb#state=1&access_token=${RFC}`,
			RFC,
			'url-fragment',
			'access_token (URL fragment)',
		],
		['a token in the query', `https://app/x?token=${RFC}`, RFC, 'url-query', 'token (URL query)'],
		[
			'an id_token in the query',
			`https://app/x?id_token=${RFC}&a=b`,
			RFC,
			'url-query',
			'id_token (URL query)',
		],
		[
			'an access_token after & in the query',
			`https://app/x?a=1&access_token=${RFC}#top`,
			RFC,
			'url-query',
			'access_token (URL query)',
		],
		[
			'a refresh_token in a fragment',
			`http://localhost/#refresh_token=${REFRESH}`,
			REFRESH,
			'url-fragment',
			'refresh_token (URL fragment)',
		],
		['a jwt parameter', `https://app/login?jwt=${RFC}`, RFC, 'url-query', 'jwt (URL query)'],
		[
			'an assertion parameter',
			`https://idp/token?grant_type=x&assertion=${RFC}`,
			RFC,
			'url-query',
			'assertion (URL query)',
		],
		[
			'an id_token_hint parameter',
			`https://idp/logout?id_token_hint=${RFC}&post_logout_redirect_uri=x`,
			RFC,
			'url-query',
			'id_token_hint (URL query)',
		],
		[
			'a logout_hint parameter',
			`https://idp/logout?logout_hint=${RFC}`,
			RFC,
			'url-query',
			'logout_hint (URL query)',
		],
		[
			'a ? inside a fragment',
			`https://app/#/cb?id_token=${RFC}`,
			RFC,
			'url-fragment',
			'id_token (URL fragment)',
		],
	])('%s is found and labelled by its parameter', (_name, text, token, source, label) => {
		const candidate = only(text);
		expect(candidate).toMatchObject({
			token,
			source,
			label,
			percentDecoded: false,
			hasInnerWhitespace: false,
		});
		expect(text.slice(candidate.start, candidate.end)).toBe(token);
	});

	test.each<[string, string, string]>([
		['dots escaped as %2E', `https://app/cb#id_token=${escapeDots(RFC)}&state=1`, 'id_token (URL fragment)'],
		['dots escaped as lower-case %2e', `https://app/cb?token=${escapeDots(RFC, '%2e')}`, 'token (URL query)'],
		[
			'an escaped dot in a JWE with an empty part',
			`https://app/cb#access_token=${escapeDots(JWE)}`,
			'access_token (URL fragment)',
		],
		[
			'an escaped letter and dot',
			`https://app/cb?jwt=${RFC.replace('eyJ0', '%65yJ0').replace('.dBj', '%2EdBj')}`,
			'jwt (URL query)',
		],
	])('a value with %s is percent-decoded', (_name, text, label) => {
		const candidate = only(text);
		const token = candidate.token;
		expect([RFC, JWE]).toContain(token);
		expect(candidate).toMatchObject({ label, percentDecoded: true });
		expect(decodeURIComponent(text.slice(candidate.start, candidate.end))).toBe(token);
	});
});

describe('tokens in cookies', () => {
	test.each<[string, string, string]>([
		['a Cookie header', `Cookie: session=${RFC}; other=1`, 'Cookie "session"'],
		['a Set-Cookie header with attributes', `Set-Cookie: auth=${RFC}; Path=/; HttpOnly`, 'Cookie "auth"'],
		['a later cookie in the list', `cookie: a=1; b=2; jwt=${RFC}`, 'Cookie "jwt"'],
		['a quoted cookie value', `Cookie: token="${RFC}"`, 'Cookie "token"'],
		[
			'a cookie line inside an HTTP dump',
			`GET / HTTP/1.1\nHost: x\nCookie: sid=${RFC}\nAccept: */*`,
			'Cookie "sid"',
		],
	])('%s is labelled by the cookie name', (_name, text, label) => {
		expect(only(text)).toMatchObject({ token: RFC, source: 'cookie', label, start: text.indexOf(RFC) });
	});

	test('a name=value on the line after a Cookie header is not a cookie', () => {
		const text = `Cookie: a=1\nx=${RFC}`;
		expect(only(text)).toMatchObject({ source: 'text', label: 'x' });
	});
});

describe('tokens in JSON', () => {
	test('an OAuth token response gives one candidate per token field, in order', () => {
		const text = JSON.stringify({
			access_token: RFC,
			id_token: OTHER,
			refresh_token: REFRESH,
			token_type: 'Bearer',
		});
		expect(findTokens(text).map(({ token, source, label }) => ({ token, source, label }))).toEqual([
			{ token: RFC, source: 'json-field', label: 'access_token (JSON field)' },
			{ token: OTHER, source: 'json-field', label: 'id_token (JSON field)' },
			{ token: REFRESH, source: 'json-field', label: 'refresh_token (JSON field)' },
		]);
	});

	test.each<[string, string, string, string]>([
		[
			'any key holding a token',
			JSON.stringify({ user: 'x', credential: RFC }),
			RFC,
			'credential (JSON field)',
		],
		[
			'pretty-printed JSON',
			JSON.stringify({ data: { id_token: RFC } }, null, 2),
			RFC,
			'id_token (JSON field)',
		],
		['a JWE field', JSON.stringify({ encrypted: JWE }), JWE, 'encrypted (JSON field)'],
		['a key with spaces', `{"my token": "${RFC}"}`, RFC, 'my token (JSON field)'],
	])('%s is labelled by its key', (_name, text, token, label) => {
		const candidate = only(text);
		expect(candidate).toMatchObject({ token, source: 'json-field', label });
		expect(text.slice(candidate.start, candidate.end)).toBe(token);
	});

	test.each([
		['a version number', '{"version":"1.2.3"}'],
		['a domain', '{"host":"www.example.com"}'],
		['a file name', '{"file":"archive.tar.gz"}'],
		['a field with no dots', '{"refresh_token":"8xLOxBtZp8"}'],
	])('%s in a JSON field is not a token', (_name, text) => {
		expect(findTokens(text)).toEqual([]);
	});

	test('a Bearer value under an Authorization key is an Authorization header', () => {
		const text = `{"headers":{"Authorization":"Bearer ${RFC}"}}`;
		expect(only(text)).toMatchObject({
			token: RFC,
			source: 'authorization-header',
			label: 'Authorization header',
		});
	});
});

describe('tokens in free text', () => {
	test.each<[string, string, string, TokenSource, string]>([
		['a log line', `2024-01-01T10:00:00Z INFO user logged in ${RFC} from 10.0.0.1`, RFC, 'text', 'Token 1'],
		['a token ending a sentence', `The token was ${RFC}. Then it expired.`, RFC, 'text', 'Token 1'],
		['a JWE in prose', `encrypted: ${JWE} (dir)`, JWE, 'text', 'encrypted'],
		['an unsecured JWS with an empty signature', `see ${UNSECURED} here`, UNSECURED, 'text', 'Token 1'],
		['a JWE ending a sentence', `It was ${JWE}.`, JWE, 'text', 'Token 1'],
		[
			'a token with padding',
			`x ${RFC.replace('.dBj', '==.dBj')} y`,
			RFC.replace('.dBj', '==.dBj'),
			'text',
			'Token 1',
		],
		['a code assignment', `const idToken = '${RFC}';`, RFC, 'text', 'idToken'],
		['a YAML field', `auth:\n  token: ${RFC}\n`, RFC, 'text', 'token'],
		[
			'an Authorization header in an HTTP dump',
			`GET /api HTTP/1.1\nHost: api\nAuthorization: Bearer ${RFC}\nAccept: */*\n`,
			RFC,
			'authorization-header',
			'Authorization header',
		],
		[
			'a curl command',
			`curl -H "Authorization: Bearer ${RFC}" https://api.example.com/v1`,
			RFC,
			'authorization-header',
			'Authorization header',
		],
		['a Bearer token in prose', `use bearer ${RFC} for it`, RFC, 'bearer', 'Bearer token'],
		['a token after a slash', `GET /verify/${RFC}/done`, RFC, 'text', 'Token 1'],
	])('%s is found', (_name, text, token, source, label) => {
		const candidate = only(text);
		expect(candidate).toMatchObject({
			token,
			source,
			label,
			hasInnerWhitespace: false,
			percentDecoded: false,
		});
		expect(text.slice(candidate.start, candidate.end)).toBe(token);
	});

	test.each([
		['a domain name', 'Visit www.example.com today, or api.example.co.uk tomorrow.'],
		['version numbers', 'Upgraded from 1.2.3 to v2.0.1 and 10.20.30.40.50 later.'],
		['file names', 'Open archive.tar.gz and config.local.json, then run main.test.ts here.'],
		['abbreviations', 'Use e.g. this i.e. that, a.k.a. other.'],
		['an IP address and a URL', 'Connect to 192.168.0.1 via https://sub.example.com/a.b.c?x=1.2.3'],
		['a 4-part base64url sequence with a header', `x ${RFC}.more y`],
		['a 2-part header.payload inside text', `payload ${TWO_PART} only`],
		['a 3-part sequence whose first part is not a header', 'id abc.def.ghi and QUJD.REVG.R0hJ'],
		['plain words', 'hello world'],
		['an empty string', ''],
		['only whitespace', ' \n\t '],
	])('%s gives no token', (_name, text) => {
		expect(findTokens(text)).toEqual([]);
	});
});

describe('the whole input wins, even when it will not decode', () => {
	test.each([
		['a bad character in the payload', 'eyJhbGciOiJIUzI1NiJ9.e$$.sig'],
		['a bad character in the header', 'eyJhbGc!OiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig'],
		['standard-alphabet characters', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.a+b/c'],
		['a dotted base64url string that is not JSON', 'abc.def.ghi'],
		['four parts', 'abc.def.ghi.jkl'],
		['a 2-part string', 'abc.def'],
		['a domain alone', 'www.example.com'],
	])('%s pasted alone is a candidate', (_name, text) => {
		expect(only(`  ${text}\n`)).toMatchObject({
			token: text,
			start: 2,
			end: 2 + text.length,
			source: 'token',
		});
	});

	test.each([
		['base64url with no dots', 'eyJhbGciOiJIUzI1NiJ9'],
		['a word', 'token'],
		['a URL with no token', 'https://example.com/a.b'],
		['a key=value pair', 'name=a.b.c'],
		['a sentence of short words and full stops', 'see it. now. go'],
	])('%s is not a candidate', (_name, text) => {
		expect(findTokens(text)).toEqual([]);
	});
});

describe('several tokens, duplicates and overlap', () => {
	test.each<[string, string, string[], string[]]>([
		['two tokens on two lines', `${RFC}\n${OTHER}`, [RFC, OTHER], ['Token 1', 'Token 2']],
		['two different tokens in prose', `first ${OTHER} then ${RFC}.`, [OTHER, RFC], ['Token 1', 'Token 2']],
		['the same token twice', `a ${RFC} b ${RFC} c`, [RFC, RFC], ['Token 1', 'Token 2']],
		['a JWS and a JWE', `${JWE} and ${RFC}`, [JWE, RFC], ['Token 1', 'Token 2']],
		['a named and a plain token', `jwt=${OTHER} then ${RFC}`, [OTHER, RFC], ['jwt', 'Token 1']],
		[
			'a URL and a JSON field',
			`https://a/#id_token=${RFC}\n{"access_token":"${OTHER}"}`,
			[RFC, OTHER],
			['id_token (URL fragment)', 'access_token (JSON field)'],
		],
	])('%s are listed in order of position', (_name, text, tokens, labels) => {
		const found = findTokens(text);
		expect(found.map((c) => c.token)).toEqual(tokens);
		expect(found.map((c) => c.label)).toEqual(labels);
		found.forEach((candidate, i) => {
			expect(text.slice(candidate.start, candidate.end)).toBe(candidate.token);
			if (i > 0) expect(candidate.start).toBeGreaterThanOrEqual((found[i - 1] as TokenCandidate).end);
		});
	});
});

describe('large input', () => {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
	function randomText(length: number, extra: string): string {
		const chars = alphabet + extra;
		let seed = 12345;
		const out: string[] = new Array(length);
		for (let i = 0; i < length; i++) {
			seed = (seed * 1103515245 + 12345) & 0x7fffffff;
			out[i] = chars[seed % chars.length] as string;
		}
		return out.join('');
	}

	test.each([
		['base64url with many dots', '........'],
		['base64url with dots, spaces and newlines', '.... \n'],
		['base64url with dots, padding, percent signs and quotes', '...==%%2E"\':&?#'],
		[
			'dots and equals only',
			'.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=.=',
		],
	])('10 MB of %s is scanned', (_name, extra) => {
		const text = randomText(10_000_000, extra);
		expect(Array.isArray(findTokens(text))).toBe(true);
	});

	test('a token at the end of 10 MB of prose is found', () => {
		const text = 'lorem ipsum dolor. '.repeat(500_000) + RFC;
		expect(findTokens(text).map((c) => c.token)).toEqual([RFC]);
	});
});
