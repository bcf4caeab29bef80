-- Check constraints: added, expression changed, dropped; a multi-column check; a NO INHERIT check.
-- expect: Edit Table public.stock
-- source
CREATE TABLE public.stock (
    qty integer NOT NULL,
    reserved integer NOT NULL,
    price numeric,
    CONSTRAINT qty_non_negative CHECK (qty >= 0),
    CONSTRAINT reserved_le_qty CHECK (reserved <= qty),
    CONSTRAINT price_positive CHECK (price > 0::numeric) NO INHERIT
);
-- target
CREATE TABLE public.stock (
    qty integer NOT NULL,
    reserved integer NOT NULL,
    price numeric,
    CONSTRAINT qty_non_negative CHECK (qty > 0),
    CONSTRAINT stock_reserved_check CHECK (reserved >= 0)
);
