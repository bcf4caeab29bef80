/** PostgreSQL identifier and literal quoting. */

/** Reserved key words that must be quoted even when lower-case (from PostgreSQL's keyword list). */
const RESERVED = new Set(
  (
    'all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate ' +
    'collation column concurrently constraint create cross current_catalog current_date current_role ' +
    'current_schema current_time current_timestamp current_user default deferrable desc distinct do else end ' +
    'except false fetch for foreign freeze from full grant group having ilike in initially inner intersect into ' +
    'is isnull join lateral leading left like limit localtime localtimestamp natural not notnull null offset on ' +
    'only or order outer overlaps placing primary references returning right select session_user similar some ' +
    'symmetric system_user table tablesample then to trailing true union unique user using variadic verbose when ' +
    'where window with'
  ).split(' '),
);

/** Quotes an identifier only when PostgreSQL needs it (as `quote_ident` does). */
export function quoteIdent(name: string): string {
  if (/^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name)) return name;
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * `schema.name`, each part quoted as needed; just `name` for schema `''` (a model read unqualified:
 * the statement then acts in the first schema of the session's search_path).
 */
export function qualifiedName(schema: string, name: string): string {
  return schema === '' ? quoteIdent(name) : `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/** ` WITH SCHEMA s` for CREATE EXTENSION; nothing for schema `''` (the current schema). */
export function withSchemaClause(schema: string): string {
  return schema === '' ? '' : ` WITH SCHEMA ${quoteIdent(schema)}`;
}

/** A standard-conforming string literal: `'it''s'`. */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
