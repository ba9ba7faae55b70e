// Profiles recognised from real-shaped tokens that jose signs (an independent producer), each judged by its own rules.
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, test } from 'vitest';
import { decodeToken } from '../../../src/lib/jwt/decode';
import { listFindings } from '../../../src/lib/jwt/findings';
import type { FindingCode } from '../../../src/lib/jwt/messages';
import { recognizeProfile, type ProfileId } from '../../../src/lib/jwt/profiles';

const NOW = 1_767_225_600;
const LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';
let key: CryptoKey;
let publicJwk: Record<string, unknown>;

beforeAll(async () => {
	const pair = await generateKeyPair('ES256', { extractable: true });
	key = pair.privateKey;
	publicJwk = (await exportJWK(pair.publicKey)) as Record<string, unknown>;
});

/** One profile as real producers make it: header extras, claims, the profile expected and one required claim. */
interface Shape {
	readonly id: ProfileId;
	readonly typ?: string;
	readonly claims: () => JWTPayload;
	readonly byTyp: boolean;
	/** A claim the profile requires, and the code its absence raises. */
	readonly required: readonly [string, FindingCode];
	readonly jwk?: boolean;
	/** What the token raises as issued, when its profile always says something (none otherwise). */
	readonly asIssued?: readonly FindingCode[];
}

const SHAPES: readonly Shape[] = [
	{
		id: 'dpop-proof',
		typ: 'dpop+jwt',
		jwk: true,
		claims: () => ({ jti: 'p-1', htm: 'POST', htu: 'https://as.example/token', iat: NOW }),
		byTyp: true,
		required: ['htu', 'dpop-claims'],
	},
	{
		id: 'access-token',
		typ: 'at+jwt',
		claims: () => ({
			iss: 'https://as.example',
			sub: 'u1',
			aud: 'https://api.example',
			client_id: 'c1',
			jti: 'a-1',
			iat: NOW,
			exp: NOW + 300,
			scope: 'read',
		}),
		byTyp: true,
		required: ['client_id', 'missing-claim'],
	},
	{
		// RFC 9449 Figure 8's shape: no typ, bound to the DPoP key by cnf.jkt.
		id: 'dpop-access-token',
		claims: () => ({
			sub: 'someone@example.com',
			iss: 'https://server.example.com',
			nbf: NOW - 5,
			exp: NOW + 3600,
			cnf: { jkt: '0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I' },
		}),
		byTyp: false,
		// The typ RFC 9068 asks for is missing: that is the one thing it says, as a note.
		asIssued: ['typ-generic'],
		required: ['exp', 'no-exp'],
	},
	{
		id: 'kb-jwt',
		typ: 'kb+jwt',
		claims: () => ({
			iat: NOW,
			aud: 'https://verifier.example',
			nonce: '1234567890',
			sd_hash: 'ee5yVWhO4-NXaLz1G0LBKZGJ4j2zhsmdqdl3rV1R5Bo',
		}),
		byTyp: true,
		required: ['sd_hash', 'missing-claim'],
	},
	{
		id: 'id-token',
		claims: () => ({
			iss: 'https://op.example',
			sub: 'u1',
			aud: 'c1',
			nonce: 'n-1',
			iat: NOW,
			exp: NOW + 300,
			auth_time: NOW - 10,
		}),
		byTyp: false,
		required: ['aud', 'missing-aud'],
	},
	{
		id: 'logout-token',
		typ: 'logout+jwt',
		claims: () => ({
			iss: 'https://op.example',
			aud: 'c1',
			sid: 's-1',
			iat: NOW,
			exp: NOW + 120,
			jti: 'l-1',
			events: { [LOGOUT_EVENT]: {} },
		}),
		byTyp: true,
		required: ['events', 'logout-token-rules'],
	},
	{
		id: 'logout-token',
		claims: () => ({
			iss: 'https://op.example',
			aud: 'c1',
			sub: 'u1',
			iat: NOW,
			exp: NOW + 120,
			jti: 'l-1',
			events: { [LOGOUT_EVENT]: {} },
		}),
		byTyp: false,
		required: ['jti', 'missing-claim'],
	},
	{
		id: 'request-object',
		typ: 'oauth-authz-req+jwt',
		claims: () => ({
			iss: 'c1',
			aud: 'https://as.example',
			client_id: 'c1',
			response_type: 'code',
			redirect_uri: 'https://client.example/cb',
			scope: 'openid',
			state: 'st',
			exp: NOW + 60,
			iat: NOW,
		}),
		byTyp: true,
		required: ['client_id', 'missing-claim'],
	},
	{
		id: 'client-assertion',
		claims: () => ({
			iss: 'c1',
			sub: 'c1',
			aud: 'https://as.example/token',
			jti: 'ca-1',
			exp: NOW + 60,
			iat: NOW,
		}),
		byTyp: false,
		required: ['exp', 'no-exp'],
	},
	{
		id: 'security-event',
		typ: 'secevent+jwt',
		claims: () => ({
			iss: 'https://idp.example',
			iat: NOW,
			jti: 'set-1',
			aud: 'https://rp.example',
			events: {
				'https://schemas.openid.net/secevent/risc/event-type/account-disabled': {
					subject: { subject_type: 'iss_sub', iss: 'https://idp.example', sub: 'u1' },
				},
			},
		}),
		byTyp: true,
		required: ['jti', 'missing-claim'],
	},
	{
		id: 'sd-jwt-vc',
		typ: 'dc+sd-jwt',
		claims: () => ({
			iss: 'https://issuer.example',
			vct: 'https://credentials.example/identity_credential',
			iat: NOW,
			exp: NOW + 86_400,
			_sd_alg: 'sha-256',
			_sd: ['09vKrJMOlyTWM0sjpu_pdOBVBQ2M1y3KhpH515nXkpY'],
		}),
		byTyp: true,
		required: ['vct', 'missing-claim'],
	},
	{
		id: 'jwt',
		typ: 'JWT',
		claims: () => ({ sub: 'u1', name: 'Jane', iat: NOW, exp: NOW + 300 }),
		byTyp: false,
		required: ['exp', 'no-exp'],
	},
];

