// Registered time claims (RFC 7519 §4.1.4–4.1.6) as dates people read, and the rows of the claims table; `now` is always a parameter.

import type { ClaimDoc } from './claim-docs';
import { timeClaims } from './time-claims';
import { getMember, minifyJson, type JsonNode } from './json';

/** A NumericDate at or above this many seconds (year 5138) is almost surely milliseconds. */
export const MILLISECONDS_THRESHOLD = 1e11;

/** Latest instant a JavaScript Date can hold, in seconds (ECMA-262 §21.4.1.1). */
const MAX_DATE_SECONDS = 8.64e12;

/**
 * What a number in a time claim is (RFC 7519 §2, NumericDate: seconds since 1970): a date in seconds, a date
 * written in milliseconds by mistake, a time before 1970 (negative), or no date at all (beyond the range of dates
 * even as milliseconds, or infinite).
 */
export type NumericDateKind = 'seconds' | 'milliseconds' | 'before-1970' | 'out-of-range';

/** Which {@link NumericDateKind} `value` is. */
export function classifyNumericDate(value: number): NumericDateKind {
	if (!Number.isFinite(value)) return 'out-of-range';
	if (value < 0) return value < -MAX_DATE_SECONDS ? 'out-of-range' : 'before-1970';
	if (value < MILLISECONDS_THRESHOLD) return 'seconds';
	return value / 1000 <= MAX_DATE_SECONDS ? 'milliseconds' : 'out-of-range';
}

/** A time claim shown every way a person wants it. */
export interface TimeDisplay {
	/** ISO 8601 in UTC, or a note when the value cannot be a date. */
	readonly iso: string;
	/** Local date and time with the time zone's name. */
	readonly local: string;
	/** "in 5 minutes", "3 days ago". */
	readonly relative: string;
	/** The value is so large it is almost surely milliseconds rather than seconds. */
	readonly looksLikeMilliseconds: boolean;
}

/** Options that pin formatting for tests; the page passes none and gets the browser's own. */
export interface FormatOptions {
	readonly locale?: string;
	readonly timeZone?: string;
}

/** The claims reference (claim-docs.ts), passed in so the page can load it after first paint. */
export interface ClaimDocs {
	describeClaim(name: string): ClaimDoc | undefined;
	describeHeaderParameter(name: string): ClaimDoc | undefined;
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
	['year', 365 * 86400],
	['month', 30 * 86400],
	['day', 86400],
	['hour', 3600],
	['minute', 60],
	['second', 1],
];

/** "in 14 minutes" / "3 days ago" / "now" for a difference in seconds (positive = future). */
export function formatRelative(deltaSeconds: number, locale = 'en'): string {
	// A NumericDate such as 1e400 parses as Infinity, which Intl.RelativeTimeFormat refuses (RangeError).
	if (!Number.isFinite(deltaSeconds)) {
		return deltaSeconds > 0
			? 'in the far future'
			: deltaSeconds < 0
				? 'in the far past'
				: 'at an unknown time';
	}
	const magnitude = Math.abs(deltaSeconds);
	if (magnitude < 1) return 'now';
	for (const [unit, size] of UNITS) {
		if (magnitude >= size || unit === 'second') {
			const count = Math.floor(magnitude / size);
			if (locale !== 'en')
				return new Intl.RelativeTimeFormat(locale, { numeric: 'always' }).format(
					deltaSeconds < 0 ? -count : count,
					unit,
				);
			return inEnglish(count, unit, deltaSeconds > 0);
		}
	}
	return 'now';
}

/**
 * What `Intl.RelativeTimeFormat('en', { numeric: 'always' })` says, without it: its first use loads the
 * browser's locale data, which cost the first paint more than decoding the token (docs/performance.md).
 */
function inEnglish(count: number, unit: Intl.RelativeTimeFormatUnit, future: boolean): string {
	const amount = `${String(count).replace(/\B(?=(\d{3})+$)/g, ',')} ${unit}${count === 1 ? '' : 's'}`;
	return future ? `in ${amount}` : `${amount} ago`;
}

