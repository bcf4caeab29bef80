/**
 * Schema-model SQL files split into statements with the real PostgreSQL parser (libpg-query, via
 * pgsql-parser), and what each statement creates, needs and belongs to, as object keys:
 *
 *   `rel:schema.name`   tables, views, materialized views, sequences, indexes and types (one name space,
 *                        as in PostgreSQL, where every relation also has a row type)
 *   `fn:schema.name`    functions, procedures and aggregates by bare name (what a call refers to)
 *   `fn:schema.name(integer, text)` a routine's identity (the model's routine name), for ownership
 *   `schema:name`, `ext:name`
 *
 * A reference without a schema (`customers`, `mood`) is kept as `rel:?customers` and resolved against
 * what the folder defines (see postgres-apply-order.ts); definitions without a schema land in `public`.
 * Built-in names (`pg_catalog.int4`, `now`) match nothing the folder defines and are ignored.
 */
import type { SchemaObject } from '../../model/objects.js';
import type { SqlFile } from '../dialect.js';
import {
  child,
  collectReferences,
  key,
  list,
  loadParser,
  names,
  objectWithArgsIdentity,
  parameterTypes,
  PUBLIC,
  rangeVarParts,
  routineIdentity,
  str,
  unwrap,
  type AstNode,
} from './postgres-sql-ast.js';

export { loadParser, splitQualifiedName, unwrap, type AstNode } from './postgres-sql-ast.js';

export interface Statement {
  readonly file: SqlFile;
  /** Position of the file in the folder listing and of the statement in the file (for stable order). */
  readonly fileIndex: number;
  readonly index: number;
  /** The SQL sent to the server. */
  readonly text: string;
  /** 1-based line of the file on which `text` starts. */
  readonly startLine: number;
  /** False for statements rewritten by parity (split foreign keys): errors point at `startLine`. */
  readonly mapsToFile: boolean;
  /** Tie-breaker between independent statements: schemas first, then types, ..., comments last. */
  readonly rank: number;
  readonly provides: readonly string[];
  readonly requires: readonly string[];
  /** The object the statement belongs to (a table for its indexes, triggers and comments). */
  readonly owner?: string;
  /** The parsed statement, when the file could be parsed. */
  readonly ast?: AstNode;
}

/** Tie-break ranks by statement type; dependencies found in the statements always come first. */
const RANKS: Readonly<Record<string, number>> = {
  CreateSchemaStmt: 0,
  CreateExtensionStmt: 1,
  CreateEnumStmt: 2,
  CompositeTypeStmt: 2,
  CreateRangeStmt: 2,
  CreateDomainStmt: 3,
  CreateSeqStmt: 4,
  CreateFunctionStmt: 5,
  DefineStmt: 5,
  CreateStmt: 6,
  IndexStmt: 7,
  ViewStmt: 8,
  CreateTableAsStmt: 9,
  CreateTrigStmt: 10,
  AlterSeqStmt: 11,
  AlterTableStmt: 11,
  CommentStmt: 12,
};
const OTHER_RANK = 13;

/** Ranks for a file that cannot be parsed, from the kind its folder stands for. */
const KIND_RANKS: Readonly<Record<SchemaObject['kind'], number>> = {
  schema: 0,
  extension: 1,
  enum: 2,
  compositeType: 2,
  domain: 3,
  sequence: 4,
  function: 5,
  procedure: 5,
  aggregate: 5,
  table: 6,
  view: 8,
  materializedView: 9,
  synonym: OTHER_RANK,
  package: 5,
};

// ---------------------------------------------------------------------------------------------
// What one statement defines and belongs to

interface Analysis {
  provides: string[];
  owner?: string;
  /** Owner to resolve through the folder (COMMENT ON INDEX names the index, owned by its table). */
  ownerVia?: string;
  extraRequires: string[];
}

function qualified(space: 'rel' | 'fn', parts: readonly string[]): string | undefined {
  return key(space, parts, true);
}

