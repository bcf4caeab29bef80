-- A renamed column is seen as a drop and an add of columns within an edited table.
-- expect: Edit Table public.employees
-- source
CREATE TABLE public.employees (id integer NOT NULL, full_name text NOT NULL DEFAULT '', dept text);
-- target
CREATE TABLE public.employees (id integer NOT NULL, name text NOT NULL DEFAULT '', dept text);
