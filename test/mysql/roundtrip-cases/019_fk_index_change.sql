-- The index an unchanged foreign key uses is replaced: the key is dropped before the index changes.
-- expect: Edit Table app.items
-- source
CREATE TABLE lists (id int PRIMARY KEY);
CREATE TABLE items (id int PRIMARY KEY, list_id int NOT NULL, pos int NOT NULL,
    KEY ix_list (list_id, pos), CONSTRAINT fk_items_list FOREIGN KEY (list_id) REFERENCES lists (id));
-- target
CREATE TABLE lists (id int PRIMARY KEY);
CREATE TABLE items (id int PRIMARY KEY, list_id int NOT NULL, pos int NOT NULL,
    KEY ix_list (list_id), CONSTRAINT fk_items_list FOREIGN KEY (list_id) REFERENCES lists (id));
