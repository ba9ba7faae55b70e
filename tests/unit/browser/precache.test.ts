import { describe, expect, test } from 'vitest';
import {
	candidateUrls,
	mapUrlsToKeys,
	precacheKey,
	requestedUrl,
	toHex,
} from '../../../src/lib/browser/precache';

const BASE = 'https://example.test/app/';
const SHA = 'a'.repeat(64);

describe('precacheKey', () => {
	test.each([
		[
			'a hashed file is kept under its own URL',
			{ url: 'assets/index-AbC123.js', revision: null },
			`${BASE}assets/index-AbC123.js`,
		],
		[
			'a file without a hash carries its revision, so a new build never overwrites an old page’s copy',
			{ url: 'index.html', revision: SHA },
			`${BASE}index.html?__WB_REVISION__=${SHA}`,
		],
	])('%s', (_, entry, key) => {
		expect(precacheKey(entry, BASE)).toBe(key);
	});
});

describe('mapUrlsToKeys', () => {
	const keys = mapUrlsToKeys(
		[
			{ url: 'index.html', revision: SHA },
			{ url: 'assets/editor-X1.js', revision: null },
		],
		BASE,
	);
	test.each([
		['the directory answers with index.html', `${BASE}`, `${BASE}index.html?__WB_REVISION__=${SHA}`],
		['index.html by name', `${BASE}index.html`, `${BASE}index.html?__WB_REVISION__=${SHA}`],
		['a chunk', `${BASE}assets/editor-X1.js`, `${BASE}assets/editor-X1.js`],
		['a file the build does not have', `${BASE}assets/other.js`, undefined],
	])('%s', (_, url, key) => {
		expect(keys.get(url)).toBe(key);
	});
});

describe('requestedUrl', () => {
	test.each([
		['drops the query', `${BASE}index.html?utm=1`, `${BASE}index.html`],
		['drops the fragment, where a token may travel', `${BASE}#token=eyJ`, BASE],
	])('%s', (_, url, expected) => {
		expect(requestedUrl(url)).toBe(expected);
	});
});

describe('candidateUrls', () => {
	test.each([
		[
			'index.html: the navigation’s URL first, then its name',
			{ url: 'index.html', revision: SHA },
			[BASE, `${BASE}index.html`],
		],
		['any other file: its URL', { url: 'icon.svg', revision: SHA }, [`${BASE}icon.svg`]],
	])('%s', (_, entry, urls) => {
		expect(candidateUrls(entry, BASE)).toEqual(urls);
	});
});

test('toHex writes each byte as two lowercase digits', () => {
	expect(toHex(new Uint8Array([0, 15, 16, 255]).buffer)).toBe('000f10ff');
});
