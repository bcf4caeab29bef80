-- Privileges on relations, routines and schemas held by roles other than the object's owner (the
-- owner's own are left out with the owner), from the object's ACL or, where it has none, the
-- built-in default (acldefault: EXECUTE for PUBLIC on routines). Identity sequences belong to their
-- column and extension members to their extension: both skipped. Read only with -include=privileges.
-- `kind` is the model's object kind; `name` the model's name (routines: with argument types).
-- $1: the requested schema names.
WITH object_acl AS (
    SELECT
        CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materializedView' WHEN 'S' THEN 'sequence' ELSE 'table' END AS kind,
        n.nspname::text AS schema,
        c.relname::text AS name,
        c.relowner AS owner,
        COALESCE(c.relacl, pg_catalog.acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char", c.relowner)) AS acl
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ANY ($1::text[])
      AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
      AND NOT EXISTS (
          SELECT 1 FROM pg_catalog.pg_depend d
          WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid
            AND (d.deptype = 'e' OR (d.deptype = 'i' AND c.relkind = 'S'))
      )
    UNION ALL
    SELECT
        CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,
        n.nspname::text,
        p.proname::text || '(' || pg_catalog.array_to_string(ARRAY(
            SELECT pg_catalog.format_type(x.typ, NULL)
            FROM pg_catalog.unnest(p.proargtypes::oid[]) WITH ORDINALITY AS x(typ, ord)
            ORDER BY x.ord
        ), ', ') || ')',
        p.proowner,
        COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner))
    FROM pg_catalog.pg_proc p
    JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = ANY ($1::text[])
      AND NOT EXISTS (
          SELECT 1 FROM pg_catalog.pg_depend d
          WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = p.oid AND d.deptype = 'e'
      )
    UNION ALL
    SELECT 'schema', n.nspname::text, n.nspname::text, n.nspowner, COALESCE(n.nspacl, pg_catalog.acldefault('n', n.nspowner))
    FROM pg_catalog.pg_namespace n
    WHERE n.nspname = ANY ($1::text[])
)
SELECT
    o.kind,
    o.schema,
    o.name,
    CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(a.grantee)::text END AS grantee,
    a.privilege_type::text AS privilege,
    a.is_grantable AS grantable
FROM object_acl o
CROSS JOIN LATERAL pg_catalog.aclexplode(o.acl) AS a
WHERE a.grantee <> o.owner
