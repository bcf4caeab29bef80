/**
 * The PostgreSQL parse tree (libpg-query's JSON, via pgsql-parser) as schema-model reading needs it:
 * small navigation helpers, object keys (see postgres-sql-statements.ts), routine identities as the
 * model names them, and the walk that collects every object a statement references.
 */
import { quoteIdent } from './postgres-quoting.js';

/** The parser (WASM), loaded on first use so commands that never parse SQL do not pay for it. */
export function loadParser(): Promise<typeof import('pgsql-parser')> {
  return import('pgsql-parser');
}

/** A JSON node of the parse tree, navigated loosely (the tree is plain JSON). */
export type AstNode = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Small tree helpers

export function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function child(node: unknown, key: string): AstNode | undefined {
  if (!isNode(node)) return undefined;
  const value = node[key];
  return isNode(value) ? value : undefined;
}

export function list(node: unknown, key: string): unknown[] {
  if (!isNode(node)) return [];
  const value = node[key];
  return Array.isArray(value) ? value : [];
}

export function str(node: unknown, key: string): string | undefined {
  if (!isNode(node)) return undefined;
  const value = node[key];
  return typeof value === 'string' ? value : undefined;
}

/** `[{String: {sval: 'a'}}, {String: {sval: 'b'}}]` → `['a', 'b']`. */
export function names(items: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    const value = str(child(item, 'String'), 'sval');
    if (value !== undefined) out.push(value);
  }
  return out;
}

/** The one statement node inside `{Kind: {...}}`: its type name and body. */
export function unwrap(node: unknown): [string, AstNode] | undefined {
  if (!isNode(node)) return undefined;
  const keys = Object.keys(node);
  if (keys.length !== 1) return undefined;
  const body = node[keys[0]!];
  return isNode(body) ? [keys[0]!, body] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Keys

export const PUBLIC = 'public';

/** `rel:s.n` for a qualified name, `rel:?n` for an unqualified reference. */
export function key(space: 'rel' | 'fn', parts: readonly string[], definition = false): string | undefined {
  if (parts.length === 0) return undefined;
  const name = parts[parts.length - 1]!;
  const schema = parts.length >= 2 ? parts[parts.length - 2]! : definition ? PUBLIC : '?';
  if (schema === 'pg_catalog' || schema === 'information_schema') return undefined;
  return schema === '?' ? `${space}:?${name}` : `${space}:${schema}.${name}`;
}

export function rangeVarParts(node: AstNode | undefined): string[] {
  if (!node) return [];
  const relname = str(node, 'relname');
  if (relname === undefined) return [];
  const schemaname = str(node, 'schemaname');
  return schemaname === undefined ? [relname] : [schemaname, relname];
}

/**
 * Splits `public."Order Lines_id_seq"` (text inside a regclass literal) into identifiers, folding
 * unquoted parts to lower case as PostgreSQL does.
 */
export function splitQualifiedName(text: string): string[] {
  const parts: string[] = [];
  let i = 0;
  const s = text.trim();
  while (i < s.length) {
    if (s[i] === '"') {
      let j = i + 1;
      let part = '';
      while (j < s.length) {
        if (s[j] === '"' && s[j + 1] === '"') {
          part += '"';
          j += 2;
        } else if (s[j] === '"') break;
        else part += s[j++];
      }
      parts.push(part);
      i = j + 1;
    } else {
      let j = i;
      while (j < s.length && s[j] !== '.') j++;
      parts.push(s.slice(i, j).trim().toLowerCase());
      i = j;
    }
    while (i < s.length && s[i] !== '.') i++;
    i++;
  }
  return parts;
}

/** Built-in type names as format_type prints them, for routine identities written by hand. */
export const TYPE_ALIASES: Readonly<Record<string, string>> = {
  int2: 'smallint',
  int4: 'integer',
  int: 'integer',
  int8: 'bigint',
  float4: 'real',
  float8: 'double precision',
  bool: 'boolean',
  varchar: 'character varying',
  bpchar: 'character',
  decimal: 'numeric',
  timestamp: 'timestamp without time zone',
  timestamptz: 'timestamp with time zone',
  time: 'time without time zone',
  timetz: 'time with time zone',
  varbit: 'bit varying',
};

/** A TypeName node as format_type would print it without modifiers: `integer`, `public.mood[]`. */
export function typeText(typeName: AstNode | undefined, definedTypes: ReadonlySet<string>): string {
  if (!typeName) return '?';
  const parts = names(list(typeName, 'names'));
  const last = parts[parts.length - 1] ?? '?';
  let text: string;
  if (parts.length >= 2 && parts[parts.length - 2] !== 'pg_catalog') {
    text = `${quoteIdent(parts[parts.length - 2]!)}.${quoteIdent(last)}`;
  } else if (parts.length === 1 && definedTypes.has(`rel:${PUBLIC}.${last}`)) {
    text = `${PUBLIC}.${quoteIdent(last)}`;
  } else {
    text = TYPE_ALIASES[last] ?? (last === 'char' && parts.length === 1 ? '"char"' : last);
  }
  return text + '[]'.repeat(list(typeName, 'arrayBounds').length);
}

/** Input argument modes: what identifies a routine (OUT and TABLE columns do not). */
const INPUT_MODES = new Set(['FUNC_PARAM_IN', 'FUNC_PARAM_INOUT', 'FUNC_PARAM_VARIADIC', 'FUNC_PARAM_DEFAULT']);

export function routineIdentity(nameParts: readonly string[], argTypes: readonly string[]): string | undefined {
  const base = key('fn', nameParts, true);
  return base === undefined ? undefined : `${base}(${argTypes.join(', ')})`;
}

export function parameterTypes(parameters: readonly unknown[], definedTypes: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const item of parameters) {
    const parameter = child(item, 'FunctionParameter');
    if (!parameter || !INPUT_MODES.has(str(parameter, 'mode') ?? 'FUNC_PARAM_DEFAULT')) continue;
    out.push(typeText(child(parameter, 'argType'), definedTypes));
  }
  return out;
}

