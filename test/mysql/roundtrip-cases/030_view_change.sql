-- A view's query, check option, algorithm and security change (CREATE OR REPLACE VIEW).
-- expect: Edit View app.v_users; Edit View app.v_names
-- source
CREATE TABLE users (id int PRIMARY KEY, active tinyint(1) NOT NULL, name varchar(50));
CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW v_users AS SELECT id, name FROM users WHERE active = 1 WITH CASCADED CHECK OPTION;
CREATE VIEW v_names AS SELECT upper(name) AS name FROM users;
-- target
CREATE TABLE users (id int PRIMARY KEY, active tinyint(1) NOT NULL, name varchar(50));
CREATE VIEW v_users AS SELECT id, name FROM users;
CREATE VIEW v_names AS SELECT name FROM users;
