/**
 * The names of the dialects in the registry (registry.ts), in its order. A module without imports, so
 * that the model (`DialectName`) and the JSON schemas of snapshots and artifacts take the list from
 * here without loading every dialect. The registry is a `Record<DialectName, Dialect>`: a name here
 * without a dialect there does not compile, and tests/registry checks that each entry answers to its
 * own name. Adding a dialect: add its name here, then let the compiler list every place that needs it.
 */
export const DIALECT_NAMES = ['postgres', 'mysql', 'sqlserver', 'oracle'] as const;

export type DialectName = (typeof DIALECT_NAMES)[number];
