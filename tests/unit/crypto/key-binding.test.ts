import { beforeAll, describe, expect, test } from 'vitest';
import type { ParsedKey } from '../../../src/lib/crypto/keys';
import {
	describeKeyBinding,
	describeKeyBindingSigning,
	KEY_BINDING_HEADLINES,
	verifyKeyBinding,
	type KeyBindingFailure,
	type KeyBindingVerdict,
} from '../../../src/lib/crypto/sd-jwt';
import { decodeToken } from '../../../src/lib/jwt/decode';
import { checkKeyBinding, type KeyBindingOptions } from '../../../src/lib/jwt/sd-jwt';
import { digest, holderKey, NOW, SHA256, sdHashOf, sdJwt, signKb } from '../jwt/sd-jwt/fixtures';

let holder: Awaited<ReturnType<typeof holderKey>>;
let other: Awaited<ReturnType<typeof holderKey>>;
beforeAll(async () => {
	holder = await holderKey();
	other = await holderKey();
});

const KB_HEADER = { alg: 'ES256', typ: 'kb+jwt' };
const good = (sdHash: string) => ({ iat: NOW, aud: 'https://verifier', nonce: 'n-1', sd_hash: sdHash });

interface Build {
	cnf?: () => unknown;
	header?: unknown;
	payload?: (sdHash: string) => unknown;
	signer?: () => ParsedKey;
	kb?: boolean;
}

async function verdictOf(build: Build, options: Partial<KeyBindingOptions> = {}): Promise<KeyBindingVerdict> {
	const cnf = build.cnf ? build.cnf() : { jwk: holder.publicJwk };
	const presented = sdJwt({ alg: 'ES256' }, cnf === undefined ? {} : { cnf }, []);
	const kb =
		build.kb === false
			? ''
			: await signKb(
					build.header ?? KB_HEADER,
					(build.payload ?? good)(await sdHashOf(presented)),
					(build.signer ?? (() => holder.privateKey))(),
				);
	const report = (await checkKeyBinding(decodeToken(presented + kb), SHA256, digest, {
		now: NOW,
		...options,
	}))!;
	return verifyKeyBinding(report);
}

const checks = (verdict: KeyBindingVerdict): string[] =>
	verdict.status === 'invalid' ? verdict.failures.map((f: KeyBindingFailure) => f.check) : [];

