-- A new view reads a new table and calls a new function: creation order matters.
-- expect: Add Table app.rates; Add Function app.to_eur(numeric, text); Add View app.v_eur
-- source
CREATE SCHEMA app;
CREATE TABLE app.rates (currency text PRIMARY KEY, to_eur numeric NOT NULL);
CREATE TABLE app.amounts (id integer, amount numeric, currency text);
CREATE FUNCTION app.to_eur(amount numeric, currency text) RETURNS numeric
    LANGUAGE sql STABLE
    AS $$ SELECT amount * r.to_eur FROM app.rates r WHERE r.currency = $2 $$;
CREATE VIEW app.v_eur AS
    SELECT a.id, app.to_eur(a.amount, a.currency) AS eur, r.to_eur AS rate
    FROM app.amounts a JOIN app.rates r ON r.currency = a.currency;
-- target
CREATE SCHEMA app;
CREATE TABLE app.amounts (id integer, amount numeric, currency text);
