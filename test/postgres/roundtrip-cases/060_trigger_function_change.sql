-- Only the trigger function's body changes; the trigger is the same. A trigger function with
-- arguments passed by the trigger is dropped together with its trigger.
-- expect: Edit Function public.touch(); Edit Table public.logs; Delete Function public.tag_row()
-- source
CREATE TABLE public.logs (id integer, changed_at timestamp with time zone, tag text);
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.changed_at := clock_timestamp();
    RETURN NEW;
END;
$$;
CREATE TRIGGER logs_touch BEFORE INSERT OR UPDATE ON public.logs FOR EACH ROW EXECUTE FUNCTION public.touch();
-- target
CREATE TABLE public.logs (id integer, changed_at timestamp with time zone, tag text);
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.changed_at := now();
    RETURN NEW;
END;
$$;
CREATE FUNCTION public.tag_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.tag := TG_ARGV[0];
    RETURN NEW;
END;
$$;
CREATE TRIGGER logs_touch BEFORE INSERT OR UPDATE ON public.logs FOR EACH ROW EXECUTE FUNCTION public.touch();
CREATE TRIGGER logs_tag BEFORE INSERT ON public.logs FOR EACH ROW EXECUTE FUNCTION public.tag_row('imported');
