-- Widening and narrowing types (MODIFY COLUMN; the undo reverses it).
-- expect: Edit Table app.orders
-- source
CREATE TABLE orders (id bigint NOT NULL PRIMARY KEY, amount decimal(12,2) NOT NULL, code varchar(64), qty int);
-- target
CREATE TABLE orders (id int NOT NULL PRIMARY KEY, amount decimal(10,2) NOT NULL, code varchar(20), qty smallint);
