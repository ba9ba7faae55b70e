// Compares two tokens' headers and payloads member by member: what was added, removed or changed, each at its JSON Pointer.

import type { DecodedToken } from './decode';
import { formatDuration } from './findings/times';
import { toPlainValue, type JsonNode } from './json';
import { timeClaims } from './time-claims';

/** How a member differs: `added` is only in the related (second) token, `removed` only in the first. */
export type ChangeKind = 'added' | 'removed' | 'changed';

/** One difference between the two tokens (ui-contract.md table `Differences`). */
export interface Difference {
	/** A JSON Pointer below `/header` or `/payload` (RFC 6901), e.g. `/payload/exp`. */
	readonly path: string;
	readonly part: 'header' | 'payload';
	readonly change: ChangeKind;
	/** The value in the first token as JSON text; absent when added. */
	readonly before?: string;
	/** The value in the related token as JSON text; absent when removed. */
	readonly after?: string;
	/** For a time claim that changed between two numbers: the related value minus the first, in seconds and in words ("+13 days"). */
	readonly delta?: { readonly seconds: number; readonly text: string };
	/** A change of `alg`, `kid` or `iss`: the ones that most often explain why one token works and the other not, listed first. */
	readonly notable: boolean;
}

/** The differences, and how many more there were than are listed. */
export interface DiffResult {
	readonly differences: readonly Difference[];
	readonly omitted: number;
}

/** Differences listed at most; a huge pair of tokens says how many more there were. */
export const MAX_DIFFERENCES = 1000;
/** Values are shown up to this many characters; the editors hold the whole. */
export const MAX_SHOWN = 200;

const NOTABLE: ReadonlySet<string> = new Set(['/header/alg', '/header/kid', '/payload/iss']);

/** A key as a JSON Pointer reference token: `~` as `~0`, `/` as `~1` (RFC 6901 §3). */
export function escapePointer(key: string): string {
	return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Compares two decoded tokens' headers and JSON payloads. Objects are compared member by member,
 * recursively (with duplicate keys the last counts, as everywhere on the page); arrays and other
 * values whole. Notable changes (`alg`, `kid`, `iss`) come first, then the rest in document order:
 * header before payload, the first token's members before those only the related token has.
 */
export function diffTokens(first: DecodedToken, related: DecodedToken): DiffResult {
	const differences: Difference[] = [];
	let total = 0;
	const record = (difference: Difference) => {
		total++;
		if (differences.length < MAX_DIFFERENCES) differences.push(difference);
	};
	for (const part of ['header', 'payload'] as const) {
		diffNodes(jsonOf(first, part), jsonOf(related, part), part, record);
	}
	const ordered = [...differences.filter((d) => d.notable), ...differences.filter((d) => !d.notable)];
	return { differences: ordered, omitted: total - differences.length };
}

function jsonOf(decoded: DecodedToken, part: 'header' | 'payload'): JsonNode | undefined {
	if (part === 'header') return decoded.header?.root;
	return decoded.payload.mode === 'json' ? decoded.payload.root : undefined;
}

/** Walks both trees with an explicit stack, so a deeply nested token cannot overflow the call stack. */
function diffNodes(
	a: JsonNode | undefined,
	b: JsonNode | undefined,
	part: 'header' | 'payload',
	record: (d: Difference) => void,
): void {
	const work: [JsonNode | undefined, JsonNode | undefined, string][] = [[a, b, `/${part}`]];
	while (work.length > 0) {
		const [x, y, path] = work.pop()!;
		if (x === undefined && y === undefined) continue;
		if (x?.kind === 'object' && y?.kind === 'object') {
			const left = membersOf(x);
			const right = membersOf(y);
			const next: typeof work = [];
			for (const [key, value] of left) next.push([value, right.get(key), `${path}/${escapePointer(key)}`]);
			for (const [key, value] of right)
				if (!left.has(key)) next.push([undefined, value, `${path}/${escapePointer(key)}`]);
			// Reversed onto the stack so members come off in document order.
			for (let i = next.length - 1; i >= 0; i--) work.push(next[i]!);
			continue;
		}
		if (x !== undefined && y !== undefined && sameValue(x, y)) continue;
		const change: ChangeKind = x === undefined ? 'added' : y === undefined ? 'removed' : 'changed';
		record({
			path,
			part,
			change,
			before: x && showValue(x),
			after: y && showValue(y),
			delta: timeDelta(path, part, x, y),
			notable: NOTABLE.has(path),
		});
	}
}

/** An object's members by key, the last duplicate winning (as `getMember` reads them). */
function membersOf(node: Extract<JsonNode, { kind: 'object' }>): Map<string, JsonNode> {
	const members = new Map<string, JsonNode>();
	for (const entry of node.entries) {
		members.delete(entry.key);
		members.set(entry.key, entry.value);
	}
	return members;
}

/** Whether two values are the same JSON value: numbers by value, objects regardless of member order. */
export function sameValue(a: JsonNode, b: JsonNode): boolean {
	const work: [JsonNode, JsonNode][] = [[a, b]];
	while (work.length > 0) {
		const [x, y] = work.pop()!;
		if (x.kind !== y.kind) return false;
		switch (x.kind) {
			case 'object': {
				const left = membersOf(x);
				const right = membersOf(y as typeof x);
				if (left.size !== right.size) return false;
				for (const [key, value] of left) {
					const other = right.get(key);
					if (other === undefined) return false;
					work.push([value, other]);
				}
				break;
			}
			case 'array': {
				const items = (y as typeof x).items;
				if (x.items.length !== items.length) return false;
				x.items.forEach((item, i) => work.push([item, items[i]!]));
				break;
			}
			case 'null':
				break;
			default:
				if (x.value !== (y as typeof x).value) return false;
		}
	}
	return true;
}

/** A value as JSON text, numbers as written; cut at MAX_SHOWN characters. */
function showValue(node: JsonNode): string {
	const text =
		node.kind === 'number' || node.kind === 'string' ? node.raw : JSON.stringify(toPlainValue(node));
	return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

function timeDelta(
	path: string,
	part: 'header' | 'payload',
	x: JsonNode | undefined,
	y: JsonNode | undefined,
): Difference['delta'] {
	if (part !== 'payload' || x?.kind !== 'number' || y?.kind !== 'number') return undefined;
	const name = path.slice('/payload/'.length);
	if (!timeClaims.includes(name)) return undefined;
	const seconds = y.value - x.value;
	if (!Number.isFinite(seconds)) return undefined;
	return { seconds, text: formatDelta(seconds) };
}

/** "+13 days", "-2 hours", "+90 seconds": a signed duration in the largest unit it holds twice. */
export function formatDelta(seconds: number): string {
	return `${seconds < 0 ? '-' : '+'}${formatDuration(Math.abs(seconds))}`;
}

/** The differences as plain text, one per line, for `Copy differences`: `changed /payload/exp: 1 → 2 (+1 second)`. */
export function formatDifferences(result: DiffResult): string {
	if (result.differences.length === 0) return 'The two tokens have the same header and payload.';
	const lines = result.differences.map((d) => {
		const values =
			d.change === 'added' ? d.after : d.change === 'removed' ? d.before : `${d.before} → ${d.after}`;
		return `${d.change} ${d.path}: ${values}${d.delta ? ` (${d.delta.text})` : ''}`;
	});
	if (result.omitted > 0) lines.push(`… and ${result.omitted} more differences.`);
	return lines.join('\n');
}
