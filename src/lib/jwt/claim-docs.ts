// What each JWT payload claim and JOSE header parameter means, where it is defined, and what a verifier does with it.

/** The JSON shape a claim's value is expected to have. */
export type ClaimKind =
	'time' | 'string' | 'string-or-uri' | 'audience' | 'number' | 'boolean' | 'object' | 'array' | 'any';

/** The documentation of one payload claim or header parameter. */
export interface ClaimDoc {
	/** The member name verbatim, e.g. `exp` or `x5t#S256`. */
	readonly name: string;
	/** A short human title, e.g. "Expiration time". */
	readonly title: string;
	/** What the member means and what a verifier should do with it, in one or two sentences. */
	readonly description: string;
	readonly kind: ClaimKind;
	/** The defining document and section, e.g. "RFC 7519 §4.1.4", or the vendor name for vendor claims. */
	readonly spec: string;
	/** An https link to that section or vendor page. */
	readonly url: string;
}

const rfc = (n: number, section: string) => ({
	spec: `RFC ${n} §${section}`,
	url: `https://www.rfc-editor.org/rfc/rfc${n}#section-${section}`,
});

const oidc = (section: string, anchor: string) => ({
	spec: `OpenID Connect Core §${section}`,
	url: `https://openid.net/specs/openid-connect-core-1_0.html#${anchor}`,
});

const backChannelLogout = {
	spec: 'OpenID Connect Back-Channel Logout §2.4',
	url: 'https://openid.net/specs/openid-connect-backchannel-1_0.html#LogoutToken',
};

const entra = {
	spec: 'Microsoft Entra ID',
	url: 'https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference',
};
const google = {
	spec: 'Google',
	url: 'https://developers.google.com/identity/openid-connect/openid-connect#an-id-tokens-payload',
};
const cognitoId = {
	spec: 'Amazon Cognito',
	url: 'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html',
};
const cognitoAccess = {
	spec: 'Amazon Cognito',
	url: 'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html',
};
const keycloak = (javadocClass: string) => ({
	spec: 'Keycloak',
	url: `https://www.keycloak.org/docs-api/latest/javadocs/org/keycloak/representations/${javadocClass}.html`,
});
const okta = {
	spec: 'Okta',
	url: 'https://developer.okta.com/docs/api/openapi/okta-oauth/guides/overview/#access-token-scopes-and-claims',
};
const firebase = {
	spec: 'Firebase',
	url: 'https://firebase.google.com/docs/auth/admin/verify-id-tokens#verify_id_tokens_using_a_third-party_jwt_library',
};

/** Builds a frozen, null-prototype table keyed by each doc's `name`; a repeated name is a programming error. */
function table(docs: readonly ClaimDoc[]): Readonly<Record<string, ClaimDoc>> {
	const out: Record<string, ClaimDoc> = Object.create(null);
	for (const doc of docs) {
		if (Object.hasOwn(out, doc.name)) throw new Error(`claim-docs: "${doc.name}" is documented twice`);
		out[doc.name] = Object.freeze({ ...doc });
	}
	return Object.freeze(out);
}

