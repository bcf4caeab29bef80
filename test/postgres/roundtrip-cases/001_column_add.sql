-- A column exists in the source only (ADD COLUMN; the undo drops it).
-- expect: Edit Table public.customers
-- source
CREATE TABLE public.customers (
    id integer NOT NULL,
    name text NOT NULL,
    email character varying(200),
    note text DEFAULT 'none' NOT NULL
);
-- target
CREATE TABLE public.customers (
    id integer NOT NULL,
    name text NOT NULL
);
