// Svelte 5 strips type-only TypeScript in <script lang="ts"> natively; no preprocess needed.
export default {};
