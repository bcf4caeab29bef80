-- Comments on every kind of object, in the source only.
-- expect: Edit Schema app; Edit Table app.customers; Edit View app.v_customers; Edit Materialized View app.mv_count; Edit Sequence app.customer_no; Edit Function app.greet(text); Edit Procedure app.noop(); Edit Aggregate app.total(integer); Edit Enum app.tier; Edit Domain app.positive; Edit Composite Type app.pair; Edit Extension public.citext
-- source
CREATE SCHEMA app;
CREATE EXTENSION citext WITH SCHEMA public;
CREATE TYPE app.tier AS ENUM ('free', 'paid');
CREATE DOMAIN app.positive AS integer CONSTRAINT positive_check CHECK (VALUE > 0);
CREATE TYPE app.pair AS (a integer, b integer);
CREATE SEQUENCE app.customer_no;
CREATE TABLE app.customers (
    id integer CONSTRAINT customers_pkey PRIMARY KEY,
    name text CONSTRAINT customers_name_check CHECK (name <> ''),
    tier app.tier
);
CREATE INDEX customers_name_idx ON app.customers (name);
CREATE FUNCTION app.noop_trigger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER customers_noop BEFORE INSERT ON app.customers FOR EACH ROW EXECUTE FUNCTION app.noop_trigger();
CREATE VIEW app.v_customers AS SELECT id, name FROM app.customers;
CREATE MATERIALIZED VIEW app.mv_count AS SELECT count(*) AS n FROM app.customers;
CREATE FUNCTION app.greet(name text) RETURNS text LANGUAGE sql AS $$ SELECT 'hi ' || name $$;
CREATE PROCEDURE app.noop() LANGUAGE sql AS $$ SELECT 1 $$;
CREATE FUNCTION app.add_state(s integer, v integer) RETURNS integer LANGUAGE sql AS 'SELECT s + v';
CREATE AGGREGATE app.total(integer) (SFUNC = app.add_state, STYPE = integer, INITCOND = '0');
COMMENT ON SCHEMA app IS 'the application';
COMMENT ON EXTENSION citext IS 'case-insensitive text, as used here';
COMMENT ON TYPE app.tier IS 'customer tier';
COMMENT ON DOMAIN app.positive IS 'strictly positive';
COMMENT ON TYPE app.pair IS 'two integers';
COMMENT ON COLUMN app.pair.a IS 'first of the pair';
COMMENT ON SEQUENCE app.customer_no IS 'customer numbers';
COMMENT ON TABLE app.customers IS 'who buys';
COMMENT ON COLUMN app.customers.name IS 'display name';
COMMENT ON CONSTRAINT customers_pkey ON app.customers IS 'the key';
COMMENT ON CONSTRAINT customers_name_check ON app.customers IS 'no empty names';
COMMENT ON INDEX app.customers_name_idx IS 'lookup by name';
COMMENT ON TRIGGER customers_noop ON app.customers IS 'does nothing';
COMMENT ON VIEW app.v_customers IS 'customers, short';
COMMENT ON COLUMN app.v_customers.name IS 'name in the view';
COMMENT ON MATERIALIZED VIEW app.mv_count IS 'how many customers';
COMMENT ON FUNCTION app.greet(text) IS 'says hi';
COMMENT ON PROCEDURE app.noop() IS 'does nothing';
COMMENT ON AGGREGATE app.total(integer) IS 'sum starting at zero';
-- target
CREATE SCHEMA app;
CREATE EXTENSION citext WITH SCHEMA public;
CREATE TYPE app.tier AS ENUM ('free', 'paid');
CREATE DOMAIN app.positive AS integer CONSTRAINT positive_check CHECK (VALUE > 0);
CREATE TYPE app.pair AS (a integer, b integer);
CREATE SEQUENCE app.customer_no;
CREATE TABLE app.customers (
    id integer CONSTRAINT customers_pkey PRIMARY KEY,
    name text CONSTRAINT customers_name_check CHECK (name <> ''),
    tier app.tier
);
CREATE INDEX customers_name_idx ON app.customers (name);
CREATE FUNCTION app.noop_trigger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER customers_noop BEFORE INSERT ON app.customers FOR EACH ROW EXECUTE FUNCTION app.noop_trigger();
CREATE VIEW app.v_customers AS SELECT id, name FROM app.customers;
CREATE MATERIALIZED VIEW app.mv_count AS SELECT count(*) AS n FROM app.customers;
CREATE FUNCTION app.greet(name text) RETURNS text LANGUAGE sql AS $$ SELECT 'hi ' || name $$;
CREATE PROCEDURE app.noop() LANGUAGE sql AS $$ SELECT 1 $$;
CREATE FUNCTION app.add_state(s integer, v integer) RETURNS integer LANGUAGE sql AS 'SELECT s + v';
CREATE AGGREGATE app.total(integer) (SFUNC = app.add_state, STYPE = integer, INITCOND = '0');
