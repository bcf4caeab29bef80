/**
 * `check -code` on PostgreSQL (src/check/code-rules.ts): the built-in rules read pgsql-parser's parse
 * tree of each script, so words in comments, string literals and function bodies are never matched;
 * user rules read the script with comments and string constants blanked out by the server's own
 * scanner (libpg-query's `scan`). A script the parser cannot read is one `unparsed` warning.
 */
import { builtIn, type CodeAnalysis, type CodeContext, type CodeScript, type Violation } from '../../check/code-rules.js';
import { isWidening } from './postgres-type-widening.js';
import { TYPE_ALIASES, child, list, names, str, type AstNode } from './postgres-sql-ast.js';
import { splitFile } from './postgres-sql-statements.js';

/** Functions whose default makes ADD COLUMN rewrite the table (volatile ones PostgreSQL cannot store once). */
const VOLATILE_FUNCTIONS = new Set(['random', 'gen_random_uuid', 'uuid_generate_v1', 'uuid_generate_v1mc', 'uuid_generate_v4', 'uuidv4', 'uuidv7', 'clock_timestamp', 'timeofday', 'nextval', 'txid_current', 'setseed']);

/** A parse tree TypeName as the model's canonical type text (`character varying(10)`, `timestamp(3) without time zone`). */
function typeText(typeName: AstNode | undefined): string | undefined {
  const parts = names(list(typeName, 'names'));
  const last = parts[parts.length - 1];
  if (last === undefined) return undefined;
  const base = TYPE_ALIASES[last] ?? last;
  const mods = list(typeName, 'typmods').map((m) => (child(child(m, 'A_Const'), 'ival')?.['ival'] as number | undefined) ?? 0);
  const array = list(typeName, 'arrayBounds').length > 0 ? '[]' : '';
  if (mods.length === 0) return `${base}${array}`;
  const zone = / with(?:out)? time zone$/.exec(base);
  return zone ? `${base.slice(0, zone.index)}(${mods.join(',')})${zone[0]}${array}` : `${base}(${mods.join(',')})${array}`;
}

/** Type changes PostgreSQL makes without rewriting the table: longer varchar, varchar to text, more numeric digits at the same scale. */
function keepsStorage(from: string, to: string): boolean {
  if (from === to) return true;
  const varchar = /^character varying(?:\((\d+)\))?$/;
  const fromVarchar = varchar.exec(from);
  if (fromVarchar && (to === 'text' || to === 'character varying')) return true;
  const toVarchar = varchar.exec(to);
  if (fromVarchar && toVarchar) return fromVarchar[1] !== undefined && toVarchar[1] !== undefined && Number(toVarchar[1]) >= Number(fromVarchar[1]);
  const numeric = /^numeric\((\d+),(\d+)\)$/;
  const a = numeric.exec(from);
  const b = numeric.exec(to);
  if (a && to === 'numeric') return true;
  return a !== null && b !== null && a[2] === b[2] && Number(b[1]) >= Number(a[1]);
}

interface Table {
  readonly schema: string | undefined;
  readonly name: string;
}

const tableOf = (rangeVar: AstNode | undefined): Table | undefined => {
  const name = str(rangeVar, 'relname');
  return name === undefined ? undefined : { schema: str(rangeVar, 'schemaname'), name };
};
const shown = (t: Table) => (t.schema !== undefined ? `${t.schema}.${t.name}` : t.name);

/** Rules of one script's statements; `created`: tables the scripts created so far (not existing ones). */
function statementViolations(type: string, body: AstNode, file: string, line: number, created: Set<string>, context: CodeContext): Violation[] {
  const out: Violation[] = [];
  const existing = (t: Table | undefined): t is Table => t !== undefined && !created.has(t.name);
  switch (type) {
    case 'CreateStmt':
    case 'CreateTableAsStmt': {
      const t = tableOf(child(body, 'relation') ?? child(child(body, 'into'), 'rel'));
      if (t) created.add(t.name);
      break;
    }
    case 'DropStmt': {
      const kind = str(body, 'removeType');
      const objects = list(body, 'objects').map((o) => (child(o, 'List') ? names(list(child(o, 'List'), 'items')).join('.') : (str(child(o, 'String'), 'sval') ?? '')));
      if (kind === 'OBJECT_TABLE') out.push(builtIn('drop-table', file, line, `DROP TABLE ${objects.join(', ')}`));
      if (kind === 'OBJECT_SCHEMA') out.push(builtIn('drop-schema', file, line, `DROP SCHEMA ${objects.join(', ')}`));
      break;
    }
    case 'TruncateStmt':
      out.push(builtIn('truncate', file, line, `TRUNCATE ${list(body, 'relations').map((r) => shown(tableOf(child(r, 'RangeVar'))!)).join(', ')}`));
      break;
    case 'DeleteStmt':
    case 'UpdateStmt':
      if (body['whereClause'] === undefined) {
        const t = tableOf(child(body, 'relation'));
        out.push(builtIn(type === 'DeleteStmt' ? 'delete-without-where' : 'update-without-where', file, line, `${type === 'DeleteStmt' ? 'DELETE FROM' : 'UPDATE'} ${t ? shown(t) : '?'} without WHERE`));
      }
      break;
    case 'IndexStmt': {
      const t = tableOf(child(body, 'relation'));
      if (body['concurrent'] !== true && existing(t)) {
        out.push(builtIn('index-without-concurrently', file, line, `CREATE INDEX ${str(body, 'idxname') ?? ''} on existing table ${shown(t)} without CONCURRENTLY`.replace('  ', ' ')));
      }
      break;
    }
    case 'AlterTableStmt': {
      const t = tableOf(child(body, 'relation'));
      if (t === undefined || str(body, 'objtype') !== 'OBJECT_TABLE') break;
      for (const item of list(body, 'cmds')) out.push(...alterViolations(child(item, 'AlterTableCmd') ?? {}, t, existing(t), file, line, context));
      break;
    }
  }
  return out;
}

