// Every finding code of the contract appears, with its data-code, for a token (and key) built to trigger it.
import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import {
	b64url,
	findingCodes,
	nowSeconds,
	openEmpty,
	pasteToken,
	secretBox,
	signHs256,
	signJws,
	verdict,
} from './support';

const now = nowSeconds();
const fresh = { sub: 'user-1', iat: now - 60, exp: now + 3600 };
const HS = '{"alg":"HS256","typ":"JWT"}';
const hs = (payload: object | string, header = HS) =>
	signHs256(header, typeof payload === 'string' ? payload : JSON.stringify(payload));
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 });
const rsa2048 = generateKeyPairSync('rsa', { modulusLength: 2048 });
const spki = (key: typeof p256.publicKey) => key.export({ type: 'spki', format: 'pem' }).toString();
const es256Input = `${b64url('{"alg":"ES256"}')}.${b64url(JSON.stringify(fresh))}`;
const jwe = (header: object) =>
	[
		b64url(JSON.stringify(header)),
		b64url('key'),
		b64url('iv-of-12-byte'),
		b64url('ciphertext'),
		b64url('tag-of-16-bytes!'),
	].join('.');
const certificate = readFileSync(new URL('./fixtures/cert.pem', import.meta.url), 'utf8').replace(
	/-----[A-Z ]+-----|\s/g,
	'',
);

/** [code, token, key typed in Secret or key (optional)] */
const CASES: [string, string, string?][] = [
	['alg-none', `${b64url('{"alg":"none"}')}.${b64url(JSON.stringify(fresh))}.`],
	['no-exp', hs({ sub: 'x' })],
	['expired', hs({ sub: 'x', exp: now - 600 })],
	['not-yet-valid', hs({ sub: 'x', nbf: now + 600, exp: now + 1200 })],
	['iat-future', hs({ sub: 'x', iat: now + 600, exp: now + 1200 })],
	['weak-secret', signJws('HS256', {}, fresh, 'secret'), 'secret'],
	['alg-unknown', hs(fresh, '{"alg":"HS257"}')],
	['key-confusion', hs(fresh), spki(rsa2048.publicKey)],
	['alg-key-mismatch', signJws('RS256', {}, fresh, rsa2048.privateKey), spki(p256.publicKey)],
	['weak-rsa-key', signJws('RS256', {}, fresh, rsa1024.privateKey), spki(rsa1024.publicKey)],
	[
		'key-use-enc',
		signJws('RS256', {}, fresh, rsa2048.privateKey),
		JSON.stringify({ ...rsa2048.publicKey.export({ format: 'jwk' }), use: 'enc' }),
	],
	[
		'embedded-jwk',
		signJws('ES256', { jwk: p256.publicKey.export({ format: 'jwk' }) }, fresh, p256.privateKey),
	],
	['remote-key-url', hs(fresh, '{"alg":"HS256","jku":"https://keys.example.test/jwks.json"}')],
	['x5c-header', hs(fresh, JSON.stringify({ alg: 'HS256', x5c: [certificate] }))],
	['kid-injection', hs(fresh, '{"alg":"HS256","kid":"../../../../dev/null"}')],
	['crit-header', hs(fresh, '{"alg":"HS256","crit":["exp"],"exp":1}')],
	['b64-false', hs(fresh, '{"alg":"HS256","b64":false,"crit":["b64"]}')],
	['empty-signature', `${hs(fresh).split('.').slice(0, 2).join('.')}.`],
	['psychic-signature', `${es256Input}.${b64url(new Uint8Array(64))}`],
	[
		'der-signature',
		`${es256Input}.${b64url(sign('sha256', Buffer.from(es256Input), { key: p256.privateKey, dsaEncoding: 'der' }))}`,
	],
	['signature-length', `${hs(fresh).split('.').slice(0, 2).join('.')}.${b64url('ten bytes!')}`],
	// {"sub":"x"} is 11 bytes, 15 base64url characters: one '=' is valid padding, but not canonical.
	['non-canonical-base64url', hs({ sub: 'x' }).replace(/\.([^.]+)\./, '.$1=.')],
	['duplicate-key', hs(fresh, '{"alg":"HS256","alg":"HS256"}')],
	['not-json-object', hs('[1,2,3]')],
	['invalid-utf8', `${b64url(HS)}.${b64url(new Uint8Array([0x7b, 0xff, 0x7d]))}.c2ln`],
	['whitespace-in-token', hs(fresh).replace('.', '\n.')],
	['long-lifetime', hs({ sub: 'x', iat: now, exp: now + 48 * 3600 })],
	['time-order', hs({ sub: 'x', iat: now, exp: now - 10 })],
	['time-in-milliseconds', hs({ sub: 'x', exp: (now + 600) * 1000 })],
	['missing-iss', hs({ sub: 'x', scope: 'read', client_id: 'app', aud: 'api', exp: now + 600 })],
	[
		'missing-aud',
		hs({ sub: 'x', scope: 'read', client_id: 'app', iss: 'https://id.example', exp: now + 600 }),
	],
	[
		'missing-sub',
		hs({ scope: 'read', client_id: 'app', iss: 'https://id.example', aud: 'api', exp: now + 600 }),
	],
	['empty-aud', hs({ ...fresh, aud: [] })],
	['typ-generic', hs({ ...fresh, scope: 'read', client_id: 'app', iss: 'https://id.example', aud: 'api' })],
	['sensitive-data', hs({ ...fresh, password: 'hunter2-and-more' })],
	['jwe-rsa1-5', jwe({ alg: 'RSA1_5', enc: 'A128CBC-HS256' })],
	['jwe-zip', jwe({ alg: 'RSA-OAEP', enc: 'A256GCM', zip: 'DEF' })],
	['jwe-weak-p2c', jwe({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2s: 'c2FsdA', p2c: 100 })],
	// DPoP proofs (issue 18); the binding codes need a related token and are in related.spec.ts.
	[
		'dpop-claims',
		signJws(
			'ES256',
			{ typ: 'dpop+jwt', jwk: p256.publicKey.export({ format: 'jwk' }) },
			{ htu: 'https://rs.example', iat: now },
			p256.privateKey,
		),
	],
	[
		'dpop-private-key',
		signJws(
			'ES256',
			{ typ: 'dpop+jwt', jwk: p256.privateKey.export({ format: 'jwk' }) },
			{ htm: 'GET', htu: 'https://rs.example', jti: 'j', iat: now },
			p256.privateKey,
		),
	],
];

for (const [code, token, key] of CASES) {
	test(`${code} is listed for a token built to raise it`, async ({ page }) => {
		await openEmpty(page);
		await pasteToken(page, token);
		if (key !== undefined) {
			await secretBox(page).fill(key);
			await expect(verdict(page)).not.toContainText('Enter the secret or key');
		}
		await expect.poll(() => findingCodes(page)).toContain(code);
	});
}
