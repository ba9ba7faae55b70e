// What a person reads in the `Decryption` status: the contract's phrase, then why, keyed by the outcome's code.

import { partLabels } from '../../jwt/segments';
import { describeKeyProblem } from '../messages';
import { MAX_KEYS_TRIED } from './limits';
import type { Encryption } from './encrypt';
import type { RecipientProblem } from './recipient';
import type { BrowserFeature, Decryption, DecryptionFailure, KeyMismatch } from './outcome';

/** The phrase the `Decryption` status begins with (ui-contract.md "JWE"). */
export type DecryptionPhrase = 'Decrypted' | 'Decryption failed' | 'Not decrypted';

const FEATURE: Readonly<Record<BrowserFeature, string>> = Object.freeze({
	'aes-192': "This browser's WebCrypto has no 192-bit AES (Chromium, Chrome and Edge leave it out)",
	x25519: "This browser's WebCrypto has no X25519 key agreement",
	x448: "No browser's WebCrypto has X448 key agreement yet",
	'deflate-raw': 'This browser cannot inflate raw DEFLATE (it lacks DecompressionStream "deflate-raw")',
});

const SUGGEST: Readonly<Record<BrowserFeature, string>> = Object.freeze({
	'aes-192': 'Open the token in Firefox or Safari, which have it.',
	x25519: 'Open the token in a current Chrome, Edge, Firefox or Safari.',
	x448: 'Decrypt it with a server-side library (jose on Node.js has X448).',
	'deflate-raw': 'Open the token in a current Chrome, Edge, Firefox or Safari.',
});

/** The status text: the phrase, then the explanation (the key that decrypted it, or why it failed). */
export function describeDecryption(outcome: Decryption): { phrase: DecryptionPhrase; detail: string } {
	switch (outcome.status) {
		case 'not-decrypted':
			return { phrase: 'Not decrypted', detail: 'Enter the decryption key to see the payload.' };
		case 'decrypted':
			return { phrase: 'Decrypted', detail: `Decrypted with the ${outcome.key.label}.` };
		case 'failed':
			return { phrase: 'Decryption failed', detail: describeFailure(outcome.failure) };
	}
}

/** Why decryption failed, in plain words, with what to try next. */
export function describeFailure(failure: DecryptionFailure): string {
	switch (failure.code) {
		case 'key-unreadable':
			return `The key cannot be read. ${describeKeyProblem(failure.problem)}`;
		case 'not-a-jwe':
			return 'This is not an encrypted token (a JWE has five parts).';
		case 'header-unreadable':
			return 'The header cannot be read, so the algorithm is unknown.';
		case 'unknown-alg':
			return failure.alg === undefined
				? 'The header has no "alg" naming how the content key is protected.'
				: `"${failure.alg}" is not a JWE key management algorithm this page knows (RFC 7518 §4.1).`;
		case 'unknown-enc':
			return failure.enc === undefined
				? 'The header has no "enc" naming the content encryption.'
				: `"${failure.enc}" is not a JWE content encryption this page knows (RFC 7518 §5.1).`;
		case 'rsa1-5':
			return 'The content key is encrypted with RSA1_5 (RSAES-PKCS1-v1_5), which WebCrypto does not offer: browsers left it out because its padding checks leak the key to an attacker who can send many tokens (see the RSA1_5 warning). No browser page can decrypt it; a server-side library can, and the sender should move to RSA-OAEP-256.';
		case 'unsupported-zip':
			return `The header says "zip": "${failure.zip}"; the only registered compression is "DEF" (RFC 7516 §4.1.3).`;
		case 'p2c-over-cap':
			return `The header asks for ${failure.p2c.toLocaleString('en')} PBKDF2 iterations ("p2c"). This page derives keys for at most ${failure.cap.toLocaleString('en')}, about a second of work: more would keep the browser busy for as long as the token asks, which is how a hostile token ties up a recipient (RFC 8725 §3.6 on resource use). It was not tried.`;
		case 'bad-header-member':
			return `The header's "${failure.member}" is missing or not ${failure.expected}.`;
		case 'bad-part':
			return `The ${partLabels[failure.part].toLowerCase()} part is ${failure.expected === 'valid base64url' ? 'not valid base64url' : `${failure.bytes} bytes; this algorithm needs ${failure.expected}`}.`;
		case 'browser-lacks':
			return `${FEATURE[failure.feature]}, and this token needs it for ${failure.needed}. ${SUGGEST[failure.feature]}`;
		case 'no-kid-match':
			return `The JWKS has no key with kid "${failure.kid}". It holds: ${failure.available.join(', ')}.`;
		case 'no-fitting-key':
			return `No key in the set fits: ${failure.mismatches.map((m) => `${m.key}: ${describeMismatch(m, false)}`).join('; ')}.`;
		case 'key-is-public':
		case 'wrong-key-type':
		case 'wrong-key-size':
		case 'rsa-key-too-small':
		case 'key-not-for-alg':
			return describeMismatch(failure, true);
		case 'tag-mismatch':
			return `The authentication tag does not match with ${failure.tried.length === 1 ? `the ${failure.tried[0]}` : `any of ${failure.tried.length} keys (${listSome(failure.tried)})`}: either the key is not the one this token was encrypted to, or the token was changed after it was made.${failure.untried ? ` ${failure.untried} more fitting ${failure.untried === 1 ? 'key was' : 'keys were'} not tried: this page tries at most ${MAX_KEYS_TRIED} keys on one token.` : ''}`;
		case 'zip-too-large':
			return `The compressed plaintext inflates past ${Math.round(failure.limit / 1024 / 1024)} MiB, the most this page unpacks: a small token that inflates without end is a way to exhaust memory (a zip bomb). It was stopped there.`;
		case 'zip-invalid':
			return 'The plaintext decrypted, but it is not valid raw DEFLATE data although the header says "zip": "DEF".';
		case 'crypto-refused':
			return `The browser's cryptography refused the ${failure.key}: its members do not form a key it can use for this algorithm.`;
	}
}

