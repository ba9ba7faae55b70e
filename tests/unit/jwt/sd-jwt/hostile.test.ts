import { describe, expect, test } from 'vitest';
import { encodeBase64url, encodeBase64urlText as b64 } from '../../../../src/lib/encoding/base64url';
import { decodeToken } from '../../../../src/lib/jwt/decode';
import { inspectText } from '../../../../src/lib/jwt/inspect';
import { analyzeSdJwt, MAX_DISCLOSURES, type Digest } from '../../../../src/lib/jwt/sd-jwt';
import { digest, disclose, NOW, sdJwt } from './fixtures';

const ES256 = { alg: 'ES256' };

async function analyse(token: string, hash: Digest = digest) {
	const analysis = (await analyzeSdJwt(decodeToken(token), hash, { now: NOW }))!;
	return { analysis, codes: analysis.findings.map((f) => f.code) };
}

describe('hostile SD-JWTs are named precisely, bounded, and what decodes is still shown', () => {
	test('a truncated disclosure: named by position and characters, the others still processed', async () => {
		const a = await disclose('a', 1);
		const b = await disclose('b', 2);
		const truncated = b.disclosure.slice(0, b.disclosure.length - 5);
		const token = sdJwt(ES256, { _sd: [a.digest, b.digest] }, [a.disclosure, truncated]);
		const { analysis, codes } = await analyse(token);
		expect(codes).toContain('sd-malformed-disclosure');
		const finding = analysis.findings.find((f) => f.code === 'sd-malformed-disclosure')!;
		expect(finding.disclosure).toBe(1);
		expect(finding.detail).toMatch(/^Disclosure 2 \(characters \d+–\d+ of the token\)/);
		expect(JSON.parse(analysis.processing.claimsText)).toEqual({ a: 1 });
	});

	test('a stray ~ is an empty disclosure at its position', async () => {
		const a = await disclose('a', 1);
		const token = sdJwt(ES256, { _sd: [a.digest] }, [a.disclosure, '']);
		const { analysis } = await analyse(token);
		const finding = analysis.findings.find((f) => f.code === 'sd-malformed-disclosure')!;
		expect(finding.disclosure).toBe(1);
		expect(finding.detail).toMatch(/empty/);
		expect(analysis.processing.disclosures[1]).toMatchObject({
			status: 'unmatched',
			reading: { ok: false, problem: 'empty' },
		});
		expect(JSON.parse(analysis.processing.claimsText)).toEqual({ a: 1 });
	});

	test('a disclosure that is not JSON says where the JSON breaks', async () => {
		const token = sdJwt(ES256, {}, [b64('["salt", "a", tru]')]);
		const { analysis } = await analyse(token);
		expect(analysis.processing.disclosures[0]!.reading).toMatchObject({ ok: false, problem: 'bad-json' });
		expect(analysis.findings[0]!.detail).toMatch(/at character \d+/);
	});

	test('a disclosure nested 300 levels of JSON deep is refused by the bounded parser, not a stack overflow', async () => {
		const deep = `["salt", "a", ${'['.repeat(300)}${']'.repeat(300)}]`;
		const { analysis } = await analyse(sdJwt(ES256, {}, [b64(deep)]));
		expect(analysis.processing.disclosures[0]!.reading).toMatchObject({ ok: false, problem: 'bad-json' });
	});

	test(`10 000 disclosures: the first ${MAX_DISCLOSURES} read, the rest counted in one finding`, async () => {
		const a = await disclose('a', 1);
		const filler = Array.from({ length: 9_999 }, (_v, i) => b64(`["s${i}", "x${i}", ${i}]`));
		const token = sdJwt(ES256, { _sd: [a.digest] }, [a.disclosure, ...filler]);
		const { analysis, codes } = await analyse(token);
		expect(analysis.processing.disclosures).toHaveLength(MAX_DISCLOSURES);
		expect(analysis.processing.disclosureCount).toBe(10_000);
		expect(codes.filter((c) => c === 'sd-too-many-disclosures')).toHaveLength(1);
		// Unmatched disclosures are reported one by one for the first ten, then counted in one finding.
		expect(codes.filter((c) => c === 'sd-unmatched-disclosure')).toHaveLength(11);
		expect(JSON.parse(analysis.processing.claimsText)).toEqual({ a: 1 });
	}, 30_000);

	test('disclosures nested 100 deep: expanded to the limit, the one past it named', async () => {
		let inner = await disclose('leaf', 'value');
		const disclosures = [inner.disclosure];
		for (let level = 1; level < 100; level++) {
			inner = await disclose(`l${level}`, { _sd: [inner.digest] });
			disclosures.push(inner.disclosure);
		}
		const { analysis, codes } = await analyse(sdJwt(ES256, { _sd: [inner.digest] }, disclosures));
		expect(codes).toEqual(['sd-nesting-too-deep', ...Array(11).fill('sd-unmatched-disclosure')]);
		const deep = analysis.findings[0]!;
		expect(deep.detail).toMatch(/sits 65 disclosures deep/);
		expect(analysis.processing.claimsText).toContain('"l99"');
	});

	test('a digest cycle (possible only with a broken hash) ends at the repeated digest', async () => {
		const digestA = encodeBase64url(new Uint8Array(32).fill(1));
		const digestB = encodeBase64url(new Uint8Array(32).fill(2));
		const a = b64(`["s", "a", {"_sd": ["${digestB}"]}]`);
		const b = b64(`["s", "b", {"_sd": ["${digestA}"]}]`);
		const table = new Map([
			[a, new Uint8Array(32).fill(1)],
			[b, new Uint8Array(32).fill(2)],
		]);
		const cyclic: Digest = async (_alg, bytes) =>
			table.get(new TextDecoder().decode(bytes)) ?? new Uint8Array(32);
		const { analysis, codes } = await analyse(sdJwt(ES256, { _sd: [digestA] }, [a, b]), cyclic);
		expect(codes).toEqual(['sd-duplicate-digest']);
		expect(analysis.findings[0]!.detail).toContain('$._sd[0]');
		expect(JSON.parse(analysis.processing.claimsText)).toEqual({ a: { b: {} } });
	});

	test('a payload that is not JSON still lists and hashes the disclosures', async () => {
		const a = await disclose('a', 1);
		const token = `${b64('{"alg":"ES256"}')}.${b64('not json')}.c2ln~${a.disclosure}~`;
		const { analysis } = await analyse(token);
		expect(analysis.processing.claimsText).toBe('');
		expect(analysis.processing.disclosures[0]).toMatchObject({ digest: a.digest, status: 'unmatched' });
	});

	test('a megabyte of ~ is split and inspected without error', () => {
		const token = `${b64('{"alg":"ES256"}')}.${b64('{}')}.c2ln${'~'.repeat(1_000_000)}`;
		const inspection = inspectText(token);
		expect(inspection.decoded?.sdJwt?.disclosureCount).toBe(999_999);
		expect(inspection.decoded?.errors).toEqual([]);
	});
});
