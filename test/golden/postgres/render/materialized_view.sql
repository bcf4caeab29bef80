CREATE MATERIALIZED VIEW app.order_stats AS SELECT customer_id, count(*) AS orders FROM app.orders GROUP BY customer_id WITH DATA;

CREATE UNIQUE INDEX order_stats_customer_idx ON app.order_stats USING btree (customer_id);

COMMENT ON MATERIALIZED VIEW app.order_stats IS 'nightly';

COMMENT ON COLUMN app.order_stats.customer_id IS 'the customer';

COMMENT ON INDEX app.order_stats_customer_idx IS 'for REFRESH CONCURRENTLY';
