// Turns a decoded token into findings: what a careful reviewer would warn about, each with its code and reason.

import { findJwsAlgorithm, isNoneAlgorithm, jweAlgorithms } from './algorithms';
import { formatRelative, isExpired, isNotYetValid, MILLISECONDS_THRESHOLD } from './claims';
import { timeClaims } from './claim-docs';
import type { DecodedToken } from './decode';
import type { PartName } from './errors';
import { getMember, type JsonNode } from './json';
import { findingInfo, type FindingCode, type Severity } from './messages';

/** One thing worth telling a person about the token (ui-contract.md "Findings"). */
export interface Finding {
	readonly code: FindingCode;
	readonly severity: Severity;
	readonly title: string;
	/** Plain explanation of this instance: what was found, why it matters. */
	readonly detail: string;
	readonly spec: string;
	readonly url: string;
	/** The part the finding is about, to highlight it. */
	readonly part?: PartName;
	/** The claim or header parameter it is about. */
	readonly member?: string;
}

/** What findings depend on besides the token. */
export interface FindingContext {
	/** The instant to judge times at, in seconds since the epoch. */
	readonly now: number;
	/** Seconds of clock difference to tolerate either way (default 0). */
	readonly clockSkew?: number;
	/** The pasted text had whitespace inside the token. */
	readonly hadInnerWhitespace?: boolean;
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Lists findings for a decoded token, most severe first (RFC 8725 practices; codes in ui-contract.md). */
export function listFindings(decoded: DecodedToken, context: FindingContext): Finding[] {
	const findings: Finding[] = [];
	const add = (code: FindingCode, detail: string, where: { part?: PartName; member?: string } = {}) => {
		const info = findingInfo[code];
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
	if (header?.kind === 'object') checkAlgorithm(decoded, header, add);

	if (decoded.kind === 'jwe') {
		add(
			'jwe-encrypted',
			'This is an encrypted token (JWE, five parts). Its header is shown; the payload stays hidden without the decryption key.',
		);
	} else if (decoded.payload.mode === 'json') {
		checkJsonObject(decoded.payload.root, 'payload', decoded.payload.duplicates, add);
		if (decoded.payload.root.kind === 'object') checkTimes(decoded.payload.root, context, add);
	} else if (decoded.payload.mode === 'text' && decoded.payload.text !== '') {
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

	return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

type Add = (code: FindingCode, detail: string, where?: { part?: PartName; member?: string }) => void;

function checkJsonObject(
	root: JsonNode,
	part: 'header' | 'payload',
	duplicates: readonly { key: string; path: string }[],
	add: Add,
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
			`The ${part} repeats the key "${duplicate.key}" (${duplicate.path}). Parsers disagree on which value wins, so a server may see a different value than you do.`,
			{ part, member: duplicate.key },
		);
	}
}

function checkAlgorithm(decoded: DecodedToken, header: JsonNode, add: Add): void {
	const algNode = getMember(header, 'alg');
	const alg = algNode?.kind === 'string' ? algNode.value : undefined;
	if (isNoneAlgorithm(alg)) {
		add(
			'alg-none',
			`The header says "alg": "${alg}": the token is not signed and anyone can forge it. Never accept it where a signature is expected.`,
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
					: `"${alg}" is not a registered ${decoded.kind === 'jwe' ? 'JWE' : 'JWS'} algorithm (names are case-sensitive).`;
		add('alg-unknown', detail, { part: 'header', member: 'alg' });
	}
	if (decoded.kind === 'jws') {
		const signature = decoded.parts.find((p) => p.name === 'signature');
		if (signature && signature.text === '') {
			add(
				'empty-signature',
				`The signature part is empty while "alg" is "${alg ?? '(missing)'}". A verifier that skips empty signatures accepts forged tokens (CVE-2020-28042).`,
				{ part: 'signature' },
			);
		}
	}
}

function checkTimes(payload: JsonNode, context: FindingContext, add: Add): void {
	const { now } = context;
	const skew = context.clockSkew ?? 0;
	const times: Record<string, number> = {};
	for (const name of timeClaims) {
		const node = getMember(payload, name);
		if (node === undefined) continue;
		if (node.kind !== 'number') {
			add(
				'invalid-time-claim',
				`"${name}" should be a number of seconds since 1970 (NumericDate), but it is ${describeKind(node.kind)}.`,
				{ part: 'payload', member: name },
			);
			continue;
		}
		times[name] = node.value;
		if (Math.abs(node.value) >= MILLISECONDS_THRESHOLD) {
			add(
				'time-in-milliseconds',
				`"${name}" is ${node.raw}, which as seconds is far in the future; it looks like milliseconds (${isoOf(node.value / 1000)} if so). NumericDate is in seconds.`,
				{ part: 'payload', member: name },
			);
		}
	}
	const { exp, nbf, iat } = times;
	if (getMember(payload, 'exp') === undefined) {
		add(
			'no-exp',
			'The payload has no "exp" claim, so the token never expires. A stolen token stays usable forever.',
			{ part: 'payload' },
		);
	}
	if (exp !== undefined && isExpired(exp, now, skew)) {
		add('expired', `The token expired ${formatRelative(exp - now)} (${isoOf(exp)}).`, {
			part: 'payload',
			member: 'exp',
		});
	}
	if (nbf !== undefined && isNotYetValid(nbf, now, skew)) {
		add('not-yet-valid', `The token is not valid before ${isoOf(nbf)}, ${formatRelative(nbf - now)}.`, {
			part: 'payload',
			member: 'nbf',
		});
	}
	if (iat !== undefined && iat > now + skew) {
		add(
			'iat-future',
			`The token says it was issued ${formatRelative(iat - now)} (${isoOf(iat)}), which is in the future. The issuer's clock may be wrong.`,
			{ part: 'payload', member: 'iat' },
		);
	}
	if (exp !== undefined && ((iat !== undefined && exp < iat) || (nbf !== undefined && exp < nbf))) {
		const other = iat !== undefined && exp < iat ? 'iat' : 'nbf';
		add(
			'time-order',
			`"exp" is before "${other}": the token expired before it ${other === 'iat' ? 'was issued' : 'became valid'}.`,
			{ part: 'payload', member: 'exp' },
		);
	}
}

/** "an array", "a string", "null": the kind of a JSON value as a phrase. */
function describeKind(kind: JsonNode['kind']): string {
	if (kind === 'null') return 'null';
	return `${kind === 'array' || kind === 'object' ? 'an' : 'a'} ${kind}`;
}

function isoOf(seconds: number): string {
	const ms = seconds * 1000;
	return Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : 'a date out of range';
}
