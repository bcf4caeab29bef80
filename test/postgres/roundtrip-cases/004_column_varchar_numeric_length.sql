-- Length and precision changes: varchar(20) -> varchar(100), numeric(10,2) -> numeric(12,4), char(2) -> char(3).
-- expect: Edit Table public.products
-- source
CREATE TABLE public.products (
    sku character varying(100) NOT NULL,
    price numeric(12,4),
    country character(3),
    title character varying
);
-- target
CREATE TABLE public.products (
    sku character varying(20) NOT NULL,
    price numeric(10,2),
    country character(2),
    title character varying(50)
);
