/**
 * What the statements of a MySQL schema-model file do, read from their leading words with the lexer
 * (no full parser): the object each one creates or changes, and whether it may run in a scratch
 * database at all.
 *
 * A MySQL schema model holds ONE database with unqualified names (`CREATE TABLE `orders` ...`), so:
 * - a name qualified with a database (`` `other`.`orders` ``) where a statement creates, changes or
 *   writes an object is refused, as are `USE`, `CREATE/DROP DATABASE` and `ALTER DATABASE name`;
 * - statements that act outside a database (users, grants, global settings, files, ...) are refused:
 *   only DDL on database objects, DML on tables, and session statements may appear;
 * - session statements (`SET`, `START TRANSACTION`, `COMMIT`, `LOCK TABLES`, ...) are not applied:
 *   the scratch session keeps the server's defaults, so a file's order cannot leak settings into others.
 *
 * Owners (for `model`, see SchemaModelSupport.fileObjects): `CREATE/ALTER TABLE t`, `CREATE INDEX ... ON
 * t` and `CREATE TRIGGER ... ON t` belong to `table:t`; views, functions and procedures to their own
 * key; events and `ALTER DATABASE` to the database (`schema`). DML gives a `data:t` owner, so a file
 * with rows in it is never mistaken for a file `model` may rewrite.
 */
import type { SchemaObject } from '../../model/objects.js';
import type { SqlFile } from '../dialect.js';
import { tokenize, unquoteIdentifier, type Token } from './mysql-lexer.js';
import { splitMysqlScript } from './mysql-script.js';

export interface MysqlStatement {
  readonly file: SqlFile;
  /** Position in its file (0-based). */
  readonly index: number;
  readonly text: string;
  /** Line of the file the statement's first character is on (1-based). */
  readonly startLine: number;
  /** `session`: not applied; `apply`: run on the server. */
  readonly role: 'session' | 'apply';
  /** The key (`objectKeyMysql`) of the object it creates or changes, if any. */
  readonly owner?: string;
  /** Why it may not run in a scratch database, and the file line to blame. */
  readonly refusal?: { readonly message: string; readonly line: number };
}

/** The key under which `fileObjects` reports an object: `table:orders`, `function:f`, `schema`. */
export function objectKeyMysql(object: Pick<SchemaObject, 'kind' | 'name'>): string {
  if (object.kind === 'schema') return 'schema';
  // Routine names are case-insensitive in MySQL; table and view names follow the file system.
  const name = object.kind === 'function' || object.kind === 'procedure' ? object.name.toLowerCase() : object.name;
  return `${object.kind}:${name}`;
}

interface Name {
  readonly database?: string;
  readonly name: string;
  /** Offset (in the statement) of its first token. */
  readonly at: number;
}

const SESSION_VERBS = new Set(['SET', 'START', 'BEGIN', 'COMMIT', 'ROLLBACK', 'LOCK', 'UNLOCK']);
const CREATE_KINDS: Readonly<Record<string, SchemaObject['kind'] | 'trigger' | 'index' | 'event' | 'sequence'>> = {
  TABLE: 'table',
  VIEW: 'view',
  FUNCTION: 'function',
  PROCEDURE: 'procedure',
  TRIGGER: 'trigger',
  INDEX: 'index',
  EVENT: 'event',
  SEQUENCE: 'sequence',
};
/** Words between CREATE/ALTER and the kind: `OR REPLACE`, `TEMPORARY`, `UNIQUE`, `ALGORITHM=x`, ... */
const MODIFIERS = new Set(['OR', 'REPLACE', 'TEMPORARY', 'UNIQUE', 'FULLTEXT', 'SPATIAL', 'AGGREGATE', 'ONLINE', 'OFFLINE', 'IGNORE', 'NONBLOCKING']);
const DML_MODIFIERS = new Set(['LOW_PRIORITY', 'DELAYED', 'HIGH_PRIORITY', 'QUICK', 'IGNORE', 'INTO', 'FROM', 'TABLE']);

