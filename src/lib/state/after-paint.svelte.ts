// The state the page loads after first paint, in one chunk: editing, and beside the token shown, the related
// token's relation and sharing with the diff, share and report code they use.

export * as beside from '$lib/jwt/beside';
export { Editing } from './editing.svelte';
export { Relation } from './relation.svelte';
export { Sharing } from './sharing.svelte';
