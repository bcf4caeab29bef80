-- Primary key, unique, check, foreign key and exclusion constraints of tables, and check constraints
-- of domains. NOT NULL constraints (contype n) are the columns' nullability, not separate objects.
-- Constraints cloned from a parent (conparentid <> 0: partitions, FKs to partitioned tables) and
-- constraints a table inherits (coninhcount > 0: check constraints of a parent) are the parent's,
-- and skipped. Version markers (see loadQuery) use newer catalog columns only where they exist.
-- $1: the requested schema names.
SELECT
    con.conrelid AS relid,
    con.contypid AS typid,
    con.conname::text AS name,
    con.contype::text AS type,
    ARRAY(
        SELECT (SELECT a.attname::text FROM pg_catalog.pg_attribute a WHERE a.attrelid = con.conrelid AND a.attnum = k.attnum)
        FROM pg_catalog.unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
        ORDER BY k.ord
    )::text[] AS columns,
    -- Check expressions are cut out of `CHECK (...)`: pg_get_constraintdef deparses them exactly as
    -- pg_get_expr(conbin, conrelid, true) would, without opening the table.
    CASE WHEN con.contype IN ('c', 'x') THEN pg_catalog.pg_get_constraintdef(con.oid, true) END AS definition,
    fn.nspname::text AS ref_schema,
    fc.relname::text AS ref_table,
    ARRAY(
        SELECT (SELECT a.attname::text FROM pg_catalog.pg_attribute a WHERE a.attrelid = con.confrelid AND a.attnum = k.attnum)
        FROM pg_catalog.unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
        ORDER BY k.ord
    )::text[] AS ref_columns,
    -- INCLUDE columns of a primary key or unique constraint: the index's non-key attributes.
    ARRAY(
        SELECT a.attname::text
        FROM pg_catalog.pg_index ci
        JOIN pg_catalog.pg_attribute a ON a.attrelid = ci.indexrelid AND a.attnum > ci.indnkeyatts
        WHERE con.contype IN ('p', 'u') AND ci.indexrelid = con.conindid
        ORDER BY a.attnum
    )::text[] AS include,
    -- ON DELETE SET NULL / SET DEFAULT (columns), PostgreSQL 15 and later.
    {{15: ARRAY(
        SELECT (SELECT a.attname::text FROM pg_catalog.pg_attribute a WHERE a.attrelid = con.conrelid AND a.attnum = k.attnum)
        FROM pg_catalog.unnest(con.confdelsetcols) WITH ORDINALITY AS k(attnum, ord)
        ORDER BY k.ord
    )::text[] | ARRAY[]::text[]}} AS on_delete_columns,
    con.confupdtype::text AS on_update,
    con.confdeltype::text AS on_delete,
    con.confmatchtype::text AS match_type,
    con.condeferrable AS deferrable,
    con.condeferred AS deferred,
    con.connoinherit AS no_inherit,
    con.convalidated AS validated,
    {{18: con.conenforced | true}} AS enforced,
    CASE WHEN con.contype = 'u' THEN (
        SELECT {{15: ci.indnullsnotdistinct | false}} FROM pg_catalog.pg_index ci WHERE ci.indexrelid = con.conindid
    ) ELSE false END AS nulls_not_distinct,
    ds.description AS comment
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_namespace n ON n.oid = con.connamespace
LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
LEFT JOIN pg_catalog.pg_description ds
    ON ds.objoid = con.oid AND ds.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND ds.objsubid = 0
WHERE n.nspname = ANY ($1::text[])
  AND con.contype IN ('p', 'u', 'c', 'f', 'x')
  AND con.conparentid = 0
  AND con.coninhcount = 0
