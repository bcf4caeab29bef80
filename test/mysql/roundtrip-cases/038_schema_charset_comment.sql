-- The database's default character set, collation and comment.
-- expect: Edit Schema app
-- source
ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci COMMENT 'the app database';
-- target
ALTER DATABASE CHARACTER SET latin1 COLLATE latin1_swedish_ci;
