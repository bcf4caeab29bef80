-- Foreign keys without explicit names (the server names them t_ibfk_N): one whose action changes, one added, one removed.
-- expect: Edit Table app.order_lines
-- source
CREATE TABLE orders (id int PRIMARY KEY);
CREATE TABLE products (id int PRIMARY KEY);
CREATE TABLE order_lines (id int PRIMARY KEY, order_id int, product_id int, replaced_by int,
    FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
    FOREIGN KEY (replaced_by) REFERENCES order_lines (id));
-- target
CREATE TABLE orders (id int PRIMARY KEY);
CREATE TABLE products (id int PRIMARY KEY);
CREATE TABLE order_lines (id int PRIMARY KEY, order_id int, product_id int, replaced_by int,
    FOREIGN KEY (order_id) REFERENCES orders (id),
    FOREIGN KEY (product_id) REFERENCES products (id));
