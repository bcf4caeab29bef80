-- Primary key moved to two columns, with an auto-increment column that must stay keyed.
-- expect: Edit Table app.memberships
-- source
CREATE TABLE memberships (user_id int NOT NULL, group_id int NOT NULL, since date, PRIMARY KEY (user_id, group_id));
-- target
CREATE TABLE memberships (user_id int NOT NULL, group_id int NOT NULL, since date, PRIMARY KEY (user_id));
