// Findings about a JWE's protected header: RSA1_5 key encryption, compression before encryption, and weak PBES2 iteration counts.

import type { AddFinding } from './types';
import { describeKind, quoteText, quoteValue } from './text';
import { getMember, stringMember, type JsonNode } from '../json';

/** RFC 7518 §4.8.1.2 recommends at least this many PBES2 iterations. */
export const MIN_PBES2_ITERATIONS = 1000;

/**
 * Checks a JWE header: `alg` RSA1_5 (`jwe-rsa1-5`, RFC 8725 §3.2), a `zip` parameter (`jwe-zip`,
 * RFC 8725 §3.6), and a PBES2 `alg` whose `p2c` is missing, not a whole number, or under 1000
 * (`jwe-weak-p2c`, RFC 7518 §4.8.1.2).
 */
export function checkJweHeader(header: JsonNode, add: AddFinding): void {
	const alg = stringMember(header, 'alg');
	if (alg === 'RSA1_5') {
		add(
			'jwe-rsa1-5',
			'The content key is encrypted with "alg": "RSA1_5" (RSAES-PKCS1-v1_5). A decrypter whose errors or timing differ for bad padding is a padding oracle: an attacker can recover the content key by sending many altered tokens (Bleichenbacher). Use RSA-OAEP or RSA-OAEP-256. This page cannot decrypt it either: browsers left RSAES-PKCS1-v1_5 out of WebCrypto for that reason.',
			{ part: 'header', member: 'alg' },
		);
	}
	const zip = getMember(header, 'zip');
	if (zip !== undefined) {
		add(
			'jwe-zip',
			`The header has "zip": ${quoteValue(zip)}: the plaintext was compressed before encryption. When it mixes secrets with data an attacker can influence, the ciphertext length leaks the secret (as in CRIME and BREACH). Decompression without a size limit is also a way to exhaust memory.`,
			{ part: 'header', member: 'zip' },
		);
	}
	if (alg?.startsWith('PBES2-')) checkIterations(alg, getMember(header, 'p2c'), add);
}

function checkIterations(alg: string, p2c: JsonNode | undefined, add: AddFinding): void {
	const count = p2c?.kind === 'number' && Number.isSafeInteger(p2c.value) ? p2c.value : undefined;
	if (count !== undefined && count >= MIN_PBES2_ITERATIONS) return;
	const what =
		p2c === undefined
			? 'has no "p2c", which PBES2 requires'
			: count === undefined
				? `has a "p2c" that is ${p2c.kind === 'number' ? `${quoteValue(p2c)}, not a whole number` : describeKind(p2c.kind)}`
				: `has "p2c": ${count}, under the recommended ${MIN_PBES2_ITERATIONS}`;
	add(
		'jwe-weak-p2c',
		`The header uses ${quoteText(alg)} (a password-based key) and ${what}. Few PBKDF2 iterations make guessing the password cheap for anyone holding the token.`,
		{ part: 'header', member: p2c === undefined ? 'alg' : 'p2c' },
	);
}
