/**
 * PostgreSQL's catalog for data diff: tables (ordinary and partitioned; partitions are read through
 * their parent), views, materialized views and foreign tables of some schemas, in three queries
 * (relations, columns, unique indexes) whatever their number.
 */
import { assembleCatalog, type CatalogColumnRow, type CatalogIndexRow, type CatalogScope, type CatalogTable } from './catalog.js';
import type { DataColumn, DataConnection } from './data-dialect.js';

/** `$1`: the schemas as a JSON array (empty: the current schema); `$2`: one table's name, or '' for all. */
const IN_SCOPE = `n.nspname IN (SELECT jsonb_array_elements_text(CASE WHEN $1::jsonb = '[]'::jsonb THEN jsonb_build_array(current_schema()) ELSE $1::jsonb END))
   AND ($2 = '' OR r.relname = $2)`;

const RELATIONS_SQL = `
SELECT n.nspname AS schema_name, r.relname AS table_name, r.relkind IN ('v', 'm') AS view, r.reltuples::bigint::text AS estimated
  FROM pg_class r
  JOIN pg_namespace n ON n.oid = r.relnamespace
 WHERE ${IN_SCOPE}
   AND r.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT r.relispartition`;

const COLUMNS_SQL = `
SELECT n.nspname AS schema_name, r.relname AS table_name, a.attname AS name,
       CASE WHEN c.data_type = 'USER-DEFINED' AND t.typtype = 'e' THEN 'enum'
            WHEN c.data_type = 'USER-DEFINED' THEN c.udt_name
            ELSE lower(c.data_type) END AS data_type,
       format_type(a.atttypid, a.atttypmod) AS column_type,
       c.numeric_precision AS precision, c.numeric_scale AS scale, c.datetime_precision,
       c.character_maximum_length AS length, c.is_nullable = 'YES' AS nullable, NULL AS collation
  FROM pg_class r
  JOIN pg_namespace n ON n.oid = r.relnamespace
  JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
  JOIN information_schema.columns c ON c.table_schema = n.nspname AND c.table_name = r.relname AND c.column_name = a.attname
  JOIN pg_type t ON t.oid = a.atttypid
 WHERE ${IN_SCOPE}
   AND r.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT r.relispartition
 ORDER BY n.nspname, r.relname, a.attnum`;

/** Unique indexes without a predicate; a key part that is an expression comes back as NULL. */
const INDEXES_SQL = `
SELECT n.nspname AS schema_name, r.relname AS table_name, i.indisprimary AS primary,
       ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
               LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum > 0
              WHERE k.ord <= i.indnkeyatts ORDER BY k.ord) AS columns
  FROM pg_index i
  JOIN pg_class r ON r.oid = i.indrelid
  JOIN pg_namespace n ON n.oid = r.relnamespace
 WHERE ${IN_SCOPE}
   AND i.indisunique AND i.indpred IS NULL`;

export async function readPostgresCatalog(connection: DataConnection, scope: CatalogScope): Promise<CatalogTable[]> {
  const params = [JSON.stringify(scope.schemas), scope.table ?? ''];
  const [relations, columns, indexes] = [
    await connection.query(RELATIONS_SQL, params),
    await connection.query(COLUMNS_SQL, params),
    await connection.query(INDEXES_SQL, params),
  ];
  return assembleCatalog(
    relations.map((row) => ({
      schema_name: String(row['schema_name']),
      table_name: String(row['table_name']),
      view: row['view'] === true,
      estimated_rows: Number(row['estimated']),
    })),
    columns as unknown as CatalogColumnRow[],
    indexes.map(
      (row): CatalogIndexRow => ({
        schema_name: String(row['schema_name']),
        table_name: String(row['table_name']),
        primary: row['primary'] === true,
        columns: (row['columns'] as (string | null)[]).map((c) => c ?? undefined),
      }),
    ),
  );
}

/** One column of a result as the driver reports it: its type's OID and modifier. */
export interface PostgresResultField {
  readonly name: string;
  readonly dataTypeID: number;
  readonly dataTypeModifier: number;
}

/**
 * The result's columns as the catalog would describe them (query mode): the type names, precision,
 * scale and lengths information_schema derives from a type and its modifier (a domain as its base
 * type); the nullability of a computed column is unknown, so every column may be NULL.
 */
const RESULT_COLUMNS_SQL = `
SELECT f.ord, f.name,
       CASE WHEN b.typtype = 'e' THEN 'enum' WHEN b.typcategory = 'A' THEN 'array' ELSE format_type(b.oid, NULL) END AS data_type,
       format_type(f.oid, f.typmod) AS column_type,
       information_schema._pg_numeric_precision(b.oid, f.typmod) AS precision,
       information_schema._pg_numeric_scale(b.oid, f.typmod) AS scale,
       information_schema._pg_datetime_precision(b.oid, f.typmod) AS datetime_precision,
       information_schema._pg_char_max_length(b.oid, f.typmod) AS length
  FROM jsonb_to_recordset($1::jsonb) AS f(ord int, name text, oid oid, typmod int)
  JOIN pg_type t ON t.oid = f.oid
  JOIN pg_type b ON b.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
 ORDER BY f.ord`;

export async function describePostgresResult(fields: readonly PostgresResultField[], connection: Pick<DataConnection, 'query'>): Promise<DataColumn[]> {
  const described = fields.map((f, ord) => ({ ord, name: f.name, oid: f.dataTypeID, typmod: f.dataTypeModifier }));
  const rows = await connection.query(RESULT_COLUMNS_SQL, [JSON.stringify(described)]);
  return assembleCatalog(
    [{ schema_name: '', table_name: 'query', view: true }],
    rows.map((row) => ({ ...(row as unknown as CatalogColumnRow), schema_name: '', table_name: 'query', nullable: true, collation: null })),
    [],
  )[0]!.columns as DataColumn[];
}
