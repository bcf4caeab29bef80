-- A foreign key added (with the index MySQL creates for it) and one removed.
-- expect: Edit Table app.orders; Edit Table app.payments
-- source
CREATE TABLE customers (id int PRIMARY KEY);
CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL, CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id));
CREATE TABLE payments (id int PRIMARY KEY, order_id int);
-- target
CREATE TABLE customers (id int PRIMARY KEY);
CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL);
CREATE TABLE payments (id int PRIMARY KEY, order_id int, KEY ix_order (order_id), CONSTRAINT fk_pay_order FOREIGN KEY (order_id) REFERENCES orders (id));
