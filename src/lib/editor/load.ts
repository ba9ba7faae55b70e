// Loads the editors' CodeMirror code once the page asks for it: right after first paint, or as soon as a person
// reaches for an editor. Editors wait for that; until then they show their text without CodeMirror.

import type * as EditorModule from './editor';

let loading: Promise<typeof EditorModule> | undefined;
let ask: () => void = () => {};
const asked = new Promise<void>((resolve) => (ask = resolve));

/** Starts loading the editor module (once) and returns it. */
export function loadEditor(): Promise<typeof EditorModule> {
	loading ??= import('./editor');
	ask();
	return loading;
}

/** The editor module, once something has asked for it with loadEditor. */
export function editorModule(): Promise<typeof EditorModule> {
	return asked.then(loadEditor);
}
