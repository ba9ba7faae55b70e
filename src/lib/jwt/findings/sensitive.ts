// Findings about claims that expose secrets or personal data: names like password, values shaped like card numbers or provider keys.

import type { AddFinding } from './types';
import { quoteText } from './text';
import type { JsonNode } from '../json';

/** Most JSON values examined, so a huge payload never stalls the page. */
export const SENSITIVE_NODE_LIMIT = 10_000;
/** Most sensitive-data findings listed one by one; the rest are counted in one more. */
export const SENSITIVE_REPORT_LIMIT = 10;

/** Words of a claim name that mark its value secret, and the same ideas written as one word. */
const SECRET_NAMES: ReadonlySet<string> = new Set([
	'password',
	'passwd',
	'pwd',
	'passphrase',
	'secret',
	'clientsecret',
	'apikey',
	'privatekey',
	'accesskey',
	'secretkey',
	'ssn',
	'creditcard',
	'cardnumber',
	'cvv',
	'cvc',
]);
/** Of those, the names whose value is secret even as a JSON number (a card number or SSN typed as digits). */
const NUMERIC_SECRET_NAMES: ReadonlySet<string> = new Set(['ssn', 'creditcard', 'cardnumber', 'cvv', 'cvc']);

/** Value shapes that are secrets or personal data wherever they appear, each with what it is. */
const SECRET_VALUES: readonly (readonly [string, RegExp])[] = Object.freeze([
	['a private key in PEM form', /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/],
	['an AWS access key ID', /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/],
	['a Stripe secret key', /\b[rs]k_(?:live|test)_[0-9A-Za-z]{10,}/],
	['a GitHub token', /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/],
	['a Slack token', /\bxox[abposr]-[A-Za-z0-9-]{10,}/],
	// US SSN shape; area 000, 666 and 900–999, group 00 and serial 0000 are never issued.
	['a US Social Security number', /(?<![\d-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\d-])/],
] as const);

