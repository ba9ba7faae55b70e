// Typed access to the page's DebuggerState through Svelte context.

import { getContext, setContext } from 'svelte';
import type { DebuggerState } from './debugger.svelte';

const key = Symbol('debugger');

/** Makes `state` available to every component below the caller. */
export function provideDebugger(state: DebuggerState): DebuggerState {
	return setContext(key, state);
}

/** The DebuggerState provided by App. */
export function useDebugger(): DebuggerState {
	return getContext<DebuggerState>(key);
}
