-- Default privileges given in a schema (ALTER DEFAULT PRIVILEGES ... IN SCHEMA): what objects a role
-- creates there later get. Database-wide defaults (no schema) are not read. Read only with
-- -include=privileges. objtype: r tables, S sequences, f functions, T types.
-- $1: the requested schema names.
SELECT
    n.nspname::text AS schema,
    pg_catalog.pg_get_userbyid(d.defaclrole)::text AS role,
    d.defaclobjtype::text AS objtype,
    CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(a.grantee)::text END AS grantee,
    a.privilege_type::text AS privilege,
    a.is_grantable AS grantable
FROM pg_catalog.pg_default_acl d
JOIN pg_catalog.pg_namespace n ON n.oid = d.defaclnamespace
CROSS JOIN LATERAL pg_catalog.aclexplode(d.defaclacl) AS a
WHERE n.nspname = ANY ($1::text[])