function describeMismatch(mismatch: KeyMismatch, withKey: boolean): string {
	const the = withKey ? `The ${mismatch.key}` : 'it';
	switch (mismatch.code) {
		case 'key-is-public':
			return `${the} is a public key: a JWE is encrypted to the public key and only the private key decrypts it.`;
		case 'wrong-key-type':
			return `${the} does not fit: this token needs ${mismatch.needs}.`;
		case 'wrong-key-size':
			return `${the} is ${mismatch.bytes} bytes; this token needs exactly ${mismatch.needs}.`;
		case 'rsa-key-too-small':
			return `${the} has ${mismatch.bits} bits; RSA key encryption needs 2048 bits or more (RFC 7518 §4.3), and this page's JWE library refuses smaller keys.`;
		case 'key-not-for-alg':
			return `${the} has "${mismatch.member}": "${mismatch.value}", which does not allow decrypting this token (RFC 7517 §4).`;
	}
}

/** Why re-encryption could not make a new JWE. */
export function describeEncryptionFailure(code: Extract<Encryption, { ok: false }>['code']): string {
	switch (code) {
		case 'rsa1-5':
			return 'RSA1_5 cannot be used to encrypt here (WebCrypto has no RSAES-PKCS1-v1_5).';
		case 'unknown-alg':
			return 'The outer header\'s "alg" or "enc" is not one this page can encrypt with.';
		case 'no-public-key':
			return 'The public key of the recipient cannot be derived from the decryption key.';
		case 'encrypt-failed':
			return 'The browser refused to encrypt with this key and algorithm.';
	}
}

/**
 * The `Decryption` status for a token this page has just encrypted to the `Encryption key` (another recipient):
 * the decryption key cannot open it, and `Payload` shows the plaintext the page encrypted.
 */
export function describeSentToRecipient(recipient: string): { phrase: DecryptionPhrase; detail: string } {
	return {
		phrase: 'Not decrypted',
		detail: `This page encrypted it to the ${recipient} in Encryption key; the decryption key cannot open it. Payload shows what was encrypted; put that recipient's private key in Decryption key to decrypt it.`,
	};
}

/** Why `Encryption key` cannot be the recipient of a re-encrypted JWE, in plain words, with what to try next. */
export function describeRecipientProblem(problem: RecipientProblem): string {
	switch (problem.code) {
		case 'recipient-empty':
			return "No encryption key given: edits are encrypted to the decryption key's public key.";
		case 'recipient-unreadable':
			return `The encryption key cannot be read: ${describeKeyProblem(problem.problem)}`;
		case 'recipient-not-public-key-alg':
			return `"${problem.alg}" encrypts with a shared key, not to a public key: edits are encrypted with the decryption key. Empty this field.`;
		case 'recipient-wrong-type':
			return `The encryption key (${problem.key}) does not fit: this token needs ${problem.needs}.`;
		case 'recipient-not-for-encryption':
			return `The encryption key (${problem.key}) has "${problem.member}": "${problem.value}", which does not allow encrypting this token (RFC 7517 §4).`;
		case 'recipient-too-small':
			return `The encryption key (${problem.key}) has ${problem.bits} bits; RSA key encryption needs 2048 bits or more (RFC 7518 §4.3).`;
		case 'recipient-ambiguous':
			return `The JWKS has ${problem.count} keys that fit${problem.kid === undefined ? '' : ` and none with kid "${problem.kid}"`}: give the one key to encrypt to.`;
		case 'recipient-refused':
			return `The browser's cryptography refused the encryption key (${problem.key}): its members do not form a key it can encrypt to.`;
	}
}

/** The first few labels, then how many more: a set of 32 keys does not fill the status. */
function listSome(labels: readonly string[], shown = 4): string {
	const rest = labels.length - shown;
	return rest > 0 ? `${labels.slice(0, shown).join(', ')} and ${rest} more` : labels.join(', ');
}
