// The findings engine: encoding, algorithm and time checks on every token, plus the security review when it is given (loaded after first paint).

import { findJwsAlgorithm, isNoneAlgorithm, jweAlgorithms } from '../algorithms';
import type { DecodedToken } from '../decode';
import type { FindingReview } from './review';
import { describeKind, quoteText } from './text';
import { checkTimes } from './times';
import { checkProfileTimes } from './profile-times';
import { appliesTo, recognizeProfile, type ProfileRecognition } from '../profiles';
import { getMember, stringMember, type JsonNode } from '../json';
import { findingInfo, type FindingCode, type FindingInfo } from '../messages';
import { bySeverity, type AddFinding, type Finding, type FindingContext } from './types';

export { bySeverity };

export type { AddFinding, Finding, FindingContext } from './types';

/**
 * Generic JWT checks that do not fit an SD-JWT's issuer-signed JWT (RFC 9901 §4.1): a credential is
 * presented to many verifiers (no `aud`), its holder may be its only subject, it lives for months or
 * years, and its `typ` is its own (`dc+sd-jwt`, `example+sd-jwt`), so they stay quiet for it.
 */
const NOT_FOR_SD_JWT: ReadonlySet<FindingCode> = new Set<FindingCode>([
	'missing-iss',
	'missing-aud',
	'missing-sub',
	'typ-generic',
	'long-lifetime',
	'id-token-rules',
]);

/**
 * Which findings to list: all, only those that never change for a given token (`token`), or only the
 * time checks (`time`), which depend on the clock, the skew and the lifetime threshold. The page lists
 * the two apart so that a clock tick re-runs only the few time checks, not the whole review.
 */
export type FindingScope = 'all' | 'token' | 'time';

/**
 * Lists findings for a decoded token, most severe first (RFC 8725 practices; codes in ui-contract.md).
 * Without `review`, only the encoding, algorithm and time checks run: the page shows those at once and
 * the rest when findings-review.ts has loaded. `listFindings` in findings.ts always runs everything.
 */
export function listFindingsWith(
	decoded: DecodedToken,
	context: FindingContext,
	review?: FindingReview,
	scope: FindingScope = 'all',
): Finding[] {
	const findings: Finding[] = [];
	const collect = collectInto(findings);
	// An SD-JWT is a credential: no audience by design, long-lived, and typed by its own media type.
	const add: AddFinding = decoded.sdJwt
		? (code, detail, where) => {
				if (!NOT_FOR_SD_JWT.has(code)) collect(code, detail, where);
			}
		: collect;
	const payload = decoded.payload.mode === 'json' ? decoded.payload.root : undefined;
	const recognition = recognizeProfile(decoded.header?.root, payload);
	// The generic checks report through the profile's filter (profiles.ts `suppressed`); the profile's
	// own checks report directly.
	const generic: AddFinding = (code, detail, where) => {
		if (appliesTo(recognition.profile, code)) add(code, detail, where);
	};
	if (scope !== 'time') checkToken(decoded, context, review, generic, add, recognition);
	// A JWE's payload is ciphertext; once decrypted, the page passes its JSON plaintext as the payload.
	if (scope !== 'token' && payload?.kind === 'object') {
		checkTimes(payload, context, generic);
		checkProfileTimes(recognition, payload, context, add);
	}
	return findings.sort(bySeverity);
}

/** Runs checks that record findings through `add`, and returns those findings, most severe first. */
export function collectFindings(run: (add: AddFinding) => void): Finding[] {
	const findings: Finding[] = [];
	run(collectInto(findings));
	return findings.sort(bySeverity);
}

/**
 * A recorder that fills in each finding's severity, title and reference from `table` (`findingInfo`, or
 * the SD-JWT codes' table that loads with them) and appends it to `findings`.
 */
export function collectInto(
	findings: Finding[],
	table: Readonly<Partial<Record<FindingCode, FindingInfo>>> = findingInfo,
): AddFinding {
	return (code, detail, where = {}) => {
		const info = table[code];
		// A check that records a code its table lacks is a bug in this code, not something about the token.
		if (!info) throw new Error(`finding code ${code} is not in the table it was recorded with`);
		findings.push({
			code,
			severity: info.severity,
			title: info.title,
			detail,
			spec: info.spec,
			url: info.url,
			...where,
		});
	};
}

