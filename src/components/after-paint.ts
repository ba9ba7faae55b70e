// The components the page shows only after first paint, in one chunk loaded once: the related token, the sharing
// choices, and what the other panels show only later (the profile and the findings, once judged; the picker, for
// several tokens; the findings settings, once opened; key generation and the token's own keys, with the crypto
// code).
export { default as RelatedToken } from './RelatedToken.svelte';
export { default as ShareOptions } from './ShareOptions.svelte';
export { default as TokenPicker } from './TokenPicker.svelte';
export { default as TokenProfile } from './TokenProfile.svelte';
export { default as EmbeddedKeys } from './EmbeddedKeys.svelte';
export { default as FindingItems } from './FindingItems.svelte';
export { default as KeyGenerator } from './KeyGenerator.svelte';
export { default as SettingsFields } from './SettingsFields.svelte';
