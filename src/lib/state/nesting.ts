// Tokens inside tokens: opening the JWS (or JWE) inside a decrypted JWE, and going back out, re-encrypting an edit.

import type { DebuggerState } from './debugger.svelte';
import { TokenSession } from './session.svelte';

/**
 * Opens the token inside the shown JWE's plaintext (`Open inner token`) as a session of its own: its own
 * `Secret or key`, verdict, findings and editing (RFC 7519 §5.2).
 */
export function openInner(app: DebuggerState): void {
	const nested = app.session.decryption?.nested;
	if (!nested) return;
	const inner = new TokenSession(app.settings, app.modules);
	inner.view.setText(nested.token);
	app.backNote = '';
	app.push(inner, inner.track());
}

/**
 * Goes back to the token around the shown one (`Back to outer token`). When the inner token was edited, the
 * outer JWE is encrypted again around it for the same recipient, with a fresh content key and IV; if that
 * cannot be done, the person stays inside and `backNote` says why.
 */
export async function backToOuter(app: DebuggerState): Promise<void> {
	const innermost = app.innermost;
	if (!innermost) return;
	const edited = innermost.session.view.token;
	if (edited !== innermost.token && edited !== '') {
		const decryption = innermost.outer.decryption;
		const problem = decryption
			? await decryption.reencrypt(edited)
			: 'The outer token is not decrypted, so it cannot be encrypted again.';
		if (problem) {
			app.backNote = `${problem} The outer token was left as it was.`;
			return;
		}
	}
	app.backNote = '';
	app.pop();
}
