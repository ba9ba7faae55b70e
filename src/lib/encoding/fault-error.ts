// An error that carries its fault as data: callers switch on `fault.code`, and the words come from a messages table.

/** The base of the page's fault errors; `message` is for developers only, never shown to a person. */
export class FaultError<F extends { readonly code: string }> extends Error {
	constructor(
		readonly fault: F,
		options?: ErrorOptions,
	) {
		super(`${fault.code}: ${JSON.stringify(fault)}`, options);
		this.name = new.target.name;
	}
}
