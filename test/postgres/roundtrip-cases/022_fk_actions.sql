-- Foreign key actions: ON DELETE / ON UPDATE changed; SET NULL with a column list; SET DEFAULT.
-- expect: Edit Table public.invoice_lines
-- source
CREATE TABLE public.invoices (id integer PRIMARY KEY, region integer, UNIQUE (id, region));
CREATE TABLE public.products (id integer PRIMARY KEY);
CREATE TABLE public.invoice_lines (
    invoice_id integer,
    region integer,
    product_id integer DEFAULT 0,
    CONSTRAINT lines_invoice_fk FOREIGN KEY (invoice_id) REFERENCES public.invoices (id) ON UPDATE CASCADE ON DELETE CASCADE,
    CONSTRAINT lines_product_fk FOREIGN KEY (product_id) REFERENCES public.products (id) ON DELETE SET DEFAULT,
    CONSTRAINT lines_invoice_region_fk FOREIGN KEY (invoice_id, region) REFERENCES public.invoices (id, region) ON DELETE SET NULL (region)
);
-- target
CREATE TABLE public.invoices (id integer PRIMARY KEY, region integer, UNIQUE (id, region));
CREATE TABLE public.products (id integer PRIMARY KEY);
CREATE TABLE public.invoice_lines (
    invoice_id integer,
    region integer,
    product_id integer DEFAULT 0,
    CONSTRAINT lines_invoice_fk FOREIGN KEY (invoice_id) REFERENCES public.invoices (id) ON DELETE RESTRICT,
    CONSTRAINT lines_product_fk FOREIGN KEY (product_id) REFERENCES public.products (id),
    CONSTRAINT lines_invoice_region_fk FOREIGN KEY (invoice_id, region) REFERENCES public.invoices (id, region) ON DELETE SET NULL
);
