// PEM keys damaged as people paste them, for the unit and browser tests of what the page says about them.

/** The PEM with its last `lines` base64 lines dropped: the DER inside is cut, the base64 still valid. */
export function cut(pem: string, lines = 2): string {
	const all = pem.trim().split('\n');
	return [...all.slice(0, -1 - lines), all.at(-1)!].join('\n');
}

/** The PEM with one character at the middle of its body changed: in an RSA private key, the exponents and primes. */
export function changed(pem: string): string {
	const at = Math.floor(pem.length / 2);
	return pem.slice(0, at) + (pem[at] === 'A' ? 'B' : 'A') + pem.slice(at + 1);
}
