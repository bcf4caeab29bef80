-- Whole tables added and dropped, with keys, indexes and foreign keys between them.
-- expect: Add Table app.authors; Add Table app.books; Delete Table app.legacy_books; Delete Table app.legacy_authors
-- source
CREATE TABLE authors (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, name varchar(100) NOT NULL, UNIQUE KEY uq_author_name (name)) COMMENT='writers';
CREATE TABLE books (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, author_id int NOT NULL, title varchar(200) NOT NULL,
    KEY ix_books_title (title(30)), CONSTRAINT fk_books_author FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE CASCADE);
-- target
CREATE TABLE legacy_authors (id int PRIMARY KEY, name varchar(100));
CREATE TABLE legacy_books (id int PRIMARY KEY, author_id int, CONSTRAINT fk_legacy FOREIGN KEY (author_id) REFERENCES legacy_authors (id));
