import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { encodeBase64urlText as b64 } from '../../../../src/lib/encoding/base64url';
import { decodeToken } from '../../../../src/lib/jwt/decode';
import { buildPresentation, concealClaim, processSdJwt, withParents } from '../../../../src/lib/jwt/sd-jwt';
import { digest, SHA256 } from './fixtures';

const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/).filter((n) => n !== '_sd');
const value = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null));
/** Claims whose members are scalars or arrays of scalars; `hide` says which to conceal (by member, and element). */
const credential = fc
	.dictionary(name, fc.oneof(value, fc.array(value, { maxLength: 4 })), { minKeys: 1, maxKeys: 8 })
	.chain((claims) =>
		fc.record({
			claims: fc.constant(claims),
			hide: fc.subarray(Object.keys(claims)),
			hideElements: fc.subarray(Object.keys(claims).filter((k) => Array.isArray(claims[k]))),
		}),
	);

/** Issues `claims` with our issuing code: each element of `hideElements` arrays, then each `hide` member. */
async function issue(claims: Record<string, unknown>, hide: string[], hideElements: string[]) {
	let payload = JSON.stringify(claims);
	const disclosures: string[] = [];
	let salt = 0;
	const next = () => `salt-${salt++}`;
	for (const member of hideElements) {
		for (let i = 0; i < (claims[member] as unknown[]).length; i++) {
			const result = await concealClaim(payload, [member, i], next, SHA256, digest);
			if (!result.ok) throw new Error(result.reason);
			payload = result.payload;
			disclosures.push(result.disclosure);
		}
	}
	for (const member of hide) {
		const result = await concealClaim(payload, [member], next, SHA256, digest);
		if (!result.ok) throw new Error(result.reason);
		payload = result.payload;
		disclosures.push(result.disclosure);
	}
	return `${b64('{"alg":"ES256","typ":"example+sd-jwt"}')}.${b64(payload)}.c2ln~${disclosures.map((d) => `${d}~`).join('')}`;
}

/** The claims a verifier ends with for `token` (RFC 9901 §7.3). */
async function claimsOf(token: string): Promise<unknown> {
	const processing = (await processSdJwt(decodeToken(token), digest))!;
	return JSON.parse(processing.claimsText);
}

describe('SD-JWT properties', () => {
	test('any subset of disclosures presented gives the claims of exactly that subset', async () => {
		await fc.assert(
			fc.asyncProperty(
				credential,
				fc.infiniteStream(fc.boolean()),
				async ({ claims, hide, hideElements }, coins) => {
					const issued = await issue(claims, hide, hideElements);
					const processing = (await processSdJwt(decodeToken(issued), digest))!;
					expect(processing.findings).toEqual([]);
					expect(JSON.parse(processing.claimsText)).toEqual(claims);
					const picks = processing.disclosures.map(() => coins.next().value as boolean);
					const chosen = withParents(
						processing.disclosures.filter((d) => picks[d.index]).map((d) => d.index),
						(i) => processing.disclosures[i]!.parent,
					);
					// The expected claims: hidden members and elements appear only when their disclosure is kept.
					const expected: Record<string, unknown> = {};
					const byPath = new Map(processing.disclosures.map((d) => [d.path, d.index]));
					for (const [member, memberValue] of Object.entries(claims)) {
						const hiddenAt = hide.includes(member) ? byPath.get(`$._sd[${hide.indexOf(member)}]`) : undefined;
						if (hiddenAt !== undefined && !chosen.has(hiddenAt)) continue;
						if (!hideElements.includes(member)) {
							expected[member] = memberValue;
							continue;
						}
						expected[member] = (memberValue as unknown[]).filter((_v, i) => {
							// Paths are in the processed claims, so an element's is the same whether its array was hidden or not.
							const at = processing.disclosures.find(
								(d) => d.path === `$.${member}[${i}]` && d.parent === hiddenAt,
							)?.index;
							return at === undefined || chosen.has(at);
						});
					}
					const presented = buildPresentation(issued, (i) => chosen.has(i));
					expect(await claimsOf(presented)).toEqual(expected);
				},
			),
			{ numRuns: 60 },
		);
	});

	test('any changed character of a disclosure makes it unmatched', async () => {
		await fc.assert(
			fc.asyncProperty(
				credential.filter(({ hide }) => hide.length > 0),
				fc.nat(),
				fc.nat(),
				fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
				async ({ claims, hide }, which, at, replacement) => {
					const issued = await issue(claims, hide, []);
					const parts = issued.split('~');
					const index = 1 + (which % hide.length);
					const original = parts[index]!;
					const position = at % original.length;
					fc.pre(original[position] !== replacement);
					parts[index] = original.slice(0, position) + replacement + original.slice(position + 1);
					const processing = (await processSdJwt(decodeToken(parts.join('~')), digest))!;
					expect(processing.disclosures[index - 1]!.status).toBe('unmatched');
					expect(processing.disclosures.filter((d) => d.status === 'unmatched')).toHaveLength(1);
				},
			),
			{ numRuns: 100 },
		);
	});
});

describe('concealClaim makes a disclosure and puts its digest where RFC 9901 §4.2.4 says', () => {
	test.each([
		['an object member joins _sd', '{"a":1,"b":2}', ['a'], { b: 2 }, '_sd'],
		['an existing _sd gets one more digest', '{"_sd":["x"],"a":1}', ['a'], {}, '_sd'],
		['an array element becomes {"...": digest}', '{"list":[1,2]}', ['list', 1], { list: [1] }, '...'],
		['a nested member', '{"o":{"a":1,"b":2}}', ['o', 'a'], { o: { b: 2 } }, '_sd'],
	])('%s', async (_name, payload, path, visible, where) => {
		const result = await concealClaim(payload, path, () => 'salt', SHA256, digest);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.payload).toContain(result.digest);
		expect(result.payload).toContain(`"${where}"`);
		const token = `${b64('{"alg":"ES256"}')}.${b64(result.payload)}.c2ln~`;
		expect(await claimsOf(token)).toEqual(visible);
		expect(await claimsOf(`${token}${result.disclosure}~`)).toEqual(
			JSON.parse(payload.replace('"_sd":["x"],', '')),
		);
	});

	test('big numbers and escapes elsewhere in the payload stay as written', async () => {
		const result = await concealClaim(
			'{"n":12345678901234567890,"s":"\\u00e9","a":1}',
			['a'],
			() => 's',
			SHA256,
			digest,
		);
		expect(result.ok && result.payload.startsWith('{"n":12345678901234567890,"s":"\\u00e9",')).toBe(true);
	});

	test.each([
		['not JSON', '{', ['a'], 'not-json'],
		['a missing claim', '{"a":1}', ['b'], 'no-such-claim'],
		['the _sd member itself', '{"_sd":[]}', ['_sd'], 'reserved-name'],
	])('refuses %s', async (_name, payload, path, reason) => {
		expect(await concealClaim(payload, path, () => 's', SHA256, digest)).toMatchObject({ ok: false, reason });
	});
});
