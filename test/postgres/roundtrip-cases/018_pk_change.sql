-- A primary key on different columns, and a renamed key on another table.
-- expect: Edit Table public.prices; Edit Table public.rates
-- source
CREATE TABLE public.prices (
    product_id integer NOT NULL,
    valid_from date NOT NULL,
    amount numeric,
    CONSTRAINT prices_pkey PRIMARY KEY (product_id, valid_from)
);
CREATE TABLE public.rates (
    id integer NOT NULL,
    CONSTRAINT rates_pk PRIMARY KEY (id)
);
-- target
CREATE TABLE public.prices (
    product_id integer NOT NULL,
    valid_from date NOT NULL,
    amount numeric,
    CONSTRAINT prices_pkey PRIMARY KEY (product_id)
);
CREATE TABLE public.rates (
    id integer NOT NULL,
    CONSTRAINT rates_pkey PRIMARY KEY (id)
);
