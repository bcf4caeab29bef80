-- The table's default character set changes; columns that inherit it follow.
-- expect: Edit Table app.messages
-- source
CREATE TABLE messages (id int PRIMARY KEY, subject varchar(100), body text, tag enum('a','b'), raw varbinary(20),
    legacy varchar(10) CHARACTER SET latin1) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- target
CREATE TABLE messages (id int PRIMARY KEY, subject varchar(100), body text, tag enum('a','b'), raw varbinary(20),
    legacy varchar(10)) DEFAULT CHARSET=latin1;
