-- Covering indexes: INCLUDE columns added and changed; a unique index with INCLUDE; NULLS NOT DISTINCT.
-- expect: Edit Table app.order_lines
-- source
CREATE SCHEMA app;
CREATE TABLE app.order_lines (order_id integer, line_no integer, amount numeric, note text, sku text);
CREATE UNIQUE INDEX order_lines_key ON app.order_lines (order_id, line_no) INCLUDE (amount, note);
CREATE INDEX order_lines_sku_idx ON app.order_lines (sku) INCLUDE (amount);
CREATE UNIQUE INDEX order_lines_note_idx ON app.order_lines (note) NULLS NOT DISTINCT;
-- target
CREATE SCHEMA app;
CREATE TABLE app.order_lines (order_id integer, line_no integer, amount numeric, note text, sku text);
CREATE UNIQUE INDEX order_lines_key ON app.order_lines (order_id, line_no) INCLUDE (amount);
CREATE INDEX order_lines_sku_idx ON app.order_lines (sku);
CREATE UNIQUE INDEX order_lines_note_idx ON app.order_lines (note);
