/**
 * `check -code` on MySQL/MariaDB (src/check/code-rules.ts): each script is split into statements by
 * mysql-script.ts and each statement read as tokens of the MySQL lexer (mysql-lexer.ts), so a word
 * inside a comment, a string literal or a quoted name is never taken for SQL; user rules read the
 * script with comments and string literals blanked out by the same lexer.
 */
import { builtIn, type CodeAnalysis, type CodeContext, type CodeScript, type Violation } from '../../check/code-rules.js';
import { tokenize, unquoteIdentifier, type Token } from './mysql-lexer.js';
import { splitMysqlScript } from './mysql-script.js';

/** Clauses after which a column's type ends (`MODIFY c varchar(10) NOT NULL`). */
const AFTER_TYPE = new Set(['NOT', 'NULL', 'DEFAULT', 'AFTER', 'FIRST', 'COMMENT', 'AUTO_INCREMENT', 'PRIMARY', 'UNIQUE', 'KEY', 'COLLATE', 'CHARACTER', 'CHARSET', 'GENERATED', 'AS', 'ON', 'CHECK', 'REFERENCES', 'INVISIBLE', 'VISIBLE', 'ALGORITHM', 'LOCK']);
/** What `DROP x` names when it does not drop a column. */
const NOT_A_COLUMN = new Set(['INDEX', 'KEY', 'PRIMARY', 'FOREIGN', 'CONSTRAINT', 'CHECK', 'PARTITION', 'DEFAULT']);
/** ALTER TABLE clauses that may copy the table (renames, comments and defaults only touch metadata). */
const HEAVY_CLAUSES = new Set(['ADD', 'DROP', 'MODIFY', 'CHANGE', 'CONVERT', 'ENGINE', 'FORCE', 'ORDER']);
const INTEGER_RANK: Readonly<Record<string, number>> = { tinyint: 1, smallint: 2, mediumint: 3, int: 4, integer: 4, bigint: 5 };
const TEXT_RANK: Readonly<Record<string, number>> = { tinytext: 1, text: 2, mediumtext: 3, longtext: 4, tinyblob: 1, blob: 2, mediumblob: 3, longblob: 4 };
const STRING_TYPES = new Set(['varchar', 'char', 'varbinary', 'binary']);

interface ParsedType {
  readonly base: string;
  readonly mods: readonly number[];
  readonly unsigned: boolean;
}

function parseType(text: string): ParsedType {
  const match = /^([a-z]+)\s*(?:\(([\d,\s]+)\))?(.*)$/i.exec(text.trim());
  if (!match) return { base: text.toLowerCase(), mods: [], unsigned: false };
  return { base: match[1]!.toLowerCase(), mods: (match[2] ?? '').split(',').filter((m) => m.trim() !== '').map(Number), unsigned: /\bunsigned\b/i.test(match[3] ?? '') };
}

/** Whether a column of type `from` may hold a value that type `to` cannot (unknown pairs: yes). */
export function isNarrowingMysql(fromText: string, toText: string): boolean {
  const from = parseType(fromText);
  const to = parseType(toText);
  const fromInt = INTEGER_RANK[from.base];
  const toInt = INTEGER_RANK[to.base];
  if (fromInt !== undefined && toInt !== undefined) return toInt < fromInt || (from.unsigned !== to.unsigned && !(toInt > fromInt && !to.unsigned));
  if (STRING_TYPES.has(from.base) && STRING_TYPES.has(to.base)) return (to.mods[0] ?? 1) < (from.mods[0] ?? 1);
  const fromText_ = TEXT_RANK[from.base];
  const toText_ = TEXT_RANK[to.base];
  if (fromText_ !== undefined && toText_ !== undefined) return toText_ < fromText_;
  if (STRING_TYPES.has(from.base) && toText_ !== undefined) return (from.mods[0] ?? 1) > [0, 255, 65535, 16777215, 4294967295][toText_]!;
  if (from.base === 'decimal' && to.base === 'decimal') {
    const [fp = 10, fs = 0] = from.mods;
    const [tp = 10, ts = 0] = to.mods;
    return ts < fs || tp - ts < fp - fs;
  }
  if (from.base === 'float' && to.base === 'double') return false;
  return from.base !== to.base || from.mods.join() !== to.mods.join();
}

