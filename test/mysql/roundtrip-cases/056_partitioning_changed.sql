-- Partitioning added to a table, removed from one, and changed in method together with a new
-- column that the new partitioning uses.
-- expect: Edit Table app.t_added; Edit Table app.t_removed; Edit Table app.t_changed
-- source
CREATE TABLE t_added (id int, d date) PARTITION BY RANGE (YEAR(d)) (PARTITION p0 VALUES LESS THAN (2000), PARTITION p1 VALUES LESS THAN MAXVALUE);
CREATE TABLE t_removed (id int, v int);
CREATE TABLE t_changed (id int, v int, bucket int NOT NULL DEFAULT 0) PARTITION BY LIST (bucket) (PARTITION b0 VALUES IN (0), PARTITION b1 VALUES IN (1, 2));
-- target
CREATE TABLE t_added (id int, d date);
CREATE TABLE t_removed (id int, v int) PARTITION BY KEY (id) PARTITIONS 2;
CREATE TABLE t_changed (id int, v int) PARTITION BY HASH (id) PARTITIONS 3;
