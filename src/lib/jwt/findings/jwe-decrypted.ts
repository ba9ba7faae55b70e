// Findings that need a JWE's plaintext: encrypted but unsigned, a text key for dir, a nested token without cty, replicated claims that differ.

import { findJweKeyManagement } from '../jwe/algorithms';
import type { PlaintextView } from '../jwe/plaintext';
import { getMember, toPlainValue, type JsonNode } from '../json';
import { collectFindings, type Finding } from './core';
import { quoteText, quoteValue } from './text';
import type { AddFinding } from './types';

/** What is known once a JWE is decrypted. */
export interface DecryptedJwe {
	/** The JWE protected header. */
	readonly header: JsonNode;
	readonly plaintext: PlaintextView;
	/**
	 * The key that decrypted a `dir` JWE, as far as findings need it: its size, and whether every byte is printable
	 * ASCII (a passphrase typed as a key, not random bytes).
	 */
	readonly directKey?: { readonly bytes: number; readonly text: boolean };
}

/** Claims a JWE header may replicate in the clear (RFC 7519 §5.3). */
const REPLICATED = ['iss', 'sub', 'aud'] as const;

/**
 * Lists the findings about a decrypted JWE, most severe first: `jwe-unsigned` (public-key key management and a
 * plaintext that is not a signed token, RFC 7519 §11.2), `jwe-dir-weak-key` (`dir` with a key of printable text,
 * RFC 8725 §3.5), `jwe-nested-no-cty` (a nested token while `cty` is not "JWT", RFC 7519 §5.2) and
 * `jwe-claim-mismatch` (`iss`, `sub` or `aud` in the header differs from the encrypted claims, RFC 7519 §5.3).
 */
export function listDecryptedJweFindings(input: DecryptedJwe): Finding[] {
	return collectFindings((add) => checkDecryptedJwe(input, add));
}

function checkDecryptedJwe({ header, plaintext, directKey }: DecryptedJwe, add: AddFinding): void {
	const algNode = getMember(header, 'alg');
	const alg = findJweKeyManagement(algNode?.kind === 'string' ? algNode.value : undefined);
	const nested = plaintext.mode === 'text' ? plaintext.nested : undefined;
	if (alg?.publicKey && nested?.kind !== 'jws') {
		add(
			'jwe-unsigned',
			`The content key is encrypted with ${quoteText(alg.name)}, to the recipient's public key, and the plaintext is ${nested ? 'another encrypted token' : 'not a signed token'}. Anyone who holds that public key could have made this token: encryption hides the claims but does not say who wrote them. Sign the claims and encrypt the signed token (a nested JWT), or check the sender another way.`,
			{ part: 'header', member: 'alg' },
		);
	}
	if (alg?.family === 'dir' && directKey?.text) {
		add(
			'jwe-dir-weak-key',
			`This JWE is encrypted directly ("alg": "dir") with a key whose ${directKey.bytes} bytes are all printable text: a passphrase, not random key bytes. It is only as strong as the passphrase is hard to guess, far below ${directKey.bytes * 8} bits, and one guess checks against any token. Use random bytes for the key, or PBES2 for a password.`,
			{ part: 'header', member: 'alg' },
		);
	}
	if (nested) checkContentType(header, nested.kind, add);
	const claims = claimsOf(plaintext);
	if (claims) checkReplicatedClaims(header, claims, nested !== undefined, add);
}

function checkContentType(header: JsonNode, kind: 'jws' | 'jwe', add: AddFinding): void {
	const cty = getMember(header, 'cty');
	// RFC 7515 §4.1.10: "JWT" stands for "application/JWT"; media types compare case-insensitively.
	const value = cty?.kind === 'string' ? cty.value.toLowerCase().replace(/^application\//, '') : undefined;
	if (value === 'jwt') return;
	add(
		'jwe-nested-no-cty',
		`The plaintext is a ${kind === 'jws' ? 'signed token (JWS)' : 'encrypted token (JWE)'}, but the header ${cty === undefined ? 'has no "cty"' : `says "cty": ${quoteValue(cty)}`}. RFC 7519 §5.2 asks for "cty": "JWT" on a nested JWT, so that a recipient knows to process the inner token rather than treat it as the claims.`,
		{ part: 'header', member: cty === undefined ? 'alg' : 'cty' },
	);
}

/** The claims set the plaintext carries: the JSON itself, or the payload of a nested JWS. */
function claimsOf(plaintext: PlaintextView): JsonNode | undefined {
	if (plaintext.mode === 'json') return plaintext.root.kind === 'object' ? plaintext.root : undefined;
	const nested = plaintext.mode === 'text' ? plaintext.nested : undefined;
	const payload = nested?.kind === 'jws' ? nested.decoded.payload : undefined;
	return payload?.mode === 'json' && payload.root.kind === 'object' ? payload.root : undefined;
}

function checkReplicatedClaims(header: JsonNode, claims: JsonNode, nested: boolean, add: AddFinding): void {
	for (const name of REPLICATED) {
		const outer = getMember(header, name);
		if (outer === undefined) continue;
		const inner = getMember(claims, name);
		if (inner !== undefined && sameValue(outer, inner)) continue;
		const where = nested ? 'the inner token' : 'the encrypted claims';
		add(
			'jwe-claim-mismatch',
			`The header carries "${name}": ${quoteValue(outer)} in the clear, but ${where} ${inner === undefined ? `have no "${name}"` : `say ${quoteValue(inner)}`}. RFC 7519 §5.3 lets a JWE replicate claims in its header only with identical values: a recipient that routes or checks by the header sees one value, and the signed claims say another.`,
			{ part: 'header', member: name },
		);
	}
}

function sameValue(a: JsonNode, b: JsonNode): boolean {
	return JSON.stringify(toPlainValue(a)) === JSON.stringify(toPlainValue(b));
}
