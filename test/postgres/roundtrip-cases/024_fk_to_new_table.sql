-- A new table referenced by a new foreign key on an existing table, and a dropped table that an
-- existing table references in the target: order of creation and drop matters.
-- expect: Add Table public.currencies; Edit Table public.payments; Delete Table public.legacy_methods
-- source
CREATE TABLE public.currencies (code character(3) PRIMARY KEY);
CREATE TABLE public.payments (
    id integer PRIMARY KEY,
    currency character(3) REFERENCES public.currencies (code),
    method_id integer
);
-- target
CREATE TABLE public.legacy_methods (id integer PRIMARY KEY);
CREATE TABLE public.payments (
    id integer PRIMARY KEY,
    currency character(3),
    method_id integer REFERENCES public.legacy_methods (id)
);
