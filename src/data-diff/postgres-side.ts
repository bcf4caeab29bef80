/**
 * INTERIM PostgreSQL TableSide, to run the data diff end to end until the per-dialect SQL (column
 * normalization, key-range predicates that use indexes, cheaper boundaries) replaces it. Deliberately
 * simple and correct rather than fast:
 *   - values are compared as `col::text` (sessions run with TimeZone UTC); no cross-dialect rules;
 *   - integer keys (smallint, integer, bigint) order numerically; text, varchar, char and uuid keys
 *     order by `col::text COLLATE "C"` (code point order), which no ordinary index serves;
 *   - boundaries number the range's rows with ROW_NUMBER (a sort of the whole range);
 *   - checksum: sum of the first 60 bits of md5 of the canonical row text, as numeric (exact);
 *   - rows are fetched with one query (the engine asks only for small ranges).
 */
import pg from 'pg';
import type { ConnectionSettings } from '../config/connection.js';
import { clientConfig, toParityError } from '../dialects/postgres/postgres-connection.js';
import { quoteIdent } from '../dialects/postgres/postgres-quoting.js';
import { ParityError } from '../errors.js';
import type { Key, KeyColumn, KeyKind, KeyRange, SegmentStats, SideColumn, SideDescription, SideRow, TableSide, TableSpec } from './table-side.js';

const INTEGER_TYPES = new Set(['int2', 'int4', 'int8']);
const TEXT_TYPES = new Set(['text', 'varchar', 'bpchar', 'uuid', 'name', 'citext']);

interface Prepared {
  readonly description: SideDescription;
  readonly from: string;
  /** Ordering expressions of the key columns. */
  readonly order: readonly string[];
  /** Text expressions of key columns, then compared columns. */
  readonly keyText: readonly string[];
  readonly valueText: readonly string[];
  /** Casts for key parameters (`::integer`, `::text`). */
  readonly keyCast: readonly string[];
  readonly filter: readonly string[];
  readonly filterParams: readonly unknown[];
}

