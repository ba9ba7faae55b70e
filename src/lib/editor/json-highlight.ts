// JSON highlighting for the Header and Payload editors: a small line tokenizer instead of a full parser, run on visible lines only.

import { RangeSetBuilder, type Extension } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { classifyToken, JSON_TOKEN as TOKEN, tokenClasses } from './json-tokens';

/** Characters tokenized around the visible part of one very long line (a minified or text payload). */
const LONG_LINE_WINDOW = 4000;

const marks = {
	key: Decoration.mark({ class: tokenClasses.key }),
	string: Decoration.mark({ class: tokenClasses.string }),
	number: Decoration.mark({ class: tokenClasses.number }),
	literal: Decoration.mark({ class: tokenClasses.literal }),
	punctuation: Decoration.mark({ class: tokenClasses.punctuation }),
};

function buildDecorations(view: EditorView): DecorationSet {
	const builder = new RangeSetBuilder<Decoration>();
	const doc = view.state.doc;
	let lastLine = -1;
	for (const { from, to } of view.visibleRanges) {
		for (let pos = from; pos <= to;) {
			const line = doc.lineAt(pos);
			if (line.number > lastLine) {
				lastLine = line.number;
				const start =
					line.length > LONG_LINE_WINDOW * 2 ? Math.max(line.from, from - LONG_LINE_WINDOW) : line.from;
				const end = line.length > LONG_LINE_WINDOW * 2 ? Math.min(line.to, to + LONG_LINE_WINDOW) : line.to;
				const text = doc.sliceString(start, end);
				TOKEN.lastIndex = 0;
				for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
					const kind = classifyToken(match[0], text.slice(TOKEN.lastIndex, TOKEN.lastIndex + 64));
					if (kind) builder.add(start + match.index, start + TOKEN.lastIndex, marks[kind]);
				}
			}
			pos = line.to + 1;
		}
	}
	return builder.finish();
}

/** Highlights JSON keys, strings, numbers, literals and punctuation with the page's `--json-*` colours. */
export function jsonHighlight(): Extension {
	return ViewPlugin.fromClass(
		class {
			decorations: DecorationSet;
			constructor(view: EditorView) {
				this.decorations = buildDecorations(view);
			}
			update(update: ViewUpdate) {
				if (update.docChanged || update.viewportChanged) this.decorations = buildDecorations(update.view);
			}
		},
		{ decorations: (plugin) => plugin.decorations },
	);
}
