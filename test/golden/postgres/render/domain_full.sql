CREATE DOMAIN app.email_address AS character varying(320) COLLATE "C" DEFAULT 'nobody@example.com'::character varying NOT NULL
    CONSTRAINT email_address_at CHECK (((VALUE)::text ~~ '%@%'::text))
    CONSTRAINT "Email Length" CHECK ((length((VALUE)::text) > 3));

COMMENT ON DOMAIN app.email_address IS 'an e-mail address';

COMMENT ON CONSTRAINT email_address_at ON DOMAIN app.email_address IS 'must have an ''@''';
