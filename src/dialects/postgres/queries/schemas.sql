-- Schemas: one row per requested schema that exists.
-- $1: the requested schema names.
SELECT
    n.nspname::text AS name,
    ds.description AS comment
FROM pg_catalog.pg_namespace n
LEFT JOIN pg_catalog.pg_description ds
    ON ds.objoid = n.oid AND ds.classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass AND ds.objsubid = 0
WHERE n.nspname = ANY ($1::text[])
ORDER BY n.nspname
