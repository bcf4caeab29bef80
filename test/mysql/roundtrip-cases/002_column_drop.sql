-- expect: Edit Table app.customers
-- source
CREATE TABLE customers (id int NOT NULL PRIMARY KEY, name varchar(100) NOT NULL);
-- target
CREATE TABLE customers (id int NOT NULL PRIMARY KEY, legacy_code char(8), name varchar(100) NOT NULL, fax varchar(30));
