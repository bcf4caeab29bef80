-- HASH, LINEAR HASH and KEY partitions: more partitions (ADD PARTITION PARTITIONS n), fewer
-- (COALESCE PARTITION n), and partitions renamed (a new PARTITION BY).
-- expect: Edit Table app.h; Edit Table app.lh; Edit Table app.k
-- source
CREATE TABLE h (id int, v int) PARTITION BY HASH (id) PARTITIONS 4;
CREATE TABLE lh (id int, d date) PARTITION BY LINEAR HASH (YEAR(d)) PARTITIONS 2;
CREATE TABLE k (id int PRIMARY KEY, v int) PARTITION BY LINEAR KEY (id) (PARTITION first, PARTITION second);
-- target
CREATE TABLE h (id int, v int) PARTITION BY HASH (id) PARTITIONS 2;
CREATE TABLE lh (id int, d date) PARTITION BY LINEAR HASH (YEAR(d)) PARTITIONS 3;
CREATE TABLE k (id int PRIMARY KEY, v int) PARTITION BY LINEAR KEY (id) PARTITIONS 3;
