-- Foreign key actions changed (drop before, add after).
-- expect: Edit Table app.children
-- source
CREATE TABLE parents (id int PRIMARY KEY);
CREATE TABLE children (id int PRIMARY KEY, parent_id int, other_id int,
    CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parents (id) ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT fk_other FOREIGN KEY (other_id) REFERENCES parents (id) ON DELETE SET NULL);
-- target
CREATE TABLE parents (id int PRIMARY KEY);
CREATE TABLE children (id int PRIMARY KEY, parent_id int, other_id int,
    CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parents (id),
    CONSTRAINT fk_other FOREIGN KEY (other_id) REFERENCES parents (id) ON UPDATE RESTRICT);
