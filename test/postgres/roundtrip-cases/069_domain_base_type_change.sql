-- A domain's base type changes (no ALTER for that): drop and re-create.
-- expect: Edit Domain app.amount
-- source
CREATE SCHEMA app;
CREATE DOMAIN app.amount AS numeric(14,2) CHECK (VALUE >= 0::numeric);
-- target
CREATE SCHEMA app;
CREATE DOMAIN app.amount AS numeric(10,2) CHECK (VALUE >= 0::numeric);
