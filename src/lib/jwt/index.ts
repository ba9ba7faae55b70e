// The core's only entry point for the UI: decoding, claims, findings and re-encoding, all pure.

// Judging a token (findings, profiles, a huge text's analysis) is not exported here: the page loads it after
// first paint from './judge' (Modules.loadReview), and an import from here would put it back in first paint.
export { listPartRows, OFF_THREAD_CHARS, showPayload, type EncodedEdit, type TextAnalysis } from './analysis';
export { decodeBase64url, encodeBase64url, encodeBase64urlText, toHex } from '../encoding/base64url';
export type { ClaimDoc } from './claim-docs';
export {
	describeValidity,
	formatRelative,
	formatTime,
	relativeTo,
	listClaimRows,
	MAX_VALUE_LENGTH,
	qualifyValidity,
	type ClaimDocs,
	type ClaimRow,
	type TimeDisplay,
	type Validity,
} from './claims';
export type { DecodedToken, JsonPart, PayloadView } from './decode';
export { replacePart, withoutPayload, type EncodeResult } from './encode';
export { DebuggerError, type ErrorCode, type PartName } from './errors';
export type { TokenCandidate } from './extract';
export { bySeverity, type Finding, type FindingContext } from './findings/types';
export type { FindingReview } from './findings/review';
export { inspectText, type Inspection, type PartRange } from './inspect';
export {
	formatJson,
	getMember,
	minifyJson,
	parseJson,
	stringMember,
	type JsonNode,
	type JsonSyntaxError,
} from './json';
export { describeError } from './error-messages';
export type { FindingCode, Severity } from './messages';
export { partLabels } from './segments';
export { readFragmentToken, buildShareUrl } from './fragment';
export { createExampleToken, EXAMPLE_SECRET } from './example';
export type { ProfileId, ProfileRecognition, TokenProfile } from './profiles';
