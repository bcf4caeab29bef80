-- Stored generated columns: a plain column becomes generated, an expression changes, one is added.
-- expect: Edit Table public.lines
-- source
CREATE TABLE public.lines (
    price numeric NOT NULL,
    qty integer NOT NULL,
    total numeric GENERATED ALWAYS AS (price * qty::numeric) STORED,
    doubled numeric GENERATED ALWAYS AS (price * 2::numeric) STORED,
    label text GENERATED ALWAYS AS ('qty ' || qty::text) STORED
);
-- target
CREATE TABLE public.lines (
    price numeric NOT NULL,
    qty integer NOT NULL,
    total numeric,
    doubled numeric GENERATED ALWAYS AS (price * 3::numeric) STORED
);
