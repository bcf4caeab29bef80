-- MariaDB column-level checks (named after their column) next to table-level ones.
-- expect: Edit Table app.scores
-- source
CREATE TABLE scores (id int PRIMARY KEY, points int CHECK (points BETWEEN 0 AND 100), bonus int, CONSTRAINT ck_bonus CHECK (bonus >= 0));
-- target
CREATE TABLE scores (id int PRIMARY KEY, points int, bonus int);
