-- A renamed table is seen as a drop and an add (with its constraints and indexes).
-- expect: Add Table public.clients; Delete Table public.customers
-- source
CREATE TABLE public.clients (
    id integer PRIMARY KEY,
    name text NOT NULL
);
CREATE INDEX clients_name_idx ON public.clients (name);
-- target
CREATE TABLE public.customers (
    id integer PRIMARY KEY,
    name text NOT NULL
);
CREATE INDEX customers_name_idx ON public.customers (name);
