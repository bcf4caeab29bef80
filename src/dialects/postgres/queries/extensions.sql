-- Extensions installed into the requested schemas.
-- $1: the requested schema names.
SELECT
    n.nspname::text AS schema,
    e.extname::text AS name,
    e.extversion AS version,
    ds.description AS comment
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
LEFT JOIN pg_catalog.pg_description ds
    ON ds.objoid = e.oid AND ds.classoid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND ds.objsubid = 0
WHERE n.nspname = ANY ($1::text[])
