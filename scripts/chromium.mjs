// How the project's scripts launch Debian's Chromium (browsers cannot be downloaded here; toolchain P4, P5).
// playwright.config.ts starts from these options for the browser tests too.

/** Launch options for `chromium.launch`: the binary (CHROMIUM_PATH overrides) and flags that keep it quiet and offline. */
export const chromiumLaunchOptions = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run',
	],
};
