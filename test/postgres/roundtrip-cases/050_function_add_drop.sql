-- Functions in the source only and in the target only (SQL, plpgsql, SQL-standard body).
-- expect: Add Function public.slugify(text); Add Function app.clamp(integer, integer, integer); Delete Function public.legacy_hash(text)
-- source
CREATE SCHEMA app;
CREATE FUNCTION public.slugify(input text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT
    RETURN lower(regexp_replace(input, '[^a-zA-Z0-9]+', '-', 'g'));
CREATE FUNCTION app.clamp(v integer, lo integer, hi integer) RETURNS integer
    LANGUAGE plpgsql IMMUTABLE
    AS $$
BEGIN
    RETURN greatest(lo, least(hi, v));
END;
$$;
-- target
CREATE SCHEMA app;
CREATE FUNCTION public.legacy_hash(s text) RETURNS text LANGUAGE sql AS 'SELECT md5(s)';
