// Builders shared by the findings-*.test.ts suites: a fixed now, tokens from objects or bytes, and checks on findings.

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { encodeBase64url, encodeBase64urlText } from '../../../../src/lib/encoding/base64url';
import { decodeToken } from '../../../../src/lib/jwt/decode';
import { listFindings, type Finding, type FindingContext } from '../../../../src/lib/jwt/findings';
import { findingInfo, type CoreFindingCode, type FindingCode } from '../../../../src/lib/jwt/messages';

/** 2026-01-01T00:00:00Z, in seconds. */
export const NOW = 1_767_225_600;
export const HOUR = 3600;
/** 32 bytes, as long as an HS256 signature: the one of RFC 7515 Appendix A.1. */
export const SIG = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
export const HS = { alg: 'HS256', typ: 'JWT' };
export const FRESH = { sub: 'user-1', iat: NOW - 60, exp: NOW + HOUR };

/** A part: an object as JSON, a string as it is, bytes as they are. */
export type Part = string | Record<string, unknown> | number[] | Uint8Array;

/** A case: its name, the token, the context beyond `now`, and the code it is about. */
export type FindingCase = [name: string, token: string, context: Partial<FindingContext>, code: FindingCode];

/** A part as base64url. */
export function encodePart(part: Part): string {
	if (part instanceof Uint8Array) return encodeBase64url(part);
	if (Array.isArray(part)) return encodeBase64url(new Uint8Array(part));
	return encodeBase64urlText(typeof part === 'string' ? part : JSON.stringify(part));
}

/** A compact JWS; the signature is base64url text or raw bytes. */
export const jws = (header: Part, payload: Part, signature: string | Uint8Array = SIG) =>
	`${encodePart(header)}.${encodePart(payload)}.${typeof signature === 'string' ? signature : encodeBase64url(signature)}`;

/** A compact JWE with placeholder key, IV, ciphertext and tag. */
export const jwe = (header: Part) => `${encodePart(header)}.a2V5.aXY.Y2lwaGVydGV4dA.dGFn`;

/** The findings of a token at NOW. */
export function find(token: string, context: Partial<FindingContext> = {}): Finding[] {
	return listFindings(decodeToken(token), { now: NOW, ...context });
}

/** The codes of a token's findings at NOW. */
export const codes = (token: string, context: Partial<FindingContext> = {}) =>
	find(token, context).map((f) => f.code);

/** The first finding with this code, if any. */
export const findCode = (token: string, code: FindingCode, context: Partial<FindingContext> = {}) =>
	find(token, context).find((f) => f.code === code);

const SEVERITIES = ['error', 'warning', 'info'];

/** Asserts every finding is complete, matches its code's table entry, and the list runs most severe first. */
export function expectWellFormed(findings: readonly Finding[]): void {
	for (const finding of findings) {
		expect(finding.detail.length).toBeGreaterThan(0);
		expect(finding.url).toMatch(/^https:\/\//);
		expect(finding).toMatchObject(findingInfo[finding.code as CoreFindingCode]);
	}
	const ranks = findings.map((f) => SEVERITIES.indexOf(f.severity));
	expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
}

/**
 * The two table suites every findings-*.test.ts declares: each raising case raises its code with
 * well-formed findings, and no near miss raises its code.
 */
export function describeFindingCases(
	titles: { raised: string; notRaised: string },
	raising: readonly FindingCase[],
	nearMisses: readonly FindingCase[],
): void {
	describe(titles.raised, () => {
		test.each(raising)('%s', (_name, token, context, code) => {
			expect(codes(token, context)).toContain(code);
			expectWellFormed(find(token, context));
		});
	});
	describe(titles.notRaised, () => {
		test.each(nearMisses)('%s', (_name, token, context, code) => {
			expect(codes(token, context)).not.toContain(code);
		});
	});
}

/** One test of Wycheproof's json_web_signature_test.json (tests/vectors/wycheproof). */
export interface WycheproofJwsVector {
	readonly tcId: number;
	readonly comment: string;
	readonly jws: unknown;
}

/** Every test of Wycheproof's json_web_signature_test.json, across its groups. */
export function wycheproofJwsVectors(): WycheproofJwsVector[] {
	const file = JSON.parse(
		readFileSync(
			new URL('../../../vectors/wycheproof/json_web_signature_test.json', import.meta.url),
			'utf8',
		),
	) as { testGroups: { tests: WycheproofJwsVector[] }[] };
	return file.testGroups.flatMap((g) => g.tests);
}