/** Collects SQL parameters: `param(v)` returns `$n`. */
class Params {
  readonly values: unknown[] = [];
  constructor(initial: readonly unknown[] = []) {
    this.values.push(...initial);
  }
  param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

function rowTextExpression(texts: readonly string[]): string {
  return `concat_ws(',', ${texts.map((t) => `coalesce(length(${t})::text || ':' || ${t}, '-')`).join(', ')})`;
}

function tuple(items: readonly string[]): string {
  return items.length === 1 ? items[0]! : `(${items.join(', ')})`;
}

function keyKindOf(typname: string): KeyKind | undefined {
  return INTEGER_TYPES.has(typname) ? 'integer' : TEXT_TYPES.has(typname) ? 'text' : undefined;
}

export function openPostgresSide(settings: ConnectionSettings, spec: TableSpec, options: { side: string; threads: number }): TableSide {
  const base = clientConfig(settings);
  // Every connection of the pool runs in UTC, so timestamptz values render alike on both sides.
  const pool = new pg.Pool({ ...base, options: [base.options, '-c TimeZone=UTC'].filter(Boolean).join(' '), max: options.threads });
  pool.on('error', () => {});
  const query = async (sql: string, params: readonly unknown[] = []): Promise<Record<string, string | null>[]> => {
    try {
      return (await pool.query(sql, params as unknown[])).rows as Record<string, string | null>[];
    } catch (error) {
      throw toParityError(error, settings, { context: `${options.side} table` });
    }
  };
  const where = `-${options.side}`;
  let prepared: Promise<Prepared> | undefined;

  const prepare = async (): Promise<Prepared> => {
    const schemaRows = spec.schema === undefined ? await query('SELECT current_schema() AS s') : [{ s: spec.schema }];
    const schema = schemaRows[0]?.['s'] ?? 'public';
    const display = `${schema}.${spec.table}`;
    const columns = await query(
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, t.typname AS typname, a.attnum::text AS num
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_type t ON t.oid = a.atttypid
        WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum`,
      [schema, spec.table],
    );
    if (columns.length === 0) throw new ParityError('INVALID_ARGUMENT', `table ${display} does not exist in the ${options.side}`, { where });
    const byName = new Map(columns.map((c) => [c['name']!, c]));
    const find = (name: string, option: 'key' | 'columns' | 'updateColumn') => {
      const column = byName.get(name);
      if (!column) throw new ParityError('INVALID_ARGUMENT', `unknown column "${name}" in ${options.side} table ${display} (columns: ${columns.map((c) => c['name']).join(', ')})`, { where: `-${option}` });
      return column;
    };
    const key: KeyColumn[] = spec.key.map((name) => {
      const column = find(name, 'key');
      const kind = keyKindOf(column['typname']!);
      if (!kind) throw new ParityError('UNSUPPORTED', `key column "${name}" of ${options.side} table ${display} has type ${column['type']}, which the data diff cannot use as a key yet (integer, text and uuid keys are supported)`, { where: '-key' });
      return { name, kind, type: column['type']! };
    });
    const compared: SideColumn[] = (spec.columns ?? columns.map((c) => c['name']!).filter((n) => !spec.key.includes(n))).map((name) => ({ name, type: find(name, 'columns')['type']! }));
    const from = `${quoteIdent(schema)}.${quoteIdent(spec.table)}`;
    const filter: string[] = [];
    const params = new Params();
    if (spec.where !== undefined) filter.push(`(${spec.where})`);
    if (spec.updated !== undefined) {
      const column = quoteIdent(find(spec.updated.column, 'updateColumn')['name']!);
      if (spec.updated.notBefore !== undefined) filter.push(`${column} >= ${params.param(spec.updated.notBefore)}::timestamptz`);
      if (spec.updated.before !== undefined) filter.push(`${column} < ${params.param(spec.updated.before)}::timestamptz`);
    }
    const result: Prepared = {
      description: { table: display, key, columns: compared },
      from,
      order: key.map((k) => (k.kind === 'integer' ? quoteIdent(k.name) : `(${quoteIdent(k.name)}::text COLLATE "C")`)),
      keyText: key.map((k) => `${quoteIdent(k.name)}::text`),
      valueText: compared.map((c) => `${quoteIdent(c.name)}::text`),
      keyCast: key.map((k) => (k.kind === 'integer' ? `::${byName.get(k.name)!['type']}` : '::text')),
      filter,
      filterParams: params.values,
    };
    await checkUnique(result, display);
    return result;
  };

  /** Fails unless a unique index covers the key, or the rows show no duplicate key. */
  const checkUnique = async (p: Prepared, display: string) => {
    const covered = await query(
      `SELECT 1 FROM pg_index i
        WHERE i.indrelid = $1::regclass AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL
          AND (SELECT bool_and(a.attname = ANY($2::text[])) FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey::int2[]))
        LIMIT 1`,
      [p.from, spec.key],
    ).catch(() => []);
    if (covered.length > 0) return;
    const duplicates = await query(
      `SELECT ${p.keyText.map((t, i) => `${t} AS k${i}`).join(', ')} FROM ${p.from}${p.filter.length ? ` WHERE ${p.filter.join(' AND ')}` : ''}
        GROUP BY ${p.keyText.join(', ')} HAVING count(*) > 1 LIMIT 1`,
      p.filterParams,
    );
    const first = duplicates[0];
    if (first) {
      const shown = spec.key.map((name, i) => `${name}=${first[`k${i}`]}`).join(', ');
      throw new ParityError('INVALID_ARGUMENT', `key (${spec.key.join(', ')}) is not unique in ${options.side} table ${display}: ${shown} appears more than once`, { where: '-key' });
    }
  };

  const ready = () => (prepared ??= prepare());

  /** WHERE clause of a range plus the side's filter. */
  const condition = (p: Prepared, range: KeyRange, params: Params): string => {
    const parts = [...p.filter];
    const bound = (key: Key) => tuple(key.map((v, i) => `${params.param(v)}${p.keyCast[i]}`));
    if (range.from !== undefined) parts.push(`${tuple(p.order)} >= ${bound(range.from)}`);
    if (range.to !== undefined) parts.push(`${tuple(p.order)} < ${bound(range.to)}`);
    return parts.length ? ` WHERE ${parts.join(' AND ')}` : '';
  };

  return {
    async describe() {
      return (await ready()).description;
    },
    async boundaries(range: KeyRange, parts: number): Promise<Key[]> {
      const p = await ready();
      const params = new Params(p.filterParams);
      const cond = condition(p, range, params);
      const n = params.param(parts);
      const rows = await query(
        `SELECT ${p.keyText.map((_, i) => `k${i}`).join(', ')} FROM (
           SELECT ${p.keyText.map((t, i) => `${t} AS k${i}`).join(', ')}, row_number() OVER (ORDER BY ${p.order.join(', ')}) AS rn, count(*) OVER () AS n
             FROM ${p.from}${cond}) s
          WHERE rn > 1 AND (rn - 1) * ${n}::bigint / n > (rn - 2) * ${n}::bigint / n
          ORDER BY rn`,
        params.values,
      );
      return rows.map((row) => p.keyText.map((_, i) => row[`k${i}`]!));
    },
    async stats(range: KeyRange): Promise<SegmentStats> {
      const p = await ready();
      const params = new Params(p.filterParams);
      const hash = `('x' || substr(md5(${rowTextExpression([...p.keyText, ...p.valueText])}), 1, 15))::bit(60)::bigint::numeric`;
      const rows = await query(`SELECT count(*)::text AS n, coalesce(sum(${hash}), 0)::text AS c FROM ${p.from}${condition(p, range, params)}`, params.values);
      return { count: Number(rows[0]!['n']), checksum: rows[0]!['c']! };
    },
    async *rows(range: KeyRange): AsyncIterable<SideRow> {
      const p = await ready();
      const params = new Params(p.filterParams);
      const texts = [...p.keyText, ...p.valueText].map((t, i) => `${t} AS c${i}`);
      const rows = await query(`SELECT ${texts.join(', ')} FROM ${p.from}${condition(p, range, params)} ORDER BY ${p.order.join(', ')}`, params.values);
      const k = p.keyText.length;
      for (const row of rows) {
        const all = texts.map((_, i) => row[`c${i}`] ?? null);
        yield { key: all.slice(0, k) as string[], values: all.slice(k) };
      }
    },
    async close() {
      await pool.end().catch(() => {});
    },
  };
}
