/** T-SQL names and literals: `[bracketed]` identifiers (`]` doubled), `N'unicode'` strings (`'` doubled). */

export function quoteIdent(name: string): string {
  return `[${name.replace(/]/g, ']]')}]`;
}

/** `[schema].[name]`, or `[name]` when the schema is `''` (read unqualified). */
export function qualifiedName(schema: string, name: string): string {
  return schema === '' ? quoteIdent(name) : `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

export function quoteString(text: string): string {
  return `N'${text.replace(/'/g, "''")}'`;
}

/** The name inside `[...]` or `"..."`, or the bare name. */
export function unquoteIdent(text: string): string {
  const t = text.trim();
  if (t.startsWith('[') && t.endsWith(']')) return t.slice(1, -1).replace(/]]/g, ']');
  if (t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replace(/""/g, '"');
  return t;
}
