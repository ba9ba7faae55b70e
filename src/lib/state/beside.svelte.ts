// What the page loads after first paint beside the token shown: the diff, share links and report, and the state built on them.

export * as beside from '$lib/jwt/beside';
export { Relation } from './relation.svelte';
export { Sharing } from './sharing.svelte';