function commentTarget(body: AstNode, definedTypes: ReadonlySet<string>): Analysis {
  const objtype = str(body, 'objtype') ?? '';
  const object = body['object'];
  const listItems = names(list(child(object, 'List'), 'items'));
  const single = str(child(object, 'String'), 'sval');
  switch (objtype) {
    case 'OBJECT_SCHEMA':
      return { provides: [], owner: `schema:${single}`, extraRequires: [`schema:${single}`] };
    case 'OBJECT_EXTENSION':
      return { provides: [], owner: `ext:${single}`, extraRequires: [`ext:${single}`] };
    case 'OBJECT_FUNCTION':
    case 'OBJECT_PROCEDURE':
    case 'OBJECT_AGGREGATE':
    case 'OBJECT_ROUTINE': {
      const identity = objectWithArgsIdentity(child(object, 'ObjectWithArgs'), definedTypes);
      return { provides: [], ...(identity ? { owner: identity } : {}), extraRequires: [] };
    }
    case 'OBJECT_TYPE':
    case 'OBJECT_DOMAIN': {
      const typeKey = qualified('rel', names(list(child(object, 'TypeName'), 'names')));
      return { provides: [], ...(typeKey ? { owner: typeKey } : {}), extraRequires: [] };
    }
    case 'OBJECT_DOMCONSTRAINT': {
      const domain = qualified('rel', names(list(child(list(child(object, 'List'), 'items')[0], 'TypeName'), 'names')));
      return { provides: [], ...(domain ? { owner: domain } : {}), extraRequires: domain ? [domain] : [] };
    }
    case 'OBJECT_COLUMN':
    case 'OBJECT_TABCONSTRAINT':
    case 'OBJECT_TRIGGER':
    case 'OBJECT_POLICY':
    case 'OBJECT_RULE': {
      const relation = qualified('rel', listItems.slice(0, -1));
      return { provides: [], ...(relation ? { ownerVia: relation } : {}), extraRequires: relation ? [relation] : [] };
    }
    case 'OBJECT_INDEX':
    case 'OBJECT_TABLE':
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW':
    case 'OBJECT_SEQUENCE':
    case 'OBJECT_FOREIGN_TABLE': {
      const relation = qualified('rel', listItems);
      return { provides: [], ...(relation ? { ownerVia: relation } : {}), extraRequires: relation ? [relation] : [] };
    }
    default:
      return { provides: [], extraRequires: [] };
  }
}

