-- A mixed-case enum in a quoted schema whose values are reordered (not expressible with ADD VALUE).
-- expect: Edit Enum Sales.Deal Stage
-- source
CREATE SCHEMA "Sales";
CREATE TYPE "Sales"."Deal Stage" AS ENUM ('Lead', 'Qualified', 'Won', 'Lost');
-- target
CREATE SCHEMA "Sales";
CREATE TYPE "Sales"."Deal Stage" AS ENUM ('Lead', 'Won', 'Qualified', 'Lost');
