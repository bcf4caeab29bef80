CREATE TABLE app.events (
    id bigint NOT NULL,
    created_at timestamp with time zone NOT NULL,
    payload jsonb,
    CONSTRAINT events_pkey PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
