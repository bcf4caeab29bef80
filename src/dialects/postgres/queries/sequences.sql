-- Sequences, without identity sequences (internally owned by their column: pg_depend deptype i)
-- and extension members. owned_by is the column an OWNED BY / serial sequence belongs to.
-- $1: the requested schema names.
SELECT
    n.nspname::text AS schema,
    c.relname::text AS name,
    pg_catalog.format_type(s.seqtypid, NULL) AS data_type,
    s.seqstart AS seq_start,
    s.seqincrement AS seq_increment,
    s.seqmin AS seq_min,
    s.seqmax AS seq_max,
    s.seqcache AS seq_cache,
    s.seqcycle AS seq_cycle,
    own.owner_schema,
    own.owned_by,
    own.owned_by_qualified,
    ds.description AS comment
FROM pg_catalog.pg_sequence s
JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN LATERAL (
    SELECT
        tn.nspname::text AS owner_schema,
        pg_catalog.quote_ident(tc.relname) || '.' || pg_catalog.quote_ident(ta.attname) AS owned_by,
        pg_catalog.quote_ident(tn.nspname) || '.' || pg_catalog.quote_ident(tc.relname) || '.'
            || pg_catalog.quote_ident(ta.attname) AS owned_by_qualified
    FROM pg_catalog.pg_depend d
    JOIN pg_catalog.pg_class tc ON tc.oid = d.refobjid
    JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
    JOIN pg_catalog.pg_attribute ta ON ta.attrelid = d.refobjid AND ta.attnum = d.refobjsubid
    WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid
      AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjsubid > 0
      AND d.deptype = 'a'
    LIMIT 1
) own ON true
LEFT JOIN pg_catalog.pg_description ds
    ON ds.objoid = c.oid AND ds.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ds.objsubid = 0
WHERE n.nspname = ANY ($1::text[])
  AND NOT EXISTS (
      SELECT 1 FROM pg_catalog.pg_depend d
      WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid AND d.deptype IN ('i', 'e')
  )
