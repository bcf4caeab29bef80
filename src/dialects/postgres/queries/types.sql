-- Enums, domains and stand-alone composite types (typtype c whose relation has relkind c; table row
-- types and array types are not listed). Composite attributes come from columns.sql (typrelid).
-- Domain check constraints come from constraints.sql (contypid).
-- $1: the requested schema names.
SELECT
    t.oid AS oid,
    n.nspname::text AS schema,
    t.typname::text AS name,
    t.typtype::text AS typtype,
    t.typrelid AS relid,
    CASE WHEN t.typtype = 'e' THEN ARRAY(
        SELECT e.enumlabel::text FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder
    )::text[] END AS enum_values,
    CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod) END AS base_type,
    t.typnotnull AS not_null,
    CASE WHEN t.typtype = 'd' THEN pg_catalog.pg_get_expr(t.typdefaultbin, 0, true) END AS default_expr,
    CASE WHEN co.oid IS NULL THEN NULL
        WHEN cn.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(co.collname)
        ELSE pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname)
    END AS collation,
    ds.description AS comment
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_class rc ON rc.oid = t.typrelid
LEFT JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
LEFT JOIN pg_catalog.pg_collation co
    ON co.oid = t.typcollation AND t.typtype = 'd' AND t.typcollation <> bt.typcollation
LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
LEFT JOIN pg_catalog.pg_description ds
    ON ds.objoid = t.oid AND ds.classoid = 'pg_catalog.pg_type'::pg_catalog.regclass AND ds.objsubid = 0
WHERE n.nspname = ANY ($1::text[])
  AND (t.typtype IN ('e', 'd') OR (t.typtype = 'c' AND rc.relkind = 'c'))
  AND NOT EXISTS (
      SELECT 1 FROM pg_catalog.pg_depend d
      WHERE d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND d.objid = t.oid AND d.deptype = 'e'
  )
