-- A trigger on a new column of a changed table.
-- expect: Edit Table app.products
-- source
CREATE TABLE products (id int PRIMARY KEY, name varchar(50), name_upper varchar(50));
CREATE TRIGGER trg_products_bi BEFORE INSERT ON products FOR EACH ROW SET NEW.name_upper = upper(NEW.name);
-- target
CREATE TABLE products (id int PRIMARY KEY, name varchar(50));
