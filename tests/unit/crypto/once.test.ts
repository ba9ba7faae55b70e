// `once`: a lazily loaded chunk is imported once, and again only after a load that failed.

import { expect, test, vi } from 'vitest';
import { once } from '$lib/crypto/signature-provider';

test('a load that succeeded is not run again, and every call gets the same promise', async () => {
	const load = vi.fn(() => Promise.resolve('module'));
	const loadOnce = once(load);
	const first = loadOnce();
	expect(loadOnce()).toBe(first);
	await expect(first).resolves.toBe('module');
	await expect(loadOnce()).resolves.toBe('module');
	expect(load).toHaveBeenCalledTimes(1);
});

test('a load that failed is not kept: the next call tries again', async () => {
	const load = vi
		.fn<() => Promise<string>>()
		.mockRejectedValueOnce(new TypeError('chunk not fetched'))
		.mockResolvedValue('module');
	const loadOnce = once(load);
	await expect(loadOnce()).rejects.toThrow('chunk not fetched');
	await expect(loadOnce()).resolves.toBe('module');
	await expect(loadOnce()).resolves.toBe('module');
	expect(load).toHaveBeenCalledTimes(2);
});