/** Formats a NumericDate (seconds since the epoch, RFC 7519 §2) relative to `now` (seconds). */
export function formatTime(seconds: number, now: number, options: FormatOptions = {}): TimeDisplay {
	const date = describeDate(seconds, options);
	return {
		iso: date.iso,
		local: date.local,
		relative: relativeTo(date, now, options.locale),
		looksLikeMilliseconds: date.looksLikeMilliseconds,
	};
}

/** How far a described date is from `now` ("in 5 minutes"), or nothing for a value that is not a date. */
export function relativeTo(date: DateDisplay, now: number, locale?: string): string {
	return date.local ? formatRelative(date.seconds - now, locale) : '';
}

/** A NumericDate as dates, without the relative part (which changes every second while the date does not). */
export interface DateDisplay extends Omit<TimeDisplay, 'relative'> {
	/** The NumericDate itself, to say how far it is from now whenever now is. */
	readonly seconds: number;
}

/** The ISO and local dates of a NumericDate, and whether it looks like milliseconds. */
export function describeDate(seconds: number, options: FormatOptions = {}): DateDisplay {
	const looksLikeMilliseconds = classifyNumericDate(seconds) === 'milliseconds';
	if (!Number.isFinite(seconds) || Math.abs(seconds) > MAX_DATE_SECONDS) {
		return { iso: 'out of the range of dates', local: '', seconds, looksLikeMilliseconds };
	}
	const date = new Date(seconds * 1000);
	const local = localFormat(options).format(date);
	return { iso: date.toISOString(), local, seconds, looksLikeMilliseconds };
}

const localFormats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per locale and time zone: making one costs far more than formatting with it. */
function localFormat({ locale = 'en', timeZone }: FormatOptions): Intl.DateTimeFormat {
	const key = `${locale} ${timeZone ?? ''}`;
	let format = localFormats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'long', timeZone });
		localFormats.set(key, format);
	}
	return format;
}

/** The numeric value of a claim, when it is a JSON number. */
export function readNumber(node: JsonNode | undefined): number | undefined {
	return node?.kind === 'number' ? node.value : undefined;
}

/** Where a token stands in time. */
export interface Validity {
	/** `unconfirmed`: the times are fine but the token has errors, so nothing says it is valid (qualifyValidity). */
	readonly state: 'valid' | 'expired' | 'not-yet-valid' | 'no-expiry' | 'unconfirmed';
	/** "Valid, expires in 55 minutes", "Expired 3 days ago", "Not valid for another 2 hours". */
	readonly text: string;
	/** The same facts without a verdict: "Expires in 55 minutes", "No exp claim". */
	readonly fact: string;
}

/**
 * The token's live status from `nbf` and `exp`, allowing `clockSkew` seconds either way
 * (RFC 7519 §4.1.4: now must be before `exp`; §4.1.5: not before `nbf`).
 */
export function describeValidity(payload: JsonNode | undefined, now: number, clockSkew = 0): Validity {
	const expNode = payload ? getMember(payload, 'exp') : undefined;
	const exp = readNumber(expNode);
	const nbf = payload ? readNumber(getMember(payload, 'nbf')) : undefined;
	if (nbf !== undefined && isNotYetValid(nbf, now, clockSkew)) {
		const text = `Not yet valid: becomes valid ${formatRelative(nbf - now)}`;
		return { state: 'not-yet-valid', text, fact: text };
	}
	if (expNode !== undefined && exp === undefined) {
		// A verifier rejects a non-numeric `exp` (RFC 7519 §4.1.4); saying "no exp claim" would be wrong.
		const text = `No usable expiry: "exp" is ${/^[aeiou]/.test(expNode.kind) ? 'an' : 'a'} ${expNode.kind}, not a number of seconds`;
		return { state: 'no-expiry', text, fact: text };
	}
	if (exp === undefined)
		return { state: 'no-expiry', text: 'Valid, never expires (no exp claim)', fact: 'No exp claim' };
	if (isExpired(exp, now, clockSkew)) {
		const text = `Expired ${formatRelative(exp - now)}`;
		return { state: 'expired', text, fact: text };
	}
	const expires = `expires ${formatRelative(exp - now)}`;
	return { state: 'valid', text: `Valid, ${expires}`, fact: `E${expires.slice(1)}` };
}

