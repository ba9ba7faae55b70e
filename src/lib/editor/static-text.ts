// The editor's text as plain lines of coloured segments, shown before CodeMirror has loaded: the page can show a
// decoded token at first paint, and CodeMirror (most of the page's script) loads right after it.

import { classifyToken, JSON_TOKEN, tokenClasses } from './json-tokens';
import type { Mark } from './marks';

/** A run of text with the classes CodeMirror would give it: a JSON token's and any marks over it. */
export interface Segment {
	readonly text: string;
	readonly className: string;
	/** Inside a mark drawn as `<mark>` (a range the person asked to see). */
	readonly mark: boolean;
}

/** The most shown before the editor loads: more than its box holds, never megabytes of elements. */
export const STATIC_CHARS = 20_000;
export const STATIC_LINES = 200;

interface Range {
	readonly from: number;
	readonly to: number;
	readonly className: string;
	readonly mark: boolean;
}

/**
 * The start of `text` (at most STATIC_LINES lines and STATIC_CHARS characters) as lines of segments, coloured as
 * the editor colours them: JSON tokens for `json`, and `marks` (token parts, errors, highlights) for both.
 */
export function staticLines(text: string, language: 'json' | 'token', marks: readonly Mark[]): Segment[][] {
	const shown = cutText(text);
	// JSON tokens are sorted and never overlap; marks are few and may overlap them and each other.
	const tokens = language === 'json' ? jsonRanges(shown) : [];
	const marked: Range[] = [];
	for (const mark of marks) {
		const from = Math.max(0, mark.from);
		const to = Math.min(shown.length, mark.to);
		if (to > from) marked.push({ from, to, className: mark.className, mark: mark.tagName === 'mark' });
	}
	// Every place a range starts or ends, or a line breaks, starts a new segment.
	const cuts = new Set([0, shown.length]);
	for (const range of [...tokens, ...marked]) cuts.add(range.from).add(range.to);
	for (let at = shown.indexOf('\n'); at >= 0; at = shown.indexOf('\n', at + 1)) cuts.add(at).add(at + 1);
	const points = [...cuts].sort((a, b) => a - b);

	const lines: Segment[][] = [[]];
	let next = 0;
	for (let i = 0; i + 1 < points.length; i++) {
		const from = points[i]!;
		const to = points[i + 1]!;
		if (shown[from] === '\n') {
			lines.push([]);
			continue;
		}
		while (next < tokens.length && tokens[next]!.to <= from) next++;
		const token = tokens[next] && tokens[next]!.from <= from ? [tokens[next]!] : [];
		const over = [...token, ...marked.filter((range) => range.from <= from && range.to >= to)];
		lines.at(-1)!.push({
			text: shown.slice(from, to),
			className: over.map((range) => range.className).join(' '),
			mark: over.some((range) => range.mark),
		});
	}
	return lines;
}

/** `text` cut to the lines and characters shown. */
function cutText(text: string): string {
	let end = Math.min(text.length, STATIC_CHARS);
	let line = 0;
	for (let at = text.indexOf('\n'); at >= 0 && at < end; at = text.indexOf('\n', at + 1))
		if (++line === STATIC_LINES) end = at;
	return text.slice(0, end);
}

/** The JSON tokens of `text`, line by line (as the editor's highlighter reads them), with their classes. */
function jsonRanges(text: string): Range[] {
	const ranges: Range[] = [];
	for (let start = 0; start <= text.length;) {
		const newline = text.indexOf('\n', start);
		const end = newline < 0 ? text.length : newline;
		const line = text.slice(start, end);
		JSON_TOKEN.lastIndex = 0;
		for (let match = JSON_TOKEN.exec(line); match; match = JSON_TOKEN.exec(line)) {
			const after = JSON_TOKEN.lastIndex;
			const kind = classifyToken(match[0], line.slice(after, after + 64));
			if (kind)
				ranges.push({
					from: start + match.index,
					to: start + after,
					className: tokenClasses[kind],
					mark: false,
				});
		}
		start = end + 1;
	}
	return ranges;
}
