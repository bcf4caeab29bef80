-- Row-level security policies of tables. Roles are names (`PUBLIC` for the public pseudo-role; the
-- assembler sorts them); expressions are pg_get_expr's text.
-- $1: the requested schema names.
SELECT
    p.polrelid AS relid,
    p.polname::text AS name,
    p.polcmd::text AS command,
    p.polpermissive AS permissive,
    ARRAY(
        SELECT CASE WHEN r.oid = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END AS role
        FROM pg_catalog.unnest(p.polroles) AS r(oid)
    )::text[] AS roles,
    pg_catalog.pg_get_expr(p.polqual, p.polrelid, true) AS using_expr,
    pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid, true) AS check_expr,
    ds.description AS comment
FROM pg_catalog.pg_policy p
JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description ds
    ON ds.objoid = p.oid AND ds.classoid = 'pg_catalog.pg_policy'::pg_catalog.regclass AND ds.objsubid = 0
WHERE n.nspname = ANY ($1::text[])
