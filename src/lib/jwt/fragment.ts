// The URL fragment format of ui-contract.md: `#token=`, `#id_token=` or `#access_token=`, never a key.

const TOKEN_PARAMETERS = ['token', 'id_token', 'access_token'] as const;

/**
 * Reads the token from a URL fragment (with or without the leading `#`). Parameters are
 * `&`-separated; values may be percent-encoded; other parameters are ignored. Returns undefined
 * when the fragment names no token.
 */
export function readFragmentToken(fragment: string): string | undefined {
	const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
	const values = new Map<string, string>();
	for (const pair of text.split('&')) {
		const at = pair.indexOf('=');
		if (at < 0) continue;
		const name = pair.slice(0, at);
		if (!values.has(name)) values.set(name, pair.slice(at + 1));
	}
	for (const name of TOKEN_PARAMETERS) {
		const raw = values.get(name);
		if (raw !== undefined && raw !== '') return safeDecode(raw);
	}
	return undefined;
}

/** The page URL (without its fragment) followed by `#token=<token>`: what `Share link` copies. */
export function buildShareUrl(pageUrl: string, token: string): string {
	const hash = pageUrl.indexOf('#');
	const base = hash >= 0 ? pageUrl.slice(0, hash) : pageUrl;
	// base64url characters and dots are safe in a fragment (RFC 3986 §3.5); escape anything else.
	return `${base}#token=${encodeURIComponent(token.trim()).replace(/%2E/gi, '.')}`;
}

function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch (error) {
		// A stray '%' that is not an escape: keep the text as given rather than lose it.
		if (error instanceof URIError) return value;
		throw error;
	}
}
