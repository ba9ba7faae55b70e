// Renders public/icon.svg to the PNG icons the web app manifest needs: 192 and 512 px, the sizes browsers ask
// for (Chromium's install check wants both). The 512 keeps its content to the safe zone, so it serves as the
// maskable icon and the plain one alike (manifest purpose `any maskable`).
// Each is written as a palette PNG (PALETTE_COLOURS colours, the rarest antialiasing shades mapped to the
// nearest kept one): a seventh of the bytes of a full-colour screenshot, and they are part of every first visit.
// Usage: node scripts/icons.mjs — run again after changing the SVG; the PNGs are committed.
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.mjs';

const BACKGROUND = '#1e1b4b';
/** Five flat colours and their edges: 32 look the same as 256 at these sizes, and take 4.6 KB less in all. */
const PALETTE_COLOURS = 32;
const svg = readFileSync('public/icon.svg', 'utf8');
const browser = await chromium.launch(chromiumLaunchOptions);
/** @type {[string, number, number][]} file, size, padding (maskable icons keep their content in the safe zone) */
const icons = [
	['public/icon-192.png', 192, 0],
	['public/icon-maskable-512.png', 512, 0.1],
];
const page = await browser.newPage();
for (const [file, size, padding] of icons) {
	const rgba = await page.evaluate(
		async ({ svg, size, inset, background }) => {
			const image = new Image();
			image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
			await image.decode();
			const canvas = new OffscreenCanvas(size, size);
			const context = /** @type {OffscreenCanvasRenderingContext2D} */ (canvas.getContext('2d'));
			context.fillStyle = background;
			context.fillRect(0, 0, size, size);
			context.drawImage(image, inset, inset, size - 2 * inset, size - 2 * inset);
			return Array.from(context.getImageData(0, 0, size, size).data);
		},
		{ svg, size, inset: Math.round(size * padding), background: BACKGROUND },
	);
	const png = encodePalettePng(size, Uint8Array.from(rgba));
	writeFileSync(file, png);
	console.log(`${file}: ${png.length} bytes`);
}
await browser.close();

/**
 * An opaque RGBA image as an 8-bit palette PNG (PNG §11.2.2 PLTE, colour type 3): the PALETTE_COLOURS most
 * frequent colours are kept, every other pixel takes the nearest of them.
 * @param {number} size width and height
 * @param {Uint8Array} rgba
 */
function encodePalettePng(size, rgba) {
	/** @type {Map<number, number>} */
	const counts = new Map();
	for (let i = 0; i < rgba.length; i += 4) {
		const rgb = ((rgba[i] ?? 0) << 16) | ((rgba[i + 1] ?? 0) << 8) | (rgba[i + 2] ?? 0);
		counts.set(rgb, (counts.get(rgb) ?? 0) + 1);
	}
	const palette = [...counts]
		.sort((a, b) => b[1] - a[1])
		.slice(0, PALETTE_COLOURS)
		.map(([rgb]) => rgb);
	/** @type {Map<number, number>} */
	const indexOf = new Map(palette.map((rgb, index) => [rgb, index]));
	const nearest = (/** @type {number} */ rgb) => {
		let best = 0;
		let bestDistance = Infinity;
		palette.forEach((candidate, index) => {
			const distance =
				(((candidate >> 16) & 255) - ((rgb >> 16) & 255)) ** 2 +
				(((candidate >> 8) & 255) - ((rgb >> 8) & 255)) ** 2 +
				((candidate & 255) - (rgb & 255)) ** 2;
			if (distance < bestDistance) [best, bestDistance] = [index, distance];
		});
		indexOf.set(rgb, best);
		return best;
	};
	// Each row starts with filter type 0 (none): palette indices do not predict well from their neighbours.
	const rows = Buffer.alloc(size * (size + 1));
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			const i = (y * size + x) * 4;
			const rgb = ((rgba[i] ?? 0) << 16) | ((rgba[i + 1] ?? 0) << 8) | (rgba[i + 2] ?? 0);
			rows[y * (size + 1) + 1 + x] = indexOf.get(rgb) ?? nearest(rgb);
		}
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 3, 0, 0, 0], 8); // bit depth 8, colour type 3 (palette), deflate, filter method 0, no interlace
	const plte = Buffer.from(palette.flatMap((rgb) => [(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255]));
	return Buffer.concat([
		Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
		chunk('IHDR', header),
		chunk('PLTE', plte),
		chunk('IDAT', deflateSync(rows, { level: 9 })),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

/**
 * One PNG chunk: length, type, data, CRC-32 of type and data (PNG §5.3).
 * @param {string} type
 * @param {Buffer} data
 */
function chunk(type, data) {
	const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

/** @param {Buffer} bytes */
function crc32(bytes) {
	let crc = 0xffffffff;
	for (const byte of bytes) {
		crc ^= byte;
		for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
	}
	return (crc ^ 0xffffffff) >>> 0;
}
