// The URL of the analysis worker's script, given by a plugin in vite.config.ts.
declare module 'virtual:analysis-worker-url' {
	/** Absolute URL of the worker's module script. */
	const url: string;
	export default url;
}