function analyze(type: string, body: AstNode, definedTypes: ReadonlySet<string>): Analysis {
  const self = (space: 'rel' | 'fn', parts: readonly string[]): Analysis => {
    const k = qualified(space, parts);
    return { provides: k ? [k] : [], ...(k ? { owner: k } : {}), extraRequires: [] };
  };
  switch (type) {
    case 'CreateSchemaStmt': {
      const name = str(body, 'schemaname');
      return name === undefined ? { provides: [], extraRequires: [] } : { provides: [`schema:${name}`], owner: `schema:${name}`, extraRequires: [] };
    }
    case 'CreateExtensionStmt': {
      const name = str(body, 'extname') ?? '';
      const schemaOption = list(body, 'options')
        .map((o) => child(o, 'DefElem'))
        .find((d) => str(d, 'defname') === 'schema');
      const schema = str(child(schemaOption?.['arg'], 'String'), 'sval');
      return { provides: [`ext:${name}`], owner: `ext:${name}`, extraRequires: schema ? [`schema:${schema}`] : [] };
    }
    case 'CreateStmt':
      return self('rel', rangeVarParts(child(body, 'relation')));
    case 'CreateSeqStmt':
      return self('rel', rangeVarParts(child(body, 'sequence')));
    case 'ViewStmt':
      return self('rel', rangeVarParts(child(body, 'view')));
    case 'CreateTableAsStmt':
      return self('rel', rangeVarParts(child(child(body, 'into'), 'rel')));
    case 'CompositeTypeStmt':
      return self('rel', rangeVarParts(child(body, 'typevar')));
    case 'CreateEnumStmt':
    case 'CreateRangeStmt':
      return self('rel', names(list(body, 'typeName')));
    case 'CreateDomainStmt':
      return self('rel', names(list(body, 'domainname')));
    case 'CreateFunctionStmt': {
      const parts = names(list(body, 'funcname'));
      const bare = qualified('fn', parts);
      const identity = routineIdentity(parts, parameterTypes(list(body, 'parameters'), definedTypes));
      return { provides: bare ? [bare] : [], ...(identity ? { owner: identity } : {}), extraRequires: [] };
    }
    case 'DefineStmt': {
      const kind = str(body, 'kind');
      const parts = names(list(body, 'defnames'));
      if (kind === 'OBJECT_AGGREGATE') {
        const bare = qualified('fn', parts);
        const args = list(child(list(body, 'args')[0], 'List'), 'items');
        const identity = routineIdentity(parts, parameterTypes(args, definedTypes));
        return { provides: bare ? [bare] : [], ...(identity ? { owner: identity } : {}), extraRequires: [] };
      }
      if (kind === 'OBJECT_TYPE' || kind === 'OBJECT_COLLATION') return self('rel', parts);
      return { provides: [], extraRequires: [] };
    }
    case 'IndexStmt': {
      const table = rangeVarParts(child(body, 'relation'));
      const tableKey = qualified('rel', table);
      const idxname = str(body, 'idxname');
      const schema = table.length >= 2 ? table[0]! : PUBLIC;
      return { provides: idxname ? [`rel:${schema}.${idxname}`] : [], ...(tableKey ? { ownerVia: tableKey } : {}), extraRequires: [] };
    }
    case 'AlterTableStmt': {
      // ALTER TABLE parent ATTACH PARTITION p ... belongs to the partition.
      const attach = list(body, 'cmds')
        .map((c) => child(c, 'AlterTableCmd'))
        .find((c) => str(c, 'subtype') === 'AT_AttachPartition');
      const partition = qualified('rel', rangeVarParts(child(child(child(attach, 'def'), 'PartitionCmd'), 'name')));
      const relation = partition ?? qualified('rel', rangeVarParts(child(body, 'relation')));
      return { provides: [], ...(relation ? { ownerVia: relation } : {}), extraRequires: [] };
    }
    case 'GrantStmt':
      return grantTarget(body, definedTypes);
    case 'AlterDefaultPrivilegesStmt': {
      const schemas = names(
        list(
          child(
            list(body, 'options')
              .map((o) => child(o, 'DefElem'))
              .find((d) => str(d, 'defname') === 'schemas')?.['arg'],
            'List',
          ),
          'items',
        ),
      );
      const schema = schemas[0];
      return schema === undefined ? { provides: [], extraRequires: [] } : { provides: [], owner: `schema:${schema}`, extraRequires: schemas.map((n) => `schema:${n}`) };
    }
    case 'CreateTrigStmt':
    case 'RuleStmt':
    case 'CreatePolicyStmt': {
      const relation = qualified('rel', rangeVarParts(child(body, type === 'CreatePolicyStmt' ? 'table' : 'relation')));
      const functionKey = type === 'CreateTrigStmt' ? key('fn', names(list(body, 'funcname'))) : undefined;
      return { provides: [], ...(relation ? { ownerVia: relation } : {}), extraRequires: functionKey ? [functionKey] : [] };
    }
    case 'AlterSeqStmt': {
      const sequence = qualified('rel', rangeVarParts(child(body, 'sequence')));
      return { provides: [], ...(sequence ? { ownerVia: sequence } : {}), extraRequires: ownedByRequires(body) };
    }
    case 'CommentStmt':
      return commentTarget(body, definedTypes);
    case 'AlterFunctionStmt': {
      const identity = objectWithArgsIdentity(child(body, 'func'), definedTypes);
      return { provides: [], ...(identity ? { owner: identity } : {}), extraRequires: [] };
    }
    case 'AlterEnumStmt':
    case 'AlterDomainStmt': {
      const typeKey = qualified('rel', names(list(body, 'typeName')));
      return { provides: [], ...(typeKey ? { ownerVia: typeKey } : {}), extraRequires: [] };
    }
    default:
      return { provides: [], extraRequires: [] };
  }
}

