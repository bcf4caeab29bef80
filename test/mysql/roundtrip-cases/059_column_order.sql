-- Column order: columns moved (MODIFY COLUMN ... AFTER / FIRST, only the ones that must move), one of
-- them retyped too, beside a new column placed between moved ones.
-- expect: Edit Table app.moved; Edit Table app.mixed
-- source
CREATE TABLE moved (id int PRIMARY KEY, b int, a int, c int);
CREATE TABLE mixed (c varchar(10), id int NOT NULL, added int DEFAULT 7, a bigint, b int COMMENT 'bee', PRIMARY KEY (id));
-- target
CREATE TABLE moved (id int PRIMARY KEY, a int, b int, c int);
CREATE TABLE mixed (id int NOT NULL, a int, b int COMMENT 'bee', c varchar(10), PRIMARY KEY (id));
