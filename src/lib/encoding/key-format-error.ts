// The error of DER bytes that are not the structure a key or signature function expected.

/** DER bytes that are not the key, certificate or signature structure a function expected. */
export class KeyFormatError extends Error {
	constructor(message: string, options?: ErrorOptions) {
		super(message, options);
		this.name = new.target.name;
	}
}
