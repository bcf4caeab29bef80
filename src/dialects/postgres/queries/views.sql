-- Views and materialized views (relkind v, m), extension members skipped.
-- $1: the requested schema names.
SELECT
    c.oid AS oid,
    n.nspname::text AS schema,
    c.relname::text AS name,
    c.relkind::text AS relkind,
    pg_catalog.pg_get_viewdef(c.oid, true) AS definition,
    c.reloptions AS options,
    ds.description AS comment,
    -- Relations the view's query reads (through its rewrite rule), so that generate can drop and
    -- recreate views that depend on a changed table or view: a JSON array of [relkind, schema, name].
    (
        SELECT pg_catalog.json_agg(DISTINCT pg_catalog.json_build_array(rc.relkind::text, rn.nspname::text, rc.relname::text)::text)
        FROM pg_catalog.pg_rewrite rw
        JOIN pg_catalog.pg_depend dp
            ON dp.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND dp.objid = rw.oid
           AND dp.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND dp.refobjid <> c.oid
        JOIN pg_catalog.pg_class rc ON rc.oid = dp.refobjid
        JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
        WHERE rw.ev_class = c.oid AND rc.relkind IN ('r', 'p', 'v', 'm', 'f')
    ) AS depends_on
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
