-- PostgreSQL 18 virtual generated columns: VIRTUAL in the source, STORED in the target, same expression.
-- expect: Edit Table public.shapes
-- source
CREATE TABLE public.shapes (
    w integer NOT NULL,
    h integer NOT NULL,
    area integer GENERATED ALWAYS AS (w * h) VIRTUAL
);
-- target
CREATE TABLE public.shapes (
    w integer NOT NULL,
    h integer NOT NULL,
    area integer GENERATED ALWAYS AS (w * h) STORED
);
