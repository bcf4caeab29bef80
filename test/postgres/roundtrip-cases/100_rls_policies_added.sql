-- Row-level security for a multi-tenant table: RLS enabled and forced, policies added: permissive and
-- restrictive, per command, for roles or PUBLIC, with USING and WITH CHECK, one reading another table,
-- one commented.
-- roles: app_user, app_admin
-- expect: Edit Table public.documents; Add Table public.tenants
-- source
CREATE TABLE public.tenants (id integer PRIMARY KEY, owner name NOT NULL);
CREATE TABLE public.documents (id integer PRIMARY KEY, tenant_id integer NOT NULL, body text, archived boolean DEFAULT false);
ALTER TABLE public.documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.documents FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.documents USING (tenant_id = current_setting('app.tenant')::integer);
CREATE POLICY tenant_owner ON public.documents AS PERMISSIVE FOR ALL TO app_admin
    USING (tenant_id IN (SELECT id FROM public.tenants WHERE owner = current_user));
CREATE POLICY no_archived ON public.documents AS RESTRICTIVE FOR SELECT TO app_user, app_admin USING (NOT archived);
CREATE POLICY insert_own ON public.documents FOR INSERT TO app_user WITH CHECK (tenant_id = current_setting('app.tenant')::integer);
CREATE POLICY update_own ON public.documents FOR UPDATE USING (true) WITH CHECK (body IS NOT NULL);
COMMENT ON POLICY tenant_isolation ON public.documents IS 'one tenant per session';
-- target
CREATE TABLE public.documents (id integer PRIMARY KEY, tenant_id integer NOT NULL, body text, archived boolean DEFAULT false);
