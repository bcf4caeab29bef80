-- Column comments added, changed and removed.
-- expect: Edit Table app.products
-- source
CREATE TABLE products (id int PRIMARY KEY COMMENT 'surrogate key', sku varchar(20) COMMENT 'stock keeping unit, it''s unique', name varchar(80));
-- target
CREATE TABLE products (id int PRIMARY KEY, sku varchar(20) COMMENT 'old text', name varchar(80) COMMENT 'drop me');
