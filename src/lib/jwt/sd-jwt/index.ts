// SD-JWT (RFC 9901) and SD-JWT VC: what the page uses, loaded lazily when a token with a `~` appears.

export {
	createDisclosure,
	readDisclosure,
	type DisclosureProblem,
	type DisclosureReading,
} from './disclosure';
export {
	DEFAULT_SD_ALG,
	digestText,
	findSdHashAlgorithm,
	sdHashAlgorithms,
	type Digest,
	type DigestAlgorithm,
	type SdHashAlgorithm,
} from './hash';
export { concealClaim, type ConcealResult, type SaltSource } from './issue';
export {
	checkKeyBinding,
	DEFAULT_KB_MAX_AGE,
	readHolderKey,
	type HolderKey,
	type KeyBindingOptions,
	type KeyBindingReport,
} from './key-binding';
export type { IssuedAtProblem, KeyBindingProblem } from './key-binding-problems';
export { describeIssuedAtProblem, describeKeyBindingProblem } from './key-binding-messages';
export { buildPresentation, withoutKeyBinding, withParents } from './present';
export {
	MAX_DISCLOSURE_NESTING,
	MAX_DISCLOSURES,
	MAX_SEARCH_DEPTH,
	processSdJwt,
	SD_JWT_VC_TYPES,
	VC_NON_SELECTIVE_CLAIMS,
	type DisclosureRecord,
	type Placement,
	type SdJwtProcessing,
} from './process';
export { analyzeSdJwt, type SdJwtAnalysis } from './analyze';
export { readJsonSerialization, type JsonSerializationResult } from './json-serialization';
export { sdFindingInfo } from './messages';
/** For a token the worker decoded: its payload tree arrives cut to the time claims, without `_sd`. */
export { decodeToken } from '../decode';
