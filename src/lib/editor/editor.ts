// One CodeMirror editor as CodeEditor.svelte drives it: text in through setValue, out through onchange. This module
// and CodeMirror load after first paint (see load.ts); until then the component shows the text without them.

import { Compartment, EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { forgetHistory, hasHistory } from './history';
import { setMarks, type Mark } from './marks';
import { editorSetup, type EditorOptions } from './setup';

/** Documents this long have their marks painted in a separate task (see setMarks). */
const SEPARATE_REPAINT_CHARS = 32 * 1024;

/** What the editor starts with; later changes go through the methods. */
export interface EditorProps extends EditorOptions {
	readonly value: string;
	readonly marks: readonly Mark[];
	readonly readonly: boolean;
	readonly describedby?: string;
	/** Called with the whole text after each edit by the person (never for a change made through setValue). */
	readonly onchange: (text: string) => void;
	/** Called with the cursor's offset when the person moves it or selects, without editing. */
	readonly onselect?: (offset: number) => void;
	/**
	 * A value set from outside starts a new history: undo then reaches only the person's edits since. The
	 * Header and Payload editors want this (their text from outside is another token's); the token editor
	 * keeps a paste or an outside change as one step it can undo.
	 */
	readonly forgetUndoOnValue?: boolean;
}

/** A CodeMirror view that dispatches only real changes: each dispatch costs the page a layout. */
export class Editor {
	readonly view: EditorView;
	readonly #readOnly = new Compartment();
	readonly #described = new Compartment();
	/** The last value applied, so only outside changes are dispatched (no echo of the person's own typing). */
	#applied: string;
	#readonlyFlag: boolean;
	#describedby: string | undefined;
	#marks: { marks: readonly Mark[]; value: string } | undefined;
	#marksTimer: ReturnType<typeof setTimeout> | undefined;
	readonly #forgetUndoOnValue: boolean;

	constructor(host: HTMLElement, props: EditorProps) {
		this.#applied = props.value;
		this.#forgetUndoOnValue = props.forgetUndoOnValue ?? false;
		this.#readonlyFlag = props.readonly;
		this.#describedby = props.describedby;
		let state = EditorState.create({
			doc: props.value,
			extensions: [
				editorSetup(props),
				this.#readOnly.of(EditorState.readOnly.of(props.readonly)),
				this.#described.of(describedAttributes(props.describedby)),
				EditorView.updateListener.of((update) => {
					if (update.selectionSet && !update.docChanged && update.view.hasFocus)
						props.onselect?.(update.state.selection.main.head);
					if (!update.docChanged) return;
					const text = update.state.doc.toString();
					// A change dispatched from setValue is not an edit: echoing it would rewrite the token.
					if (text === this.#applied) return;
					this.#applied = text;
					props.onchange(text);
				}),
			],
		});
		// The first marks go in with the document, not in a dispatch after it.
		if (props.value.length < SEPARATE_REPAINT_CHARS) {
			state = state.update({ effects: setMarks.of(props.marks) }).state;
			this.#marks = { marks: props.marks, value: props.value };
		}
		this.view = new EditorView({ parent: host, state });
		if (!this.#marks) this.setMarks(props.marks, props.value);
	}

	/** Replaces the whole text with `next`, unless it is what the editor holds. */
	setValue(next: string): void {
		const view = this.view;
		if (next === this.#applied) return;
		this.#applied = next;
		if (view.state.doc.toString() === next) return;
		// Out of sight (the person scrolled away while a huge token was decoded), CodeMirror keeps its viewport
		// mapped through the change, which here covers the whole new document: it would draw every line of a
		// 10 MB payload, a long stall (docs/performance.md). Judged as in view, it draws only what its last
		// measured viewport needs; its next measurement finds it out of view again.
		if (!view.inView && next.length >= SEPARATE_REPAINT_CHARS) assumeInView(view);
		view.dispatch({
			changes: { from: 0, to: view.state.doc.length, insert: next },
			effects: this.#forgetUndoOnValue ? forgetHistory.of(null) : [],
		});
	}

	/** Paints `marks`, which were worked out for the text `forValue`. */
	setMarks(marks: readonly Mark[], forValue: string): void {
		if (this.#marks?.marks === marks && this.#marks.value === forValue) return;
		this.#marks = { marks, value: forValue };
		clearTimeout(this.#marksTimer);
		// Repainting a huge line costs as much as drawing it: do it in a task of its own, not in the one that drew it.
		if (forValue.length < SEPARATE_REPAINT_CHARS) {
			this.view.dispatch({ effects: setMarks.of(marks) });
			return;
		}
		this.#marksTimer = setTimeout(() => {
			if (this.#applied === forValue) this.view.dispatch({ effects: setMarks.of(marks) });
		});
	}

	/** Starts a new undo history: what was done to an earlier token must not be undone into this one. */
	forgetHistory(): void {
		// Usually the new value's own transaction forgot it already (forgetUndoOnValue): a dispatch is a layout.
		if (!hasHistory(this.view.state)) return;
		this.view.dispatch({ effects: forgetHistory.of(null) });
	}

	setReadonly(flag: boolean): void {
		if (flag === this.#readonlyFlag) return;
		this.#readonlyFlag = flag;
		this.view.dispatch({ effects: this.#readOnly.reconfigure([EditorState.readOnly.of(flag)]) });
	}

	setDescribedby(ids: string | undefined): void {
		if (ids === this.#describedby) return;
		this.#describedby = ids;
		this.view.dispatch({ effects: this.#described.reconfigure(describedAttributes(ids)) });
	}

	destroy(): void {
		clearTimeout(this.#marksTimer);
		this.view.destroy();
	}
}

function describedAttributes(ids: string | undefined) {
	return ids ? EditorView.contentAttributes.of({ 'aria-describedby': ids }) : [];
}

/** Sets CodeMirror's own (internal) in-view flag; see setValue. Checked by size.spec.ts. */
function assumeInView(view: EditorView): void {
	const internal = view as unknown as { viewState?: { inView?: boolean } };
	if (typeof internal.viewState?.inView === 'boolean') internal.viewState.inView = true;
}