/** Payload claims people meet in practice: RFC 7519, OpenID Connect, OAuth access tokens, SETs and major vendors. */
export const payloadClaims: Readonly<Record<string, ClaimDoc>> = table([
	// RFC 7519 §4.1: registered claim names.
	{
		name: 'iss',
		title: 'Issuer',
		kind: 'string-or-uri',
		...rfc(7519, '4.1.1'),
		description:
			'Who created and signed the token, usually the URL of an authorization server. Compare it exactly (case-sensitive, no normalization) with an issuer you trust, and take verification keys from that issuer, never from the token.',
	},
	{
		name: 'sub',
		title: 'Subject',
		kind: 'string-or-uri',
		...rfc(7519, '4.1.2'),
		description:
			'The principal the token is about, usually a user or client identifier. It is only unique within its issuer, so identify an account by the pair iss + sub.',
	},
	{
		name: 'aud',
		title: 'Audience',
		kind: 'audience',
		...rfc(7519, '4.1.3'),
		description:
			'Who the token is meant for: one string or an array of strings. A recipient must reject the token unless one value identifies it; skipping this check lets a token issued for one service be replayed at another.',
	},
	{
		name: 'exp',
		title: 'Expiration time',
		kind: 'time',
		...rfc(7519, '4.1.4'),
		description:
			'NumericDate (seconds since 1970-01-01 UTC) at or after which the token must be rejected. Verifiers usually allow a clock skew of a minute or two, no more.',
	},
	{
		name: 'nbf',
		title: 'Not before',
		kind: 'time',
		...rfc(7519, '4.1.5'),
		description:
			'NumericDate before which the token must be rejected. The same small clock-skew allowance as for exp applies.',
	},
	{
		name: 'iat',
		title: 'Issued at',
		kind: 'time',
		...rfc(7519, '4.1.6'),
		description:
			"NumericDate at which the token was issued. It tells the token's age, which a verifier may cap by policy, but on its own it does not make the token expire.",
	},
	{
		name: 'jti',
		title: 'JWT ID',
		kind: 'string',
		...rfc(7519, '4.1.7'),
		description:
			'A unique identifier for this token. A recipient that must prevent replay can remember the values it has seen until the token expires and reject repeats.',
	},

	// OpenID Connect Core §2: ID token claims.
	{
		name: 'auth_time',
		title: 'Authentication time',
		kind: 'time',
		...oidc('2', 'IDToken'),
		description:
			'NumericDate at which the user last actively authenticated, which can be well before iat when a session is reused. If the client asked for max_age, it must check that this time is recent enough.',
	},
	{
		name: 'nonce',
		title: 'Nonce',
		kind: 'string',
		...oidc('2', 'IDToken'),
		description:
			'The value the client sent in its authentication request, echoed back to bind the ID token to that request. The client must check it equals the value it stored; a mismatch means a replayed or injected token.',
	},
	{
		name: 'acr',
		title: 'Authentication context class reference',
		kind: 'string',
		...oidc('2', 'IDToken'),
		description:
			'Names the assurance level or policy the authentication satisfied; the values are agreed between provider and client. If the client requested a level, check that this value meets it; "0" means too weak for anything of monetary value.',
	},
	{
		name: 'amr',
		title: 'Authentication methods references',
		kind: 'array',
		...oidc('2', 'IDToken'),
		description:
			'Array of strings naming how the user authenticated, such as "pwd", "otp" or "mfa" (common values are registered by RFC 8176). Useful for step-up decisions, but values outside that registry are provider-specific.',
	},
	{
		name: 'azp',
		title: 'Authorized party',
		kind: 'string',
		...oidc('2', 'IDToken'),
		description:
			'The client ID of the party the ID token was issued to. When present it should equal your own client ID; it matters most when aud holds several values.',
	},
	{
		name: 'at_hash',
		title: 'Access token hash',
		kind: 'string',
		...oidc('3.1.3.6', 'CodeIDToken'),
		description:
			"The base64url left half of a hash of the access token issued with this ID token, using the hash of the ID token's alg. A client receiving both should recompute it to confirm the access token was not swapped.",
	},
	{
		name: 'c_hash',
		title: 'Code hash',
		kind: 'string',
		...oidc('3.3.2.11', 'HybridIDToken'),
		description:
			'Built like at_hash, but over the authorization code returned in the hybrid flow. The client must check it matches the code it received, which detects a substituted code.',
	},
	{
		name: 'sid',
		title: 'Session ID',
		kind: 'string',
		...backChannelLogout,
		description:
			"Identifies the user's session at the provider; its content is opaque to the client. Front- and back-channel logout use it to find the local sessions to end, and it is only unique together with iss.",
	},

	// OpenID Connect Core §5.1: standard claims. None of them is unique or stable; identify users by iss + sub.
	{
		name: 'name',
		title: 'Full name',
		kind: 'string',
		...oidc('5.1', 'StandardClaims'),
		description:
			"The user's full name in displayable form, possibly with titles and suffixes. For display only: it is neither unique nor verified.",
	},
	{
		name: 'given_name',
		title: 'Given name',
		kind: 'string',
		...oidc('5.1', 'StandardClaims'),
		description: "The user's given or first name(s); some people have several or none. For display only.",
	},
	{
		name: 'family_name',
		title: 'Family name',
		kind: 'string',
		...oidc('5.1', 'StandardClaims'),
		description: "The user's surname(s); some people have several or none. For display only.",
	},
	{
		name: 'middle_name',
		title: 'Middle name',
		kind: 'string',
		...oidc('5.1', 'StandardClaims'),
		description: "The user's middle name(s), where the culture uses them. For display only.",
	},
	{
		name: 'nickname',
		title: 'Nickname',
		kind: 'string',
		...oidc('5.1', 'StandardClaims'),
		description: 'A casual name the user goes by, which may differ from given_name. For display only.',
	},
	{
		name: 'preferred_username',
		title: 'Preferred username',
		kind: 'string',
		...oidc('5.1', 'StandardClaims'),
		description:
			'The short name the user wants to be known by, such as "jdoe" or an email address. It can change and need not be unique, so never use it as an account key.',
	},
	{
		name: 'profile',
		title: 'Profile page URL',
		kind: 'string',
		...oidc('5.1', 'StandardClaims'),
		description:
			"URL of the user's profile page. Treat it as untrusted input: check the scheme before rendering it as a link.",
	},
	{
		name: 'picture',
		title: 'Picture URL',
		kind: 'string',
		...oidc('5.1', 'StandardClaims'),
		description:
			'URL of an image of the user. Loading it reveals the viewer to the image host, and the URL is untrusted input.',
	},
	{
		name: 'website',
		title: 'Website URL',
		kind: 'string',
		...oidc('5.1', 'StandardClaims'),
		description:
			"URL of the user's web page or blog. Treat it as untrusted input: check the scheme before rendering it as a link.",
	},
	{
		name: 'email',
		title: 'Email address',
		kind: 'string',
		...oidc('5.1', 'StandardClaims'),
		description:
			"The user's preferred email address; it can change and need not be unique. Rely on it for account linking only when email_verified is true and the issuer is trusted to vouch for that domain.",
	},
	{
		name: 'email_verified',
		title: 'Email verified',
		kind: 'boolean',
		...oidc('5.1', 'StandardClaims'),
		description:
			'True when the provider confirmed that the user controlled the email address at the time of verification. Treat a missing or false value as unverified.',
	},
	{
		name: 'gender',
		title: 'Gender',
		kind: 'string',
		...oidc('5.1', 'StandardClaims'),
		description:
			'The user\'s gender; "female" and "male" are defined and other values are allowed. For display only.',
	},
	{
		name: 'birthdate',
		title: 'Birthdate',
		kind: 'string',
		...oidc('5.1', 'StandardClaims'),
		description:
			"The user's birthday as an ISO 8601 date string, YYYY-MM-DD. A year of 0000 means the year is withheld, and a bare YYYY is also allowed.",
	},
	{
		name: 'zoneinfo',
		title: 'Time zone',
		kind: 'string',
		...oidc('5.1', 'StandardClaims'),
		description: 'The user\'s time zone as an IANA tz database name, such as "Europe/Paris".',
	},
	{
		name: 'locale',
		title: 'Locale',
		kind: 'string',
		...oidc('5.1', 'StandardClaims'),
		description:
			'The user\'s language and region as a BCP 47 tag such as "en-US"; some providers write "en_US" instead.',
	},
	{
		name: 'phone_number',
		title: 'Phone number',
		kind: 'string',
		...oidc('5.1', 'StandardClaims'),
		description:
			'The user\'s preferred telephone number, recommended in E.164 form such as "+15555550100". Rely on it only when phone_number_verified is true.',
	},
	{
		name: 'phone_number_verified',
		title: 'Phone number verified',
		kind: 'boolean',
		...oidc('5.1', 'StandardClaims'),
		description:
			'True when the provider confirmed that the user controlled the phone number. Treat a missing or false value as unverified.',
	},
	{
		name: 'address',
		title: 'Postal address',
		kind: 'object',
		...oidc('5.1.1', 'AddressClaim'),
		description:
			"A JSON object holding the user's postal address in the optional members formatted, street_address, locality, region, postal_code and country.",
	},
	{
		name: 'updated_at',
		title: 'Profile updated at',
		kind: 'time',
		...oidc('5.1', 'StandardClaims'),
		description:
			"NumericDate at which the user's profile information last changed. Useful for refreshing cached profile data; it says nothing about the token's validity.",
	},

	// OAuth: JWT access tokens (RFC 9068), token exchange (RFC 8693), proof of possession (RFC 7800).
	{
		name: 'client_id',
		title: 'Client ID',
		kind: 'string',
		...rfc(8693, '4.3'),
		description:
			'The OAuth client the token was issued to; JWT access tokens must carry it (RFC 9068 §2.2). A resource server can apply per-client policy with it, but it says nothing about the user.',
	},
	{
		name: 'scope',
		title: 'Scope',
		kind: 'string',
		...rfc(8693, '4.2'),
		description:
			'The scopes granted to this token as one space-separated string, such as "openid profile orders:read". A resource server must check that every scope an operation needs is listed.',
	},
	{
		name: 'scp',
		title: 'Scopes (vendor variant)',
		kind: 'any',
		...entra,
		description:
			'A non-standard scope claim: Microsoft Entra ID puts delegated permissions here as a space-separated string, Okta as an array of strings. Check required scopes as for scope, accepting whichever shape the issuer uses.',
	},
	{
		name: 'roles',
		title: 'Roles',
		kind: 'array',
		...rfc(9068, '2.2.3.1'),
		description:
			'Roles held by the subject, named as in the SCIM user schema (RFC 7643); the values are defined by the issuer. Base access decisions on them only after checking issuer, audience and signature.',
	},
	{
		name: 'groups',
		title: 'Groups',
		kind: 'array',
		...rfc(9068, '2.2.3.1'),
		description:
			'Groups the subject belongs to, as names or identifiers (SCIM attribute from RFC 7643). Some providers omit long lists, so a missing group is not proof of non-membership.',
	},
	{
		name: 'entitlements',
		title: 'Entitlements',
		kind: 'array',
		...rfc(9068, '2.2.3.1'),
		description:
			'Entitlements granted to the subject, named as in the SCIM user schema (RFC 7643); what each value allows is up to the issuer.',
	},
	{
		name: 'act',
		title: 'Actor',
		kind: 'object',
		...rfc(8693, '4.1'),
		description:
			'After a token exchange, the party acting on behalf of the subject, as an object with its own sub and often iss. Authorize with both subject and actor in mind; nested act members record earlier actors and are history only.',
	},
	{
		name: 'may_act',
		title: 'Authorized actor',
		kind: 'object',
		...rfc(8693, '4.4'),
		description:
			'Names a party (by sub, iss and similar claims) that is allowed to act on behalf of the subject. An authorization server uses it to decide whether a token exchange for that actor may proceed.',
	},
	{
		name: 'cnf',
		title: 'Confirmation',
		kind: 'object',
		...rfc(7800, '3.1'),
		description:
			'Binds the token to a key: a jwk, a key thumbprint (jkt, DPoP) or a certificate thumbprint (x5t#S256, mutual TLS). The recipient must make the presenter prove possession of that key; accepting it as a plain bearer token defeats the binding. In an SD-JWT it is the holder key that signs the key binding JWT (RFC 9901 §4.3).',
	},

	// RFC 9901: SD-JWT, and SD-JWT VC (draft-ietf-oauth-sd-jwt-vc).
	{
		name: '_sd',
		title: 'Selectively disclosable claims',
		kind: 'array',
		...rfc(9901, '4.2.4.1'),
		description:
			'The digests of claims the holder may disclose or not: each matches a disclosure ([salt, name, value]) presented after the JWT, and the rest are undisclosed claims or decoys. A verifier puts the matched claims in place and removes "_sd"; the Disclosures table shows which matched.',
	},
	{
		name: '_sd_alg',
		title: 'Disclosure hash algorithm',
		kind: 'string',
		...rfc(9901, '4.1.1'),
		description:
			'The hash that made the disclosure digests and the key binding sd_hash, by its IANA name ("sha-256" when absent). It must resist second preimages: a truncated or broken hash would let a holder swap a disclosure.',
	},
	{
		name: 'vct',
		title: 'Verifiable credential type',
		kind: 'string-or-uri',
		spec: 'SD-JWT VC §3.2.2.1.1',
		url: 'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-sd-jwt-vc#name-verifiable-credential-type-',
		description:
			'What the SD-JWT VC attests, such as "urn:eudi:pid:1" for a person identification credential. Required and never selectively disclosed: a verifier decides from it which claims to expect and which issuers to trust.',
	},
	{
		name: 'vct#integrity',
		title: 'Type metadata integrity',
		kind: 'string',
		spec: 'SD-JWT VC §6.5',
		url: 'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-sd-jwt-vc#name-document-integrity',
		description:
			'A hash of the type metadata document that "vct" names (W3C Subresource Integrity form, e.g. "sha256-…"), so a verifier that fetches the metadata can tell it is the document the issuer meant.',
	},
	{
		name: 'status',
		title: 'Credential status',
		kind: 'object',
		spec: 'SD-JWT VC §3.2.2.2, Token Status List',
		url: 'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-status-list',
		description:
			'Where to check whether the credential was revoked or suspended, usually {"status_list": {"idx", "uri"}} pointing into a Token Status List. A verifier fetches that list (this page never does) and rejects a revoked credential.',
	},

	// RFC 8417: Security Event Tokens (also used by OpenID Connect back-channel logout tokens).
	{
		name: 'events',
		title: 'Security events',
		kind: 'object',
		...rfc(8417, '2.2'),
		description:
			'An object whose member names are event-type URIs, marking this JWT as a Security Event Token (a logout token, for example). A SET reports something that happened and must never be accepted as an ID or access token.',
	},
	{
		name: 'toe',
		title: 'Time of event',
		kind: 'time',
		...rfc(8417, '2.2'),
		description:
			'NumericDate at which the event reported by a Security Event Token happened, as opposed to iat, when the token was issued.',
	},
	{
		name: 'txn',
		title: 'Transaction identifier',
		kind: 'string',
		...rfc(8417, '2.2'),
		description:
			'Identifies the transaction that caused the reported events, so a receiver can correlate several Security Event Tokens from one transaction.',
	},

	// Microsoft Entra ID.
	{
		name: 'tid',
		title: 'Tenant ID',
		kind: 'string',
		...entra,
		description:
			'GUID of the Microsoft Entra tenant the user signed in to (9188040d-6c67-4c5b-b112-36a304b66dad for personal Microsoft accounts). Multi-tenant apps must check it against the tenants they accept.',
	},
	{
		name: 'oid',
		title: 'Object ID',
		kind: 'string',
		...entra,
		description:
			'Immutable GUID of the user or service principal, the same for every application in the tenant. Key accounts on tid + oid rather than on email or upn.',
	},
	{
		name: 'upn',
		title: 'User principal name',
		kind: 'string',
		...entra,
		description:
			"The user's sign-in name in user@domain form. It can change and be reassigned to someone else, so never authorize or key accounts on it.",
	},
	{
		name: 'unique_name',
		title: 'Unique name (v1.0)',
		kind: 'string',
		...entra,
		description:
			'A human-readable name for the user in v1.0 tokens, often the UPN or email. Despite its name it is neither stable nor guaranteed unique; for display only.',
	},
	{
		name: 'appid',
		title: 'Application ID (v1.0)',
		kind: 'string',
		...entra,
		description:
			'Client ID of the application that obtained a v1.0 access token; v2.0 tokens carry azp instead.',
	},
	{
		name: 'ver',
		title: 'Token version',
		kind: 'any',
		...entra,
		description:
			'Microsoft Entra token format version, "1.0" or "2.0", which decides the issuer format and which claims appear. Okta also sends ver, as the number 1.',
	},
	{
		name: 'idp',
		title: 'Identity provider',
		kind: 'string',
		...entra,
		description:
			'The identity provider that authenticated the user, such as the home tenant of a guest or an external provider. It differs from iss for guest and federated users.',
	},
	{
		name: 'wids',
		title: 'Directory role IDs',
		kind: 'array',
		...entra,
		description:
			'Template GUIDs of the tenant-wide Microsoft Entra administrator roles assigned to the user. They are role template IDs, not names.',
	},

	// Google.
	{
		name: 'hd',
		title: 'Hosted domain',
		kind: 'string',
		...google,
		description:
			'Domain of the Google Workspace or Cloud organization the user belongs to; absent for consumer accounts. To limit sign-in to an organization, check this claim in a verified ID token, not the email domain.',
	},

	// Amazon Cognito.
	{
		name: 'cognito:username',
		title: 'Cognito username',
		kind: 'string',
		...cognitoId,
		description:
			"The user's name in the Cognito user pool, carried in ID tokens. It may be a generated UUID or a chosen name; identify the user by sub.",
	},
	{
		name: 'cognito:groups',
		title: 'Cognito groups',
		kind: 'array',
		...cognitoId,
		description: 'Names of the user pool groups the user belongs to, carried in both ID and access tokens.',
	},
	{
		name: 'token_use',
		title: 'Token use',
		kind: 'string',
		...cognitoAccess,
		description:
			'Which Cognito token this is: "id" or "access". Check it so that an ID token is never accepted where an access token is required, or the reverse.',
	},
	{
		name: 'username',
		title: 'Username',
		kind: 'string',
		...cognitoAccess,
		description:
			"The user's name in the Cognito user pool, carried in access tokens (ID tokens use cognito:username). Not a stable identifier; use sub.",
	},
	{
		name: 'origin_jti',
		title: 'Origin token ID',
		kind: 'string',
		...cognitoAccess,
		description:
			'Identifies the original sign-in that this token and its refreshed successors descend from. Cognito uses it to revoke every token issued from one refresh token.',
	},
	{
		name: 'event_id',
		title: 'Sign-in event ID',
		kind: 'string',
		...cognitoAccess,
		description:
			'Unique identifier of the authentication event that produced the token, for correlating with logs.',
	},

	// Keycloak.
	{
		name: 'realm_access',
		title: 'Realm roles',
		kind: 'object',
		...keycloak('AccessToken'),
		description: 'An object whose roles array lists the realm-level roles the user holds in Keycloak.',
	},
	{
		name: 'resource_access',
		title: 'Client roles',
		kind: 'object',
		...keycloak('AccessToken'),
		description:
			"Maps each client ID to an object with a roles array: the roles the user holds for that client. Check the roles under your own client ID, not any client's.",
	},
	{
		name: 'typ',
		title: 'Keycloak token type',
		kind: 'string',
		...keycloak('JsonWebToken'),
		description:
			'Keycloak\'s token type inside the payload, such as "Bearer" (access), "ID" or "Refresh"; unrelated to the header typ. Check it so a refresh or ID token is not accepted as an access token.',
	},
	{
		name: 'session_state',
		title: 'Keycloak session ID',
		kind: 'string',
		...keycloak('IDToken'),
		description:
			"Identifier of the user's Keycloak single sign-on session. Newer Keycloak versions carry the same value in sid and may leave this claim out.",
	},
	{
		name: 'allowed-origins',
		title: 'Allowed origins',
		kind: 'array',
		...keycloak('AccessToken'),
		description:
			'Web origins the client may call from, used by Keycloak adapters to answer CORS requests. It does not restrict who can present the token.',
	},

	// Okta.
	{
		name: 'uid',
		title: 'Okta user ID',
		kind: 'string',
		...okta,
		description: "Okta's identifier for the user, carried in access tokens issued on behalf of a user.",
	},
	{
		name: 'cid',
		title: 'Okta client ID',
		kind: 'string',
		...okta,
		description:
			"Client ID of the application the access token was issued to; Okta's counterpart of client_id.",
	},

	// Firebase.
	{
		name: 'firebase',
		title: 'Firebase sign-in details',
		kind: 'object',
		...firebase,
		description:
			'Firebase Authentication details: sign_in_provider (such as "password" or "google.com"), the identities linked to the account, and tenant for multi-tenant projects.',
	},
	{
		name: 'user_id',
		title: 'Firebase user ID',
		kind: 'string',
		...firebase,
		description: 'The Firebase user ID (uid); in Firebase ID tokens it always equals sub.',
	},
]);