function alterViolations(cmd: AstNode, t: Table, isExisting: boolean, file: string, line: number, context: CodeContext): Violation[] {
  const out: Violation[] = [];
  const column = str(cmd, 'name');
  const def = cmd['def'];
  switch (str(cmd, 'subtype')) {
    case 'AT_DropColumn':
      out.push(builtIn('drop-column', file, line, `DROP COLUMN ${column} of ${shown(t)}`));
      break;
    case 'AT_SetNotNull':
      if (isExisting) out.push(builtIn('set-not-null', file, line, `SET NOT NULL on ${shown(t)}.${column} of an existing table`));
      break;
    case 'AT_AlterColumnType': {
      const to = typeText(child(child(def, 'ColumnDef'), 'typeName'));
      const from = column !== undefined ? context.columnType(t.schema, t.name, column) : undefined;
      if (from !== undefined && to !== undefined && !isWidening(from, to)) {
        out.push(builtIn('narrowing-type-change', file, line, `${shown(t)}.${column} changes from ${from} to ${to}, which may not hold every value`));
      }
      if (isExisting && !(from !== undefined && to !== undefined && keepsStorage(from, to))) {
        out.push(builtIn('type-change-rewrite', file, line, `${shown(t)}.${column} changes type${from !== undefined ? ` from ${from}` : ''} to ${to ?? '?'}: the table is rewritten`));
      }
      break;
    }
    case 'AT_AddConstraint': {
      const constraint = child(def, 'Constraint');
      const kind = str(constraint, 'contype');
      if (isExisting && (kind === 'CONSTR_FOREIGN' || kind === 'CONSTR_CHECK') && constraint?.['skip_validation'] !== true) {
        out.push(builtIn('constraint-without-not-valid', file, line, `ADD ${kind === 'CONSTR_FOREIGN' ? 'FOREIGN KEY' : 'CHECK'} ${str(constraint, 'conname') ?? ''} on existing table ${shown(t)} without NOT VALID`.replace('  ', ' ')));
      }
      break;
    }
    case 'AT_AddColumn': {
      const columnDef = child(def, 'ColumnDef');
      const defaults = list(columnDef, 'constraints').map((c) => child(c, 'Constraint')).filter((c) => str(c, 'contype') === 'CONSTR_DEFAULT');
      const volatile = defaults.map((c) => volatileCall(c?.['raw_expr'])).find((f) => f !== undefined);
      if (isExisting && volatile !== undefined) {
        out.push(builtIn('volatile-default', file, line, `ADD COLUMN ${str(columnDef, 'colname')} to existing table ${shown(t)} with volatile default ${volatile}()`));
      }
      break;
    }
  }
  return out;
}

/** The first volatile function called anywhere in an expression. */
function volatileCall(node: unknown): string | undefined {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = volatileCall(item);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof node !== 'object' || node === null) return undefined;
  const call = child(node, 'FuncCall');
  const name = call ? names(list(call, 'funcname')).pop() : undefined;
  if (name !== undefined && VOLATILE_FUNCTIONS.has(name)) return name;
  for (const value of Object.values(node)) {
    const found = volatileCall(value);
    if (found !== undefined) return found;
  }
  return undefined;
}

export const postgresCodeAnalysis: CodeAnalysis = {
  async analyze(scripts: readonly CodeScript[], context: CodeContext): Promise<Violation[]> {
    const created = new Set<string>();
    const out: Violation[] = [];
    for (const script of scripts) {
      const statements = await splitFile(script.text);
      if (statements === undefined) {
        out.push({ file: script.shownPath, line: 1, rule: 'unparsed', severity: 'warning', message: 'the PostgreSQL parser cannot read this script: the built-in rules did not check it' });
        continue;
      }
      for (const s of statements) out.push(...statementViolations(s.type, s.body, script.shownPath, s.startLine, created, context));
    }
    return out;
  },
  async codeOnly(text: string): Promise<string> {
    const { scan } = await import('libpg-query');
    const bytes = Buffer.from(text, 'utf8');
    let tokens: Awaited<ReturnType<typeof scan>>['tokens'];
    try {
      tokens = (await scan(text)).tokens;
    } catch {
      return text;
    }
    for (const token of tokens) {
      if (token.tokenName !== 'SCONST' && token.tokenName !== 'SQL_COMMENT' && token.tokenName !== 'C_COMMENT' && token.tokenName !== 'USCONST' && token.tokenName !== 'BCONST' && token.tokenName !== 'XCONST') continue;
      for (let i = token.start; i < token.end; i++) if (bytes[i] !== 10 && bytes[i] !== 13) bytes[i] = 32;
    }
    return bytes.toString('utf8');
  },
};
