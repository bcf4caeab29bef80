-- Free-standing sequences: one in the source only, one in the target only, one in a quoted schema.
-- expect: Add Sequence public.invoice_no; Delete Sequence public.old_counter; Add Sequence Sales.Order Number
-- source
CREATE SCHEMA "Sales";
CREATE SEQUENCE public.invoice_no START WITH 1000;
CREATE SEQUENCE "Sales"."Order Number" AS integer INCREMENT BY 2;
-- target
CREATE SCHEMA "Sales";
CREATE SEQUENCE public.old_counter;
