// Serves a static build on 127.0.0.1, every file gzip -9, as a CDN would: realistic transfer sizes for the bench.
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

/** The compression level of every file served and of every size the bench reports. */
export const GZIP_LEVEL = 9;
const CONTENT_TYPES = /** @type {Record<string, string>} */ ({
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.map': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.wasm': 'application/wasm',
});

const gzip = promisify(gzipCallback);

/**
 * One request the server answered: what any context of a page (the page, a worker, the service worker) fetched.
 * @typedef {object} ServedRequest
 * @property {string} path the URL's path, from the server's root (`/assets/index-….js`)
 * @property {number} status 200 or 404
 * @property {number} raw the file's size
 * @property {number} gzip the file's size gzip -9
 * @property {number} sent the body bytes sent (gzip when the request accepted it)
 * @property {number} at Date.now() when it arrived
 */
/**
 * A static server and the log of every request it answered.
 * @typedef {object} Server
 * @property {string} base its URL, ending in `/`
 * @property {ServedRequest[]} requests every request so far, oldest first
 * @property {() => Promise<void>} close
 */

/**
 * Serves a directory on 127.0.0.1 at a free port, each file gzip -9. The files are read and compressed once at
 * start, so a rebuild of the directory during the bench (npm test builds dist/ too) cannot mix two builds.
 * Every request is logged, so the bench counts what the service worker fetches too (it escapes page events).
 * @param {string} dir
 * @returns {Promise<Server>}
 */
export async function serveDirectory(dir) {
	const root = resolve(dir);
	const files = await snapshotDirectory(root);
	if (!files.has(join(root, 'index.html')))
		throw new Error(`${dir} has no index.html: is it a static build?`);
	/** @type {ServedRequest[]} */
	const requests = [];
	const server = createServer((request, response) => {
		const path = resolveRequestPath(root, request.url ?? '/');
		const file = path && files.get(path);
		const logged = {
			path: new URL(request.url ?? '/', 'http://localhost').pathname,
			status: file ? 200 : 404,
			raw: file ? file.raw.length : 0,
			gzip: file ? file.gzipped.length : 0,
			sent: 0,
			at: Date.now(),
		};
		requests.push(logged);
		if (!path || !file) {
			response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
			return;
		}
		const useGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
		const body = useGzip ? file.gzipped : file.raw;
		if (request.method !== 'HEAD') logged.sent = body.length;
		response.writeHead(200, {
			'Content-Type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
			'Content-Length': body.length,
			'Cache-Control': 'no-cache',
			Vary: 'Accept-Encoding',
			...(useGzip ? { 'Content-Encoding': 'gzip' } : {}),
		});
		response.end(request.method === 'HEAD' ? undefined : body);
	});
	await new Promise((resolveListen, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolveListen(undefined));
	});
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error(`no port for the server of ${dir}`);
	return {
		base: `http://127.0.0.1:${address.port}/`,
		requests,
		close: () =>
			new Promise((resolveClose) => {
				server.closeAllConnections();
				server.close(() => resolveClose());
			}),
	};
}

/**
 * Every file under root, raw and gzip -9, keyed by absolute path.
 * @param {string} root
 */
async function snapshotDirectory(root) {
	/** @type {Map<string, { raw: Buffer, gzipped: Buffer }>} */
	const files = new Map();
	for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const path = join(entry.parentPath, entry.name);
		const raw = await readFile(path);
		files.set(path, { raw, gzipped: await gzip(raw, { level: GZIP_LEVEL }) });
	}
	return files;
}

/**
 * Maps a request URL to a file under root, `index.html` for a directory; undefined when it would leave root.
 * @param {string} root
 * @param {string} url
 */
function resolveRequestPath(root, url) {
	let pathname;
	try {
		pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
	} catch (error) {
		if (error instanceof URIError) return undefined;
		throw error;
	}
	if (pathname.endsWith('/')) pathname += 'index.html';
	const path = join(root, pathname);
	return path.startsWith(root + sep) ? path : undefined;
}
