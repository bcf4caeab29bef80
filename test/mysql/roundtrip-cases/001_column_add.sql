-- Columns only in the source, one in the middle (ADD COLUMN ... AFTER keeps the order).
-- expect: Edit Table app.customers
-- source
CREATE TABLE customers (
    id int NOT NULL PRIMARY KEY,
    email varchar(200) NOT NULL,
    name varchar(100) NOT NULL,
    note text
);
-- target
CREATE TABLE customers (
    id int NOT NULL PRIMARY KEY,
    name varchar(100) NOT NULL
);
