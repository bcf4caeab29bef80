-- Column character sets and collations that differ from the table's.
-- expect: Edit Table app.names
-- source
CREATE TABLE names (
    id int PRIMARY KEY,
    latin varchar(30),
    exact varchar(30) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    nocase varchar(30) COLLATE utf8mb4_unicode_ci
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
-- target
CREATE TABLE names (
    id int PRIMARY KEY,
    latin varchar(30) CHARACTER SET latin1,
    exact varchar(30),
    nocase varchar(30)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
