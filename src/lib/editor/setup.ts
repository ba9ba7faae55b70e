// The editor set-ups the page uses: a plain one for the token, a JSON one for header and payload, both themed by CSS variables.

import type { Extension } from '@codemirror/state';
import { EditorView, placeholder as placeholderText } from '@codemirror/view';
import { editHistory } from './history';
import { jsonHighlight } from './json-highlight';
import { rangeMarks } from './marks';

/** Colours and spacing from the page's CSS variables, so light and dark themes need no rebuild. */
export function editorTheme(): Extension {
	return EditorView.theme({
		'&': { color: 'var(--text)', backgroundColor: 'var(--editor-bg)', fontSize: '0.9rem' },
		// The focus ring is drawn by the wrapper (`:focus-within`), which clips nothing around it.
		'&.cm-focused': { outline: 'none' },
		'.cm-content': {
			fontFamily: 'var(--mono)',
			padding: '0.6rem 0',
			caretColor: 'var(--text)',
		},
		'.cm-line': { padding: '0 0.75rem' },
		'.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.55' },
		'.cm-placeholder': { color: 'var(--muted)' },
		// Selection is the browser's own (motion and deletion too); it takes the page's colour.
		'.cm-content ::selection': { backgroundColor: 'var(--selection)' },
		'.cm-cursor': { borderLeftColor: 'var(--text)' },
	});
}

/** Options shared by every editor on the page. */
export interface EditorOptions {
	readonly label: string;
	readonly placeholder?: string;
	readonly language: 'json' | 'token';
}

/** The extensions of one editor: history, keys, marks, theme, JSON highlighting, an accessible name. */
export function editorSetup(options: EditorOptions): Extension {
	const extensions: Extension[] = [
		editHistory(),
		rangeMarks(),
		editorTheme(),
		EditorView.contentAttributes.of({
			'aria-label': options.label,
			spellcheck: 'false',
			autocapitalize: 'off',
			autocorrect: 'off',
		}),
	];
	if (options.placeholder) extensions.push(placeholderText(options.placeholder));
	if (options.language === 'json') extensions.push(jsonHighlight());
	// A token is one long word: wrap it anywhere so it fits the column.
	if (options.language === 'token')
		extensions.push(EditorView.lineWrapping, EditorView.theme({ '.cm-content': { wordBreak: 'break-all' } }));
	else extensions.push(EditorView.lineWrapping);
	return extensions;
}
