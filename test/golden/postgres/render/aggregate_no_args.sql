CREATE AGGREGATE app.tally(*) (SFUNC = int8inc, STYPE = bigint, INITCOND = '0');

COMMENT ON AGGREGATE app.tally(*) IS 'counts rows';
