-- Columns exist in the target only (DROP COLUMN; the undo re-creates them with type, default, NOT NULL).
-- expect: Edit Table app.items
-- source
CREATE SCHEMA app;
CREATE TABLE app.items (id bigint NOT NULL, label text);
-- target
CREATE SCHEMA app;
CREATE TABLE app.items (
    id bigint NOT NULL,
    label text,
    legacy_code character(4) DEFAULT 'XXXX' NOT NULL,
    weight real
);
