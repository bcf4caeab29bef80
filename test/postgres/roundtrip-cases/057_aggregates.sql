-- Aggregates: one added with its state function, one whose INITCOND changes, one dropped.
-- expect: Add Function public.mul_state(numeric, numeric); Add Aggregate public.product(numeric); Edit Aggregate public.total(integer); Delete Aggregate public.concat_agg(text)
-- source
CREATE FUNCTION public.int_add_state(s integer, v integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT s + coalesce(v, 0)';
CREATE AGGREGATE public.total(integer) (SFUNC = public.int_add_state, STYPE = integer, INITCOND = '10');
CREATE FUNCTION public.mul_state(s numeric, v numeric) RETURNS numeric LANGUAGE sql IMMUTABLE STRICT AS 'SELECT s * v';
CREATE AGGREGATE public.product(numeric) (SFUNC = public.mul_state, STYPE = numeric, INITCOND = '1');
CREATE FUNCTION public.text_cat(s text, v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT s || v $$;
-- target
CREATE FUNCTION public.int_add_state(s integer, v integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT s + coalesce(v, 0)';
CREATE AGGREGATE public.total(integer) (SFUNC = public.int_add_state, STYPE = integer, INITCOND = '0');
CREATE FUNCTION public.text_cat(s text, v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT s || v $$;
CREATE AGGREGATE public.concat_agg(text) (SFUNC = public.text_cat, STYPE = text, INITCOND = '');
