-- Extensions: citext added (and used by a column), pgcrypto dropped (its function was used in a default).
-- expect: Add Extension public.citext; Delete Extension public.pgcrypto; Edit Table public.users
-- source
CREATE EXTENSION citext WITH SCHEMA public;
CREATE TABLE public.users (id integer, login public.citext NOT NULL, token text);
-- target
CREATE EXTENSION pgcrypto WITH SCHEMA public;
CREATE TABLE public.users (id integer, login text NOT NULL, token text DEFAULT encode(public.gen_random_bytes(16), 'hex'));
