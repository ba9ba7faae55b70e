import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildShareUrl, readFragmentToken } from '../../../src/lib/jwt/fragment';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';

describe('readFragmentToken finds the token in a URL fragment', () => {
	test.each([
		['#token=', `#token=${TOKEN}`, TOKEN],
		['a fragment given without its #', `token=${TOKEN}`, TOKEN],
		['#id_token= (OpenID Connect implicit flow)', `#id_token=${TOKEN}`, TOKEN],
		['#access_token= (OAuth implicit flow)', `#access_token=${TOKEN}`, TOKEN],
		[
			'an OAuth redirect with other parameters before and after',
			`#state=af0ifjsldkj&access_token=${TOKEN}&token_type=Bearer&expires_in=3600`,
			TOKEN,
		],
		['percent-encoded dots', `#token=${TOKEN.replaceAll('.', '%2E')}`, TOKEN],
		['percent-encoded padding', '#token=eyJhbGciOiJub25lIn0%3D.e30.', 'eyJhbGciOiJub25lIn0=.e30.'],
		['unencoded padding after the first =', '#token=eyJhbGciOiJub25lIn0=.e30.', 'eyJhbGciOiJub25lIn0=.e30.'],
		['a + kept as a +, not read as a space', '#token=ab+/.cd.ef', 'ab+/.cd.ef'],
		['a stray % that is not an escape, kept as written', '#token=abc%zz.d.e', 'abc%zz.d.e'],
		['the first of two token parameters', '#token=first&token=second', 'first'],
		['token before id_token, whatever their order', `#id_token=id&token=${TOKEN}`, TOKEN],
		['id_token before access_token, whatever their order', '#access_token=access&id_token=id', 'id'],
		['an empty token parameter falls through to the next name', '#token=&id_token=id', 'id'],
	])('%s', (_name, fragment, token) => {
		expect(readFragmentToken(fragment)).toBe(token);
	});
});

describe('readFragmentToken returns undefined when the fragment names no token', () => {
	test.each([
		['an empty fragment', ''],
		['a lone #', '#'],
		['an empty token', '#token='],
		['a parameter without =', '#token'],
		['other parameters only', '#state=abc&code=xyz'],
		['a name that only resembles one', '#refresh_token=abc&Token=abc'],
		['an in-page anchor', '#section-2'],
	])('%s', (_name, fragment) => {
		expect(readFragmentToken(fragment)).toBeUndefined();
	});
});

describe('buildShareUrl', () => {
	test.each([
		['adds #token= to a page URL', 'https://jwt.example/', `https://jwt.example/#token=${TOKEN}`],
		[
			'keeps a sub-path and query',
			'https://x.test/app/v1/?theme=dark',
			`https://x.test/app/v1/?theme=dark#token=${TOKEN}`,
		],
		[
			'replaces an existing token fragment',
			'https://x.test/#token=old.old.old',
			`https://x.test/#token=${TOKEN}`,
		],
		[
			'replaces any other fragment',
			'https://x.test/page#id_token=a&state=b',
			`https://x.test/page#token=${TOKEN}`,
		],
	])('%s', (_name, pageUrl, url) => {
		expect(buildShareUrl(pageUrl, TOKEN)).toBe(url);
	});

	test('trims surrounding whitespace from the token', () => {
		expect(buildShareUrl('https://x.test/', `  ${TOKEN}\n`)).toBe(`https://x.test/#token=${TOKEN}`);
	});

	test('escapes characters that would end or split the parameter', () => {
		const url = buildShareUrl('https://x.test/', 'a&b=c#d e%');
		expect(url).toBe('https://x.test/#token=a%26b%3Dc%23d%20e%25');
	});

	test('any token round-trips through the URL and readFragmentToken', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (token) => {
				fc.pre(token.trim() !== '');
				const url = new URL(buildShareUrl('https://x.test/app/#old', token));
				expect(url.pathname).toBe('/app/');
				expect(readFragmentToken(url.hash)).toBe(token.trim());
			}),
			{ numRuns: 1000 },
		);
	});
});
