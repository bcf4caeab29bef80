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
import { child, collectReferences, loadParser, PUBLIC, str, unwrap, type AstNode } from './postgres-sql-ast.js';
import { analyze } from './postgres-statement-analysis.js';

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
// Roles a statement names

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
