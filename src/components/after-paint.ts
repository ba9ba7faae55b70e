// The components the page shows only after first paint, in one chunk loaded once: the related token and the sharing choices.
export { default as RelatedToken } from './RelatedToken.svelte';
export { default as ShareOptions } from './ShareOptions.svelte';
