CREATE UNLOGGED TABLE app.docs (
    tenant integer NOT NULL,
    during tstzrange,
    CONSTRAINT docs_during_excl EXCLUDE USING gist (during WITH &&)
) INHERITS (app.base, "Other"."Base") WITH (fillfactor=70);

ALTER TABLE app.docs ADD CONSTRAINT docs_tenant_check CHECK (tenant > 0) NOT VALID;

ALTER TABLE app.docs ALTER COLUMN label SET DEFAULT 'x'::text;

ALTER TABLE app.docs ENABLE ROW LEVEL SECURITY;

ALTER TABLE app.docs FORCE ROW LEVEL SECURITY;

CREATE POLICY all_rows ON app.docs USING (tenant = current_setting('app.tenant'::text)::integer);

CREATE POLICY "Readers" ON app.docs AS RESTRICTIVE FOR SELECT TO app_reader, "Auditors" USING (label IS NOT NULL);

CREATE POLICY writers ON app.docs FOR INSERT TO app_writer WITH CHECK (tenant > 0);

COMMENT ON CONSTRAINT docs_during_excl ON app.docs IS 'no overlap';

COMMENT ON POLICY all_rows ON app.docs IS 'one tenant';

GRANT SELECT ON TABLE app.docs TO app_reader WITH GRANT OPTION;

GRANT INSERT, SELECT ON TABLE app.docs TO app_writer;