const significant = (tokens: readonly Token[]) => tokens.filter((t) => t.type !== 'space' && t.type !== 'comment');
const upper = (t: Token | undefined) => (t?.type === 'word' ? t.text.toUpperCase() : undefined);
const nameOf = (t: Token | undefined) => (t === undefined ? undefined : t.type === 'identifier' ? unquoteIdentifier(t.text) : t.text);

/** A possibly qualified name at `i` (`db`.`t`, t): the name without its database, and the index after it. */
function qualified(tokens: readonly Token[], i: number): { schema?: string; name: string; next: number } | undefined {
  const first = nameOf(tokens[i]);
  if (first === undefined) return undefined;
  if (tokens[i + 1]?.text === '.' && tokens[i + 2] !== undefined) return { schema: first, name: nameOf(tokens[i + 2])!, next: i + 3 };
  return { name: first, next: i + 1 };
}

/** The tokens of a statement split at top-level commas (ALTER TABLE clauses). */
function clauses(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (token.text === '(') depth++;
    if (token.text === ')') depth--;
    if (token.text === ',' && depth === 0) out.push([]);
    else out[out.length - 1]!.push(token);
  }
  return out.filter((c) => c.length > 0);
}

const hasTopLevelWord = (tokens: readonly Token[], word: string) => {
  let depth = 0;
  return tokens.some((t) => {
    if (t.text === '(') depth++;
    if (t.text === ')') depth--;
    return depth === 0 && upper(t) === word;
  });
};

/** `ALGORITHM = INPLACE|INSTANT` somewhere in the statement. */
function onlineAlgorithm(tokens: readonly Token[]): boolean {
  return tokens.some((t, i) => upper(t) === 'ALGORITHM' && ['INPLACE', 'INSTANT', 'NOCOPY'].includes(upper(tokens[i + (tokens[i + 1]?.text === '=' ? 2 : 1)]) ?? ''));
}

/** The type text of a column definition starting at `i` (`varchar(10) unsigned`). */
function typeAt(tokens: readonly Token[], i: number): string | undefined {
  const parts: string[] = [];
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (depth === 0 && parts.length > 0 && AFTER_TYPE.has(upper(t) ?? '')) break;
    if (t.text === '(') depth++;
    if (t.text === ')') depth--;
    parts.push(t.text);
  }
  return parts.length > 0 ? parts.join(' ').replace(/\s*\(\s*/g, '(').replace(/\s*\)/g, ')').replace(/\s*,\s*/g, ',').toLowerCase() : undefined;
}

function alterViolations(tokens: readonly Token[], file: string, line: number, created: Set<string>, context: CodeContext): Violation[] {
  // ALTER [ONLINE] [IGNORE] TABLE name clause, clause, ...
  let i = 1;
  while (upper(tokens[i]) === 'ONLINE' || upper(tokens[i]) === 'IGNORE') i++;
  if (upper(tokens[i]) !== 'TABLE') return [];
  const table = qualified(tokens, i + 1);
  if (table === undefined) return [];
  const shown = table.schema !== undefined ? `${table.schema}.${table.name}` : table.name;
  const existing = !created.has(table.name.toLowerCase());
  const out: Violation[] = [];
  let heavy = false;
  for (const clause of clauses(tokens.slice(table.next))) {
    const verb = upper(clause[0]);
    if (verb !== undefined && HEAVY_CLAUSES.has(verb)) heavy = true;
    let k = 1;
    if (verb === 'DROP') {
      if (NOT_A_COLUMN.has(upper(clause[1]) ?? '')) continue;
      if (upper(clause[k]) === 'COLUMN') k++;
      if (upper(clause[k]) === 'IF' && upper(clause[k + 1]) === 'EXISTS') k += 2;
      out.push(builtIn('drop-column', file, line, `DROP COLUMN ${nameOf(clause[k])} of ${shown}`));
    } else if (verb === 'MODIFY' || verb === 'CHANGE') {
      if (upper(clause[k]) === 'COLUMN') k++;
      const column = nameOf(clause[k]);
      const typeStart = verb === 'CHANGE' ? k + 2 : k + 1;
      const to = typeAt(clause, typeStart);
      const from = column !== undefined ? context.columnType(table.schema, table.name, column) : undefined;
      if (from !== undefined && to !== undefined && isNarrowingMysql(from, to)) {
        out.push(builtIn('narrowing-type-change', file, line, `${shown}.${column} changes from ${from} to ${to}, which may not hold every value`));
      }
    }
  }
  if (existing && heavy && !onlineAlgorithm(tokens)) {
    out.push(builtIn('alter-without-algorithm', file, line, `ALTER TABLE ${shown} without ALGORITHM=INPLACE or INSTANT: the server may copy the table and block writes`));
  }
  return out;
}

