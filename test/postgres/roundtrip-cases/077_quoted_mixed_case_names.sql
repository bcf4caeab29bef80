-- Quoted, mixed-case and space-containing names everywhere: schema, table, columns, constraints,
-- index, view, function, enum.
-- expect: Edit Table Sales.Customer; Add View Sales.Top Customers; Edit Function Sales.Calc Score(integer); Edit Enum Sales.Status; Add Table Sales.Order Lines
-- source
CREATE SCHEMA "Sales";
CREATE TYPE "Sales"."Status" AS ENUM ('Active', 'Inactive', 'On Hold');
CREATE TABLE "Sales"."Customer" (
    "CustomerId" integer CONSTRAINT "PK_Customer" PRIMARY KEY,
    "FirstName" text NOT NULL,
    "LastName" text,
    "Status" "Sales"."Status" DEFAULT 'Active',
    "Score" integer CONSTRAINT "CK Score" CHECK ("Score" >= 0)
);
CREATE INDEX "IX Customer Name" ON "Sales"."Customer" ("LastName", "FirstName");
CREATE TABLE "Sales"."Order Lines" (
    "LineId" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "CustomerId" integer CONSTRAINT "FK Lines Customer" REFERENCES "Sales"."Customer" ("CustomerId")
);
CREATE FUNCTION "Sales"."Calc Score"("Points" integer) RETURNS integer LANGUAGE sql AS $$ SELECT "Points" * 2 $$;
CREATE VIEW "Sales"."Top Customers" AS SELECT "CustomerId", "FirstName" AS "Name" FROM "Sales"."Customer" WHERE "Score" > 100;
-- target
CREATE SCHEMA "Sales";
CREATE TYPE "Sales"."Status" AS ENUM ('Active', 'Inactive');
CREATE TABLE "Sales"."Customer" (
    "CustomerId" integer CONSTRAINT "PK_Customer" PRIMARY KEY,
    "FirstName" text NOT NULL,
    "Status" "Sales"."Status" DEFAULT 'Active',
    "Score" integer
);
CREATE FUNCTION "Sales"."Calc Score"("Points" integer) RETURNS integer LANGUAGE sql AS $$ SELECT "Points" $$;
