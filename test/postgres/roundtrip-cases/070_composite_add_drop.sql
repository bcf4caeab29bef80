-- Composite types: one added (used by a function), one dropped.
-- expect: Add Composite Type public.address; Add Function public.format_address(public.address); Delete Composite Type public.point3
-- source
CREATE TYPE public.address AS (street text, city character varying(60), zip character(5));
CREATE FUNCTION public.format_address(a public.address) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT (a).street || ', ' || (a).zip || ' ' || (a).city $$;
-- target
CREATE TYPE public.point3 AS (x double precision, y double precision, z double precision);
