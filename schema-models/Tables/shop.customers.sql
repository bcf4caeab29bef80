CREATE TABLE shop.customers (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    email text NOT NULL,
    name text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT customers_pkey PRIMARY KEY (id),
    CONSTRAINT customers_email_key UNIQUE (email)
);

COMMENT ON TABLE shop.customers IS 'people who have an account';

COMMENT ON COLUMN shop.customers.email IS 'login name, stored in lower case';