/** The significant tokens of a statement (no spaces or comments). */
class Cursor {
  private readonly tokens: Token[];
  index = 0;
  constructor(text: string) {
    this.tokens = tokenize(text).filter((t) => t.type !== 'space' && t.type !== 'comment');
  }
  peek(offset = 0): Token | undefined {
    return this.tokens[this.index + offset];
  }
  word(offset = 0): string | undefined {
    const token = this.peek(offset);
    return token?.type === 'word' ? token.text.toUpperCase() : undefined;
  }
  /** Skips `IF [NOT] EXISTS`. */
  skipIfExists(): void {
    if (this.word() === 'IF' && (this.word(1) === 'EXISTS' || (this.word(1) === 'NOT' && this.word(2) === 'EXISTS'))) this.index += this.word(1) === 'NOT' ? 3 : 2;
  }
  /** Skips `DEFINER = user[@host]`, `ALGORITHM = x`, `SQL SECURITY x` and plain modifier words. */
  skipModifiers(): void {
    for (;;) {
      const word = this.word();
      if (word === 'DEFINER' || word === 'ALGORITHM') {
        this.index += this.peek(1)?.text === '=' ? 3 : 2;
        if (word === 'DEFINER' && this.peek()?.text === '(') this.index += 2; // CURRENT_USER()
        if (word === 'DEFINER' && this.peek()?.text === '@') this.index += 2;
      } else if (word === 'SQL' && this.word(1) === 'SECURITY') {
        this.index += 3;
      } else if (word !== undefined && MODIFIERS.has(word)) {
        this.index++;
      } else {
        return;
      }
    }
  }
  /** `name` or `database.name` at the cursor (quoted or not), or undefined. */
  name(): Name | undefined {
    const first = this.peek();
    if (!first || (first.type !== 'word' && first.type !== 'identifier')) return undefined;
    const text = (t: Token) => (t.type === 'identifier' ? unquoteIdentifier(t.text) : t.text);
    const dot = this.peek(1);
    const second = this.peek(2);
    if (dot?.text === '.' && second && (second.type === 'word' || second.type === 'identifier')) {
      this.index += 3;
      return { database: text(first), name: text(second), at: first.start };
    }
    this.index++;
    return { name: text(first), at: first.start };
  }
  /** Moves to just after the next word `word` at the top level, if there is one. */
  skipPast(word: string): boolean {
    for (let i = this.index; i < this.tokens.length; i++) {
      const token = this.tokens[i]!;
      if (token.type === 'word' && token.text.toUpperCase() === word) {
        this.index = i + 1;
        return true;
      }
    }
    return false;
  }
  /** Every `X TO name` / `RENAME [TO|AS] name` target after the cursor (for RENAME and ALTER TABLE). */
  renameTargets(): Name[] {
    const out: Name[] = [];
    for (let i = this.index; i < this.tokens.length; i++) {
      const word = this.tokens[i]!.type === 'word' ? this.tokens[i]!.text.toUpperCase() : undefined;
      if (word !== 'TO' && word !== 'AS' && word !== 'RENAME') continue;
      const saved = this.index;
      this.index = i + 1;
      if (word === 'RENAME' && (this.word() === 'TO' || this.word() === 'AS')) this.index++;
      if (word === 'RENAME' && (this.word() === 'COLUMN' || this.word() === 'INDEX' || this.word() === 'KEY')) {
        this.index = saved;
        continue;
      }
      const name = this.name();
      if (name) out.push(name);
      this.index = saved;
    }
    return out;
  }
}

interface Head {
  readonly role: 'session' | 'apply';
  readonly owner?: string;
  /** Names the statement creates, changes or writes: none may be qualified with a database. */
  readonly targets: readonly Name[];
  /** A reason the statement may not run at all. */
  readonly refused?: string;
}

function refuse(what: string): Head {
  return { role: 'apply', targets: [], refused: what };
}

const ONE_DATABASE = 'a MySQL schema model holds one database, so its files do not name databases';

