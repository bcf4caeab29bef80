-- A small shop application, version 2 (source) against version 1 (target): new tables, columns,
-- an enum value, a changed view, a new trigger, a dropped function, new indexes and foreign keys.
-- expect: Edit Table app.customers; Edit Table app.orders; Add Table app.order_items; Add Table app.products; Edit Enum app.order_status; Edit View app.v_open_orders; Add Function app.order_total(integer); Delete Function app.legacy_total(integer); Add Function app.touch_order(); Add Sequence app.invoice_no
-- source
CREATE SCHEMA app;
CREATE TYPE app.order_status AS ENUM ('new', 'paid', 'shipped', 'cancelled');
CREATE SEQUENCE app.invoice_no START WITH 10000;
CREATE TABLE app.customers (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL,
    name text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT customers_email_key UNIQUE (email)
);
CREATE TABLE app.products (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku text NOT NULL UNIQUE,
    price numeric(10,2) NOT NULL CHECK (price >= 0)
);
CREATE TABLE app.orders (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES app.customers (id) ON DELETE CASCADE,
    status app.order_status DEFAULT 'new' NOT NULL,
    invoice integer DEFAULT nextval('app.invoice_no'),
    updated_at timestamp with time zone
);
CREATE INDEX orders_customer_idx ON app.orders (customer_id);
CREATE INDEX orders_open_idx ON app.orders (customer_id) WHERE status IN ('new', 'paid');
CREATE TABLE app.order_items (
    order_id integer NOT NULL REFERENCES app.orders (id) ON DELETE CASCADE,
    product_id integer NOT NULL REFERENCES app.products (id),
    qty integer NOT NULL DEFAULT 1 CHECK (qty > 0),
    PRIMARY KEY (order_id, product_id)
);
CREATE FUNCTION app.order_total(order_id integer) RETURNS numeric LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(i.qty * p.price), 0) FROM app.order_items i JOIN app.products p ON p.id = i.product_id WHERE i.order_id = $1
$$;
CREATE FUNCTION app.touch_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON app.orders FOR EACH ROW EXECUTE FUNCTION app.touch_order();
CREATE VIEW app.v_open_orders AS
    SELECT o.id, c.email, o.status, app.order_total(o.id) AS total
    FROM app.orders o JOIN app.customers c ON c.id = o.customer_id
    WHERE o.status IN ('new', 'paid');
-- target
CREATE SCHEMA app;
CREATE TYPE app.order_status AS ENUM ('new', 'paid', 'shipped');
CREATE TABLE app.customers (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL,
    name text
);
CREATE TABLE app.orders (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES app.customers (id),
    status app.order_status DEFAULT 'new' NOT NULL,
    amount numeric(10,2)
);
CREATE FUNCTION app.legacy_total(order_id integer) RETURNS numeric LANGUAGE sql STABLE AS $$
    SELECT amount FROM app.orders WHERE id = $1
$$;
CREATE VIEW app.v_open_orders AS
    SELECT o.id, c.email, o.status
    FROM app.orders o JOIN app.customers c ON c.id = o.customer_id
    WHERE o.status = 'new';
