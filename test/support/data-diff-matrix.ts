/**
 * The data of the dataDiff matrix test (test/data-diff/data-diff-matrix.test.ts): the key shapes, the
 * rows of each shape's tables on PostgreSQL and MariaDB, the seeded changes, and what the diff must
 * report for them, computed independently of parity (keys ordered by value or by UTF-8 bytes).
 *
 * Each shape has three tables on each server: `base`, `copy` (the same rows in other types or
 * collations) and `changed` (base with the seeded changes, at fixed positions in key order): the
 * first key, a single key and a range of 100 keys deleted; keys inserted before the first, in the
 * middle and after the last; for text keys one key's case changed; NULL to a value and back, '' to
 * NULL, a change of case only, of trailing spaces only, and the last key's values.
 */
import crypto from 'node:crypto';

export const ROWS = 3000;

export type Server = 'pg' | 'maria';
export type Table = 'base' | 'copy' | 'changed';

export interface Row {
  readonly key: readonly string[];
  readonly note: string | null;
  readonly amount: string | null;
}

export interface Shape {
  readonly name: string;
  /** The tables are `<slug>_base`, `<slug>_copy` and `<slug>_changed`. */
  readonly slug: string;
  readonly keyNames: readonly string[];
  /** How the oracle orders each key column: integers by value, text by UTF-8 bytes. */
  readonly kinds: readonly ('integer' | 'text')[];
  /** The key columns' definitions per server and table. */
  readonly columns: Readonly<Record<Server, Readonly<Record<Table, string>>>>;
  key(i: number): string[];
  /** Keys inserted into `changed`: before the first key, in the middle, after the last. */
  readonly inserted: readonly (readonly string[])[];
  /** Text keys: one key's case changes (a deletion and an insertion). */
  readonly recase: boolean;
  /** How a key is spelled in a table (UUIDs in upper case), when not as its canonical text. */
  spell?(server: Server, table: Table, key: readonly string[]): string[];
}

