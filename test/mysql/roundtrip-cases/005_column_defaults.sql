-- Literal, quoted, expression and function defaults as MariaDB reports them.
-- expect: Edit Table app.settings
-- source
CREATE TABLE settings (
    id int PRIMARY KEY,
    label varchar(40) DEFAULT 'it''s new',
    enabled tinyint(1) NOT NULL DEFAULT 1,
    ratio decimal(5,2) DEFAULT 0.50,
    token varchar(36) DEFAULT (uuid()),
    created date DEFAULT (curdate()),
    path varchar(60) DEFAULT 'C:\\temp'
);
-- target
CREATE TABLE settings (
    id int PRIMARY KEY,
    label varchar(40) DEFAULT 'old',
    enabled tinyint(1) NOT NULL DEFAULT 0,
    ratio decimal(5,2),
    token varchar(36),
    created date,
    path varchar(60)
);
