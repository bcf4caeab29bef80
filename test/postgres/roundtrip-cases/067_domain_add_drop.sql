-- Domains: one added (with a table column that uses it), one dropped.
-- expect: Add Domain public.email_address; Edit Table public.contacts; Delete Domain public.old_code
-- source
CREATE DOMAIN public.email_address AS text CONSTRAINT email_address_check CHECK (VALUE ~ '^[^@]+@[^@]+$');
CREATE TABLE public.contacts (id integer, email public.email_address);
-- target
CREATE DOMAIN public.old_code AS character(4);
CREATE TABLE public.contacts (id integer);
