// The editor set-ups the page uses: a plain one for the token, a JSON one for header and payload, both themed by CSS variables.

import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderText, drawSelection } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { rangeMarks } from './marks';

const jsonHighlight = HighlightStyle.define([
	{ tag: tags.propertyName, color: 'var(--json-key)' },
	{ tag: tags.string, color: 'var(--json-string)' },
	{ tag: tags.number, color: 'var(--json-number)' },
	{ tag: [tags.bool, tags.null], color: 'var(--json-literal)', fontWeight: '600' },
	{
		tag: [tags.brace, tags.squareBracket, tags.separator, tags.punctuation],
		color: 'var(--json-punctuation)',
	},
]);

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
		'&.cm-focused .cm-selectionBackground, .cm-selectionBackground': {
			backgroundColor: 'var(--selection) !important',
		},
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
		history(),
		drawSelection(),
		keymap.of([...defaultKeymap, ...historyKeymap]),
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
	if (options.language === 'json') extensions.push(json(), syntaxHighlighting(jsonHighlight));
	// A token is one long word: wrap it anywhere so it fits the column.
	if (options.language === 'token')
		extensions.push(EditorView.lineWrapping, EditorView.theme({ '.cm-content': { wordBreak: 'break-all' } }));
	else extensions.push(EditorView.lineWrapping);
	return extensions;
}