/** A whole value of 13–19 digits, optionally grouped by spaces or dashes: a possible payment card number. */
const CARD_SHAPE = /^\d(?:[ -]?\d){12,18}$/;
/** Placeholders that hide a value already: "********", "xxxx", "[REDACTED]". */
const MASKED = /^(?:[*•xX#._ -]{3,}|\[?redacted\]?)$/i;

interface Suspect {
	readonly path: string;
	readonly why: string;
	readonly shown: string;
}

/**
 * Walks a payload (iteratively, at most {@link SENSITIVE_NODE_LIMIT} values) and raises
 * `sensitive-data` for each claim whose name marks a secret (password, secret, api_key, ssn, …)
 * while its value is a non-empty string, or whose string value looks like a payment card number
 * (Luhn-valid), a US SSN, an AWS, Stripe, GitHub or Slack credential, or a PEM private key. A JWS
 * payload is only encoded, not encrypted (RFC 7519 §12). The detail names the claim's path and
 * never quotes the value: at most its last four characters.
 */
export function checkSensitiveData(payload: JsonNode, add: AddFinding): void {
	const suspects: Suspect[] = [];
	const stack: [JsonNode, string, string | undefined][] = [[payload, '', undefined]];
	let visited = 0;
	while (stack.length > 0 && visited < SENSITIVE_NODE_LIMIT) {
		const [node, path, name] = stack.pop()!;
		visited++;
		if (node.kind === 'object') {
			for (let i = node.entries.length - 1; i >= 0; i--) {
				const { key, value } = node.entries[i]!;
				stack.push([value, joinPath(path, key), key]);
			}
		} else if (node.kind === 'array') {
			for (let i = node.items.length - 1; i >= 0; i--) stack.push([node.items[i]!, `${path}[${i}]`, name]);
		} else {
			const suspect = judge(node, path, name);
			if (suspect) suspects.push(suspect);
		}
	}
	for (const { path, why, shown } of suspects.slice(0, SENSITIVE_REPORT_LIMIT)) {
		add(
			'sensitive-data',
			`The claim ${shortenPath(path)} ${why}; its value (${shown}) is readable by anyone who holds the token, since a signed JWT is only encoded, not encrypted. Keep secrets out of tokens, or encrypt them (JWE).`,
			{ part: 'payload', member: path },
		);
	}
	const more = suspects.length - SENSITIVE_REPORT_LIMIT;
	if (more > 0) {
		add(
			'sensitive-data',
			`${more} more claim${more === 1 ? ' looks' : 's look'} sensitive; only the first ${SENSITIVE_REPORT_LIMIT} are listed.`,
			{ part: 'payload' },
		);
	}
}

function judge(node: JsonNode, path: string, name: string | undefined): Suspect | undefined {
	const words = name === undefined ? [] : splitName(name);
	const secretName = findTerm(words, SECRET_NAMES);
	if (node.kind === 'string') {
		const value = node.value;
		if (value.trim() === '' || MASKED.test(value)) return undefined;
		const shape = SECRET_VALUES.find(([, pattern]) => pattern.test(value))?.[0];
		const card = shape === undefined && isCardNumber(value) ? 'a payment card number' : undefined;
		const looks = shape ?? card;
		if (looks) return { path, why: `looks like ${looks}`, shown: maskEnd(value) };
		if (secretName)
			return { path, why: `is named like a secret ("${secretName}")`, shown: describeLength(value) };
	}
	// A number under a password-like name is a count or a timestamp (password_changed_at); under a
	// card or SSN name it is the digits themselves.
	if (node.kind === 'number' && secretName) {
		const numeric = findTerm(words, NUMERIC_SECRET_NAMES);
		if (numeric)
			return { path, why: `is named like personal data ("${numeric}")`, shown: describeLength(node.raw) };
	}
	return undefined;
}

/**
 * Whether a whole value is a plausible payment card number: 13–19 digits (ISO/IEC 7812), starting
 * with 2–6 as the major card networks do (so millisecond timestamps starting with 1 do not match),
 * not one digit repeated, and passing the Luhn check.
 */
export function isCardNumber(value: string): boolean {
	if (!CARD_SHAPE.test(value)) return false;
	const digits = value.replace(/[ -]/g, '');
	if (!/^[2-6]/.test(digits) || /^(\d)\1*$/.test(digits)) return false;
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
		if (i % 2 === 1) {
			digit *= 2;
			if (digit > 9) digit -= 9;
		}
		sum += digit;
	}
	return sum % 10 === 0;
}

/** The first word of a name, or two adjacent words written as one ("api" + "key"), that is in `terms`. */
function findTerm(words: readonly string[], terms: ReadonlySet<string>): string | undefined {
	for (let i = 0; i < words.length; i++) {
		const word = words[i]!;
		if (terms.has(word)) return word;
		const pair = word + (words[i + 1] ?? '');
		if (i + 1 < words.length && terms.has(pair)) return pair;
	}
	return undefined;
}

/** "clientSecret", "API_KEY", "cvv2" → ["client", "secret"], ["api", "key"], ["cvv", "2"]. */
function splitName(name: string): string[] {
	return name
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.replace(/([A-Za-z])(\d)|(\d)([A-Za-z])/g, '$1$3 $2$4')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter((word) => word !== '');
}

/** `password`, `credentials.password`, `cards[0]`, `["odd key"]`: a claim's place as people write it. */
function joinPath(parent: string, key: string): string {
	if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) return parent === '' ? key : `${parent}.${key}`;
	return `${parent}[${quoteText(key, 40)}]`;
}

/** A path cut to its last 100 characters, so a deeply nested claim still makes a short detail. */
function shortenPath(path: string): string {
	return path.length > 120 ? `…${path.slice(-100)}` : path;
}

/** The last four characters of a long value, or only its length: enough to recognise, not to use. */
function maskEnd(value: string): string {
	const points = [...value.slice(-8)];
	return value.length >= 13 ? `ending in ${quoteText(points.slice(-4).join(''))}` : describeLength(value);
}

function describeLength(value: string): string {
	return `${value.length} character${value.length === 1 ? '' : 's'}, not shown`;
}
