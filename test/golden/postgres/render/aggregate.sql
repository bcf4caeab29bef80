CREATE AGGREGATE app.concat_all(text) (SFUNC = textcat, STYPE = text, INITCOND = '');

COMMENT ON AGGREGATE app.concat_all(text) IS 'concatenates';
