-- expect: Add View app.v_active; Delete View app.v_old
-- source
CREATE TABLE users (id int PRIMARY KEY, active tinyint(1) NOT NULL, name varchar(50));
CREATE VIEW v_active AS SELECT id, name FROM users WHERE active = 1;
-- target
CREATE TABLE users (id int PRIMARY KEY, active tinyint(1) NOT NULL, name varchar(50));
CREATE VIEW v_old AS SELECT id FROM users;
