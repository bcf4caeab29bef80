-- Composite type attributes: added, dropped, type changed, collation changed.
-- expect: Edit Composite Type public.money_amount; Edit Composite Type app.person_name
-- source
CREATE SCHEMA app;
CREATE TYPE public.money_amount AS (amount numeric(14,2), currency character(3), rate numeric);
CREATE TYPE app.person_name AS (first text COLLATE "C", last text);
-- target
CREATE SCHEMA app;
CREATE TYPE public.money_amount AS (amount numeric(10,2), currency character(3), note text);
CREATE TYPE app.person_name AS (first text, last text, middle text);
