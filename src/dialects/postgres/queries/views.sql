-- Views and materialized views (relkind v, m), extension members skipped.
-- $1: the requested schema names.
SELECT
    c.oid AS oid,
    n.nspname::text AS schema,
    c.relname::text AS name,
    c.relkind::text AS relkind,
    pg_catalog.pg_get_viewdef(c.oid, true) AS definition,
    c.reloptions AS options,
    ds.description AS comment
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description ds
    ON ds.objoid = c.oid AND ds.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ds.objsubid = 0
WHERE n.nspname = ANY ($1::text[])
  AND c.relkind IN ('v', 'm')
  AND NOT EXISTS (
      SELECT 1 FROM pg_catalog.pg_depend d
      WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid AND d.deptype = 'e'
  )
