// Tokens inside tokens: opening the JWS or JWE inside a decrypted JWE or a JWS payload, and going back out, carrying an edit out.

import type { DebuggerState } from './debugger.svelte';
import { TokenSession } from './session.svelte';

/**
 * Opens the token inside the shown one (`Open inner token`): a decrypted JWE's plaintext or a JWS payload that is
 * a compact token, as a session of its own with its own `Secret or key`, verdict, findings and editing
 * (RFC 7519 §5.2).
 */
export function openInner(app: DebuggerState): void {
	const nested = app.session.inner;
	if (!nested) return;
	const inner = new TokenSession(app.settings, app.modules);
	inner.view.setText(nested.token);
	app.backNote = '';
	app.push(inner, inner.track());
}

/**
 * Goes back to the token around the shown one (`Back to outer token`), carrying an edit of the inner token out:
 * an outer JWE is encrypted again around it for the same recipient (or the `Encryption key`), with a fresh content
 * key and IV; an outer JWS takes it as its payload and is signed again with its own key, as a payload edit is
 * (unsigned when it has none). If the JWE cannot be encrypted again, the person stays inside and `backNote` says why.
 */
export async function backToOuter(app: DebuggerState): Promise<void> {
	const innermost = app.innermost;
	if (!innermost) return;
	const edited = innermost.session.view.token;
	const outer = innermost.outer;
	if (edited !== innermost.token && edited !== '') {
		if (outer.view.decoded?.kind === 'jws') {
			outer.editPayload(edited);
		} else {
			const problem = outer.decryption
				? await outer.decryption.reencrypt(edited)
				: 'The outer token is not decrypted, so it cannot be encrypted again.';
			if (problem) {
				app.backNote = `${problem} The outer token was left as it was.`;
				return;
			}
		}
	}
	app.backNote = '';
	app.pop();
}
