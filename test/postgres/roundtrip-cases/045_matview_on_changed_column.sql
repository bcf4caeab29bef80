-- A materialized view (with an index) reads a column whose type changes: it must be dropped and
-- re-created around the ALTER, indexes included; its column type follows the table.
-- expect: Edit Table public.measurements; Edit Materialized View public.mv_max
-- source
CREATE TABLE public.measurements (sensor integer, value double precision);
CREATE MATERIALIZED VIEW public.mv_max AS SELECT sensor, max(value) AS max_value FROM public.measurements GROUP BY sensor;
CREATE UNIQUE INDEX mv_max_sensor_idx ON public.mv_max (sensor);
-- target
CREATE TABLE public.measurements (sensor integer, value real);
CREATE MATERIALIZED VIEW public.mv_max AS SELECT sensor, max(value) AS max_value FROM public.measurements GROUP BY sensor;
CREATE UNIQUE INDEX mv_max_sensor_idx ON public.mv_max (sensor);
