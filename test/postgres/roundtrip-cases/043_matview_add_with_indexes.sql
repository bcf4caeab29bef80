-- A materialized view with a unique and an expression index, in the source only.
-- expect: Add Materialized View app.mv_daily_totals
-- source
CREATE SCHEMA app;
CREATE TABLE app.payments (id integer, paid_on date, amount numeric, payer text);
CREATE MATERIALIZED VIEW app.mv_daily_totals AS
    SELECT paid_on, sum(amount) AS total, count(*) AS n FROM app.payments GROUP BY paid_on;
CREATE UNIQUE INDEX mv_daily_totals_day_idx ON app.mv_daily_totals (paid_on);
CREATE INDEX mv_daily_totals_total_idx ON app.mv_daily_totals ((total / n::numeric));
-- target
CREATE SCHEMA app;
CREATE TABLE app.payments (id integer, paid_on date, amount numeric, payer text);
