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
		state.keyBase64 = true;
		state.showExample(EXAMPLE);
		expect(state.isExample).toBe(true);
		expect(state.keyText).toBe(EXAMPLE_SECRET);
		expect(state.keyBase64).toBe(false);
	});

	test.each([
		['a pasted token', PASTED],
		['the example changed by typing in the token editor', `${EXAMPLE}x`],
		['an emptied editor (Clear)', ''],
	])('%s drops the example secret', (_name, text) => {
		const state = new DebuggerState();
		state.showExample(EXAMPLE);
		state.setText(text);
		expect(state.keyText).toBe('');
	});

	test('a key the person typed is never replaced by the example secret, nor dropped by a paste', () => {
		const state = new DebuggerState();
		state.keyText = 'their own secret';
		state.showExample(EXAMPLE);
		expect(state.keyText).toBe('their own secret');
		state.setText(PASTED);
		expect(state.keyText).toBe('their own secret');
	});

	test('the same text set again keeps the secret', () => {
		const state = new DebuggerState();
		state.showExample(EXAMPLE);
		state.setText(EXAMPLE);
		expect(state.keyText).toBe(EXAMPLE_SECRET);
	});
});
