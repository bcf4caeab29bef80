// Types of prng.mjs, for the TypeScript tests that draw the same seeded sequences.
export function mulberry32(seed: number): () => number;