/** A version 4 UUID (MariaDB's UUID type refuses other variants). */
function uuidOf(n: number): string {
  const h = crypto.createHash('md5').update(`key ${n}`).digest('hex');
  const variant = '89ab'[parseInt(h[16]!, 16) % 4];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Text keys: mixed case, accents, CJK, an emoji; unique under any collation thanks to the number. */
const PREFIXES = ['apple', 'Banana', 'cherry', 'ÄRGER', 'élan', 'Zebra', 'zoo', '中文', 'naïve', 'MiXeD', '😀', 'Ørsted'];
const textKey = (i: number) => `${PREFIXES[i % PREFIXES.length]}-${String(i).padStart(5, '0')}`;

export const SHAPES: readonly Shape[] = [
  {
    name: 'integer',
    slug: 'int',
    keyNames: ['id'],
    kinds: ['integer'],
    columns: {
      pg: { base: 'id integer', copy: 'id bigint', changed: 'id integer' },
      maria: { base: 'id INT', copy: 'id BIGINT UNSIGNED', changed: 'id MEDIUMINT' },
    },
    key: (i) => [String(i * 3 + 10)],
    inserted: [['1'], ['3011'], [String(ROWS * 3 + 100)]],
    recase: false,
  },
  {
    name: 'uuid',
    slug: 'uuid',
    keyNames: ['id'],
    kinds: ['text'],
    columns: {
      pg: { base: 'id uuid', copy: 'id uuid', changed: 'id uuid' },
      maria: { base: 'id UUID', copy: 'id CHAR(36)', changed: 'id CHAR(36)' },
    },
    key: (i) => [uuidOf(i)],
    inserted: [['00000000-0000-4000-8000-000000000001'], [uuidOf(ROWS + 1)], ['ffffffff-ffff-4fff-bfff-fffffffffffe']],
    recase: false,
    // CHAR(36) copies hold upper case, or (changed) upper and lower case mixed: the same UUIDs.
    spell: (server, table, key) => {
      const upper = server === 'maria' && (table === 'copy' || (table === 'changed' && parseInt(key[0]!.slice(-1), 16) % 2 === 1));
      return upper ? key.map((k) => k.toUpperCase()) : [...key];
    },
  },
  {
    name: 'text (MariaDB general_ci/unicode_ci, PostgreSQL ICU)',
    slug: 'text_ci',
    keyNames: ['name'],
    kinds: ['text'],
    columns: {
      pg: { base: 'name varchar(40)', copy: 'name varchar(40) COLLATE "en-x-icu"', changed: 'name text' },
      maria: { base: 'name VARCHAR(40)', copy: 'name VARCHAR(40) COLLATE utf8mb4_unicode_ci', changed: 'name VARCHAR(40) COLLATE utf8mb4_general_ci' },
    },
    key: (i) => [textKey(i)],
    inserted: [['!first'], ['mango-new'], ['😀😀-last']],
    recase: true,
  },
  {
    name: 'text (MariaDB utf8mb4_bin/nopad_bin)',
    slug: 'text_bin',
    keyNames: ['name'],
    kinds: ['text'],
    columns: {
      pg: { base: 'name varchar(40)', copy: 'name text', changed: 'name varchar(40)' },
      maria: { base: 'name VARCHAR(40) COLLATE utf8mb4_bin', copy: 'name VARCHAR(40) COLLATE utf8mb4_nopad_bin', changed: 'name VARCHAR(40) COLLATE utf8mb4_nopad_bin' },
    },
    key: (i) => [textKey(i)],
    inserted: [['!first'], ['mango-new'], ['😀😀-last']],
    recase: true,
  },
  {
    name: 'composite (integer + text)',
    slug: 'composite',
    keyNames: ['g', 'name'],
    kinds: ['integer', 'text'],
    columns: {
      pg: { base: 'g integer, name varchar(40)', copy: 'g bigint, name text', changed: 'g integer, name varchar(40) COLLATE "en-x-icu"' },
      maria: { base: 'g INT, name VARCHAR(40)', copy: 'g BIGINT, name VARCHAR(40) COLLATE utf8mb4_bin', changed: 'g SMALLINT, name VARCHAR(40) COLLATE utf8mb4_unicode_ci' },
    },
    key: (i) => [String((i % 5) + 1), textKey(i)],
    // The integer part orders first: (0, 'zzz') is the first key, (6, '!') the last.
    inserted: [['0', 'zzz'], ['3', 'mango-new'], ['6', '!']],
    recase: true,
  },
];

export const tableName = (shape: Shape, table: Table) => `${shape.slug}_${table}`;

/** Notes: NULL, '', mixed case, trailing spaces, non-ASCII, quotes. */
function note(i: number): string | null {
  return [null, '', `Mixed Case ${i}`, `trailing ${i}  `, `ünïcödé ${i} 中文 😀`, `it's ${i}`, `note ${i}`][i % 7]!;
}

/** The oracle's key order: integers by value, text by UTF-8 bytes (PostgreSQL's COLLATE "C"). */
function compareKey(shape: Shape, a: readonly string[], b: readonly string[]): number {
  for (let c = 0; c < shape.kinds.length; c++) {
    const d = shape.kinds[c] === 'integer' ? Math.sign(Number(a[c]) - Number(b[c])) : Buffer.compare(Buffer.from(a[c]!), Buffer.from(b[c]!));
    if (d !== 0) return d;
  }
  return 0;
}

export interface Expected {
  readonly changed: Row[];
  /** Every difference, in key order, as the JSON Lines of -materialize. */
  readonly lines: object[];
  readonly summary: Record<string, number>;
  readonly columns: Record<string, { differentValues: number; share: number; maxAbsoluteDifference?: number; meanAbsoluteDifference?: number }>;
}

/** base (with the values the updates start from) and the seeded changes with what they must produce. */
export function seed(shape: Shape): { base: Row[]; expected: Expected } {
  const byI = Array.from({ length: ROWS }, (_, n) => n + 1);
  const sortedI = [...byI].sort((a, b) => compareKey(shape, shape.key(a), shape.key(b)));
  const base = new Map<number, Row>(byI.map((i) => [i, { key: shape.key(i), note: note(i), amount: i % 13 === 0 ? null : (i * 1.25).toFixed(2) }]));
  const at = (position: number) => sortedI[position]!;
  const updates: Array<[number, Partial<Row>, Partial<Row>]> = [
    [100, { note: null }, { note: 'now set' }],
    [200, { note: 'was set' }, { note: null }],
    [300, { note: '' }, { note: null }],
    [400, { note: 'Case Only' }, { note: 'case only' }],
    [500, { note: 'trailing' }, { note: 'trailing  ' }],
    [600, { amount: '6.00' }, { amount: null }],
    [650, { amount: null }, { amount: '1.50' }],
    [ROWS - 1, {}, { note: 'last', amount: '0.01' }],
  ];
  for (const [position, before] of updates) base.set(at(position), { ...base.get(at(position))!, ...before });

  const deleted = [0, 1500, ...Array.from({ length: 100 }, (_, n) => 2000 + n)].map(at);
  const changed = new Map(base);
  for (const i of deleted) changed.delete(i);
  for (const [position, , after] of updates) changed.set(at(position), { ...base.get(at(position))!, ...after });
  const inserted: Row[] = shape.inserted.map((key) => ({ key, note: 'inserted', amount: '9.99' }));
  if (shape.recase) {
    // The first key from position 700 whose upper case differs: only in source, its upper case only in target.
    const i = sortedI.slice(700).find((n) => base.get(n)!.key.at(-1)!.toUpperCase() !== base.get(n)!.key.at(-1))!;
    deleted.push(i);
    changed.delete(i);
    const row = base.get(i)!;
    inserted.push({ ...row, key: [...row.key.slice(0, -1), row.key.at(-1)!.toUpperCase()] });
  }

  const cells = (names: readonly string[], values: readonly (string | null)[]): Record<string, string | null> => Object.fromEntries(names.map((n, c) => [n, values[c] ?? null]));
  const keyCells = (row: Row) => cells(shape.keyNames, row.key);
  const entries: Array<{ key: readonly string[]; line: object }> = [
    ...deleted.map((i) => base.get(i)!).map((row) => ({ key: row.key, line: { type: 'onlyInSource', key: keyCells(row), row: { note: row.note, amount: row.amount } } })),
    ...inserted.map((row) => ({ key: row.key, line: { type: 'onlyInTarget', key: keyCells(row), row: { note: row.note, amount: row.amount } } })),
    ...updates.map(([position]) => {
      const [before, after] = [base.get(at(position))!, changed.get(at(position))!];
      const columns: Record<string, { source: string | null; target: string | null }> = {};
      for (const column of ['note', 'amount'] as const) if (before[column] !== after[column]) columns[column] = { source: before[column], target: after[column] };
      return { key: before.key, line: { type: 'different', key: keyCells(before), columns } };
    }),
  ];
  entries.sort((a, b) => compareKey(shape, a.key, b.key));
  const differentValues = (column: 'note' | 'amount') => updates.filter(([p]) => base.get(at(p))![column] !== changed.get(at(p))![column]).length;
  // The share is of the rows on both sides (identical and different); amount is numeric: absolute
  // differences over the updated rows that hold a value on both sides.
  const matched = ROWS - deleted.length;
  const share = (column: 'note' | 'amount') => Number((differentValues(column) / matched).toPrecision(12));
  const deltas = updates
    .map(([p]) => [base.get(at(p))!.amount, changed.get(at(p))!.amount] as const)
    .filter(([a, b]) => a !== null && b !== null && a !== b)
    .map(([a, b]) => Math.abs(Number(a) - Number(b)));
  const measured = deltas.length === 0 ? {} : { maxAbsoluteDifference: Math.max(...deltas), meanAbsoluteDifference: deltas.reduce((x, y) => x + y, 0) / deltas.length };
  return {
    base: [...base.values()],
    expected: {
      changed: [...changed.values(), ...inserted],
      lines: entries.map((e) => e.line),
      summary: {
        sourceRows: ROWS,
        targetRows: ROWS - deleted.length + inserted.length,
        onlyInSource: deleted.length,
        onlyInTarget: inserted.length,
        differentRows: updates.length,
        identicalRows: ROWS - deleted.length - updates.length,
      },
      columns: {
        note: { differentValues: differentValues('note'), share: share('note') },
        amount: { differentValues: differentValues('amount'), share: share('amount'), ...measured },
      },
    },
  };
}

export const pgText = (v: string | null) => (v === null ? 'NULL' : `'${v.replace(/'/g, "''")}'`);
export const mariaText = (v: string | null) => (v === null ? 'NULL' : `'${v.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`);

/** CREATE TABLE and multi-row INSERTs of one table of a shape. */
export function tableStatements(server: Server, shape: Shape, table: Table, rows: readonly Row[]): string[] {
  const name = tableName(shape, table);
  const keys = shape.keyNames.join(', ');
  const literal = server === 'pg' ? pgText : mariaText;
  const statements = [
    server === 'pg'
      ? `CREATE TABLE ${name} (${shape.columns.pg[table]}, note varchar(40), amount numeric(12,2), PRIMARY KEY (${keys}))`
      : `CREATE TABLE ${name} (${shape.columns.maria[table]}, note VARCHAR(40), amount DECIMAL(12,2), PRIMARY KEY (${keys})) DEFAULT CHARSET=utf8mb4`,
  ];
  for (let start = 0; start < rows.length; start += 1000) {
    const tuples = rows.slice(start, start + 1000).map((row) => {
      const key = shape.spell?.(server, table, row.key) ?? row.key;
      return `(${[...key.map(literal), literal(row.note), row.amount ?? 'NULL'].join(', ')})`;
    });
    statements.push(`INSERT INTO ${name} (${keys}, note, amount) VALUES ${tuples.join(', ')}`);
  }
  return statements;
}

/**
 * `columns` with the per-column samples parity must report, derived from the expected differences
 * (`lines`, -materialize's JSON Lines): for each column, the `limit` rows where it differs whose key
 * texts (joined by NUL) have the lowest MD5 in hex, then by that text; the rule README documents.
 */
export function withColumnSamples(columns: Expected['columns'], lines: readonly object[], limit = 5): Record<string, object> {
  type Line = { type: string; key: Record<string, string | null>; columns?: Record<string, { source: string | null; target: string | null }> };
  const rank = (key: Record<string, string | null>) => {
    const text = Object.values(key).map((v) => v ?? '').join('\u0000');
    return `${crypto.createHash('md5').update(text, 'utf8').digest('hex')}\u0000${text}`;
  };
  const out: Record<string, object> = {};
  for (const [name, stats] of Object.entries(columns)) {
    const rows = (lines as Line[])
      .filter((line) => line.type === 'different' && line.columns?.[name] !== undefined)
      .map((line) => ({ rank: rank(line.key), sample: { key: line.key, source: line.columns![name]!.source, target: line.columns![name]!.target } }))
      .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
      .slice(0, limit)
      .map((r) => r.sample);
    out[name] = rows.length === 0 ? stats : { ...stats, samples: rows };
  }
  return out;
}

/** Per-column statistics without their samples (checked apart), and the keys of each column's samples sorted as numbers. */
export function splitColumnSamples(columns: Record<string, object>): { stats: Record<string, object>; sampledIds: Record<string, number[]> } {
  const stats: Record<string, object> = {};
  const sampledIds: Record<string, number[]> = {};
  for (const [name, column] of Object.entries(columns)) {
    const { samples, ...rest } = column as { samples?: Array<{ key: Record<string, string> }> };
    stats[name] = rest;
    if (samples !== undefined) sampledIds[name] = samples.map((s) => Number(Object.values(s.key)[0])).sort((a, b) => a - b);
  }
  return { stats, sampledIds };
}