async function sign(shape: Shape, claims: JWTPayload): Promise<string> {
	return new SignJWT(claims)
		.setProtectedHeader({
			alg: 'ES256',
			...(shape.typ ? { typ: shape.typ } : {}),
			...(shape.jwk ? { jwk: publicJwk } : {}),
		})
		.sign(key);
}

const profileOf = (token: string) => {
	const decoded = decodeToken(token);
	return recognizeProfile(
		decoded.header?.root,
		decoded.payload.mode === 'json' ? decoded.payload.root : undefined,
	);
};
const codesOf = (token: string) => listFindings(decodeToken(token), { now: NOW }).map((f) => f.code);

describe.each(SHAPES.map((s) => [`${s.id}${s.byTyp ? ` (typ ${s.typ})` : ' (by its claims)'}`, s] as const))(
	'%s',
	(_name, shape) => {
		test('is recognised', async () => {
			const recognition = profileOf(await sign(shape, shape.claims()));
			expect(recognition.profile.id).toBe(shape.id);
			expect(recognition.byTyp).toBe(shape.byTyp);
		});

		test(`as issued, raises ${shape.asIssued?.join(', ') ?? 'nothing'}`, async () => {
			expect(codesOf(await sign(shape, shape.claims()))).toEqual(shape.asIssued ?? []);
		});

		test(`without "${shape.required[0]}", raises ${shape.required[1]}`, async () => {
			const claims = { ...shape.claims() };
			delete claims[shape.required[0]];
			expect(codesOf(await sign(shape, claims))).toContain(shape.required[1]);
		});
	},
);
