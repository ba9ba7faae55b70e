// @sd-jwt/core (OpenWallet Foundation) as an independent implementation: what it issues and presents, we process to
// the claims it computes; what we present, it accepts.

import { SDJwtInstance } from '@sd-jwt/core';
import { digest as oracleDigest, ES256, generateSalt } from '@sd-jwt/crypto-nodejs';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseKeyInput } from '../../../../src/lib/crypto/keys';
import { signKeyBinding, verifyKeyBinding } from '../../../../src/lib/crypto/sd-jwt';
import { decodeToken } from '../../../../src/lib/jwt/decode';
import { analyzeSdJwt, buildPresentation, findSdHashAlgorithm } from '../../../../src/lib/jwt/sd-jwt';
import { digest } from './fixtures';

const NOW = Math.floor(Date.now() / 1000);
const AUD = 'https://verifier.example.org';
const NONCE = 'n-0S6_WzA2Mj';

let oracle: SDJwtInstance<Record<string, unknown>>;
let holder: { publicKey: JsonWebKey; privateKey: JsonWebKey };

beforeAll(async () => {
	const issuer = await ES256.generateKeyPair();
	holder = await ES256.generateKeyPair();
	oracle = new SDJwtInstance({
		signer: await ES256.getSigner(issuer.privateKey),
		verifier: await ES256.getVerifier(issuer.publicKey),
		signAlg: ES256.alg,
		hasher: oracleDigest,
		hashAlg: 'sha-256',
		saltGenerator: generateSalt,
		kbSigner: await ES256.getSigner(holder.privateKey),
		kbSignAlg: ES256.alg,
		kbVerifier: await ES256.getVerifier(holder.publicKey),
	});
});

const claims = () => ({
	iss: 'https://issuer.example.com',
	iat: NOW,
	vct: 'https://credentials.example.com/identity_credential',
	cnf: { jwk: holder.publicKey },
	given_name: 'Erika',
	family_name: 'Mustermann',
	birthdate: '1963-08-12',
	nationalities: ['DE', 'FR', 'US'],
	address: { street_address: 'Heidestraße 17', locality: 'Köln', postal_code: '51147', country: 'DE' },
	age_equal_or_over: { '12': true, '18': true, '65': false },
});
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const frame: any = {
	_sd: ['given_name', 'family_name', 'birthdate', 'nationalities', 'address', 'age_equal_or_over'],
	_sd_decoy: 3,
	nationalities: { _sd: [0, 1, 2], _sd_decoy: 1 },
	address: { _sd: ['street_address', 'locality', 'postal_code'] },
	age_equal_or_over: { _sd: ['12', '18', '65'] },
};

async function ours(token: string) {
	const analysis = (await analyzeSdJwt(decodeToken(token), digest, {
		now: NOW,
		expectedNonce: NONCE,
		expectedAudience: AUD,
	}))!;
	return { analysis, claims: JSON.parse(analysis.processing.claimsText) as unknown };
}

describe('SD-JWTs @sd-jwt/core issues and presents are processed to the claims it computes', () => {
	test('the issued SD-JWT, every disclosure: the input claims, all matched, decoys counted', async () => {
		const credential = await oracle.issue(claims(), frame, { header: { typ: 'dc+sd-jwt' } });
		const { analysis, claims: processed } = await ours(credential);
		expect(processed).toEqual(await oracle.getClaims(credential));
		expect(processed).toEqual(claims());
		expect(analysis.processing.disclosures.every((d) => d.status === 'matched')).toBe(true);
		expect(analysis.processing.undisclosedDigests).toBe(4);
		// Issued to a holder (cnf) and not yet presented: no key binding yet.
		expect(analysis.findings.map((f) => f.code)).toEqual(['sd-kb-missing']);
	});

	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	test.each<[string, any]>([
		['names only', { given_name: true, family_name: true }],
		['one array element and one nested claim', { nationalities: { 1: true }, address: { locality: true } }],
		['a nested object whole', { address: { street_address: true, locality: true, postal_code: true } }],
		['nothing', {}],
	])('presented with KB-JWT, disclosing %s', async (_name, presentation) => {
		const credential = await oracle.issue(claims(), frame, { header: { typ: 'dc+sd-jwt' } });
		const presented = await oracle.present(credential, presentation, {
			kb: { payload: { iat: NOW, aud: AUD, nonce: NONCE } },
		});
		const expected = (await oracle.verify(presented, { keyBindingNonce: NONCE })).payload;
		const { analysis, claims: processed } = await ours(presented);
		expect(processed).toEqual(expected);
		expect(analysis.findings.map((f) => f.code)).toEqual([]);
		const verdict = await verifyKeyBinding(analysis.keyBinding);
		expect(verdict.status).toBe('verified');
	});
});

describe('presentations this page builds are accepted by @sd-jwt/core', () => {
	test.each([
		['every disclosure', () => true],
		['none', () => false],
		['every other one', (i: number) => i % 2 === 0],
	])('%s, with a KB-JWT signed by the holder key', async (_name, keep) => {
		const credential = await oracle.issue(claims(), frame, { header: { typ: 'dc+sd-jwt' } });
		// Nested disclosures need their parent: keep a child only with its parent kept too.
		const { analysis } = await ours(credential);
		const parents = analysis.processing.disclosures.map((d) => d.parent);
		const kept = (i: number): boolean => keep(i) && (parents[i] === undefined || kept(parents[i]!));
		const presentation = buildPresentation(credential, kept);
		const signed = await signKeyBinding(
			presentation,
			parseKeyInput(JSON.stringify(holder.privateKey)),
			{ now: NOW, aud: AUD, nonce: NONCE },
			findSdHashAlgorithm('sha-256')!,
			digest,
		);
		expect(signed.ok).toBe(true);
		if (!signed.ok) return;
		const accepted = await oracle.verify(signed.token, { keyBindingNonce: NONCE });
		expect(accepted.kb?.payload).toMatchObject({ aud: AUD, nonce: NONCE, iat: NOW });
		const { claims: processed, analysis: again } = await ours(signed.token);
		expect(processed).toEqual(accepted.payload);
		expect((await verifyKeyBinding(again.keyBinding)).status).toBe('verified');
	});
});