/** GRANT / REVOKE ... ON an object belongs to (and needs) its first object. */
function grantTarget(body: AstNode, definedTypes: ReadonlySet<string>): Analysis {
  if (str(body, 'targtype') !== 'ACL_TARGET_OBJECT') return { provides: [], extraRequires: [] };
  const first = list(body, 'objects')[0];
  const objtype = str(body, 'objtype') ?? '';
  if (objtype === 'OBJECT_SCHEMA') {
    const schemas = list(body, 'objects').map((o) => str(child(o, 'String'), 'sval')).filter((n): n is string => n !== undefined);
    return schemas.length === 0 ? { provides: [], extraRequires: [] } : { provides: [], owner: `schema:${schemas[0]}`, extraRequires: schemas.map((n) => `schema:${n}`) };
  }
  const routine = child(first, 'ObjectWithArgs');
  if (routine) {
    const identity = objectWithArgsIdentity(routine, definedTypes);
    return { provides: [], ...(identity ? { owner: identity } : {}), extraRequires: [] };
  }
  const relation = qualified('rel', rangeVarParts(child(first, 'RangeVar') ?? (isRangeVar(first) ? (first as AstNode) : undefined)));
  return { provides: [], ...(relation ? { ownerVia: relation } : {}), extraRequires: relation ? [relation] : [] };
}

function isRangeVar(node: unknown): boolean {
  return typeof node === 'object' && node !== null && typeof (node as AstNode)['relname'] === 'string';
}

