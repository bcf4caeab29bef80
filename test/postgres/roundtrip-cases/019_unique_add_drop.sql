-- Unique constraints: added, dropped, changed columns; NULLS NOT DISTINCT; deferrable.
-- expect: Edit Table public.users
-- source
CREATE TABLE public.users (
    id integer NOT NULL,
    email text,
    tenant integer,
    login text,
    external_id text,
    CONSTRAINT users_email_key UNIQUE (email),
    CONSTRAINT users_tenant_login_key UNIQUE (tenant, login),
    CONSTRAINT users_external_id_key UNIQUE NULLS NOT DISTINCT (external_id) DEFERRABLE INITIALLY DEFERRED
);
-- target
CREATE TABLE public.users (
    id integer NOT NULL,
    email text,
    tenant integer,
    login text,
    external_id text,
    CONSTRAINT users_tenant_login_key UNIQUE (login),
    CONSTRAINT users_external_id_key UNIQUE (external_id),
    CONSTRAINT users_id_key UNIQUE (id)
);