function statementViolations(tokens: readonly Token[], file: string, line: number, created: Set<string>, context: CodeContext): Violation[] {
  const first = upper(tokens[0]);
  const second = upper(tokens[1]);
  switch (first) {
    case 'CREATE': {
      let i = 1;
      while (['TEMPORARY', 'OR', 'REPLACE', 'UNIQUE', 'FULLTEXT', 'SPATIAL', 'ONLINE'].includes(upper(tokens[i]) ?? '')) i++;
      if (upper(tokens[i]) === 'TABLE') {
        i++;
        if (upper(tokens[i]) === 'IF') i += 3;
        const table = qualified(tokens, i);
        if (table) created.add(table.name.toLowerCase());
      } else if (upper(tokens[i]) === 'INDEX') {
        const on = tokens.findIndex((t) => upper(t) === 'ON');
        const table = on > 0 ? qualified(tokens, on + 1) : undefined;
        if (table && !created.has(table.name.toLowerCase()) && !onlineAlgorithm(tokens)) {
          return [builtIn('alter-without-algorithm', file, line, `CREATE INDEX on existing table ${table.name} without ALGORITHM=INPLACE or INSTANT`)];
        }
      }
      return [];
    }
    case 'DROP': {
      let i = 1;
      if (second === 'TEMPORARY') i++;
      const what = upper(tokens[i]);
      if (what === 'TABLE' || what === 'TABLES') {
        const names = tokens.slice(i + 1).filter((t) => t.type !== 'punct' && !['IF', 'EXISTS', 'RESTRICT', 'CASCADE'].includes(upper(t) ?? '')).map(nameOf);
        return [builtIn('drop-table', file, line, `DROP TABLE ${names.join(', ')}`)];
      }
      if (what === 'DATABASE' || what === 'SCHEMA') return [builtIn('drop-schema', file, line, `DROP ${what} ${nameOf(tokens[tokens.length - 1])}`)];
      return [];
    }
    case 'TRUNCATE':
      return [builtIn('truncate', file, line, `TRUNCATE ${nameOf(tokens[second === 'TABLE' ? 2 : 1])}`)];
    case 'DELETE':
    case 'UPDATE':
      if (hasTopLevelWord(tokens, 'WHERE')) return [];
      return [builtIn(first === 'DELETE' ? 'delete-without-where' : 'update-without-where', file, line, `${first} without WHERE`)];
    case 'ALTER':
      return alterViolations(tokens, file, line, created, context);
    default:
      return [];
  }
}

export const mysqlCodeAnalysis: CodeAnalysis = {
  async analyze(scripts: readonly CodeScript[], context: CodeContext): Promise<Violation[]> {
    const created = new Set<string>();
    const out: Violation[] = [];
    for (const script of scripts) {
      for (const statement of splitMysqlScript(script.text)) {
        out.push(...statementViolations(significant(tokenize(statement.text)), script.shownPath, statement.startLine, created, context));
      }
    }
    return out;
  },
  async codeOnly(text: string): Promise<string> {
    return tokenize(text)
      .map((t) => (t.type === 'comment' || t.type === 'string' ? t.text.replace(/[^\r\n]/g, ' ') : t.text))
      .join('');
  },
};
