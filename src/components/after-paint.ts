// The components the page shows only after first paint, in one chunk loaded once: the related token, the sharing
// choices, and what the token panel shows only later (its profile, once judged; the picker, for several tokens).
export { default as RelatedToken } from './RelatedToken.svelte';
export { default as ShareOptions } from './ShareOptions.svelte';
export { default as TokenPicker } from './TokenPicker.svelte';
export { default as TokenProfile } from './TokenProfile.svelte';
