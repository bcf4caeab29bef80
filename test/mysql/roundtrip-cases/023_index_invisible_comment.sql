-- Ignored (invisible) indexes and index comments.
-- expect: Edit Table app.events_log
-- source
CREATE TABLE events_log (id int PRIMARY KEY, kind varchar(20), at datetime,
    KEY ix_kind (kind) IGNORED, KEY ix_at (at) COMMENT 'range scans');
-- target
CREATE TABLE events_log (id int PRIMARY KEY, kind varchar(20), at datetime,
    KEY ix_kind (kind), KEY ix_at (at));
