// Undo and redo for the editors: a small history of inverted changes, so the page need not load @codemirror/commands and its parser.

import {
	Annotation,
	StateEffect,
	StateField,
	type ChangeSet,
	type EditorSelection,
	type EditorState,
	type Extension,
	type Transaction,
} from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';

/** One undoable step: the changes that take the document back, and the selection to restore. */
interface Entry {
	readonly changes: ChangeSet;
	readonly selection: EditorSelection;
	readonly time: number;
	readonly typing: boolean;
}

interface HistoryState {
	readonly done: readonly Entry[];
	readonly undone: readonly Entry[];
}

/** Keystrokes closer together than this are undone as one step. */
const GROUP_MS = 500;
const MAX_DEPTH = 200;
const fromHistory = Annotation.define<'undo' | 'redo'>();

/**
 * Forgets every undo and redo step: added to a change that puts another token's content in an editor, so
 * undo there never brings the previous token's content back into the new one.
 */
export const forgetHistory = StateEffect.define<null>();

function entryOf(transaction: Transaction): Entry {
	return {
		changes: transaction.changes.invert(transaction.startState.doc),
		selection: transaction.startState.selection,
		time: Date.now(),
		typing: transaction.isUserEvent('input.type') || transaction.isUserEvent('delete'),
	};
}

const historyField = StateField.define<HistoryState>({
	create: () => ({ done: [], undone: [] }),
	update(state, transaction) {
		if (transaction.effects.some((effect) => effect.is(forgetHistory))) return { done: [], undone: [] };
		if (!transaction.docChanged) return state;
		const source = transaction.annotation(fromHistory);
		if (source === 'undo')
			return { done: state.done.slice(0, -1), undone: [...state.undone, entryOf(transaction)] };
		if (source === 'redo')
			return { done: [...state.done, entryOf(transaction)], undone: state.undone.slice(0, -1) };
		const entry = entryOf(transaction);
		const last = state.done[state.done.length - 1];
		if (last && entry.typing && last.typing && entry.time - last.time < GROUP_MS) {
			// The new inverse leads back to where `last` starts, so the two undo together.
			const merged = { ...entry, changes: entry.changes.compose(last.changes), selection: last.selection };
			return { done: [...state.done.slice(0, -1), merged], undone: [] };
		}
		return { done: [...state.done, entry].slice(-MAX_DEPTH), undone: [] };
	},
});

/** Whether `state` has a step to undo or redo: forgetting an empty history needs no transaction. */
export function hasHistory(state: EditorState): boolean {
	const history = state.field(historyField, false);
	return history !== undefined && (history.done.length > 0 || history.undone.length > 0);
}

function step(view: EditorView, direction: 'undo' | 'redo'): boolean {
	const state = view.state.field(historyField);
	const stack = direction === 'undo' ? state.done : state.undone;
	const entry = stack[stack.length - 1];
	if (!entry || view.state.readOnly) return false;
	view.dispatch({
		changes: entry.changes,
		selection: entry.selection,
		annotations: fromHistory.of(direction),
		userEvent: direction,
		scrollIntoView: true,
	});
	return true;
}

/** Undoes the last change (or group of keystrokes). */
export const undo = (view: EditorView): boolean => step(view, 'undo');
/** Redoes the last undone change. */
export const redo = (view: EditorView): boolean => step(view, 'redo');

/** The history and its keys: Mod-z undoes, Mod-y and Mod-Shift-z redo. */
export function editHistory(): Extension {
	return [
		historyField,
		keymap.of([
			{ key: 'Mod-z', run: undo, preventDefault: true },
			{ key: 'Mod-y', run: redo, preventDefault: true },
			{ key: 'Mod-Shift-z', run: redo, preventDefault: true },
		]),
	];
}
