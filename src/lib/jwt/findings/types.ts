// The shapes every finding check shares: a finding, what checks depend on, and how a check records one.

import type { PartName } from '../errors';
import type { FindingCode, Severity } from '../messages';

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
	/** The SD-JWT disclosure it is about: its position, from 0 (RFC 9901 §4). */
	readonly disclosure?: number;
}

/** What findings depend on besides the token. */
export interface FindingContext {
	/** The instant to judge times at, in seconds since the epoch. */
	readonly now: number;
	/** Seconds of clock difference to tolerate either way (default 0). */
	readonly clockSkew?: number;
	/** The pasted text had whitespace inside the token. */
	readonly hadInnerWhitespace?: boolean;
	/**
	 * Longest acceptable lifetime in seconds: `exp` − `iat` (or `nbf` without `iat`) above it raises
	 * `long-lifetime`; exactly the threshold does not. Default 86 400 (24 hours).
	 */
	readonly lifetimeThreshold?: number;
}

/** Records one finding: its code, the detail for this instance, and where it is. Every check in this folder receives one. */
export type AddFinding = (
	code: FindingCode,
	detail: string,
	where?: { part?: PartName; member?: string; disclosure?: number },
) => void;

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** The severity order findings are listed in: errors, then warnings, then notes. */
export function bySeverity(a: Finding, b: Finding): number {
	return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}
