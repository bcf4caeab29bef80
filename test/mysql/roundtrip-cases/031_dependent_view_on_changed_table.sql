-- A view reading a table whose columns change; a second view reads the first (dependency order).
-- expect: Edit Table app.orders; Edit View app.v_orders; Edit View app.v_big_orders
-- source
CREATE TABLE orders (id int PRIMARY KEY, total decimal(12,2) NOT NULL, customer varchar(80));
CREATE VIEW v_orders AS SELECT id, total, customer FROM orders;
CREATE VIEW v_big_orders AS SELECT id, customer FROM v_orders WHERE total > 1000;
-- target
CREATE TABLE orders (id int PRIMARY KEY, total int NOT NULL, cust_name varchar(80));
CREATE VIEW v_orders AS SELECT id, total, cust_name FROM orders;
CREATE VIEW v_big_orders AS SELECT id, cust_name FROM v_orders WHERE total > 1000;