/** `public.add(integer, integer)` from an ObjectWithArgs node (COMMENT ON FUNCTION, ALTER FUNCTION). */
export function objectWithArgsIdentity(node: AstNode | undefined, definedTypes: ReadonlySet<string>): string | undefined {
  if (!node) return undefined;
  const parts = names(list(node, 'objname'));
  if (node['args_unspecified'] === true) return key('fn', parts, true);
  const parameters = list(node, 'objfuncargs');
  const types =
    parameters.length > 0
      ? parameterTypes(parameters, definedTypes)
      : list(node, 'objargs').map((arg) => typeText(child(arg, 'TypeName'), definedTypes));
  return routineIdentity(parts, types);
}

// ---------------------------------------------------------------------------------------------
// References: a walk over the whole statement

const SEQUENCE_FUNCTIONS = new Set(['nextval', 'currval', 'setval']);
const RELATION_CASTS = new Set(['regclass', 'regtype']);

/** Every object a statement's tree names: relations, types, functions (by bare name), schemas. */
export function collectReferences(root: unknown, out: Set<string>): void {
  const add = (value: string | undefined) => {
    if (value === undefined) return;
    out.add(value);
    const match = /^(?:rel|fn):([^?][^.]*)\./.exec(value);
    if (match) out.add(`schema:${match[1]}`);
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!isNode(node)) return;
    // RangeVar (wrapped or bare: CreateStmt.relation, IndexStmt.relation, ...).
    if (typeof node['relname'] === 'string' && ('inh' in node || 'relpersistence' in node)) add(key('rel', rangeVarParts(node)));
    // TypeName (bare under typeName/argType/returnType, or wrapped).
    if (Array.isArray(node['names']) && 'typemod' in node) add(key('rel', names(node['names'] as unknown[])));
    const funcCall = child(node, 'FuncCall');
    if (funcCall) {
      const parts = names(list(funcCall, 'funcname'));
      add(key('fn', parts));
      const first = list(funcCall, 'args')[0];
      const literal = str(child(child(first, 'A_Const'), 'sval'), 'sval');
      if (literal !== undefined && SEQUENCE_FUNCTIONS.has(parts[parts.length - 1] ?? '')) add(key('rel', splitQualifiedName(literal)));
    }
    const typeCast = child(node, 'TypeCast');
    if (typeCast) {
      const castTo = names(list(child(typeCast, 'typeName'), 'names'));
      const literal = str(child(child(child(typeCast, 'arg'), 'A_Const'), 'sval'), 'sval');
      const target = castTo[castTo.length - 1] ?? '';
      if (literal !== undefined && RELATION_CASTS.has(target)) add(key('rel', splitQualifiedName(literal)));
      if (literal !== undefined && (target === 'regproc' || target === 'regprocedure')) {
        add(key('fn', splitQualifiedName(literal.replace(/\(.*$/s, ''))));
      }
    }
    const withArgs = child(node, 'ObjectWithArgs');
    if (withArgs) add(key('fn', names(list(withArgs, 'objname'))));
    for (const value of Object.values(node)) visit(value);
  };
  visit(root);
}
