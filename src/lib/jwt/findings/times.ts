// Findings about the time claims: NumericDate form, expiry, not-before, issue time, order and lifetime.

import {
	classifyNumericDate,
	formatRelative,
	isExpired,
	isNotYetValid,
	MILLISECONDS_THRESHOLD,
} from '../claims';
import { timeClaims } from '../time-claims';
import type { AddFinding, FindingContext } from './types';
import { describeKind } from './text';
import { getMember, type JsonNode } from '../json';

/** Lifetime (`exp` − `iat`) in seconds above which `long-lifetime` is raised unless the context says otherwise: 24 hours. */
export const DEFAULT_LIFETIME_THRESHOLD = 86_400;

/**
 * Checks the time claims of a payload object at `context.now`: NumericDate type and unit, expiry,
 * not-before, issue time, their order (RFC 7519 §4.1.4–4.1.6), and a lifetime over
 * `context.lifetimeThreshold` (RFC 6819 §5.1.5.3).
 */
export function checkTimes(payload: JsonNode, context: FindingContext, add: AddFinding): void {
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
		const kind = classifyNumericDate(node.value);
		if (kind === 'milliseconds')
			add(
				'time-in-milliseconds',
				`"${name}" is ${node.raw}, which as seconds is far in the future; it looks like milliseconds (${isoOf(node.value / 1000)} if so). NumericDate is in seconds.`,
				{ part: 'payload', member: name },
			);
		else if (kind !== 'seconds')
			add('invalid-time-claim', describeImpossibleTime(name, node.raw, node.value, kind), {
				part: 'payload',
				member: name,
			});
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
	checkLifetime(times, context.lifetimeThreshold, add);
}

function checkLifetime(times: Record<string, number>, threshold: number | undefined, add: AddFinding): void {
	const limit =
		threshold !== undefined && Number.isFinite(threshold) && threshold >= 0
			? threshold
			: DEFAULT_LIFETIME_THRESHOLD;
	const { exp } = times;
	// Without iat, nbf is the next best start of validity.
	const from = times.iat !== undefined ? 'iat' : 'nbf';
	const start = times[from];
	if (exp === undefined || start === undefined) return;
	// Infinite or millisecond values are already explained by time-in-milliseconds; a lifetime
	// computed from them would only repeat that in a misleading way.
	if (![exp, start].every((t) => Number.isFinite(t) && Math.abs(t) < MILLISECONDS_THRESHOLD)) return;
	const lifetime = exp - start;
	if (lifetime <= limit) return;
	add(
		'long-lifetime',
		`The token is valid for ${formatDuration(lifetime)} ("exp" − "${from}" = ${lifetime} seconds), over the limit of ${formatDuration(limit)} (${limit} seconds). A stolen token stays usable that long; short-lived tokens with refresh limit the damage.`,
		{ part: 'payload', member: 'exp' },
	);
}

/** "30 days", "36 hours", "90 minutes", "1 second": a duration in the largest unit it holds twice, one decimal at most. */
function formatDuration(seconds: number): string {
	const units: [string, number][] = [
		['day', 86_400],
		['hour', 3600],
		['minute', 60],
	];
	for (const [unit, size] of units) {
		if (seconds >= 2 * size) return `${Math.round((seconds / size) * 10) / 10} ${unit}s`;
	}
	return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

/** Words for a time claim that is a number but no possible token time: before 1970, or no date at all. */
function describeImpossibleTime(
	name: string,
	raw: string,
	value: number,
	kind: 'before-1970' | 'out-of-range',
): string {
	const rule = 'NumericDate is a number of seconds since 1970 (RFC 7519 §2).';
	if (kind === 'before-1970')
		return `"${name}" is ${raw}, a negative number: that would be ${isoOf(value)}, before 1970, when no token was made. ${rule}`;
	if (value < 0)
		return `"${name}" is ${raw}, a negative number so large it is no date at all: it lies before the earliest date a computer can show. ${rule}`;
	return `"${name}" is ${raw}, so large it is no date at all, whether read as seconds or as milliseconds. ${rule}`;
}

function isoOf(seconds: number): string {
	const ms = seconds * 1000;
	return Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : 'a date out of range';
}
