-- Return type changes (integer -> bigint, SETOF, TABLE columns): CREATE OR REPLACE cannot do them.
-- expect: Edit Function public.count_rows(); Edit Function public.ids(); Edit Function public.pairs(integer)
-- source
CREATE FUNCTION public.count_rows() RETURNS bigint LANGUAGE sql AS $$ SELECT 42::bigint $$;
CREATE FUNCTION public.ids() RETURNS SETOF integer LANGUAGE sql AS $$ SELECT generate_series(1, 3) $$;
CREATE FUNCTION public.pairs(n integer) RETURNS TABLE(a integer, b text) LANGUAGE sql AS $$ SELECT n, n::text $$;
-- target
CREATE FUNCTION public.count_rows() RETURNS integer LANGUAGE sql AS $$ SELECT 42 $$;
CREATE FUNCTION public.ids() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;
CREATE FUNCTION public.pairs(n integer) RETURNS TABLE(a integer, c text) LANGUAGE sql AS $$ SELECT n, n::text $$;
