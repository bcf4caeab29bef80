/**
 * Normalization at the source boundary: MySQL 8 and MariaDB describe the same column in different
 * words (`int(11)` vs `int`, `'x'` vs `x`, `current_timestamp()` vs `CURRENT_TIMESTAMP`). Everything
 * here turns catalog text into the one form the model keeps, so the differ compares plain strings.
 */
import type { ObjectRef, SchemaObject } from '../../model/objects.js';
import { tokenize, unquoteIdentifier, type Token } from './mysql-lexer.js';
import { quoteLiteral } from './mysql-quoting.js';
import { compareCodePoints, groupBy, sortObjects } from '../../model/order.js';

/** Which server wrote the catalog rows: MariaDB and MySQL 8 differ in information_schema. */
export type Flavor = 'mariadb' | 'mysql';

const INTEGER_TYPES = /^(tinyint|smallint|mediumint|int|integer|bigint)\((\d+)\)/;

/**
 * Canonical column type text, lower case: integer display widths dropped (MySQL 8 no longer shows
 * them; MariaDB does) except `tinyint(1)`, the conventional boolean that both keep, and widths that
 * ZEROFILL pads to; `year(4)` is `year`. `unsigned`/`zerofill` stay as suffixes.
 */
export function normalizeType(columnType: string): string {
  const type = columnType.trim().replace(/\s+/g, ' ');
  const lower = type.replace(/^[a-z ]+/i, (word) => word.toLowerCase()).replace(/ (unsigned|zerofill)\b/gi, (w) => w.toLowerCase());
  if (/zerofill/.test(lower)) return lower;
  const match = INTEGER_TYPES.exec(lower);
  if (match && !(match[1] === 'tinyint' && match[2] === '1')) {
    return `${match[1] === 'integer' ? 'int' : match[1]}${lower.slice(match[0].length)}`;
  }
  if (lower === 'year(4)') return 'year';
  return lower;
}

/** Types whose values are written as numbers (MySQL 8 shows their literal defaults unquoted too). */
const NUMERIC = /^(tinyint|smallint|mediumint|int|integer|bigint|decimal|numeric|float|double|real|bit|bool|boolean)\b/;

const CURRENT_TIMESTAMP = /^(?:current_timestamp|now|localtime|localtimestamp)(?:\((\d*)\))?$/i;

/** `current_timestamp(N)` in one spelling whatever synonym or case the server printed. */
function canonicalNow(text: string): string | undefined {
  const match = CURRENT_TIMESTAMP.exec(text.trim());
  if (!match) return undefined;
  return `current_timestamp(${match[1] && match[1] !== '0' ? match[1] : ''})`;
}

/**
 * The default as SQL text to write after `DEFAULT`, or undefined for none (no default, or NULL, which
 * is the same thing for a nullable column). MariaDB's COLUMN_DEFAULT is already SQL (`'x'`, `NULL`,
 * `1.50`, `uuid()`); MySQL 8's is the bare value, with expressions flagged DEFAULT_GENERATED.
 */
export function normalizeDefault(value: string | null, columnType: string, extra: string, flavor: Flavor): string | undefined {
  if (value === null) return undefined;
  const now = canonicalNow(value);
  if (now !== undefined) return now;
  if (flavor === 'mariadb') return value === 'NULL' ? undefined : value;
  if (/DEFAULT_GENERATED/i.test(extra)) return `(${value})`;
  if (NUMERIC.test(columnType) || /^b'[01]*'$/.test(value)) return value;
  return quoteLiteral(value);
}

export interface ColumnExtra {
  readonly autoIncrement: boolean;
  /** `current_timestamp(N)` of `ON UPDATE`, canonical. */
  readonly onUpdate?: string;
  readonly generatedStorage?: 'virtual' | 'stored';
  readonly invisible: boolean;
}

