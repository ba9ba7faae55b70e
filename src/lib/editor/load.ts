// Loads the editors' CodeMirror code once the page asks for it: right after first paint, or as soon as a person
// reaches for an editor. Editors wait for that; until then they show their text without CodeMirror.

import type * as EditorModule from './editor';

let loading: Promise<typeof EditorModule | undefined> | undefined;
let ask: () => void = () => {};
const asked = new Promise<void>((resolve) => (ask = resolve));

/**
 * Starts loading the editor module (once) and returns it, or undefined when it could not be fetched (the
 * network went away): the editors then stay read-only, and the next call tries again.
 */
export function loadEditor(): Promise<typeof EditorModule | undefined> {
	loading ??= import('./editor').catch(() => {
		loading = undefined;
		return undefined;
	});
	ask();
	return loading;
}

/** The editor module, once something has asked for it with loadEditor (undefined if it failed to load). */
export function editorModule(): Promise<typeof EditorModule | undefined> {
	return asked.then(loadEditor);
}
