// A CodeMirror extension that paints given ranges with classes: token parts, JSON errors, highlighted claims.

import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';

/** A range of the document to paint with a class (and optionally describe in a title). */
export interface Mark {
	readonly from: number;
	readonly to: number;
	readonly className: string;
	/** `mark` for ranges a person asked to see (a finding's claim), so assistive tech and tests find them. */
	readonly tagName?: 'mark';
}

/** Replaces all marks of the editor at once. */
export const setMarks = StateEffect.define<readonly Mark[]>();

const markField = StateField.define<DecorationSet>({
	create: () => Decoration.none,
	update(marks, transaction) {
		let next = marks.map(transaction.changes);
		for (const effect of transaction.effects) {
			if (effect.is(setMarks)) next = buildDecorations(effect.value, transaction.state.doc.length);
		}
		return next;
	},
	provide: (field) => EditorView.decorations.from(field),
});

function buildDecorations(marks: readonly Mark[], length: number): DecorationSet {
	const ranges = marks
		.map((mark) => ({
			...mark,
			from: Math.max(0, Math.min(mark.from, length)),
			to: Math.max(0, Math.min(mark.to, length)),
		}))
		.filter((mark) => mark.to > mark.from)
		.sort((a, b) => a.from - b.from || a.to - b.to)
		.map((mark) =>
			Decoration.mark({ class: mark.className, tagName: mark.tagName ?? 'span' }).range(mark.from, mark.to),
		);
	return Decoration.set(ranges, true);
}

/** Marks set through `setMarks`; they follow edits until replaced. */
export function rangeMarks(): Extension {
	return markField;
}
