/**
 * Oracle quoting. Names are kept in the model as the dictionary stores them (an unquoted name was
 * folded to upper case when it was created) and always written double-quoted, as DBMS_METADATA
 * writes them, so a name is never folded again and no reserved word needs a list.
 */

/** `"NAME"`; Oracle names cannot hold a double quote, doubled here all the same. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `"SCHEMA"."NAME"`; just `"NAME"` for schema `''` (a model read unqualified: the session's schema). */
export function qualifiedName(schema: string, name: string): string {
  return schema === '' ? quoteIdent(name) : `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/** A string literal: quotes doubled (Oracle has no backslash escapes). */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * A name as a user writes it (a schema in `-schemas`, a URL's user): `"Mixed"` is taken as it is,
 * anything else is folded to upper case, as Oracle folds unquoted identifiers.
 */
export function foldIdentifier(text: string): string {
  const trimmed = text.trim();
  const quoted = /^"(.*)"$/s.exec(trimmed);
  return quoted ? quoted[1]!.replace(/""/g, '"') : trimmed.toUpperCase();
}
