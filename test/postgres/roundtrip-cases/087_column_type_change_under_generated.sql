-- A column's type changes while a stored generated column (written the same on both sides) reads
-- it: PostgreSQL refuses to alter the type of a column used by a generated column.
-- expect: Edit Table public.invoices
-- source
CREATE TABLE public.invoices (
    id integer NOT NULL,
    net numeric(12,2) NOT NULL,
    gross numeric GENERATED ALWAYS AS (net * 1.21) STORED
);
-- target
CREATE TABLE public.invoices (
    id integer NOT NULL,
    net numeric(10,2) NOT NULL,
    gross numeric GENERATED ALWAYS AS (net * 1.21) STORED
);
