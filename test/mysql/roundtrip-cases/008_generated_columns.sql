-- Generated columns: virtual and stored, added, changed and switched between kinds.
-- expect: Edit Table app.order_lines
-- source
CREATE TABLE order_lines (
    id int PRIMARY KEY,
    price decimal(10,2) NOT NULL,
    qty int NOT NULL,
    total decimal(12,2) AS (price * qty) STORED,
    label varchar(80) AS (concat('#', id)) VIRTUAL,
    doubled int AS (qty * 2) VIRTUAL
);
-- target
CREATE TABLE order_lines (
    id int PRIMARY KEY,
    price decimal(10,2) NOT NULL,
    qty int NOT NULL,
    total decimal(12,2) AS (price * qty) VIRTUAL,
    doubled int AS (qty + qty + 1) VIRTUAL
);
