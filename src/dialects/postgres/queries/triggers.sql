-- User triggers (not internal ones such as foreign key triggers) on tables and views. A partition's
-- copy of its parent's trigger (tgparentid, PostgreSQL 13 and later) is the parent's.
-- tgtype bits: 1 ROW, 2 BEFORE, 4 INSERT, 8 DELETE, 16 UPDATE, 32 TRUNCATE, 64 INSTEAD.
-- $1: the requested schema names.
SELECT
    t.tgrelid AS relid,
    t.tgname::text AS name,
    t.tgtype::integer AS type,
    t.tgenabled::text AS enabled,
    ARRAY(
        SELECT pg_catalog.quote_ident(a.attname)
        FROM pg_catalog.unnest(t.tgattr::int2[]) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_catalog.pg_attribute a ON a.attrelid = t.tgrelid AND a.attnum = k.attnum
        ORDER BY k.ord
    )::text[] AS update_columns,
    t.tgqual IS NOT NULL AS has_when,
    pg_catalog.pg_get_triggerdef(t.oid, true) AS definition,
    ds.description AS comment
FROM pg_catalog.pg_trigger t
JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description ds
    ON ds.objoid = t.oid AND ds.classoid = 'pg_catalog.pg_trigger'::pg_catalog.regclass AND ds.objsubid = 0
WHERE n.nspname = ANY ($1::text[])
  AND c.relkind IN ('r', 'p', 'v')
  AND NOT t.tgisinternal
  AND {{13: t.tgparentid = 0 | true}}
