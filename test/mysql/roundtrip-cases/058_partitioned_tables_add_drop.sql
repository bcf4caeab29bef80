-- Partitioned tables created and dropped whole, one with a partition comment and a quoted name.
-- expect: Add Table app.archive; Delete Table app.staging
-- source
CREATE TABLE archive (id int NOT NULL, y smallint NOT NULL, PRIMARY KEY (id, y))
PARTITION BY RANGE COLUMNS(y, id) (PARTITION `old one` VALUES LESS THAN (2000, 0) COMMENT 'before 2000', PARTITION rest VALUES LESS THAN (MAXVALUE, MAXVALUE));
-- target
CREATE TABLE staging (id int PRIMARY KEY, v varchar(10)) PARTITION BY KEY () PARTITIONS 2;
