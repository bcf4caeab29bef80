-- An INSTEAD OF trigger on a view (and its trigger function) in the source only.
-- expect: Edit View public.v_tasks; Add Function public.v_tasks_insert()
-- source
CREATE TABLE public.tasks (id integer, title text);
CREATE VIEW public.v_tasks AS SELECT id, title FROM public.tasks;
CREATE FUNCTION public.v_tasks_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO public.tasks (id, title) VALUES (NEW.id, upper(NEW.title));
    RETURN NEW;
END
$$;
CREATE TRIGGER v_tasks_insert INSTEAD OF INSERT ON public.v_tasks
    FOR EACH ROW EXECUTE FUNCTION public.v_tasks_insert();
-- target
CREATE TABLE public.tasks (id integer, title text);
CREATE VIEW public.v_tasks AS SELECT id, title FROM public.tasks;