/**
 * The validity as the page shows it beside the token's problems: while the token has decoding errors or
 * findings of severity `error` (it is no JWT, unsigned, its signature is empty...), times that are fine
 * prove nothing, so `valid` and `no-expiry` become `unconfirmed`, stating the facts without "Valid".
 */
export function qualifyValidity(
	validity: Validity,
	problems: {
		readonly errors: readonly unknown[];
		readonly findings: readonly { readonly severity: string }[];
	},
): Validity {
	const hasErrors = problems.errors.length > 0 || problems.findings.some((f) => f.severity === 'error');
	if (!hasErrors || (validity.state !== 'valid' && validity.state !== 'no-expiry')) return validity;
	return { state: 'unconfirmed', text: validity.fact, fact: validity.fact };
}

/** RFC 7519 §4.1.4: expired once `now` reaches `exp` (plus the allowed skew). */
export function isExpired(exp: number, now: number, clockSkew = 0): boolean {
	return exp <= now - clockSkew;
}

/** RFC 7519 §4.1.5: not acceptable before `nbf` (less the allowed skew). */
export function isNotYetValid(nbf: number, now: number, clockSkew = 0): boolean {
	return nbf > now + clockSkew;
}

/** One row of the claims table: the member as written, what it means, and its date if it is a time. */
export interface ClaimRow {
	readonly name: string;
	/** The value as a person reads it: a string's text, or any other value's JSON exactly as written. */
	readonly value: string;
	readonly valueKind: JsonNode['kind'];
	readonly doc?: ClaimDoc;
	/** The dates of a time claim; the table says how far they are from now as the clock moves. */
	readonly time?: DateDisplay;
	/** The value's full length in characters when `value` shows only its start. */
	readonly fullLength?: number;
	/** Offsets of the member's key in the decoded JSON text, to point at it. */
	readonly keyStart: number;
}

/** Characters of a value the claims table shows; longer values are cut there and say so. */
export const MAX_VALUE_LENGTH = 500;

/**
 * Lists the members of a header or payload object in the token's order (duplicates included), the first
 * `limit` of them, documented by `docs` when given. Nothing in a row depends on the clock, so a payload of
 * thousands of claims is listed once.
 */
export function listClaimRows(
	root: JsonNode,
	text: string,
	where: 'header' | 'payload',
	options: FormatOptions = {},
	docs?: ClaimDocs,
	limit = Infinity,
): ClaimRow[] {
	if (root.kind !== 'object') return [];
	const entries = root.entries.length > limit ? root.entries.slice(0, limit) : root.entries;
	return entries.map((entry) => {
		const node = entry.value;
		const written = node.kind === 'string' ? node.value : text.slice(node.start, node.end);
		const nested = node.kind === 'object' || node.kind === 'array';
		let value = nested ? minifyJson(written.slice(0, MAX_VALUE_LENGTH * 4)) : written;
		let fullLength: number | undefined;
		if (value.length > MAX_VALUE_LENGTH || (nested && written.length > MAX_VALUE_LENGTH * 4)) {
			fullLength = nested ? minifyJson(written).length : value.length;
			value = `${value.slice(0, MAX_VALUE_LENGTH)}…`;
		}
		const doc =
			where === 'header' ? docs?.describeHeaderParameter(entry.key) : docs?.describeClaim(entry.key);
		const time =
			where === 'payload' && node.kind === 'number' && timeClaims.includes(entry.key)
				? describeDate(node.value, options)
				: undefined;
		return { name: entry.key, value, valueKind: node.kind, doc, time, keyStart: entry.keyStart, fullLength };
	});
}
