import { beforeAll, describe, expect, test } from 'vitest';
import { encodeBase64urlText as b64 } from '../../../../src/lib/encoding/base64url';
import type { ParsedKey } from '../../../../src/lib/crypto/keys';
import { MAX_DISCLOSURE_NESTING, MAX_DISCLOSURES, sdFindingInfo } from '../../../../src/lib/jwt/sd-jwt';
import { codesOf, disclose, holderKey, NOW, sdHashOf, sdJwt, signKb } from './fixtures';

const ES256 = { alg: 'ES256' };
const VC = { alg: 'ES256', typ: 'dc+sd-jwt' };

/** `depth` disclosures, each the only claim of the one above it; the top one's digest in the payload. */
async function nested(depth: number): Promise<{ digest: string; disclosures: string[] }> {
	let inner: { digest: string; disclosure: string } = await disclose('leaf', 'value');
	const disclosures = [inner.disclosure];
	for (let level = 1; level < depth; level++) {
		inner = await disclose(`level${level}`, { _sd: [inner.digest] });
		disclosures.push(inner.disclosure);
	}
	return { digest: inner.digest, disclosures };
}

/** Codes some case below expects to raise. */
const covered = new Set<string>(['sd-too-many-disclosures']);

describe('each SD-JWT finding raises, and its near miss does not', () => {
	type Case = [string, () => Promise<string>, string[]];
	const cases: Case[] = [
		[
			'sd-unmatched-disclosure: a disclosure whose digest is nowhere',
			async () => sdJwt(ES256, { _sd: [] }, [(await disclose('a', 1)).disclosure]),
			['sd-unmatched-disclosure'],
		],
		[
			'near miss: its digest in _sd',
			async () => {
				const a = await disclose('a', 1);
				return sdJwt(ES256, { _sd: [a.digest] }, [a.disclosure]);
			},
			[],
		],
		[
			'sd-duplicate-digest: one digest twice in the payload',
			async () => {
				const a = await disclose('a', 1);
				return sdJwt(ES256, { _sd: [a.digest], list: [{ '...': a.digest }] }, [a.disclosure]);
			},
			['sd-duplicate-digest'],
		],
		[
			'sd-duplicate-digest: one disclosure presented twice',
			async () => {
				const a = await disclose('a', 1);
				return sdJwt(ES256, { _sd: [a.digest] }, [a.disclosure, a.disclosure]);
			},
			['sd-duplicate-digest'],
		],
		[
			'near miss: two disclosures with the same claim and value but different salts',
			async () => {
				const a = await disclose('a', 1, 's1');
				const b = await disclose('b', 1, 's2');
				return sdJwt(ES256, { _sd: [a.digest, b.digest] }, [a.disclosure, b.disclosure]);
			},
			[],
		],
		[
			'sd-malformed-disclosure: not JSON',
			async () => sdJwt(ES256, { _sd: [] }, [b64('["salt", "a", ')]),
			['sd-malformed-disclosure'],
		],
		[
			'sd-malformed-disclosure: four elements',
			async () => sdJwt(ES256, { _sd: [] }, [b64('["salt", "a", 1, 2]')]),
			['sd-malformed-disclosure'],
		],
		[
			'sd-malformed-disclosure: a number as salt',
			async () => sdJwt(ES256, { _sd: [] }, [b64('[1, "a", 1]')]),
			['sd-malformed-disclosure'],
		],
		[
			'sd-malformed-disclosure: truncated base64url',
			async () => sdJwt(ES256, { _sd: [] }, [(await disclose('a', 1)).disclosure.slice(0, -3) + 'x']),
			['sd-malformed-disclosure'],
		],
		[
			'sd-malformed-disclosure: an array element disclosure referenced from _sd',
			async () => {
				const a = await disclose(undefined, 'FR');
				return sdJwt(ES256, { _sd: [a.digest] }, [a.disclosure]);
			},
			['sd-malformed-disclosure'],
		],
		[
			'near miss: the array element disclosure in an array',
			async () => {
				const a = await disclose(undefined, 'FR');
				return sdJwt(ES256, { list: [{ '...': a.digest }] }, [a.disclosure]);
			},
			[],
		],
		[
			'sd-forbidden-claim: a disclosure named _sd',
			async () => {
				const a = await disclose('_sd', ['x']);
				return sdJwt(ES256, { _sd: [a.digest] }, [a.disclosure]);
			},
			['sd-forbidden-claim'],
		],
		[
			'sd-forbidden-claim: an SD-JWT VC disclosing "exp"',
			async () => {
				const a = await disclose('exp', NOW + 60);
				return sdJwt(VC, { vct: 'urn:x', _sd: [a.digest] }, [a.disclosure]);
			},
			['sd-forbidden-claim'],
		],
		[
			'near miss: a plain SD-JWT disclosing "exp"',
			async () => {
				const a = await disclose('exp', NOW + 60);
				return sdJwt(ES256, { _sd: [a.digest] }, [a.disclosure]);
			},
			[],
		],
		[
			'sd-claim-exists: a disclosed claim already in the clear at that level',
			async () => {
				const a = await disclose('given_name', 'Eve');
				return sdJwt(ES256, { given_name: 'Ada', _sd: [a.digest] }, [a.disclosure]);
			},
			['sd-claim-exists'],
		],
		[
			'near miss: the same name one level down',
			async () => {
				const a = await disclose('given_name', 'Eve');
				return sdJwt(ES256, { given_name: 'Ada', child: { _sd: [a.digest] } }, [a.disclosure]);
			},
			[],
		],
		[
			'sd-alg-unknown: "SHA-256" (names are lower case)',
			async () => sdJwt(ES256, { _sd_alg: 'SHA-256' }, []),
			['sd-alg-unknown'],
		],
		[
			'sd-alg-unknown: a registered hash WebCrypto lacks',
			async () => sdJwt(ES256, { _sd_alg: 'sha3-256' }, []),
			['sd-alg-unknown'],
		],
		[
			'sd-alg-weak: truncated SHA-256',
			async () => sdJwt(ES256, { _sd_alg: 'sha-256-64' }, []),
			['sd-alg-weak'],
		],
		['near miss: sha-384', async () => sdJwt(ES256, { _sd_alg: 'sha-384' }, []), []],
		[
			'sd-invalid-digests: _sd is not an array',
			async () => sdJwt(ES256, { _sd: 'abc' }, []),
			['sd-invalid-digests'],
		],
		[
			'sd-invalid-digests: a "..." entry with other members',
			async () => sdJwt(ES256, { list: [{ '...': 'abc', more: 1 }] }, []),
			['sd-invalid-digests'],
		],
		['near miss: an empty _sd', async () => sdJwt(ES256, { _sd: [] }, []), []],
		[
			`sd-nesting-too-deep: disclosures nested ${MAX_DISCLOSURE_NESTING + 1} deep`,
			async () => {
				const chain = await nested(MAX_DISCLOSURE_NESTING + 1);
				return sdJwt(ES256, { _sd: [chain.digest] }, chain.disclosures);
			},
			['sd-nesting-too-deep'],
		],
		[
			`near miss: ${MAX_DISCLOSURE_NESTING} deep`,
			async () => {
				const chain = await nested(MAX_DISCLOSURE_NESTING);
				return sdJwt(ES256, { _sd: [chain.digest] }, chain.disclosures);
			},
			[],
		],
		[
			'sd-vc-missing-vct: typ dc+sd-jwt without vct',
			async () => sdJwt(VC, { iss: 'https://issuer' }, []),
			['sd-vc-missing-vct'],
		],
		['near miss: with vct', async () => sdJwt(VC, { vct: 'urn:x' }, []), []],
		[
			'sd-vc-typ: vct with typ JWT',
			async () => sdJwt({ alg: 'ES256', typ: 'JWT' }, { vct: 'urn:x' }, []),
			['sd-vc-typ'],
		],
		[
			'near miss: vct with the earlier typ vc+sd-jwt',
			async () => sdJwt({ alg: 'ES256', typ: 'vc+sd-jwt' }, { vct: 'urn:x' }, []),
			[],
		],
		[
			'sd-kb-missing: a credential with cnf presented without KB-JWT',
			async () => sdJwt(ES256, { cnf: { jkt: 'abc' } }, []),
			['sd-kb-missing'],
		],
		['near miss: no cnf, no KB-JWT', async () => sdJwt(ES256, {}, []), []],
	];
	for (const [, , codes] of cases) for (const code of codes) covered.add(code);
	test.each(cases)('%s', async (_name, build, codes) => {
		expect(await codesOf(await build())).toEqual(codes);
	});
});