/** Every check but the time checks: encoding, algorithm, JSON shape, and the review when it is given. */
function checkToken(
	decoded: DecodedToken,
	context: FindingContext,
	review: FindingReview | undefined,
	add: AddFinding,
	addForProfile: AddFinding,
	recognition: ProfileRecognition,
): void {
	if (context.hadInnerWhitespace) {
		add(
			'whitespace-in-token',
			'The pasted token had spaces or line breaks inside it. They were removed to decode it; a server may reject the token as pasted.',
		);
	}
	for (const { part, deviations } of decoded.deviations) {
		const what = deviations
			.map((d) =>
				d === 'padding'
					? '"=" padding'
					: d === 'standard-alphabet'
						? 'standard base64 characters "+" or "/"'
						: 'non-zero unused bits in its last character',
			)
			.join(' and ');
		add(
			'non-canonical-base64url',
			`The ${part} has ${what}. JWS uses base64url without padding; strict libraries reject this, lenient ones accept it, so two servers can disagree.`,
			{ part },
		);
	}
	for (const { part, offset } of decoded.invalidUtf8) {
		add(
			'invalid-utf8',
			`Byte ${offset + 1} of the ${part} is not valid UTF-8. JWT header and payload must be UTF-8 JSON.`,
			{ part },
		);
	}

	const header = decoded.header?.root;
	if (header) checkJsonObject(header, 'header', decoded.header?.duplicates ?? [], add);
	if (header?.kind === 'object') {
		checkAlgorithm(decoded, header, add);
		review?.checkHeaderParameters(header, decoded.kind, add);
		if (decoded.kind === 'jwe') review?.checkJweHeader(header, add);
		if (decoded.kind === 'jws') review?.checkSignature(header, decoded.bytes.signature, add);
		if (decoded.kind !== 'jwe') review?.checkAlgorithmName(header, add);
	}

	if (decoded.kind === 'jwe') {
		add(
			'jwe-encrypted',
			'This is an encrypted token (JWE, five parts). Its header is readable by anyone; the payload shows once the decryption key opens it.',
		);
	} else if (decoded.payload.mode === 'json') {
		checkJsonObject(decoded.payload.root, 'payload', decoded.payload.duplicates, add);
		if (decoded.payload.root.kind === 'object') {
			review?.checkClaims(header, decoded.payload.root, add, recognition);
			review?.checkProfile(recognition, header, decoded.payload.root, addForProfile);
			review?.checkSensitiveData(decoded.payload.root, add);
		}
	} else if (decoded.payload.mode === 'text' && decoded.payload.text !== '' && !decoded.payload.nested) {
		// A payload that is a compact token is a nested JWT (RFC 7519 §5.2): its claims are inside, not missing.
		const error = decoded.payload.syntaxError;
		const where = error ? ` (${error.message} at line ${error.line}, column ${error.column})` : '';
		add(
			'payload-not-json',
			`The payload is not JSON${where}, so it is not a JWT claims set; it is shown as text. A JWS may carry any content.`,
			{ part: 'payload' },
		);
	}
	if (decoded.kind === 'unsecured-fragment') {
		add(
			'missing-signature',
			'The token has only two parts (header.payload). A JWS has three; without the signature nothing proves who made it.',
			{ part: 'signature' },
		);
	}
}

function checkJsonObject(
	root: JsonNode,
	part: 'header' | 'payload',
	duplicates: readonly { key: string; path: string }[],
	add: AddFinding,
): void {
	if (root.kind !== 'object') {
		add(
			'not-json-object',
			`The ${part} is valid JSON but ${describeKind(root.kind)}, not an object. A JWT ${part} must be a JSON object.`,
			{ part },
		);
	}
	for (const duplicate of duplicates) {
		add(
			'duplicate-key',
			`The ${part} repeats the key ${quoteText(duplicate.key)} (${duplicate.path}). Parsers disagree on which value wins, so a server may see a different value than you do.`,
			{ part, member: duplicate.key },
		);
	}
}

function checkAlgorithm(decoded: DecodedToken, header: JsonNode, add: AddFinding): void {
	const algNode = getMember(header, 'alg');
	const alg = stringMember(header, 'alg');
	if (isNoneAlgorithm(alg)) {
		// Libraries that matched "none" case-insensitively, or blocked only the lower-case spelling,
		// have accepted "None" and "NONE" (RFC 8725 §2.1).
		const casing =
			alg === 'none'
				? ''
				: ' This is a casing variant of "none": aimed at verifiers that block only the exact spelling.';
		add(
			'alg-none',
			`The header says "alg": ${quoteText(alg ?? '')}: the token is not signed and anyone can forge it. Never accept it where a signature is expected.${casing}`,
			{ part: 'header', member: 'alg' },
		);
		return;
	}
	const known =
		alg !== undefined &&
		(decoded.kind === 'jwe' ? jweAlgorithms.includes(alg) : findJwsAlgorithm(alg) !== undefined);
	if (!known) {
		const detail =
			algNode === undefined
				? 'The header has no "alg". Every JWS and JWE must name its algorithm.'
				: alg === undefined
					? 'The header\'s "alg" is not a string.'
					: `${quoteText(alg)} is not a registered ${decoded.kind === 'jwe' ? 'JWE' : 'JWS'} algorithm (names are case-sensitive).`;
		add('alg-unknown', detail, { part: 'header', member: 'alg' });
	}
	if (decoded.kind === 'jws') {
		const signature = decoded.parts.find((p) => p.name === 'signature');
		if (signature && signature.text === '') {
			add(
				'empty-signature',
				`The signature part is empty while "alg" is ${alg === undefined ? 'missing' : quoteText(alg)}. A verifier that skips empty signatures accepts forged tokens (CVE-2020-28042).`,
				{ part: 'signature' },
			);
		}
	}
}
