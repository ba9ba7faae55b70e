import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { decodeToken } from '../../../../src/lib/jwt/decode';
import { replacePart } from '../../../../src/lib/jwt/encode';
import { findTokens } from '../../../../src/lib/jwt/extract';
import { inspectText, MAX_COLOURED_DISCLOSURES } from '../../../../src/lib/jwt/inspect';
import { splitToken } from '../../../../src/lib/jwt/segments';

const b64 = (text: string): string => Buffer.from(text).toString('base64url');
const vector = JSON.parse(readFileSync('tests/vectors/rfc9901/section5_example.json', 'utf8'));
/** RFC 9901 §5.1: the issued SD-JWT, ending with `~`. */
const ISSUED: string = vector.sd_jwt;
/** RFC 9901 §5.2: a presentation with four disclosures and a KB-JWT. */
const PRESENTED: string = vector.presentation.sd_jwt_kb;
const KB: string = vector.presentation.kb_jwt;
const JWS = `${b64('{"alg":"ES256","typ":"dc+sd-jwt"}')}.${b64('{"_sd":["x"]}')}.c2ln`;
const D1 = b64('["salt","given_name","Ada"]');
const D2 = b64('["salt","US"]');
const KB_SMALL = `${b64('{"alg":"ES256","typ":"kb+jwt"}')}.${b64('{"sd_hash":"h"}')}.c2ln`;

describe('splitToken reads an SD-JWT as its issuer-signed JWS plus parts', () => {
	test.each([
		['an issued SD-JWT (ends with ~)', `${JWS}~${D1}~${D2}~`, ['disclosure', 'disclosure'], false],
		[
			'a presentation with a KB-JWT (4 dots, not a JWE)',
			`${JWS}~${D1}~${KB_SMALL}`,
			['disclosure', 'key-binding'],
			true,
		],
		['no disclosures, no KB-JWT', `${JWS}~`, [], false],
		['no disclosures, a KB-JWT', `${JWS}~${KB_SMALL}`, ['key-binding'], true],
		[
			'a stray ~ is an empty disclosure',
			`${JWS}~${D1}~~${D2}~`,
			['disclosure', 'disclosure', 'disclosure'],
			false,
		],
	])('%s', (_name, token, extra, hasKeyBinding) => {
		const { kind, parts, sdJwt } = splitToken(token);
		expect(kind).toBe('jws');
		expect(parts.map((p) => p.name)).toEqual(['header', 'payload', 'signature', ...extra]);
		for (const part of parts) expect(token.slice(part.start, part.end)).toBe(part.text);
		expect(sdJwt?.issuerEnd).toBe(JWS.length);
		expect(sdJwt?.hasKeyBinding).toBe(hasKeyBinding);
		expect(sdJwt?.presentedEnd).toBe(token.lastIndexOf('~') + 1);
		expect(parts.filter((p) => p.name === 'disclosure').map((p) => p.index)).toEqual(
			extra.filter((n) => n === 'disclosure').map((_n, i) => i),
		);
	});

	test.each([
		['a JWE before the ~ is not an SD-JWT issuer JWT', `a.b.c.d.e~${D1}~`, 'malformed'],
		['one part before the ~', `abc~${D1}~`, 'malformed'],
		[
			'two parts before the ~ (signature cut off)',
			`${JWS.split('.').slice(0, 2).join('.')}~${D1}~`,
			'unsecured-fragment',
		],
	])('%s', (_name, token, kind) => {
		const split = splitToken(token);
		expect(split.kind).toBe(kind);
		expect(split.parts.filter((p) => p.name === 'disclosure').map((p) => p.text)).toEqual([D1]);
	});

	test('10 000 disclosures split in order, each with its position', () => {
		const token = `${JWS}~${Array.from({ length: 10_000 }, () => D1).join('~')}~`;
		const { parts, sdJwt } = splitToken(token);
		expect(sdJwt?.disclosureCount).toBe(10_000);
		expect(parts.at(-1)).toMatchObject({ name: 'disclosure', index: 9999, text: D1 });
	});
});

describe('decodeToken decodes the issuer-signed JWT of an SD-JWT with the JWS decoding', () => {
	test.each([
		['the RFC 9901 §5.1 issued SD-JWT', ISSUED],
		['the RFC 9901 §5.2 presentation with KB-JWT', PRESENTED],
	])('%s', (_name, token) => {
		const decoded = decodeToken(token);
		expect(decoded.kind).toBe('jws');
		expect(decoded.errors).toEqual([]);
		expect(JSON.parse(decoded.header!.text)).toEqual(vector.issuer_jwt_header);
		expect(decoded.payload.mode).toBe('json');
		expect(decoded.bytes.signature?.length).toBe(64);
		expect(decoded.sdJwt).toBeDefined();
	});

	test('the KB-JWT is a part of its own, not read as JWE parts', () => {
		const decoded = decodeToken(PRESENTED);
		expect(decoded.parts.at(-1)).toMatchObject({ name: 'key-binding', text: KB });
		expect(decoded.parts.filter((p) => p.name === 'disclosure')).toHaveLength(4);
	});

	test('an SD-JWT whose issuer JWT has 5 parts names the issuer part in its error', () => {
		const decoded = decodeToken(`a.b.c.d.e~${D1}~`);
		expect(decoded.errors.map((e) => e.code)).toEqual(['bad-segments']);
		expect(decoded.errors[0]!.message).toMatch(/issuer-signed JWT/);
	});
});