describe('key binding findings raise, and their near misses do not', () => {
	let key: { publicJwk: JsonWebKey; privateKey: ParsedKey };
	beforeAll(async () => {
		key = await holderKey();
	});
	const KB_HEADER = { alg: 'ES256', typ: 'kb+jwt' };
	async function presentation(
		kbHeader: unknown,
		kbPayload: (sdHash: string) => Record<string, unknown>,
		cnf = true,
	): Promise<string> {
		const presented = sdJwt(ES256, cnf ? { cnf: { jwk: key.publicJwk } } : {}, []);
		return presented + (await signKb(kbHeader, kbPayload(await sdHashOf(presented)), key.privateKey));
	}
	const good = (sdHash: string) => ({ iat: NOW, aud: 'https://verifier', nonce: 'n-1', sd_hash: sdHash });
	type Case = [string, () => Promise<string>, string[], Record<string, string>?];
	const cases: Case[] = [
		['near miss: a correct KB-JWT', () => presentation(KB_HEADER, good), []],
		[
			'sd-hash-mismatch',
			() => presentation(KB_HEADER, (h) => ({ ...good(h), sd_hash: h.slice(1) + 'A' })),
			['sd-hash-mismatch'],
		],
		['sd-kb-typ: typ JWT', () => presentation({ ...KB_HEADER, typ: 'JWT' }, good), ['sd-kb-typ']],
		[
			'sd-kb-claims: no nonce',
			() => presentation(KB_HEADER, (h) => ({ ...good(h), nonce: undefined })),
			['sd-kb-claims'],
		],
		[
			'sd-kb-iat: 301 s old',
			() => presentation(KB_HEADER, (h) => ({ ...good(h), iat: NOW - 301 })),
			['sd-kb-iat'],
		],
		['near miss: 300 s old', () => presentation(KB_HEADER, (h) => ({ ...good(h), iat: NOW - 300 })), []],
		[
			'sd-kb-iat: in the future',
			() => presentation(KB_HEADER, (h) => ({ ...good(h), iat: NOW + 5 })),
			['sd-kb-iat'],
		],
		['sd-kb-no-cnf: KB-JWT but no cnf', () => presentation(KB_HEADER, good, false), ['sd-kb-no-cnf']],
		[
			'sd-kb-malformed: two parts after the last ~',
			async () => `${sdJwt(ES256, { cnf: { jwk: key.publicJwk } }, [])}abc.def`,
			['sd-kb-malformed'],
		],
		[
			'sd-kb-audience',
			() => presentation(KB_HEADER, good),
			['sd-kb-audience'],
			{ expectedAudience: 'https://other' },
		],
		[
			'near miss: the expected audience',
			() => presentation(KB_HEADER, good),
			[],
			{ expectedAudience: 'https://verifier' },
		],
		['sd-kb-nonce', () => presentation(KB_HEADER, good), ['sd-kb-nonce'], { expectedNonce: 'n-2' }],
		['near miss: the expected nonce', () => presentation(KB_HEADER, good), [], { expectedNonce: 'n-1' }],
	];
	for (const [, , codes] of cases) for (const code of codes) covered.add(code);
	test.each(cases)('%s', async (_name, build, codes, options = {}) => {
		expect(await codesOf(await build(), options)).toEqual(codes);
	});
});

test(`sd-too-many-disclosures past ${MAX_DISCLOSURES}, and not at exactly that many`, async () => {
	const a = await disclose('a', 1);
	const at = (n: number) =>
		sdJwt(ES256, { _sd: [a.digest] }, [
			a.disclosure,
			...Array.from({ length: n - 1 }, (_v, i) => b64(`["s${i}", "x${i}", 1]`)),
		]);
	expect(await codesOf(at(MAX_DISCLOSURES + 1))).toContain('sd-too-many-disclosures');
	expect(await codesOf(at(MAX_DISCLOSURES))).not.toContain('sd-too-many-disclosures');
}, 30_000);

test('the cases raise every SD-JWT finding code', () => {
	const all = Object.keys(sdFindingInfo);
	expect([...covered].sort()).toEqual(all.sort());
});
