// The payload claims whose value is a NumericDate, on their own so finding and table code need not load the claims reference.

/** Payload claims whose value is a NumericDate; `toe` is the Security Event Token time of event (RFC 8417). */
export const timeClaims: readonly string[] = Object.freeze([
	'exp',
	'nbf',
	'iat',
	'auth_time',
	'updated_at',
	'toe',
]);
