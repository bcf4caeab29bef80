-- LIST and LIST COLUMNS partitions: a value moved between partitions, a partition added at the end,
-- one inserted before another, a value no partition keeps, and a value taken from the DEFAULT
-- partition (MariaDB) and given back.
-- expect: Edit Table app.regions; Edit Table app.codes; Edit Table app.fallback
-- source
CREATE TABLE regions (id int, r int)
PARTITION BY LIST (r) (PARTITION e VALUES IN (1), PARTITION w VALUES IN (3, 2), PARTITION n VALUES IN (4));
CREATE TABLE codes (id int, c varchar(5))
PARTITION BY LIST COLUMNS(c) (PARTITION a VALUES IN ('a'), PARTITION m VALUES IN ('m'), PARTITION z VALUES IN ('z'));
CREATE TABLE fallback (id int, r int)
PARTITION BY LIST (r) (PARTITION one VALUES IN (1, 2), PARTITION other DEFAULT);
-- target
CREATE TABLE regions (id int, r int)
PARTITION BY LIST (r) (PARTITION e VALUES IN (1, 2), PARTITION w VALUES IN (3));
CREATE TABLE codes (id int, c varchar(5))
PARTITION BY LIST COLUMNS(c) (PARTITION a VALUES IN ('a', 'b'), PARTITION z VALUES IN ('z'));
CREATE TABLE fallback (id int, r int)
PARTITION BY LIST (r) (PARTITION one VALUES IN (1), PARTITION other DEFAULT);
