// The core's only entry point for the UI: decoding, claims, findings and re-encoding, all pure.

export {
	analyzeText,
	listPartRows,
	listTokenFindings,
	OFF_THREAD_CHARS,
	showPayload,
	type EncodedEdit,
	type TextAnalysis,
} from './analysis';
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
export { bySeverity, listFindingsWith, type Finding, type FindingContext } from './findings/core';
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
export { describeError, findingInfo, type FindingCode, type Severity } from './messages';
export { partLabels } from './segments';
export { readFragmentToken, buildShareUrl } from './fragment';
export { createExampleToken, EXAMPLE_SECRET } from './example';
export {
	recognizeProfile,
	tokenProfiles,
	type ProfileId,
	type ProfileRecognition,
	type TokenProfile,
} from './profiles';
export { describeProofFreshness } from './profile-validity';
