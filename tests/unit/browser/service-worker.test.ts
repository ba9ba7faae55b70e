import { afterEach, describe, expect, test, vi } from 'vitest';
import { registerServiceWorker } from '../../../src/lib/browser/service-worker';

/** A loaded page whose navigator's `register` does what `register` says. */
function stubPage(register?: () => Promise<unknown>) {
	vi.stubGlobal('document', { readyState: 'complete' });
	vi.stubGlobal('navigator', register ? { serviceWorker: { register } } : {});
}

afterEach(() => vi.unstubAllGlobals());

describe('registerServiceWorker', () => {
	test.each([
		['a page left while registering', new DOMException('Operation has been aborted', 'AbortError')],
		['a script that cannot be fetched', new TypeError('An unknown error occurred when fetching the script.')],
	])('%s resolves as failed, naming the error, instead of rejecting', async (_, error) => {
		stubPage(() => Promise.reject(error));
		await expect(registerServiceWorker('./sw.js', './')).resolves.toEqual({
			status: 'failed',
			reason: error.name,
		});
	});

	test('a registration that succeeds resolves as registered', async () => {
		const register = vi.fn(() => Promise.resolve({}));
		stubPage(register);
		await expect(registerServiceWorker('./sw.js', './')).resolves.toEqual({ status: 'registered' });
		expect(register).toHaveBeenCalledWith('./sw.js', { scope: './' });
	});

	test('a browser without service workers resolves as unsupported', async () => {
		stubPage();
		await expect(registerServiceWorker('./sw.js', './')).resolves.toEqual({ status: 'unsupported' });
	});
});
