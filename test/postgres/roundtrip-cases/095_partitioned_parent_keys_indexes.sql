-- What a partitioned table gives its partitions: a primary key, a unique constraint, an index, a check
-- constraint, a foreign key and a row trigger added to the parent reach every partition (only the
-- parent changes); a partition's own index, check constraint and comment are its own.
-- expect: Edit Table public.invoices; Edit Table public.invoices_2024
-- source
CREATE TABLE public.customers (id integer PRIMARY KEY);
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TABLE public.invoices (
    id bigint NOT NULL,
    issued date NOT NULL,
    customer_id integer REFERENCES public.customers (id),
    number text,
    total numeric CHECK (total >= 0),
    PRIMARY KEY (id, issued),
    UNIQUE (number, issued)
) PARTITION BY RANGE (issued);
CREATE INDEX invoices_customer_idx ON public.invoices (customer_id);
CREATE TRIGGER invoices_touch BEFORE UPDATE ON public.invoices FOR EACH ROW EXECUTE FUNCTION public.touch();
CREATE TABLE public.invoices_2024 PARTITION OF public.invoices FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.invoices_2025 PARTITION OF public.invoices FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX invoices_2024_total_idx ON public.invoices_2024 (total);
ALTER TABLE public.invoices_2024 ADD CONSTRAINT invoices_2024_small CHECK (total < 1000000);
COMMENT ON TABLE public.invoices_2024 IS 'last year';
-- target
CREATE TABLE public.customers (id integer PRIMARY KEY);
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TABLE public.invoices (
    id bigint NOT NULL,
    issued date NOT NULL,
    customer_id integer,
    number text,
    total numeric
) PARTITION BY RANGE (issued);
CREATE TABLE public.invoices_2024 PARTITION OF public.invoices FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.invoices_2025 PARTITION OF public.invoices FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
