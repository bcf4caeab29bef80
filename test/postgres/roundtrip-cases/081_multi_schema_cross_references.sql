-- Three schemas that reference each other: a foreign key from app to "Sales", a view in public over
-- both, a domain in app used in "Sales", a function in "Sales" using an app enum.
-- expect: Edit Table app.shipments; Add View public.v_shipments; Add Table Sales.Regions; Edit Table Sales.Accounts; Add Domain app.region_code; Add Function Sales.region_label(app.shipment_state)
-- source
CREATE SCHEMA app;
CREATE SCHEMA "Sales";
CREATE DOMAIN app.region_code AS character(2) CHECK (VALUE ~ '^[A-Z]{2}$');
CREATE TYPE app.shipment_state AS ENUM ('pending', 'sent');
CREATE TABLE "Sales"."Regions" ("Code" app.region_code PRIMARY KEY, "Name" text);
CREATE TABLE "Sales"."Accounts" ("Id" integer PRIMARY KEY, "Region" app.region_code REFERENCES "Sales"."Regions" ("Code"));
CREATE TABLE app.shipments (
    id integer PRIMARY KEY,
    account_id integer REFERENCES "Sales"."Accounts" ("Id") ON DELETE SET NULL,
    state app.shipment_state
);
CREATE FUNCTION "Sales".region_label(s app.shipment_state) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT s::text $$;
CREATE VIEW public.v_shipments AS
    SELECT s.id, a."Region", "Sales".region_label(s.state) AS label
    FROM app.shipments s LEFT JOIN "Sales"."Accounts" a ON a."Id" = s.account_id;
-- target
CREATE SCHEMA app;
CREATE SCHEMA "Sales";
CREATE TYPE app.shipment_state AS ENUM ('pending', 'sent');
CREATE TABLE "Sales"."Accounts" ("Id" integer PRIMARY KEY, "Region" text);
CREATE TABLE app.shipments (
    id integer PRIMARY KEY,
    account_id integer,
    state app.shipment_state
);