function createHead(c: Cursor, verb: 'CREATE' | 'ALTER'): Head {
  c.skipModifiers();
  const kindWord = c.word();
  if (kindWord === 'DATABASE' || kindWord === 'SCHEMA') {
    if (verb === 'CREATE') return refuse(`CREATE ${kindWord}: ${ONE_DATABASE}`);
    c.index++;
    const named = c.word() === undefined || !['CHARACTER', 'CHARSET', 'DEFAULT', 'COLLATE', 'COMMENT', 'UPGRADE'].includes(c.word()!);
    return named ? refuse(`ALTER ${kindWord} with a name: ${ONE_DATABASE} (leave the name out)`) : { role: 'apply', owner: 'schema', targets: [] };
  }
  const kind = kindWord === undefined ? undefined : CREATE_KINDS[kindWord];
  if (kind === undefined) return refuse(`${verb} ${kindWord ?? ''} is not about an object of a database`.replace(/\s+is/, ' is'));
  c.index++;
  c.skipIfExists();
  const name = c.name();
  if (!name) return { role: 'apply', targets: [] };
  const targets: Name[] = [name];
  let owner: string | undefined;
  if (kind === 'trigger' || kind === 'index') {
    const table = c.skipPast('ON') ? c.name() : undefined;
    if (table) targets.push(table);
    owner = table ? objectKeyMysql({ kind: 'table', name: table.name }) : undefined;
  } else if (kind === 'event') {
    owner = 'schema';
  } else if (kind === 'sequence') {
    owner = `sequence:${name.name}`;
  } else {
    owner = objectKeyMysql({ kind, name: name.name });
  }
  if (verb === 'ALTER' && kind === 'table') targets.push(...c.renameTargets());
  return { role: 'apply', ...(owner !== undefined ? { owner } : {}), targets };
}

function dropHead(c: Cursor): Head {
  c.skipModifiers();
  const kindWord = c.word();
  if (kindWord === 'DATABASE' || kindWord === 'SCHEMA') return refuse(`DROP ${kindWord}: ${ONE_DATABASE}`);
  if (kindWord === undefined || CREATE_KINDS[kindWord] === undefined) return refuse(`DROP ${kindWord ?? ''} is not about an object of a database`);
  c.index++;
  c.skipIfExists();
  const targets: Name[] = [];
  for (let name = c.name(); name; name = c.peek()?.text === ',' ? (c.index++, c.name()) : undefined) targets.push(name);
  if (kindWord === 'INDEX' && c.skipPast('ON')) {
    const table = c.name();
    if (table) targets.push(table);
  }
  return { role: 'apply', targets };
}

function dmlHead(c: Cursor, verb: string): Head {
  if (verb === 'DELETE') c.skipPast('FROM');
  while (c.word() !== undefined && DML_MODIFIERS.has(c.word()!)) c.index++;
  const name = c.name();
  return { role: 'apply', ...(name ? { owner: `data:${name.name}` } : {}), targets: name ? [name] : [] };
}

function head(text: string): Head {
  const c = new Cursor(text);
  const verb = c.word();
  c.index++;
  switch (verb) {
    case 'CREATE':
    case 'ALTER':
      return createHead(c, verb);
    case 'DROP':
      return dropHead(c);
    case 'RENAME': {
      if (c.word() === 'TABLE' || c.word() === 'TABLES') c.index++;
      const first = c.name();
      return { role: 'apply', targets: [...(first ? [first] : []), ...c.renameTargets()] };
    }
    case 'INSERT':
    case 'REPLACE':
    case 'UPDATE':
    case 'DELETE':
    case 'TRUNCATE':
      return dmlHead(c, verb);
    case 'USE':
      return refuse(`USE: ${ONE_DATABASE}`);
    default:
      if (verb !== undefined && SESSION_VERBS.has(verb)) return { role: 'session', targets: [] };
      return refuse(`${verb ?? text.slice(0, 20)} is not a statement a schema model holds (only DDL on database objects, DML on tables and session statements)`);
  }
}

function lineAt(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The statements of the files, in file order, each with what it does (see the module comment). */
export function analyzeMysqlFiles(files: readonly SqlFile[]): MysqlStatement[] {
  const out: MysqlStatement[] = [];
  for (const file of files) {
    for (const [index, { text, start }] of splitMysqlScript(file.text).entries()) {
      const startLine = 1 + lineAt(file.text, start);
      const h = head(text);
      const qualified = h.targets.find((t) => t.database !== undefined);
      const refusal =
        h.refused !== undefined
          ? { message: h.refused, line: startLine }
          : qualified
            ? {
                message: `\`${qualified.database}\`.\`${qualified.name}\` is qualified with a database: ${ONE_DATABASE} (write \`${qualified.name}\`)`,
                line: startLine + lineAt(text, qualified.at),
              }
            : undefined;
      out.push({
        file,
        index,
        text,
        startLine,
        role: h.role,
        ...(h.owner !== undefined ? { owner: h.owner } : {}),
        ...(refusal ? { refusal } : {}),
      });
    }
  }
  return out;
}
