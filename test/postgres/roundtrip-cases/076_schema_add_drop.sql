-- Schemas: one added with its objects, one dropped with its objects (a quoted, mixed-case schema).
-- expect: Add Schema app; Add Table app.jobs; Add Function app.job_count(); Delete Schema Sales; Delete Table Sales.Leads; Delete View Sales.Hot Leads
-- source
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'background jobs';
CREATE TABLE app.jobs (id integer PRIMARY KEY, name text);
CREATE FUNCTION app.job_count() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM app.jobs $$;
-- target
CREATE SCHEMA "Sales";
CREATE TABLE "Sales"."Leads" ("LeadId" integer PRIMARY KEY, "Score" integer);
CREATE VIEW "Sales"."Hot Leads" AS SELECT "LeadId" FROM "Sales"."Leads" WHERE "Score" > 80;
