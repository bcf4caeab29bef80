-- A realistic release: new table, new columns and keys, retyped column, dropped index, new view.
-- expect: Add Table app.order_items; Edit Table app.orders; Edit Table app.customers; Add View app.v_order_totals
-- source
CREATE TABLE customers (id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, email varchar(190) NOT NULL, name varchar(120) NOT NULL,
    phone varchar(30), created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP, UNIQUE KEY uq_customers_email (email)) DEFAULT CHARSET=utf8mb4;
CREATE TABLE orders (id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, customer_id int unsigned NOT NULL,
    status enum('pending','paid','shipped','cancelled') NOT NULL DEFAULT 'pending', placed_at datetime NOT NULL,
    KEY ix_orders_status_placed (status, placed_at),
    CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)) DEFAULT CHARSET=utf8mb4;
CREATE TABLE order_items (order_id bigint unsigned NOT NULL, line_no smallint unsigned NOT NULL, sku varchar(40) NOT NULL,
    qty int NOT NULL DEFAULT 1, unit_price decimal(10,2) NOT NULL, PRIMARY KEY (order_id, line_no),
    CONSTRAINT fk_items_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
    CONSTRAINT ck_items_qty CHECK (qty > 0)) DEFAULT CHARSET=utf8mb4;
CREATE VIEW v_order_totals AS SELECT o.id, o.customer_id, sum(i.qty * i.unit_price) AS total
    FROM orders o JOIN order_items i ON i.order_id = o.id GROUP BY o.id, o.customer_id;
-- target
CREATE TABLE customers (id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, email varchar(190) NOT NULL, name varchar(80) NOT NULL,
    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP, KEY ix_customers_name (name)) DEFAULT CHARSET=utf8mb4;
CREATE TABLE orders (id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, customer_id int unsigned NOT NULL,
    status enum('pending','paid','shipped') NOT NULL DEFAULT 'pending', placed_at datetime NOT NULL,
    CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)) DEFAULT CHARSET=utf8mb4;
