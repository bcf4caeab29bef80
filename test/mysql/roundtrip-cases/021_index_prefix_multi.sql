-- Prefix lengths, multi-column and descending index parts.
-- expect: Edit Table app.articles
-- source
CREATE TABLE articles (id int PRIMARY KEY, title varchar(200), slug varchar(200), published date,
    KEY ix_title (title(20)), KEY ix_pub_slug (published DESC, slug(10)), KEY ix_slug (slug));
-- target
CREATE TABLE articles (id int PRIMARY KEY, title varchar(200), slug varchar(200), published date,
    KEY ix_title (title(40)), KEY ix_pub (published));
