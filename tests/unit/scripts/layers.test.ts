// The layer and cycle check that npm test runs: it holds on src/, and it catches what it is there to catch.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkLayers } from '../../../scripts/layers.mjs';

type Check = (root: string) => { problems: string[]; files: number; imports: number };
const check = checkLayers as Check;

function tree(files: Record<string, string>): string {
	const root = mkdtempSync(path.join(tmpdir(), 'layers-'));
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
		writeFileSync(path.join(root, name), text);
	}
	return root;
}

describe('checkLayers', () => {
	test('src/ imports only down the layers, with no cycle', () => {
		const result = check(path.resolve('src'));
		expect(result.problems).toEqual([]);
		expect(result.files).toBeGreaterThan(50);
	});

	test('an import up a layer is named with both files and what the layer may import', () => {
		const root = tree({
			'lib/encoding/bytes.ts': "import { x } from '../jwt/decode';\nexport const y = x;\n",
			'lib/jwt/decode.ts': 'export const x = 1;\n',
		});
		const { problems } = check(root);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/bytes\.ts \(encoding\) imports .*decode\.ts \(jwt\)/);
	});

	test('a cycle of type-only imports inside one layer is found', () => {
		const root = tree({
			'lib/jwt/a.ts': "import type { B } from './b';\nexport type A = B;\n",
			'lib/jwt/b.ts': "import type { A } from './a';\nexport type B = A | 1;\n",
			'lib/jwt/c.ts': "import type { A } from '$lib/jwt/a';\nexport type C = A;\n",
		});
		const { problems } = check(root);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/^import cycle: .*[ab]\.ts → .*[ab]\.ts$/);
	});

	test('a component may use the state, but the state may not use a component', () => {
		const root = tree({
			'components/Panel.svelte':
				'<script lang="ts">\n\timport { s } from \'$lib/state/app.svelte\';\n</script>\n',
			'lib/state/app.svelte.ts':
				"import Panel from '../../components/Panel.svelte';\nexport const s = Panel;\n",
		});
		const { problems } = check(root);
		expect(
			problems.some((p) => /app\.svelte\.ts \(state\) imports .*Panel\.svelte \(components\)/.test(p)),
		).toBe(true);
		expect(problems.some((p) => p.startsWith('import cycle'))).toBe(true);
		expect(problems.some((p) => /Panel\.svelte \(components\) imports/.test(p))).toBe(false);
	});

	test('an import that resolves to no file is a problem, a stylesheet is not', () => {
		const root = tree({ 'lib/jwt/a.ts': "import './gone';\nimport '../../app.css';\n" });
		expect(check(root).problems).toEqual([expect.stringMatching(/cannot resolve '\.\/gone'/)]);
	});
});
