-- Tables, partitioned tables and partitions (relkind r, p); extension members are skipped.
-- A partition names its parent and bound; `inherits` lists the parents of classic inheritance
-- (regclass text: qualified unless the schema is the session's own, see unqualified reading).
-- $1: the requested schema names.
SELECT
    c.oid AS oid,
    n.nspname::text AS schema,
    c.relname::text AS name,
    c.relkind::text AS relkind,
    CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_by,
    c.relpersistence::text AS persistence,
    c.relrowsecurity AS row_security,
    c.relforcerowsecurity AS force_row_security,
    c.reloptions AS options,
    ARRAY(
        SELECT i.inhparent::pg_catalog.regclass::text
        FROM pg_catalog.pg_inherits i
        WHERE i.inhrelid = c.oid AND NOT c.relispartition
        ORDER BY i.inhseqno
    )::text[] AS inherits,
    pn.nspname::text AS parent_schema,
    pc.relname::text AS parent_name,
    CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid, true) END AS partition_bound,
    ds.description AS comment
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_inherits pi ON c.relispartition AND pi.inhrelid = c.oid
LEFT JOIN pg_catalog.pg_class pc ON pc.oid = pi.inhparent
LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
LEFT JOIN pg_catalog.pg_description ds
    ON ds.objoid = c.oid AND ds.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ds.objsubid = 0
WHERE n.nspname = ANY ($1::text[])
  AND c.relkind IN ('r', 'p')
  AND NOT EXISTS (
      SELECT 1 FROM pg_catalog.pg_depend d
      WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid AND d.deptype = 'e'
  )
