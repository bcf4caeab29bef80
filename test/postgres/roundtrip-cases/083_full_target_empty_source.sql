-- An empty database as the source, every object kind in the target: the script drops everything
-- (in dependency order); the undo builds it all again.
-- expect: Delete Schema app; Delete Schema Sales; Delete Extension public.citext; Delete Enum app.mood; Delete Domain app.positive_int; Delete Composite Type Sales.Address; Delete Sequence public.invoice_no; Delete Table app.customers; Delete Table Sales.Order Lines; Delete Sequence Sales.Order Lines_LineId_seq; Delete Function app.touch(); Delete Function public.add(integer, integer); Delete Function public.add(numeric, numeric); Delete Procedure app.reset_scores(); Delete Aggregate public.sum_add(integer); Delete View app.big_spenders; Delete View app.top_spender; Delete Materialized View Sales.Line Count
-- source
-- target
CREATE SCHEMA app;
CREATE SCHEMA "Sales";
COMMENT ON SCHEMA app IS 'application objects';
CREATE EXTENSION citext WITH SCHEMA public;
CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN app.positive_int AS integer NOT NULL DEFAULT 1 CONSTRAINT positive_int_check CHECK (VALUE > 0);
CREATE TYPE "Sales"."Address" AS (street text, city character varying(40) COLLATE "C", zip character(5));
CREATE SEQUENCE public.invoice_no START WITH 1000 INCREMENT BY 5 CACHE 10;
CREATE TABLE app.customers (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email public.citext NOT NULL UNIQUE,
    name character varying(100) NOT NULL,
    mood app.mood DEFAULT 'ok',
    score app.positive_int,
    created_at timestamp with time zone NOT NULL DEFAULT now(),
    name_upper text GENERATED ALWAYS AS (upper(name::text)) STORED,
    CONSTRAINT customers_name_check CHECK (length(name::text) > 0)
);
COMMENT ON TABLE app.customers IS 'people who buy';
COMMENT ON COLUMN app.customers.email IS 'login';
CREATE TABLE "Sales"."Order Lines" (
    "LineId" bigserial PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES app.customers (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    amount numeric(10,2) NOT NULL DEFAULT 0,
    note text COLLATE "C",
    invoice integer DEFAULT nextval('public.invoice_no'),
    ship_to "Sales"."Address"
);
CREATE INDEX order_lines_customer_idx ON "Sales"."Order Lines" (customer_id, amount DESC) WHERE amount > 0;
CREATE INDEX order_lines_note_idx ON "Sales"."Order Lines" USING hash (lower(note));
CREATE UNIQUE INDEX order_lines_invoice_uidx ON "Sales"."Order Lines" (invoice) INCLUDE (amount);
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.created_at := now();
    RETURN NEW;
END;
$$;
CREATE TRIGGER customers_touch BEFORE INSERT OR UPDATE OF name ON app.customers
    FOR EACH ROW WHEN (NEW.name IS NOT NULL) EXECUTE FUNCTION app.touch();
CREATE FUNCTION public.add(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
CREATE FUNCTION public.add(a numeric, b numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
COMMENT ON FUNCTION public.add(integer, integer) IS 'integer addition';
CREATE PROCEDURE app.reset_scores() LANGUAGE sql AS $$ UPDATE app.customers SET score = 1 $$;
CREATE AGGREGATE public.sum_add(integer) (SFUNC = public.add, STYPE = integer, INITCOND = '0');
CREATE VIEW app.big_spenders AS
    SELECT c.id, c.email, sum(l.amount) AS total
    FROM app.customers c JOIN "Sales"."Order Lines" l ON l.customer_id = c.id
    GROUP BY c.id, c.email HAVING sum(l.amount) > 100::numeric;
CREATE VIEW app.top_spender AS SELECT id, total FROM app.big_spenders ORDER BY total DESC LIMIT 1;
CREATE MATERIALIZED VIEW "Sales"."Line Count" AS SELECT count(*) AS n FROM "Sales"."Order Lines";
CREATE INDEX line_count_n_idx ON "Sales"."Line Count" (n);
