-- Foreign keys: one in the source only, one in the target only, one to a table in another schema.
-- expect: Edit Table public.orders
-- source
CREATE SCHEMA app;
CREATE TABLE public.customers (id integer PRIMARY KEY);
CREATE TABLE app.warehouses (id integer PRIMARY KEY);
CREATE TABLE public.orders (
    id integer PRIMARY KEY,
    customer_id integer,
    warehouse_id integer,
    parent_id integer,
    CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES public.customers (id),
    CONSTRAINT orders_warehouse_fk FOREIGN KEY (warehouse_id) REFERENCES app.warehouses (id)
);
-- target
CREATE SCHEMA app;
CREATE TABLE public.customers (id integer PRIMARY KEY);
CREATE TABLE app.warehouses (id integer PRIMARY KEY);
CREATE TABLE public.orders (
    id integer PRIMARY KEY,
    customer_id integer,
    warehouse_id integer,
    parent_id integer,
    CONSTRAINT orders_parent_fk FOREIGN KEY (parent_id) REFERENCES public.orders (id)
);
