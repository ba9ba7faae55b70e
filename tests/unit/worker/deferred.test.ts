// The deferred analyzer: no analyzer without workers; the client loads once, on load() or first use, and again after a failed load.
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { OffThreadAnalyzer } from '../../../src/lib/worker/client';
import { createDeferredAnalyzer } from '../../../src/lib/worker/deferred';

const client = vi.hoisted(() => ({ create: (): OffThreadAnalyzer | undefined => undefined }));
vi.mock('../../../src/lib/worker/client', () => ({ createWorkerAnalyzer: () => client.create() }));

const analysis = { kind: 'analysis' } as unknown as Awaited<ReturnType<OffThreadAnalyzer['analyze']>>;
const encoded = { kind: 'encoded' } as unknown as Awaited<ReturnType<OffThreadAnalyzer['replacePart']>>;

afterEach(() => vi.unstubAllGlobals());

describe('createDeferredAnalyzer', () => {
	test('gives no analyzer where the browser has no workers', () => {
		vi.stubGlobal('Worker', undefined);
		expect(createDeferredAnalyzer()).toBeUndefined();
	});

	test('hands each request to the client, created once', async () => {
		vi.stubGlobal('Worker', function Worker() {});
		const analyze = vi.fn(() => Promise.resolve(analysis));
		const replacePart = vi.fn(() => Promise.resolve(encoded));
		const prepare = vi.fn();
		const create = vi.fn(() => ({ analyze, replacePart, prepare }));
		client.create = create;
		const analyzer = createDeferredAnalyzer()!;
		await analyzer.load();
		await expect(analyzer.analyze('a.b.c', 0)).resolves.toBe(analysis);
		await expect(analyzer.replacePart('a.b.c', 'payload', '{}', false)).resolves.toBe(encoded);
		analyzer.prepare();
		await analyzer.load();
		expect(analyze).toHaveBeenCalledWith('a.b.c', 0);
		expect(replacePart).toHaveBeenCalledWith('a.b.c', 'payload', '{}', false);
		expect(prepare).toHaveBeenCalledTimes(1);
		expect(create).toHaveBeenCalledTimes(1);
	});

	test('a client that fails to load fails the request, and the next request loads it again', async () => {
		vi.stubGlobal('Worker', function Worker() {});
		const create = vi
			.fn<() => OffThreadAnalyzer | undefined>()
			.mockImplementationOnce(() => {
				throw new Error('chunk not fetched');
			})
			.mockImplementation(() => ({
				analyze: () => Promise.resolve(analysis),
				replacePart: () => Promise.resolve(encoded),
				prepare: () => undefined,
			}));
		client.create = create;
		const analyzer = createDeferredAnalyzer()!;
		await expect(analyzer.load()).rejects.toThrow('chunk not fetched');
		await expect(analyzer.analyze('a.b.c', 0)).resolves.toBe(analysis);
		expect(create).toHaveBeenCalledTimes(2);
	});

	test('a client with no worker to start fails the request instead of answering', async () => {
		vi.stubGlobal('Worker', function Worker() {});
		client.create = () => undefined;
		await expect(createDeferredAnalyzer()!.analyze('a.b.c', 0)).rejects.toThrow();
	});
});
