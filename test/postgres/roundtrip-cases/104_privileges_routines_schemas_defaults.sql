-- Privileges (-include=privileges) on functions and procedures (EXECUTE revoked from PUBLIC, which
-- every new routine has, and granted to a role), on schemas (USAGE, CREATE), and default privileges
-- given in a schema (ALTER DEFAULT PRIVILEGES ... IN SCHEMA), for the creating role and another one.
-- options: -include=privileges
-- roles: reader, writer
-- expect: Edit Function app.total(integer); Add Function app.secret(); Edit Procedure app.purge(integer)
-- expect: Edit Schema app; Edit Schema public
-- source
CREATE SCHEMA app;
CREATE FUNCTION app.total(n integer) RETURNS integer LANGUAGE sql AS 'SELECT n * 2';
CREATE FUNCTION app.secret() RETURNS text LANGUAGE sql AS $$SELECT 'x'$$;
CREATE PROCEDURE app.purge(days integer) LANGUAGE sql AS 'SELECT 1';
REVOKE EXECUTE ON FUNCTION app.total(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.total(integer) TO reader;
REVOKE ALL ON FUNCTION app.secret() FROM PUBLIC;
GRANT EXECUTE ON PROCEDURE app.purge(integer) TO writer WITH GRANT OPTION;
GRANT USAGE ON SCHEMA app TO reader, writer;
GRANT CREATE ON SCHEMA app TO writer;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT USAGE ON SEQUENCES TO writer;
ALTER DEFAULT PRIVILEGES FOR ROLE writer IN SCHEMA app GRANT SELECT, INSERT ON TABLES TO reader;
-- target
CREATE SCHEMA app;
CREATE FUNCTION app.total(n integer) RETURNS integer LANGUAGE sql AS 'SELECT n * 2';
CREATE PROCEDURE app.purge(days integer) LANGUAGE sql AS 'SELECT 1';
GRANT EXECUTE ON FUNCTION app.total(integer) TO writer;
GRANT USAGE ON SCHEMA app TO writer;
GRANT CREATE ON SCHEMA public TO reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT EXECUTE ON FUNCTIONS TO writer;
