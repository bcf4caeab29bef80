CREATE TABLE shop.orders (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    customer_id bigint NOT NULL,
    status shop.order_status DEFAULT 'pending'::shop.order_status NOT NULL,
    invoice_no integer DEFAULT nextval('shop.invoice_number'::regclass),
    ordered_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT orders_pkey PRIMARY KEY (id),
    CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES shop.customers(id) ON DELETE CASCADE
);

CREATE INDEX orders_customer_idx ON shop.orders USING btree (customer_id, ordered_at DESC);
