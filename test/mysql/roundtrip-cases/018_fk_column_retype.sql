-- The columns of an unchanged foreign key are retyped: the key is dropped first and added back.
-- expect: Edit Table app.parents; Edit Table app.children
-- source
CREATE TABLE parents (id bigint PRIMARY KEY);
CREATE TABLE children (id int PRIMARY KEY, parent_id bigint, CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parents (id));
-- target
CREATE TABLE parents (id int PRIMARY KEY);
CREATE TABLE children (id int PRIMARY KEY, parent_id int, CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parents (id));