/** Names of the roles a statement names (GRANT ... TO r, CREATE POLICY ... TO r, FOR ROLE r, OWNER TO r). */
export function namedRoles(statement: Statement): string[] {
  const out = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const role = child(node, 'RoleSpec');
    if (role && str(role, 'roletype') === 'ROLESPEC_CSTRING') {
      const name = str(role, 'rolename');
      if (name !== undefined) out.add(name);
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(statement.ast);
  return [...out];
}

/** `OWNED BY s.t.c` in CREATE/ALTER SEQUENCE needs the table. */
function ownedByRequires(body: AstNode): string[] {
  const option = list(body, 'options')
    .map((o) => child(o, 'DefElem'))
    .find((d) => str(d, 'defname') === 'owned_by');
  const parts = names(list(child(option?.['arg'], 'List'), 'items'));
  if (parts.length < 2 || (parts.length === 1 && parts[0] === 'none')) return [];
  const relation = key('rel', parts.slice(0, -1));
  return relation ? [relation] : [];
}

// ---------------------------------------------------------------------------------------------
// Files → statements

/** Line numbers of byte offsets, counted incrementally (statements come in file order). */
function lineCounter(bytes: Buffer): (offset: number) => number {
  let position = 0;
  let line = 1;
  return (offset) => {
    if (offset < position) {
      position = 0;
      line = 1;
    }
    for (; position < offset && position < bytes.length; position++) if (bytes[position] === 0x0a) line++;
    return line;
  };
}

export interface RawStatement {
  readonly type: string;
  readonly body: AstNode;
  readonly ast: AstNode;
  readonly text: string;
  readonly startLine: number;
}

/** Splits one file with the parser; `undefined` when it does not parse (the server will say why). */
export async function splitFile(text: string): Promise<RawStatement[] | undefined> {
  let result: { stmts?: Array<{ stmt?: unknown; stmt_location?: number; stmt_len?: number }> };
  const { parse } = await loadParser();
  try {
    result = (await parse(text)) as typeof result;
  } catch {
    return undefined;
  }
  const bytes = Buffer.from(text, 'utf8');
  const lineAt = lineCounter(bytes);
  const out: RawStatement[] = [];
  for (const raw of result.stmts ?? []) {
    const unwrapped = unwrap(raw.stmt);
    if (!unwrapped) continue;
    const start = raw.stmt_location ?? 0;
    const end = raw.stmt_len ? start + raw.stmt_len : bytes.length;
    out.push({
      type: unwrapped[0],
      body: unwrapped[1],
      ast: raw.stmt as AstNode,
      text: bytes.subarray(start, end).toString('utf8'),
      startLine: lineAt(start),
    });
  }
  return out;
}

export interface AnalyzedFiles {
  readonly statements: readonly Statement[];
  /** Paths of files that did not parse (each is one opaque statement in `statements`). */
  readonly unparsed: ReadonlySet<string>;
}

/**
 * Parses every file and describes its statements. Files that do not parse become one statement each
 * (the whole text, ranked by the folder's kind) so the server reports the problem with its line.
 */
export async function analyzeFiles(files: readonly SqlFile[]): Promise<AnalyzedFiles> {
  const split = await Promise.all(files.map((file) => splitFile(file.text)));
  // Types the folder defines, to print unqualified user types in routine identities as `public.t`.
  const definedTypes = new Set<string>();
  for (const statements of split) {
    for (const s of statements ?? []) for (const provided of analyze(s.type, s.body, new Set()).provides) definedTypes.add(provided);
  }
  const statements: Statement[] = [];
  const unparsed = new Set<string>();
  files.forEach((file, fileIndex) => {
    const parsed = split[fileIndex];
    if (parsed === undefined) {
      unparsed.add(file.path);
      const rank = file.kindHint ? KIND_RANKS[file.kindHint] : OTHER_RANK;
      statements.push({ file, fileIndex, index: 0, text: file.text, startLine: 1, mapsToFile: true, rank, provides: [], requires: [] });
      return;
    }
    parsed.forEach((raw, index) => {
      const analysis = analyze(raw.type, raw.body, definedTypes);
      const references = new Set<string>(analysis.extraRequires);
      collectReferences(raw.body, references);
      const provides = new Set(analysis.provides);
      const requires = [...references].filter((r) => !provides.has(r) && !provides.has(r.replace(/^(rel|fn):\?/, `$1:${PUBLIC}.`)));
      statements.push({
        file,
        fileIndex,
        index,
        text: raw.text,
        startLine: raw.startLine,
        mapsToFile: true,
        rank: RANKS[raw.type] ?? OTHER_RANK,
        provides: [...provides],
        requires,
        ...(analysis.owner ? { owner: analysis.owner } : analysis.ownerVia ? { owner: `via:${analysis.ownerVia}` } : {}),
        ast: raw.ast,
      });
    });
  });
  return { statements, unparsed };
}

/**
 * The object each statement belongs to, with `via:` owners resolved through the folder: a comment on
 * an index, or ALTER INDEX, belongs to the index's table; other `via:` owners are the object itself.
 */
export function resolveOwners(statements: readonly Statement[]): Map<Statement, string> {
  const ownerOfProvided = new Map<string, string>();
  for (const s of statements) {
    if (s.owner === undefined || s.owner.startsWith('via:')) {
      if (s.owner?.startsWith('via:')) for (const p of s.provides) ownerOfProvided.set(p, s.owner.slice(4));
      continue;
    }
    for (const p of s.provides) ownerOfProvided.set(p, s.owner);
  }
  const out = new Map<Statement, string>();
  for (const s of statements) {
    if (s.owner === undefined) continue;
    if (!s.owner.startsWith('via:')) {
      out.set(s, s.owner);
      continue;
    }
    const target = s.owner.slice(4);
    const through = ownerOfProvided.get(target);
    // An index's provider owner is its table (itself `via:`-free); a table's provider owner is itself.
    out.set(s, through !== undefined && !through.startsWith('fn:') ? through : target);
  }
  return out;
}

/** The key `resolveOwners` uses for a model object. */
export function objectKeyPostgres(object: SchemaObject): string {
  switch (object.kind) {
    case 'schema':
      return `schema:${object.name}`;
    case 'extension':
      return `ext:${object.name}`;
    case 'function':
    case 'procedure':
    case 'aggregate':
      return `fn:${object.schema}.${object.name}`;
    default:
      return `rel:${object.schema}.${object.name}`;
  }
}