/** What EXTRA says: `auto_increment`, `on update current_timestamp()`, `VIRTUAL GENERATED`, `INVISIBLE`. */
export function parseExtra(extra: string): ColumnExtra {
  const onUpdate = /on update ([a-z_]+(?:\(\d*\))?)/i.exec(extra);
  const generated = /\b(VIRTUAL|STORED|PERSISTENT) GENERATED\b/i.exec(extra);
  const storage = generated ? (generated[1]!.toUpperCase() === 'VIRTUAL' ? 'virtual' : 'stored') : undefined;
  const onUpdateText = onUpdate ? (canonicalNow(onUpdate[1]!) ?? onUpdate[1]!) : undefined;
  return {
    autoIncrement: /\bauto_increment\b/i.test(extra),
    invisible: /\bINVISIBLE\b/i.test(extra),
    ...(onUpdateText !== undefined ? { onUpdate: onUpdateText } : {}),
    ...(storage !== undefined ? { generatedStorage: storage } : {}),
  };
}

/** `NO ACTION` and `RESTRICT` are the same in MySQL (checked at once); the model says `RESTRICT`. */
export function normalizeAction(rule: string): 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT' {
  const upper = rule.toUpperCase();
  return upper === 'CASCADE' || upper === 'SET NULL' || upper === 'SET DEFAULT' ? upper : 'RESTRICT';
}

/** Words after which a two-part name `a`.`b` is a table (database.table), not alias.column. */
const RELATION_CONTEXT = new Set(['FROM', 'JOIN', '(']);

interface QualifiedReference {
  /** Index of the schema token; the `.` and the name follow. */
  readonly at: number;
  readonly schema: string;
  readonly name: string;
}

/** `db`.`name` references in a server-rewritten view query: three-part column names and tables. */
function qualifiedReferences(tokens: readonly Token[]): QualifiedReference[] {
  const significant = tokens.map((token, index) => ({ token, index })).filter(({ token }) => token.type !== 'space' && token.type !== 'comment');
  const out: QualifiedReference[] = [];
  for (let i = 0; i + 2 < significant.length; i++) {
    const [a, dot, b] = [significant[i]!, significant[i + 1]!, significant[i + 2]!];
    if (a.token.type !== 'identifier' || dot.token.text !== '.' || b.token.type !== 'identifier') continue;
    const before = significant[i - 1]?.token;
    if (before?.text === '.') continue; // the middle of a longer name
    const threePart = significant[i + 3]?.token.text === '.' && significant[i + 4]?.token.type === 'identifier';
    const beforeWord = before === undefined ? '' : before.type === 'word' ? before.text.toUpperCase() : before.text;
    if (threePart || RELATION_CONTEXT.has(beforeWord)) {
      out.push({ at: a.index, schema: unquoteIdentifier(a.token.text), name: unquoteIdentifier(b.token.text) });
    }
  }
  return out;
}

/**
 * A view query without the `` `own_schema`. `` the server puts before every name in the view's own
 * schema (names in other schemas keep theirs), and the relations it reads among `known` objects.
 */
export function normalizeViewDefinition(
  definition: string,
  schema: string,
  known: ReadonlyMap<string, SchemaObject['kind']>,
): { definition: string; dependsOn: ObjectRef[] } {
  const tokens = tokenize(definition);
  const references = qualifiedReferences(tokens);
  const drop = new Set<number>();
  const seen = new Set<string>();
  const dependsOn: ObjectRef[] = [];
  for (const ref of references) {
    if (ref.schema === schema) {
      // The schema token, and the `.` after it (with any space between).
      drop.add(ref.at);
      for (let i = ref.at + 1; i < tokens.length; i++) {
        drop.add(i);
        if (tokens[i]!.text === '.') break;
      }
    }
    const key = `${ref.schema}\u0000${ref.name}`;
    const kind = known.get(key);
    if (kind !== undefined && !seen.has(key)) {
      seen.add(key);
      dependsOn.push({ kind, schema: ref.schema, name: ref.name });
    }
  }
  const text = tokens
    .filter((_, index) => !drop.has(index))
    .map((token) => token.text)
    .join('');
  return { definition: text.trim(), dependsOn: dependsOn.sort((a, b) => compareCodePoints(`${a.schema}.${a.name}`, `${b.schema}.${b.name}`)) };
}

export { compareCodePoints, groupBy, sortObjects };

/** `schema\0name`: the key of a table's rows in the grouped catalog. */
export function relationKey(schema: string, name: string): string {
  return `${schema}\u0000${name}`;
}
