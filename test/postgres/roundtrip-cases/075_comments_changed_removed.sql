-- Comments changed and removed, with quotes and non-ASCII text and a domain constraint comment.
-- expect: Edit Table public.orders; Edit Function public.f(integer); Edit Domain public.code; Edit Enum public.color; Edit Schema public
-- source
CREATE TABLE public.orders (id integer, note text);
CREATE FUNCTION public.f(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x';
CREATE DOMAIN public.code AS text CONSTRAINT code_check CHECK (length(VALUE) = 3);
CREATE TYPE public.color AS ENUM ('red', 'green');
COMMENT ON TABLE public.orders IS 'orders, it''s "quoted" — and naïve';
COMMENT ON FUNCTION public.f(integer) IS 'identity, new text';
COMMENT ON CONSTRAINT code_check ON DOMAIN public.code IS 'three characters';
COMMENT ON SCHEMA public IS 'our public schema';
-- target
CREATE TABLE public.orders (id integer, note text);
CREATE FUNCTION public.f(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x';
CREATE DOMAIN public.code AS text CONSTRAINT code_check CHECK (length(VALUE) = 3);
CREATE TYPE public.color AS ENUM ('red', 'green');
COMMENT ON TABLE public.orders IS 'orders';
COMMENT ON COLUMN public.orders.note IS 'free text';
COMMENT ON FUNCTION public.f(integer) IS 'identity';
COMMENT ON TYPE public.color IS 'colors';