describe('findTokens finds SD-JWTs where tokens are pasted', () => {
	test.each([
		['bare, issued', ISSUED, ISSUED, 'token'],
		['bare, with KB-JWT', PRESENTED, PRESENTED, 'token'],
		['after Bearer', `Bearer ${PRESENTED}`, PRESENTED, 'bearer'],
		['an Authorization header', `Authorization: Bearer ${ISSUED}`, ISSUED, 'authorization-header'],
		['a URL query', `https://rp.example/cb?vp_token=${PRESENTED}&state=1`, PRESENTED, 'url-query'],
		['a URL fragment', `https://rp.example/cb#state=1&vp_token=${ISSUED}`, ISSUED, 'url-fragment'],
		['a JSON field', JSON.stringify({ vp_token: PRESENTED, state: 'x' }), PRESENTED, 'json-field'],
		['a JSON credential field', JSON.stringify({ credential: ISSUED }), ISSUED, 'json-field'],
		['a log line', `2025-05-29 verify presentation ${PRESENTED} ok`, PRESENTED, 'text'],
		['a sentence ending with a full stop', `The presentation is ${PRESENTED}.`, PRESENTED, 'text'],
		['an issued SD-JWT ending a sentence', `It was issued as ${ISSUED}.`, ISSUED, 'text'],
		['wrapped over lines', ISSUED.replace(/(.{76})/g, '$1\n'), ISSUED, 'token'],
	])('%s', (_name, text, token, source) => {
		const found = findTokens(text);
		expect(found.map((c) => c.token)).toEqual([token]);
		expect(found[0]!.source).toBe(source);
	});

	test('percent-escaped ~ in a URL (%7E) is decoded', () => {
		const escaped = PRESENTED.replaceAll('~', '%7E');
		const [found] = findTokens(`https://rp.example/cb?vp_token=${escaped}`);
		expect(found?.token).toBe(PRESENTED);
		expect(found?.percentDecoded).toBe(true);
	});

	test('text after the last ~ that is not a KB-JWT ends the SD-JWT at that ~', () => {
		expect(findTokens(`log: ${ISSUED}a.b more`).map((c) => c.token)).toEqual([ISSUED]);
	});

	test('a ~ after a JWE or inside ordinary text is not an SD-JWT', () => {
		expect(findTokens(`see ~/notes.txt and ~user`)).toEqual([]);
		const jwe = `${b64('{"alg":"dir","enc":"A128GCM"}')}..AAAA.BBBB.CCCC`;
		expect(findTokens(`token ${jwe}~x~ here`).map((c) => c.token)).toEqual([jwe]);
	});
});

describe('inspectText colours each disclosure, the KB-JWT and every ~', () => {
	test('ranges in order, separators named', () => {
		const token = `${JWS}~${D1}~~${D2}~${KB_SMALL}`;
		const text = `Bearer ${token}`;
		const inspection = inspectText(text);
		const covered = inspection.ranges.map((r) => [r.name, text.slice(r.from, r.to), r.index]);
		const [h, p, s] = JWS.split('.');
		expect(covered).toEqual([
			['header', h, undefined],
			['dot', '.', undefined],
			['payload', p, undefined],
			['dot', '.', undefined],
			['signature', s, undefined],
			['tilde', '~', undefined],
			['disclosure', D1, 0],
			['tilde', '~', undefined],
			['tilde', '~', undefined],
			['disclosure', D2, 2],
			['tilde', '~', undefined],
			['key-binding', KB_SMALL, undefined],
		]);
	});

	test('past MAX_COLOURED_DISCLOSURES the rest is one range: a megabyte of ~ stays a few thousand marks', () => {
		const token = `${JWS}${'~'.repeat(1_000_000)}`;
		const ranges = inspectText(token).ranges;
		expect(ranges.length).toBeLessThan(2 * MAX_COLOURED_DISCLOSURES + 10);
		expect(ranges.at(-1)).toMatchObject({ name: 'disclosure', to: token.length });
	});

	test('the trailing ~ of an issued SD-JWT is coloured too', () => {
		const inspection = inspectText(`${JWS}~${D1}~`);
		expect(inspection.ranges.at(-1)).toMatchObject({ name: 'tilde' });
		expect(inspection.ranges.at(-1)!.to).toBe(JWS.length + D1.length + 2);
	});

	test('with line breaks inside, each range still holds exactly its part', () => {
		const text = ISSUED.replace(/(.{50})/g, '$1\n');
		const inspection = inspectText(text);
		const decoded = inspection.decoded!;
		expect(decoded.token).toBe(ISSUED);
		const disclosures = decoded.parts.filter((p) => p.name === 'disclosure');
		for (const range of inspection.ranges) {
			const shown = text.slice(range.from, range.to).replace(/\s+/g, '');
			if (range.name === 'tilde') expect(shown).toBe('~');
			else if (range.name === 'disclosure') expect(shown).toBe(disclosures[range.index!]!.text);
		}
		expect(inspection.ranges.filter((r) => r.name === 'disclosure')).toHaveLength(10);
	});
});

describe('editing the issuer JWT keeps the disclosures and KB-JWT', () => {
	test('replacePart of the payload keeps everything after the first ~', () => {
		const edited = replacePart(PRESENTED, 'payload', '{"sub":"x"}');
		expect(edited.ok).toBe(true);
		if (!edited.ok) return;
		const tilde = PRESENTED.indexOf('~');
		expect(edited.token.slice(edited.token.indexOf('~'))).toBe(PRESENTED.slice(tilde));
		expect(edited.token.split('~')[0]!.split('.')[1]).toBe(b64('{"sub":"x"}'));
	});
});