/** JOSE header parameters: JWS (RFC 7515), JWE (RFC 7516), JWA key management (RFC 7518) and common extensions. */
export const headerParameters: Readonly<Record<string, ClaimDoc>> = table([
	// RFC 7515 §4.1: registered JWS header parameters.
	{
		name: 'alg',
		title: 'Algorithm',
		kind: 'string',
		...rfc(7515, '4.1.1'),
		description:
			'The algorithm that signs the token (JWS) or protects its content key (JWE). A verifier must fix the accepted algorithms per key in advance rather than let the token choose, and must reject "none", which means unsigned.',
	},
	{
		name: 'jku',
		title: 'JWK Set URL',
		kind: 'string',
		...rfc(7515, '4.1.2'),
		description:
			'A URL of a JWK Set said to contain the signing key. Never fetch it blindly or trust keys from it: an attacker can point it at their own keys. Use only keys from locations configured in advance.',
	},
	{
		name: 'jwk',
		title: 'JSON Web Key',
		kind: 'object',
		...rfc(7515, '4.1.3'),
		description:
			'The public key that signed the token, embedded in the header. Anyone can embed their own key, so never trust it as a verification key unless it matches a key you already trust.',
	},
	{
		name: 'kid',
		title: 'Key ID',
		kind: 'string',
		...rfc(7515, '4.1.4'),
		description:
			"A hint naming which of the issuer's keys was used. Only use it to select from keys you already trust; it is attacker-controlled text, so never put it into file paths, queries or URLs unchecked.",
	},
	{
		name: 'x5u',
		title: 'X.509 URL',
		kind: 'string',
		...rfc(7515, '4.1.5'),
		description:
			'A URL of the X.509 certificate or chain for the signing key. Like jku, never fetch it blindly: only use allow-listed locations, and validate the certificate path before trusting the key.',
	},
	{
		name: 'x5c',
		title: 'X.509 certificate chain',
		kind: 'array',
		...rfc(7515, '4.1.6'),
		description:
			'The signing certificate and its chain as base64 (not base64url) DER strings, signer first. A chain the token supplies proves nothing until it is validated up to a trust anchor you already hold.',
	},
	{
		name: 'x5t',
		title: 'X.509 SHA-1 thumbprint',
		kind: 'string',
		...rfc(7515, '4.1.7'),
		description:
			'The base64url SHA-1 digest of the signing certificate, used to look up a certificate you already have. Only a lookup hint; x5t#S256 is the SHA-256 successor.',
	},
	{
		name: 'x5t#S256',
		title: 'X.509 SHA-256 thumbprint',
		kind: 'string',
		...rfc(7515, '4.1.8'),
		description:
			'The base64url SHA-256 digest of the signing certificate, used like kid to select a certificate you already trust.',
	},
	{
		name: 'typ',
		title: 'Type',
		kind: 'string',
		...rfc(7515, '4.1.9'),
		description:
			'The media type of the whole token, such as "JWT", "at+jwt" for access tokens (RFC 9068), "secevent+jwt" for Security Event Tokens, "dc+sd-jwt" for SD-JWT VCs (earlier "vc+sd-jwt") or "kb+jwt" for an SD-JWT key binding JWT. Requiring the expected value keeps one kind of token from being accepted as another.',
	},
	{
		name: 'cty',
		title: 'Content type',
		kind: 'string',
		...rfc(7515, '4.1.10'),
		description:
			'The media type of the payload. "JWT" marks a nested token whose payload is itself a JWS or JWE that must be processed and verified in turn; otherwise it is usually absent.',
	},
	{
		name: 'crit',
		title: 'Critical',
		kind: 'array',
		...rfc(7515, '4.1.11'),
		description:
			'Lists extension header parameters the recipient must understand and process. A verifier must reject the token if it does not support every listed name; producers must not send an empty list or list standard parameters.',
	},

	// RFC 7516 §4.1: JWE header parameters.
	{
		name: 'enc',
		title: 'Encryption algorithm',
		kind: 'string',
		...rfc(7516, '4.1.2'),
		description:
			'The content encryption algorithm of a JWE, such as "A256GCM" or "A128CBC-HS256". Its presence means the token is encrypted, not just signed.',
	},
	{
		name: 'zip',
		title: 'Compression algorithm',
		kind: 'string',
		...rfc(7516, '4.1.3'),
		description:
			'"DEF" means the plaintext was DEFLATE-compressed before encryption. Decompress with a size limit, and beware that compressing secret and attacker-chosen data together can leak through the ciphertext length.',
	},

	// RFC 7518 §4.6–4.8: key management parameters.
	{
		name: 'epk',
		title: 'Ephemeral public key',
		kind: 'object',
		...rfc(7518, '4.6.1.1'),
		description:
			"The sender's ephemeral public key for ECDH-ES key agreement. The recipient must check that it lies on the expected curve, or an invalid-curve attack can extract the private key.",
	},
	{
		name: 'apu',
		title: 'Agreement PartyUInfo',
		kind: 'string',
		...rfc(7518, '4.6.1.2'),
		description:
			'Base64url information about the producer, mixed into ECDH-ES key derivation so both sides derive a key bound to that context.',
	},
	{
		name: 'apv',
		title: 'Agreement PartyVInfo',
		kind: 'string',
		...rfc(7518, '4.6.1.3'),
		description:
			'Base64url information about the recipient, mixed into ECDH-ES key derivation so both sides derive a key bound to that context.',
	},
	{
		name: 'iv',
		title: 'Initialization vector',
		kind: 'string',
		...rfc(7518, '4.7.1.1'),
		description:
			'The base64url 96-bit initialization vector used by AES-GCM key wrapping (A128GCMKW and its siblings) to encrypt the content key.',
	},
	{
		name: 'tag',
		title: 'Authentication tag',
		kind: 'string',
		...rfc(7518, '4.7.1.2'),
		description:
			'The base64url 128-bit authentication tag produced by AES-GCM key wrapping; unwrapping the content key fails unless it matches.',
	},
	{
		name: 'p2s',
		title: 'PBES2 salt input',
		kind: 'string',
		...rfc(7518, '4.8.1.1'),
		description:
			'The base64url salt input for PBES2 password-based key wrapping; it is combined with the alg name to form the PBKDF2 salt.',
	},
	{
		name: 'p2c',
		title: 'PBES2 count',
		kind: 'number',
		...rfc(7518, '4.8.1.2'),
		description:
			'The PBKDF2 iteration count for PBES2 key wrapping. The token chooses it, so a recipient must cap it; a huge count turns decryption into a denial of service.',
	},

	// Extensions.
	{
		name: 'b64',
		title: 'Base64url-encode payload',
		kind: 'boolean',
		...rfc(7797, '3'),
		description:
			'false means the payload is signed as raw bytes rather than base64url text (unencoded payload). It must be listed in crit, and signer and verifier must agree on it.',
	},
	{
		name: 'url',
		title: 'ACME request URL',
		kind: 'string',
		...rfc(8555, '6.4.1'),
		description:
			'In ACME requests, the URL the signed request is addressed to. The server must reject the request unless it equals the URL it was actually sent to.',
	},
	{
		name: 'nonce',
		title: 'ACME anti-replay nonce',
		kind: 'string',
		...rfc(8555, '6.5.2'),
		description:
			'In ACME requests, a single-use value the server handed out in a Replay-Nonce response header. The server rejects requests whose nonce is unknown or already used.',
	},
	{
		name: 'ppt',
		title: 'PASSporT extension',
		kind: 'string',
		...rfc(8225, '8.1'),
		description:
			'Names the PASSporT extension (such as "shaken") that a STIR caller-identity token follows. A recipient that does not support the named extension should not accept the token as that kind of PASSporT.',
	},
]);

export { timeClaims } from './time-claims';

/** The documentation of a payload claim, or undefined when the name is not documented (own properties only). */
export function describeClaim(name: string): ClaimDoc | undefined {
	return Object.hasOwn(payloadClaims, name) ? payloadClaims[name] : undefined;
}

/** The documentation of a header parameter, or undefined when the name is not documented (own properties only). */
export function describeHeaderParameter(name: string): ClaimDoc | undefined {
	return Object.hasOwn(headerParameters, name) ? headerParameters[name] : undefined;
}
