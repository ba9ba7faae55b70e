// Builds dist/jwt-prism.html: the whole app in one file (script and style inlined), for air-gapped machines and file://.
// The Content-Security-Policy stays strict: the inline script is allowed by its SHA-256 hash, nothing else runs.
// Usage: node scripts/single-file.mjs (after `vite build`, which it leaves untouched); `npm run build` runs both.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'vite';

const outDir = 'dist-single';
process.env.PRISM_SINGLE_FILE = '1';
await build({
	logLevel: 'warn',
	build: {
		outDir,
		emptyOutDir: true,
		copyPublicDir: false,
		cssCodeSplit: false,
		assetsInlineLimit: Number.MAX_SAFE_INTEGER,
		// One chunk: dynamic imports (verification, the review, the claims reference) are inlined.
		rolldownOptions: { output: { codeSplitting: false } },
	},
});

let html = readFileSync(`${outDir}/index.html`, 'utf8');
const scriptTag = html.match(/<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)"><\/script>/);
const styleTag = html.match(/<link rel="stylesheet" crossorigin href="\.\/(assets\/[^"]+\.css)">/);
if (!scriptTag?.[1] || !styleTag?.[1])
	throw new Error('single-file: the built index.html has no script or stylesheet to inline');

// `</script` inside the code would end the inline element early; `<\/script` means the same to JavaScript.
const script = readFileSync(`${outDir}/${scriptTag[1]}`, 'utf8').replaceAll('</script', '<\\/script');
const style = readFileSync(`${outDir}/${styleTag[1]}`, 'utf8').replaceAll('</style', '<\\/style');
const hash = createHash('sha256').update(script).digest('base64');
const icon = `data:image/svg+xml;base64,${readFileSync('public/icon.svg').toString('base64')}`;

html = html
	.replace(scriptTag[0], () => '')
	.replace(styleTag[0], () => `<style>${style}</style>`)
	.replace(
		/<link rel="icon" href="[^"]*" type="image\/svg\+xml" \/>/,
		`<link rel="icon" href="${icon}" type="image/svg+xml" />`,
	)
	// The analysis worker's code is inside the script and starts from a blob: URL: allowed for workers only.
	.replace("script-src 'self'", `script-src 'sha256-${hash}'; worker-src blob:`)
	// Module scripts run after parsing, as the separate file did; the body must exist first.
	.replace('</body>', () => `<script type="module">${script}</script>\n\t</body>`);
if (!html.includes(`'sha256-${hash}'`))
	throw new Error('single-file: the CSP meta tag was not found to add the script hash');

writeFileSync('dist/jwt-prism.html', html);
rmSync(outDir, { recursive: true, force: true });
console.log(`dist/jwt-prism.html: ${html.length} bytes, script sha256-${hash}`);
