import { EditorState, type TransactionSpec } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { describe, expect, test } from 'vitest';
import { editHistory, forgetHistory, hasHistory, redo, undo } from '../../../src/lib/editor/history';

/** Just enough of an EditorView for the commands: a state and a dispatch that applies specs. */
function fakeView(doc: string) {
	const view = {
		state: EditorState.create({ doc, extensions: editHistory() }),
		dispatch(spec: TransactionSpec) {
			view.state = view.state.update(spec).state;
		},
	};
	return view as typeof view & EditorView;
}

const type = (view: ReturnType<typeof fakeView>, at: number, text: string) =>
	view.dispatch({ changes: { from: at, insert: text }, userEvent: 'input.type' });

describe('editor history', () => {
	test('undo and redo walk back and forth through separate edits', () => {
		const view = fakeView('{"a":1}');
		view.dispatch({ changes: { from: 0, to: 7, insert: '{"b":2}' }, userEvent: 'input.paste' });
		view.dispatch({ changes: { from: 0, to: 7, insert: '{"c":3}' }, userEvent: 'input.paste' });
		expect(undo(view)).toBe(true);
		expect(view.state.doc.toString()).toBe('{"b":2}');
		expect(undo(view)).toBe(true);
		expect(view.state.doc.toString()).toBe('{"a":1}');
		expect(undo(view)).toBe(false);
		expect(redo(view)).toBe(true);
		expect(view.state.doc.toString()).toBe('{"b":2}');
		expect(redo(view)).toBe(true);
		expect(view.state.doc.toString()).toBe('{"c":3}');
		expect(redo(view)).toBe(false);
	});

	test('keystrokes in quick succession undo as one step, and a new edit clears redo', () => {
		const view = fakeView('ab');
		type(view, 2, 'c');
		type(view, 3, 'd');
		type(view, 4, 'e');
		expect(view.state.doc.toString()).toBe('abcde');
		undo(view);
		expect(view.state.doc.toString()).toBe('ab');
		type(view, 2, 'x');
		expect(redo(view)).toBe(false);
	});

	test('the selection before the change comes back with the undo', () => {
		const view = fakeView('hello');
		view.dispatch({ selection: { anchor: 5 } });
		view.dispatch({
			changes: { from: 5, insert: ' world' },
			selection: { anchor: 11 },
			userEvent: 'input.paste',
		});
		undo(view);
		expect(view.state.selection.main.head).toBe(5);
	});

	/** What an editor does when another token's content arrives from outside (Editor.setValue). */
	const replaceFromOutside = (view: ReturnType<typeof fakeView>, text: string) =>
		view.dispatch({
			changes: { from: 0, to: view.state.doc.length, insert: text },
			effects: forgetHistory.of(null),
		});

	test('content from outside with forgetHistory leaves nothing to undo or redo, so no old text comes back', () => {
		const view = fakeView('{"name":"first"}');
		view.dispatch({ changes: { from: 15, insert: ',"x":1' }, userEvent: 'input.paste' });
		view.dispatch({ changes: { from: 15, insert: ',"y":2' }, userEvent: 'input.paste' });
		undo(view);
		replaceFromOutside(view, '{"name":"second"}');
		expect(undo(view)).toBe(false);
		expect(redo(view)).toBe(false);
		expect(view.state.doc.toString()).toBe('{"name":"second"}');
	});

	test('after content from outside, the person’s own edits undo back to that content and no further', () => {
		const view = fakeView('{"name":"first"}');
		replaceFromOutside(view, '{"name":"second"}');
		view.dispatch({ changes: { from: 16, insert: ',"y":2' }, userEvent: 'input.paste' });
		expect(undo(view)).toBe(true);
		expect(view.state.doc.toString()).toBe('{"name":"second"}');
		expect(undo(view)).toBe(false);
		expect(redo(view)).toBe(true);
		expect(view.state.doc.toString()).toBe('{"name":"second","y":2}');
	});

	test('hasHistory says whether there is a step to undo or redo, so forgetting nothing needs no transaction', () => {
		const view = fakeView('ab');
		expect(hasHistory(view.state)).toBe(false);
		type(view, 2, 'c');
		expect(hasHistory(view.state)).toBe(true);
		expect(undo(view)).toBe(true);
		// Only a redo step is left: still something to forget.
		expect(hasHistory(view.state)).toBe(true);
		view.dispatch({ effects: forgetHistory.of(null) });
		expect(hasHistory(view.state)).toBe(false);
		expect(hasHistory(EditorState.create({ doc: 'no history extension' }))).toBe(false);
	});

	test('content from outside without forgetHistory is one undoable step (the token editor)', () => {
		const view = fakeView('first.token.sig');
		view.dispatch({ changes: { from: 0, to: 15, insert: 'second.token.sig' } });
		expect(undo(view)).toBe(true);
		expect(view.state.doc.toString()).toBe('first.token.sig');
	});
});
