// Renders public/icon.svg to the PNG icons the web app manifest needs (192 and 512 px, plus a maskable 512).
// Usage: node scripts/icons.mjs — run again after changing the SVG; the PNGs are committed.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.mjs';

const svg = readFileSync('public/icon.svg', 'utf8');
const browser = await chromium.launch(chromiumLaunchOptions);
/** @type {[string, number, number][]} file, size, padding (maskable icons keep their content in the safe zone) */
const icons = [
	['public/icon-192.png', 192, 0],
	['public/icon-512.png', 512, 0],
	['public/icon-maskable-512.png', 512, 0.1],
];
for (const [file, size, padding] of icons) {
	const page = await browser.newPage({ viewport: { width: size, height: size } });
	const inset = Math.round(size * padding);
	await page.setContent(
		`<body style="margin:0;background:#1e1b4b"><div style="padding:${inset}px">${svg.replace('<svg', `<svg width="${size - 2 * inset}" height="${size - 2 * inset}"`)}</div></body>`,
	);
	await page.screenshot({ path: file, omitBackground: padding === 0 });
	await page.close();
}
await browser.close();
