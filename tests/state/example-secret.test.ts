// The example's secret: filled in with the example so it shows verified, and never kept for a token the person brings.
import { describe, expect, test } from 'vitest';
import { EXAMPLE_SECRET } from '../../src/lib/jwt/example';
import { DebuggerState } from '../../src/lib/state/debugger.svelte';
import { HS, jws, NOW } from '../unit/jwt/findings/fixtures';

const EXAMPLE = jws(HS, { sub: 'example', exp: NOW + 3600 });
const PASTED = jws(HS, { sub: 'theirs', exp: NOW + 3600 });

describe('the example secret goes with the example', () => {
	test('showing the example fills its secret, as plain text', () => {
		const state = new DebuggerState();
		state.main.key.base64 = true;
		state.main.showExample(EXAMPLE);
		expect(state.main.view.isExample).toBe(true);
		expect(state.main.key.text).toBe(EXAMPLE_SECRET);
		expect(state.main.key.base64).toBe(false);
	});

	test.each([
		['a pasted token', PASTED],
		['the example changed by typing in the token editor', `${EXAMPLE}x`],
		['an emptied editor (Clear)', ''],
	])('%s drops the example secret', (_name, text) => {
		const state = new DebuggerState();
		state.main.showExample(EXAMPLE);
		state.main.setText(text);
		expect(state.main.key.text).toBe('');
	});

	test('a key the person typed is never replaced by the example secret, nor dropped by a paste', () => {
		const state = new DebuggerState();
		state.main.key.text = 'their own secret';
		state.main.showExample(EXAMPLE);
		expect(state.main.key.text).toBe('their own secret');
		state.main.setText(PASTED);
		expect(state.main.key.text).toBe('their own secret');
	});

	test('the same text set again keeps the secret', () => {
		const state = new DebuggerState();
		state.main.showExample(EXAMPLE);
		state.main.setText(EXAMPLE);
		expect(state.main.key.text).toBe(EXAMPLE_SECRET);
	});
});
