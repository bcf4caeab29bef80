-- Policies that change: new roles and expressions (ALTER POLICY), a new command or permissiveness or a
-- WITH CHECK that goes away (DROP + CREATE), one dropped, RLS disabled on another table, and a policy
-- reading a column whose type changes (dropped and created again around the change).
-- roles: app_user, app_admin, reporting
-- expect: Edit Table public.accounts; Edit Table public.audit
-- source
CREATE TABLE public.accounts (id integer PRIMARY KEY, owner_id bigint NOT NULL, balance numeric, region text);
ALTER TABLE public.accounts ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_own ON public.accounts FOR SELECT TO app_user, reporting USING (owner_id = current_setting('app.user')::bigint);
CREATE POLICY write_own ON public.accounts AS RESTRICTIVE FOR UPDATE TO app_user USING (balance >= 0);
CREATE POLICY admins ON public.accounts FOR DELETE TO app_admin USING (true);
CREATE POLICY eu_only ON public.accounts FOR INSERT WITH CHECK (region = 'eu');
CREATE TABLE public.audit (id integer, note text);
-- target
CREATE TABLE public.accounts (id integer PRIMARY KEY, owner_id integer NOT NULL, balance numeric, region text);
ALTER TABLE public.accounts ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_own ON public.accounts FOR SELECT TO app_user USING (owner_id = 1);
CREATE POLICY write_own ON public.accounts FOR UPDATE TO app_user USING (balance >= 0) WITH CHECK (balance < 1000);
CREATE POLICY admins ON public.accounts FOR ALL TO app_admin USING (true);
CREATE POLICY gone ON public.accounts USING (false);
CREATE POLICY eu_only ON public.accounts FOR INSERT WITH CHECK (region = 'eu' AND owner_id > 0);
CREATE TABLE public.audit (id integer, note text);
ALTER TABLE public.audit ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_all ON public.audit USING (note IS NOT NULL);
