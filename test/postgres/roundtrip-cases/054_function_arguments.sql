-- Argument details within one signature: defaults added and removed, parameter renamed, OUT
-- parameters, VARIADIC (these need DROP + CREATE when CREATE OR REPLACE refuses).
-- expect: Edit Function public.pad(text, integer); Edit Function public.split_name(text); Edit Function public.concat_all(text[]); Edit Function public.scale(numeric)
-- source
CREATE FUNCTION public.pad(s text, width integer DEFAULT 10) RETURNS text LANGUAGE sql AS $$ SELECT lpad(s, width) $$;
CREATE FUNCTION public.split_name(full_name text, OUT first text, OUT last text) LANGUAGE sql
    AS $$ SELECT split_part(full_name, ' ', 1), split_part(full_name, ' ', 2) $$;
CREATE FUNCTION public.concat_all(VARIADIC parts text[]) RETURNS text LANGUAGE sql AS $$ SELECT array_to_string(parts, ',') $$;
CREATE FUNCTION public.scale(x numeric) RETURNS numeric LANGUAGE sql AS $$ SELECT x * 2 $$;
-- target
CREATE FUNCTION public.pad(s text, width integer) RETURNS text LANGUAGE sql AS $$ SELECT lpad(s, width) $$;
CREATE FUNCTION public.split_name(full_name text, OUT given text, OUT family text) LANGUAGE sql
    AS $$ SELECT split_part(full_name, ' ', 1), split_part(full_name, ' ', 2) $$;
CREATE FUNCTION public.concat_all(parts text[]) RETURNS text LANGUAGE sql AS $$ SELECT array_to_string(parts, ',') $$;
CREATE FUNCTION public.scale(val numeric DEFAULT 1) RETURNS numeric LANGUAGE sql AS $$ SELECT val * 2 $$;
