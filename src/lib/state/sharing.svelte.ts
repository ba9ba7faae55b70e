// Sharing one token: which claims to redact, the link without signature, the Markdown report, and the note beside Share link for a live token.

import type { Finding } from '$lib/jwt';
import type { ReportBinding, ReportVerdict } from '$lib/jwt/beside';
import type { Verdict } from '$lib/crypto';
import type { Crypto } from './modules.svelte';
import type { KeyState } from './key.svelte';
import type { Settings } from './settings.svelte';
import type { TokenView } from './token-view.svelte';

/** What sharing reads of the token session shown. */
interface Shown {
	readonly view: TokenView;
	readonly key: Pick<KeyState, 'verdict'>;
	readonly findings: readonly Finding[];
}

/** The sharing choices for the token shown; the page copies what this class builds. */
export class Sharing {
	/** JSON Pointers (`/payload/email`) to replace by "[redacted]", for the token they were chosen for. */
	#redact = $state.raw<{ token: string; pointers: readonly string[] }>({ token: '', pointers: [] });

	readonly #session: () => Shown;
	readonly #settings: Settings;

	constructor(session: () => Shown, settings: Settings) {
		this.#session = session;
		this.#settings = settings;
	}

	/** The claims chosen for redaction; a new token starts with none. */
	readonly redact = $derived.by<readonly string[]>(() =>
		this.#redact.token === this.#session().view.token ? this.#redact.pointers : [],
	);

	/** The payload's top-level claims a person can choose to redact, as names and pointers. */
	readonly choices = $derived.by(() => {
		const decoded = this.#session().view.decoded;
		const root = decoded?.payload.mode === 'json' ? decoded.payload.root : undefined;
		if (root?.kind !== 'object') return [];
		// Duplicate keys give one choice: redacting a name redacts the member that counts.
		const seen: Record<string, boolean> = Object.create(null);
		const names = root.entries.map((e) => e.key).filter((name) => !seen[name] && (seen[name] = true));
		return names.map((name) => ({
			name,
			pointer: `/payload/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`,
		}));
	});

	/** Whether `Share link` would hand over a token that still works, and the note the page shows beside it. */
	readonly risk = $derived.by(() => {
		const decoded = this.#session().view.decoded;
		const beside = this.#session().view.modules.beside;
		return decoded && beside
			? beside.describeShareRisk(decoded, this.#settings.at, this.#settings.clockSkew)
			: undefined;
	});

	/** Marks or unmarks a claim for redaction. */
	toggle(pointer: string, on: boolean): void {
		const token = this.#session().view.token;
		const current = this.redact.filter((p) => p !== pointer);
		this.#redact = { token, pointers: on ? [...current, pointer] : current };
	}

	/** What `Share without signature` copies: `pageUrl` ending in `#token=<header>.<payload>.`, redactions applied. */
	unsignedUrl(pageUrl: string): string | undefined {
		const decoded = this.#session().view.decoded;
		const beside = this.#session().view.modules.beside;
		return decoded && beside?.buildUnsignedShareUrl(pageUrl, decoded, this.redact);
	}

	/** The whole analysis as Markdown, redactions applied, with the bindings to a related token when given. */
	report(bindings: readonly ReportBinding[] = []): string | undefined {
		const session = this.#session();
		const decoded = session.view.decoded;
		if (!decoded) return undefined;
		return session.view.modules.beside?.formatReport({
			decoded,
			now: this.#settings.at,
			profile: session.view.profile,
			verdict: reportVerdict(session.key.verdict, session.view.modules.crypto),
			findings: session.findings,
			redact: this.redact,
			bindings,
		});
	}
}

/** The verdict as the report states it: status, the page's words for it, and where the key came from (never the key). */
function reportVerdict(verdict: Verdict, crypto: Crypto | undefined): ReportVerdict {
	// The words load with the verifier, which has loaded by the time a person asks for a report.
	const explanation = crypto?.describeVerdict(verdict).explanation ?? '';
	if (verdict.status === 'not-verified') return { status: verdict.status, text: explanation };
	const origin =
		verdict.origin === 'dpop-proof'
			? 'the public key in the DPoP proof\'s own header "jwk"'
			: verdict.via !== undefined
				? `a key carried in the token's own "${verdict.via}" header, chosen explicitly`
				: 'Secret or key';
	return {
		status: verdict.status,
		text: explanation,
		keyProvenance: verdict.key ? crypto && `${crypto.describeKey(verdict.key)}, from ${origin}` : undefined,
	};
}
