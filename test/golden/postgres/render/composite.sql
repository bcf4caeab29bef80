CREATE TYPE app.address AS (
    street text COLLATE "C",
    zip character varying(10),
    "Country" character(2)
);

COMMENT ON TYPE app.address IS 'postal address';

COMMENT ON COLUMN app.address.street IS 'street and number';

COMMENT ON COLUMN app.address."Country" IS 'ISO''s code';
