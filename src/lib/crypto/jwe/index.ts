// What the page uses of JWE decryption and re-encryption: one module, loaded only when a JWE appears (it loads jose in turn).

export { decryptJwe, type DecryptInput } from './decrypt';
export { encryptJwe, type EncryptInput, type Encryption } from './encrypt';
export { MAX_INFLATED_BYTES, MAX_KEYS_TRIED, MAX_PBES2_COUNT } from './limits';
export {
	describeDecryption,
	describeEncryptionFailure,
	describeFailure,
	describeRecipientProblem,
	describeSentToRecipient,
	type DecryptionPhrase,
} from './messages';
export type { Decryption, DecryptionFailure, DecryptionFailureCode, DecryptionKey } from './outcome';
export { describeDirectKey } from './keys';
export { chooseRecipientKey, type RecipientChoice, type RecipientProblem } from './recipient';
export { listDecryptedJweFindings } from '../../jwt/findings/jwe-decrypted';
export { readPlaintext, type NestedToken, type PlaintextView } from '../../jwt/jwe/plaintext';
export { findJweKeyManagement } from '../../jwt/jwe/algorithms';
