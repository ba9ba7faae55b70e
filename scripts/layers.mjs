// Checks that src/ imports point one way down the layers and that no files import each other in a circle.
// Type-only imports count too: a cycle of types is still two files that cannot be read apart.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Each layer and the layers it may import (besides itself). The order, bottom up: encoding → jwt → crypto →
 * worker → state → components → the page; editor and browser stand apart (CodeMirror and DOM helpers).
 * @type {Record<string, string[]>}
 */
export const allowed = {
	encoding: [],
	jwt: ['encoding'],
	crypto: ['encoding', 'jwt'],
	editor: [],
	browser: [],
	worker: ['encoding', 'jwt'],
	state: ['encoding', 'jwt', 'crypto', 'worker', 'browser'],
	components: ['encoding', 'jwt', 'crypto', 'editor', 'browser', 'state'],
	page: ['encoding', 'jwt', 'crypto', 'editor', 'browser', 'worker', 'state', 'components'],
};

/**
 * Every import under `root` that points up or sideways to a layer it may not use, every import that does not
 * resolve, and every cycle, as lines to print; none when the tree is sound.
 * @param {string} root
 * @returns {{ problems: string[]; files: number; imports: number }}
 */
export function checkLayers(root) {
	const lib = path.join(root, 'lib');
	/** @param {string} file */
	function layerOf(file) {
		const relative = path.relative(root, file).split(path.sep);
		if (relative[0] === 'lib') return relative[1] ?? 'page';
		if (relative[0] === 'components') return 'components';
		return 'page';
	}

	/** @param {string} dir @returns {string[]} */
	function listFiles(dir) {
		return readdirSync(dir).flatMap((name) => {
			const full = path.join(dir, name);
			if (statSync(full).isDirectory()) return listFiles(full);
			return /\.(ts|svelte)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
		});
	}

	const files = listFiles(root);
	const known = new Set(files);
	const extensions = ['', '.ts', '.svelte.ts', '/index.ts'];

	/** @param {string} from @param {string} specifier */
	function resolve(from, specifier) {
		const bare = specifier.split('?')[0] ?? '';
		let base;
		if (bare.startsWith('$lib/') || bare === '$lib') base = path.join(lib, bare.slice(5));
		else if (bare.startsWith('.')) base = path.resolve(path.dirname(from), bare);
		else return undefined;
		for (const extension of extensions) if (known.has(base + extension)) return base + extension;
		return undefined;
	}

	const importPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
	/** @type {Map<string, string[]>} */
	const graph = new Map();
	const problems = [];
	for (const file of files) {
		const text = readFileSync(file, 'utf8');
		const targets = [];
		for (const match of text.matchAll(importPattern)) {
			const specifier = match[1] ?? '';
			const target = resolve(file, specifier);
			if (!target) {
				if (
					(specifier.startsWith('.') || specifier.startsWith('$lib')) &&
					!/\.(css|json|svg|png)$/.test(specifier)
				)
					problems.push(`${path.relative('.', file)}: cannot resolve '${specifier}'`);
				continue;
			}
			targets.push(target);
			const from = layerOf(file);
			const to = layerOf(target);
			if (from !== to && !(allowed[from] ?? []).includes(to))
				problems.push(
					`${path.relative('.', file)} (${from}) imports ${path.relative('.', target)} (${to}): ${from} may import ${allowed[from]?.join(', ') || 'nothing outside itself'}`,
				);
		}
		graph.set(file, targets);
	}

	// Tarjan's strongly connected components: any component of more than one file is a cycle.
	let index = 0;
	/** @type {Map<string, number>} */ const indices = new Map();
	/** @type {Map<string, number>} */ const lowlinks = new Map();
	/** @type {string[]} */ const stack = [];
	const onStack = new Set();
	/** @param {string} node */
	function connect(node) {
		indices.set(node, index);
		lowlinks.set(node, index);
		index++;
		stack.push(node);
		onStack.add(node);
		for (const next of graph.get(node) ?? []) {
			if (!indices.has(next)) {
				connect(next);
				lowlinks.set(node, Math.min(lowlinks.get(node) ?? 0, lowlinks.get(next) ?? 0));
			} else if (onStack.has(next)) {
				lowlinks.set(node, Math.min(lowlinks.get(node) ?? 0, indices.get(next) ?? 0));
			}
		}
		if (lowlinks.get(node) === indices.get(node)) {
			const component = [];
			let member;
			do {
				member = stack.pop() ?? '';
				onStack.delete(member);
				component.push(member);
			} while (member !== node);
			if (component.length > 1 || (graph.get(node) ?? []).includes(node))
				problems.push(`import cycle: ${component.map((f) => path.relative('.', f)).join(' → ')}`);
		}
	}
	for (const file of files) if (!indices.has(file)) connect(file);

	return { problems, files: files.length, imports: [...graph.values()].flat().length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { problems, files, imports } = checkLayers(path.resolve(process.argv[2] ?? 'src'));
	if (problems.length > 0) {
		console.error(problems.join('\n'));
		console.error(
			`${problems.length} layer or cycle problem${problems.length === 1 ? '' : 's'} in ${files} files.`,
		);
		process.exit(1);
	}
	console.log(`layers and cycles: ${files} files, ${imports} imports, all pointing down, no cycle.`);
}
