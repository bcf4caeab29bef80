/** MySQL/MariaDB quoting: backticks for identifiers, single quotes for literals. */

/** `` `name` `` with embedded backticks doubled. Always quoted: MySQL has many reserved words. */
export function quoteIdent(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

/** `schema`.`name`; just `name` for schema `''` (a model read unqualified: the session's database). */
export function qualifiedName(schema: string, name: string): string {
  return schema === '' ? quoteIdent(name) : `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/**
 * A string literal that means the same whatever the session's sql_mode: quotes doubled, and
 * backslashes doubled (unless NO_BACKSLASH_ESCAPES, a backslash escapes; doubled it is one either way
 * only without that mode, which is MySQL's and MariaDB's default).
 */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
