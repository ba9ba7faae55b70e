// What the page uses of verification, signing and keys: one module, loaded after first paint or on first use.

export { findEmbeddedKeys, type EmbeddedKey } from './embedded';
export { listKeyFindings } from './key-findings';
export type { KeyFault } from './key-faults';
export {
	describeKey,
	parseKeyInput,
	type KeyCandidate,
	type KeyName,
	type KeyProblem,
	type ParsedKey,
} from './keys';
export {
	keyMisfits,
	selectKeys,
	suggestAlgorithm,
	type KeyMatch,
	type KeyMisfit,
	type KeyOperation,
	type KeySelection,
	type SelectOptions,
} from './select-keys';
export { signToken, type SignOptions, type SignRefusal, type SignResult } from './sign';
export { verifyToken, type SecretHint, type Verdict } from './verify';
export {
	describeKeyGenerationFailure,
	describeKeyProblem,
	describeSignResult,
	describeVerdict,
} from './messages';
export { dpopVerdictText } from './messages';
export { isDpopProof, verifyDpopProof } from './dpop';
export {
	checkBindings,
	expectedAtHash,
	jwkThumbprint,
	listBindingFindings,
	sha256Base64url,
	type Binding,
	type BindingKind,
	type TokenSide,
} from './bindings';
export { prepareVerification } from './prepare';
