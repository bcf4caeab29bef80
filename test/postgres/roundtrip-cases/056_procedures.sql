-- Procedures: added, body changed, dropped, and a procedure with an INOUT parameter.
-- expect: Add Procedure app.archive(integer); Edit Procedure public.log_event(text); Delete Procedure public.cleanup(); Add Procedure public.bump(integer)
-- source
CREATE SCHEMA app;
CREATE TABLE public.events (id serial, message text, at timestamp with time zone DEFAULT now());
CREATE PROCEDURE app.archive(IN days integer) LANGUAGE sql
    AS $$ DELETE FROM public.events WHERE at < now() - make_interval(days => days) $$;
CREATE PROCEDURE public.log_event(msg text) LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO public.events (message) VALUES (upper(msg));
END;
$$;
CREATE PROCEDURE public.bump(INOUT n integer) LANGUAGE plpgsql AS $$ BEGIN n := n + 1; END $$;
-- target
CREATE SCHEMA app;
CREATE TABLE public.events (id serial, message text, at timestamp with time zone DEFAULT now());
CREATE PROCEDURE public.log_event(msg text) LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO public.events (message) VALUES (msg);
END;
$$;
CREATE PROCEDURE public.cleanup() LANGUAGE sql AS $$ DELETE FROM public.events $$;