describe('the key binding verdict is a code with the data of each failed check (RFC 9901 §7.3 step 5)', () => {
	test.each<[string, Build, Partial<KeyBindingOptions>, KeyBindingVerdict['code'], string[]]>([
		['a KB-JWT signed by the cnf key, typed kb+jwt, sd_hash right: verified', {}, {}, 'verified', []],
		[
			'signed by another key: the signature check fails',
			{ signer: () => other.privateKey },
			{},
			'invalid',
			['signature'],
		],
		['typ JWT: the typ check fails', { header: { alg: 'ES256', typ: 'JWT' } }, {}, 'invalid', ['typ']],
		[
			'sd_hash of another presentation: the sd-hash check fails',
			{ payload: (h) => ({ ...good(h), sd_hash: `${h.slice(1)}A` }) },
			{},
			'invalid',
			['sd-hash'],
		],
		[
			'no nonce: the claims check fails',
			{ payload: (h) => ({ ...good(h), nonce: undefined }) },
			{},
			'invalid',
			['claims'],
		],
		['aud not the expected one', {}, { expectedAudience: 'https://other' }, 'invalid', ['audience']],
		['nonce not the expected one', {}, { expectedNonce: 'n-2' }, 'invalid', ['nonce']],
		[
			'cnf by kid: the holder key cannot be resolved',
			{ cnf: () => ({ kid: 'k-1' }) },
			{},
			'invalid',
			['holder-key'],
		],
		[
			'cnf by jkt: the holder key cannot be resolved',
			{ cnf: () => ({ jkt: 'abc' }) },
			{},
			'invalid',
			['holder-key'],
		],
		['no cnf at all: no holder key', { cnf: () => undefined }, {}, 'invalid', ['holder-key']],
		[
			'a stale iat: still verified, the iat data beside it',
			{ payload: (h) => ({ ...good(h), iat: NOW - 301 }) },
			{},
			'verified',
			[],
		],
		['no KB-JWT and no cnf: absent', { cnf: () => undefined, kb: false }, {}, 'absent', []],
		['no KB-JWT though cnf: absent-bound', { kb: false }, {}, 'absent-bound', []],
	])('%s', async (_name, build, options, code, failed) => {
		const verdict = await verdictOf(build, options);
		expect(verdict.code).toBe(code);
		expect(checks(verdict)).toEqual(failed);
	});

	test('the failures carry their data: the sd_hash expected and found, the kid named, the failed signature verdict', async () => {
		const tampered = await verdictOf({ payload: (h) => ({ ...good(h), sd_hash: 'AAAA' }) });
		const sdHash = tampered.status === 'invalid' ? tampered.failures[0] : undefined;
		expect(sdHash).toMatchObject({
			check: 'sd-hash',
			alg: 'sha-256',
			actual: { kind: 'string', value: 'AAAA' },
		});
		expect(sdHash && 'expected' in sdHash && sdHash.expected).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(await verdictOf({ cnf: () => ({ kid: 'k-1' }) })).toMatchObject({
			failures: [{ check: 'holder-key', holderKey: { kind: 'kid', kid: 'k-1' } }],
		});
		expect(await verdictOf({ signer: () => other.privateKey })).toMatchObject({
			failures: [{ check: 'signature', signature: { status: 'invalid' } }],
		});
		expect(await verdictOf({ payload: (h) => ({ ...good(h), iat: NOW + 60 }) })).toMatchObject({
			status: 'verified',
			iat: { issue: 'future', iat: NOW + 60, age: -60 },
		});
	});
});

describe('describeKeyBinding words every verdict, beginning with the contract phrase', () => {
	test.each<[string, Build, Partial<KeyBindingOptions>]>([
		['verified', {}, {}],
		['verified with a stale iat', { payload: (h) => ({ ...good(h), iat: NOW - 4000 }) }, {}],
		['invalid signature', { signer: () => other.privateKey }, {}],
		[
			'invalid: typ, nonce and audience at once',
			{ header: { alg: 'ES256', typ: 'JWT' } },
			{ expectedAudience: 'a', expectedNonce: 'b' },
		],
		['invalid: cnf by jkt', { cnf: () => ({ jkt: 'abc' }) }, {}],
		['none', { kb: false }, {}],
	])('%s', async (_name, build, options) => {
		const verdict = await verdictOf(build, options);
		const { headline, explanation } = describeKeyBinding(verdict);
		expect(headline).toBe(KEY_BINDING_HEADLINES[verdict.status]);
		expect(explanation).not.toMatch(/undefined|NaN|\[object Object\]|Error\b/);
		expect(explanation.length).toBeGreaterThan(20);
	});

	test('the page-built states and the signing outcomes have words too', () => {
		expect(describeKeyBinding({ status: 'none', code: 'awaiting-holder-key' }).headline).toBe(
			'No key binding',
		);
		for (const result of [
			{ ok: false, code: 'no-key' },
			{ ok: false, code: 'not-sd-jwt' },
			{ ok: false, code: 'digest-unavailable', alg: 'sha3-256' },
		] as const)
			expect(describeKeyBindingSigning(result)).not.toMatch(/undefined|\[object Object\]/);
	});

	test('the headlines are exactly the ui-contract phrases', () => {
		expect(KEY_BINDING_HEADLINES).toEqual({
			verified: 'Key binding verified',
			invalid: 'Invalid key binding',
			none: 'No key binding',
		});
	});
});
