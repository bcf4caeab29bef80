-- Indexes: a unique partial index replaces a plain one of the same name; a partial index is added.
-- expect: Edit Table public.accounts
-- source
CREATE TABLE public.accounts (id integer, email text, deleted_at timestamp with time zone, status text);
CREATE UNIQUE INDEX accounts_email_idx ON public.accounts (email) WHERE deleted_at IS NULL;
CREATE INDEX accounts_active_idx ON public.accounts (id) WHERE status = 'active' AND deleted_at IS NULL;
-- target
CREATE TABLE public.accounts (id integer, email text, deleted_at timestamp with time zone, status text);
CREATE INDEX accounts_email_idx ON public.accounts (email);
