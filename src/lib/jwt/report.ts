// The whole analysis of a token as Markdown, redactions applied and no signature, for bug reports and security reviews.

import { describeDate, formatRelative } from './claims';
import type { DecodedToken } from './decode';
import type { Finding } from './findings/types';
import { formatJson, parseJson, type JsonNode } from './json';
import type { ProfileRecognition } from './profiles';
import { shareParts, type RedactionChoice } from './share';
import { timeClaims } from './time-claims';

/** The verdict as the report states it; the page passes what it shows (the crypto layer's verdict, in words). */
export interface ReportVerdict {
	readonly status: 'verified' | 'invalid' | 'not-verified';
	/** The verdict's reason or detail, as the page shows it. */
	readonly text: string;
	/** Where the key came from: "RSA 2048 public key (JWK) from Secret or key", "the proof's own jwk". Never the key itself. */
	readonly keyProvenance?: string;
}

/** One binding line between the token and a related one (crypto/bindings.ts), as plain data. */
export interface ReportBinding {
	readonly compared: string;
	readonly holds: boolean;
}

/** Everything the report says. */
export interface ReportInput {
	readonly decoded: DecodedToken;
	/** Seconds since the epoch: times are stated relative to it. */
	readonly now: number;
	readonly profile?: ProfileRecognition;
	readonly verdict: ReportVerdict;
	readonly findings: readonly Finding[];
	readonly redact?: RedactionChoice;
	readonly bindings?: readonly ReportBinding[];
}

const STATUS_WORDS: Readonly<Record<ReportVerdict['status'], string>> = Object.freeze({
	verified: 'Signature verified',
	invalid: 'Invalid signature',
	'not-verified': 'Not verified',
});

/**
 * The analysis as Markdown: profile, verdict and key provenance, header and payload (redactions and
 * the header `jwk`'s private members replaced by "[redacted]"), the claims with their times, the
 * findings with reasons and references, and the bindings. The signature is never included, so the
 * report cannot be turned back into a working token.
 */
export function formatReport(input: ReportInput): string {
	const { decoded, now, verdict } = input;
	const shared = shareParts(decoded, input.redact ?? []);
	const lines: string[] = ['# JWT analysis', ''];
	lines.push(`- Analysed at: ${new Date(now * 1000).toISOString()}`);
	if (input.profile)
		lines.push(
			`- Profile: ${input.profile.profile.name} ([${input.profile.profile.spec}](${input.profile.profile.url})), because ${input.profile.evidence}`,
		);
	lines.push(`- Token: ${describeKind(decoded)}`);
	const redacted = shared
		? [
				...shared.header.redacted.map((p) => `/header${p}`),
				...shared.payload.redacted.map((p) => `/payload${p}`),
			]
		: [];
	if (redacted.length > 0) lines.push(`- Redacted: ${redacted.map(code).join(', ')}`);
	lines.push('', '## Signature', '', `**${STATUS_WORDS[verdict.status]}.** ${inline(verdict.text)}`);
	if (verdict.keyProvenance) lines.push('', `Key: ${inline(verdict.keyProvenance)}`);
	const signature = decoded.bytes.signature;
	lines.push(
		'',
		`The signature (${signature ? `${signature.length} bytes` : 'none'}) is not part of this report, so the token cannot be rebuilt from it.`,
	);
	if (shared) {
		lines.push('', '## Header', '', ...fence(formatJson(shared.header.text), 'json'));
		lines.push('', '## Payload', '', ...fence(formatJson(shared.payload.text), 'json'));
		const parsed = parseJson(shared.payload.text);
		if (parsed.ok && parsed.root.kind === 'object')
			lines.push('', '## Claims', '', ...claimTable(parsed.root, shared.payload.text, now));
	} else if (decoded.header) {
		lines.push('', '## Header', '', ...fence(formatJson(decoded.header.text), 'json'));
	}
	lines.push('', `## Findings (${input.findings.length})`, '');
	if (input.findings.length === 0) lines.push('No findings.');
	for (const finding of input.findings)
		lines.push(
			`- **${finding.severity}** ${code(finding.code)}: ${inline(finding.title)}. ${inline(finding.detail)} ([${finding.spec}](${finding.url}))`,
		);
	if (input.bindings && input.bindings.length > 0) {
		lines.push('', '## Related token', '');
		for (const binding of input.bindings)
			lines.push(`- ${binding.holds ? 'Holds' : 'Does not hold'}: ${inline(binding.compared)}`);
	}
	return `${lines.join('\n')}\n`;
}

function describeKind(decoded: DecodedToken): string {
	switch (decoded.kind) {
		case 'jws':
			return 'JWS (header.payload.signature)';
		case 'jwe':
			return 'JWE (encrypted; payload not shown)';
		case 'unsecured-fragment':
			return 'header.payload without a signature';
		default:
			return 'not decodable';
	}
}

function claimTable(payload: Extract<JsonNode, { kind: 'object' }>, json: string, now: number): string[] {
	const rows = ['| Claim | Value | Time |', '| --- | --- | --- |'];
	for (const entry of payload.entries) {
		const value = entry.value;
		// Any other value as written: a slice of the text, so deep nesting costs nothing.
		const text =
			value.kind === 'string' ? value.value : json.slice(value.start, Math.min(value.end, value.start + 400));
		let time = '';
		if (timeClaims.includes(entry.key) && value.kind === 'number') {
			const date = describeDate(value.value);
			time = `${date.iso} (${formatRelative(value.value - now)})`;
		}
		rows.push(`| ${cell(entry.key)} | ${cell(text)} | ${cell(time)} |`);
	}
	return rows;
}

/** A fenced code block whose fence is longer than any run of backticks inside (CommonMark §4.5). */
function fence(text: string, info: string): string[] {
	const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
	const bar = '`'.repeat(longest + 1);
	return [`${bar}${info}`, text, bar];
}

/** Inline code, safe for any backticks inside. */
function code(text: string): string {
	const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
	const ticks = '`'.repeat(longest + 1);
	return `${ticks}${text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text}${ticks}`;
}

/** Text on one line, with Markdown's active characters escaped so token content cannot format the report. */
function inline(text: string): string {
	return text.replace(/\s*\n\s*/g, ' ').replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/** A table cell: one line, pipes escaped, at most 200 characters. */
function cell(text: string): string {
	const one = inline(text);
	return one.length > 200 ? `${one.slice(0, 200)}…` : one;
}
