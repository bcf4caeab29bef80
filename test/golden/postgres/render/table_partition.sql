CREATE TABLE app.events_2024 PARTITION OF app.events (
    CONSTRAINT events_2024_id_check CHECK (id > 0)
) FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00') PARTITION BY HASH (id);

ALTER TABLE app.events_2024 ALTER COLUMN payload SET DEFAULT '{}'::jsonb;

ALTER TABLE app.events_2024 ALTER COLUMN payload SET NOT NULL;

ALTER TABLE app.events_2024 ALTER COLUMN id DROP DEFAULT;

CREATE INDEX events_2024_payload_idx ON app.events_2024 USING gin (payload);

COMMENT ON TABLE app.events_2024 IS 'last year';

COMMENT ON COLUMN app.events_2024.payload IS 'never empty';
