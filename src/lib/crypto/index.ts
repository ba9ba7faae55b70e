// What the page uses of verification, signing and keys: one module, loaded after first paint or on first use.

export { findEmbeddedKeys, type EmbeddedKey } from './embedded';
export { listKeyFindings } from './key-findings';
export { parseKeyInput, type KeyCandidate, type KeyProblem, type ParsedKey } from './keys';
export {
	selectKeys,
	suggestAlgorithm,
	type KeyMisfit,
	type KeySelection,
	type KeyOperation,
} from './select-keys';
export { signToken, type SignOptions, type SignResult } from './sign';
export { verifyToken, type Verdict } from './verify';
export { describeKeyProblem, describeSignResult, describeVerdict, dpopVerdictText } from './messages';
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
