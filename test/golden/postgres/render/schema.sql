CREATE SCHEMA app;

COMMENT ON SCHEMA app IS 'Application''s own objects';
