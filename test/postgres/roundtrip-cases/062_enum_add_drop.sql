-- Enums: one added together with a table that uses it, one dropped.
-- expect: Add Enum app.ticket_status; Add Table app.tickets; Delete Enum public.legacy_level
-- source
CREATE SCHEMA app;
CREATE TYPE app.ticket_status AS ENUM ('open', 'in progress', 'closed');
CREATE TABLE app.tickets (id integer, status app.ticket_status DEFAULT 'open'::app.ticket_status NOT NULL);
-- target
CREATE SCHEMA app;
CREATE TYPE public.legacy_level AS ENUM ('low', 'high');
