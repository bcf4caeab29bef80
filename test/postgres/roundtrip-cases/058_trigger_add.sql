-- A trigger and its trigger function in the source only.
-- expect: Edit Table public.posts; Add Function public.set_updated_at()
-- source
CREATE TABLE public.posts (id integer, body text, updated_at timestamp with time zone);
CREATE FUNCTION public.set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;
CREATE TRIGGER posts_set_updated_at BEFORE UPDATE ON public.posts
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
-- target
CREATE TABLE public.posts (id integer, body text, updated_at timestamp with time zone);
