-- CURRENT_TIMESTAMP defaults and ON UPDATE with and without fractional precision.
-- expect: Edit Table app.audit
-- source
CREATE TABLE audit (
    id int PRIMARY KEY,
    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    touched datetime DEFAULT NOW() ON UPDATE NOW()
);
-- target
CREATE TABLE audit (
    id int PRIMARY KEY,
    created_at timestamp NULL,
    updated_at timestamp(3) NOT NULL DEFAULT '2020-01-01 00:00:00.000',
    touched datetime
);
