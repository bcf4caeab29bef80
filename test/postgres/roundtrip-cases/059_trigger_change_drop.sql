-- Triggers: timing/events/WHEN changed, UPDATE OF columns, a statement trigger dropped, a trigger
-- disabled, a constraint trigger added.
-- expect: Edit Table public.accounts
-- source
CREATE TABLE public.accounts (id integer, balance numeric, owner text);
CREATE FUNCTION public.noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER accounts_check AFTER INSERT OR UPDATE OF balance ON public.accounts
    FOR EACH ROW WHEN (NEW.balance < 0::numeric) EXECUTE FUNCTION public.noop();
CREATE TRIGGER accounts_owner BEFORE UPDATE OF owner ON public.accounts
    FOR EACH ROW EXECUTE FUNCTION public.noop();
ALTER TABLE public.accounts DISABLE TRIGGER accounts_owner;
CREATE CONSTRAINT TRIGGER accounts_deferred AFTER INSERT ON public.accounts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.noop();
-- target
CREATE TABLE public.accounts (id integer, balance numeric, owner text);
CREATE FUNCTION public.noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER accounts_check BEFORE UPDATE ON public.accounts
    FOR EACH ROW EXECUTE FUNCTION public.noop();
CREATE TRIGGER accounts_owner BEFORE UPDATE OF owner ON public.accounts
    FOR EACH ROW EXECUTE FUNCTION public.noop();
CREATE TRIGGER accounts_truncate AFTER TRUNCATE ON public.accounts
    FOR EACH STATEMENT EXECUTE FUNCTION public.noop();
