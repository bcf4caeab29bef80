CREATE SCHEMA shop;

COMMENT ON SCHEMA shop IS 'the example web shop';
