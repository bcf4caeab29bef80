-- Same signature, different body / volatility / strictness / security / search_path setting.
-- expect: Edit Function public.greet(text); Edit Function public.total_price(integer); Edit Function public.audit_user()
-- source
CREATE TABLE public.items (id integer, price numeric);
CREATE FUNCTION public.greet(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'Hello, ' || name || '!' $$;
CREATE FUNCTION public.total_price(item integer) RETURNS numeric
    LANGUAGE plpgsql STABLE STRICT
    AS $$
DECLARE
    result numeric;
BEGIN
    SELECT sum(price) INTO result FROM public.items WHERE id = item;
    RETURN coalesce(result, 0);
END;
$$;
CREATE FUNCTION public.audit_user() RETURNS text LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog AS $$ SELECT current_user::text $$;
-- target
CREATE TABLE public.items (id integer, price numeric);
CREATE FUNCTION public.greet(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'Hi ' || name $$;
CREATE FUNCTION public.total_price(item integer) RETURNS numeric
    LANGUAGE plpgsql
    AS $$
DECLARE
    result numeric;
BEGIN
    SELECT sum(price) INTO result FROM public.items WHERE id = item;
    RETURN result;
END;
$$;
CREATE FUNCTION public.audit_user() RETURNS text LANGUAGE sql AS $$ SELECT session_user::text $$;
