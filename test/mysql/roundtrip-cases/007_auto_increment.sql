-- AUTO_INCREMENT added to and removed from primary key columns.
-- expect: Edit Table app.a; Edit Table app.b
-- source
CREATE TABLE a (id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, v int);
CREATE TABLE b (id bigint NOT NULL PRIMARY KEY, v int);
-- target
CREATE TABLE a (id int unsigned NOT NULL PRIMARY KEY, v int);
CREATE TABLE b (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, v int);
