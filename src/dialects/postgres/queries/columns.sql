-- Columns of tables, views, materialized views and composite types (unordered: the assembler
-- sorts each relation's columns by attnum).
-- Identity columns carry their sequence's options; defaults are omitted for identity and generated
-- columns (their adbin holds the generation expression instead).
-- A column a table inherits (from a parent table, or as a partition) is `inherited`;
-- `same_as_parent` says that a parent has it with the same default, NOT NULL, generation, identity
-- and collation, and that it has no comment of its own (comments are not inherited), so the
-- assembler can leave it to the parent.
-- $1: the requested schema names.
SELECT
    a.attrelid AS relid,
    a.attnum::integer AS attnum,
    a.attname::text AS name,
    pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
    NOT a.attnotnull AS nullable,
    -- A default cannot reference columns, so it is deparsed without its table (relation 0): that
    -- avoids opening every table, which dominates the cost on a cold connection.
    CASE WHEN a.attidentity = '' AND a.attgenerated = ''
        THEN pg_catalog.pg_get_expr(ad.adbin, 0, true) END AS default_expr,
    CASE WHEN a.attgenerated <> ''
        THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid, true) END AS generated_expr,
    a.attgenerated::text AS generated_kind,
    a.attidentity::text AS identity,
    CASE WHEN co.oid IS NULL THEN NULL
        WHEN cn.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(co.collname)
        ELSE pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname)
    END AS collation,
    ds.description AS comment,
    a.attinhcount > 0 AS inherited,
    a.attinhcount > 0 AND EXISTS (
        SELECT 1
        FROM pg_catalog.pg_inherits i
        JOIN pg_catalog.pg_attribute pa ON pa.attrelid = i.inhparent AND pa.attname = a.attname AND NOT pa.attisdropped
        LEFT JOIN pg_catalog.pg_attrdef pd ON pd.adrelid = pa.attrelid AND pd.adnum = pa.attnum
        WHERE i.inhrelid = a.attrelid
          AND pa.attnotnull = a.attnotnull
          AND pa.attidentity = a.attidentity
          AND pa.attgenerated = a.attgenerated
          AND pa.attcollation = a.attcollation
          AND pg_catalog.pg_get_expr(pd.adbin, pd.adrelid) IS NOT DISTINCT FROM pg_catalog.pg_get_expr(ad.adbin, ad.adrelid)
          AND ds.description IS NULL
    ) AS same_as_parent,
    idseq.seq_type,
    idseq.seq_start,
    idseq.seq_increment,
    idseq.seq_min,
    idseq.seq_max,
    idseq.seq_cache,
    idseq.seq_cycle
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation AND a.attcollation <> t.typcollation
LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
LEFT JOIN pg_catalog.pg_description ds
    ON ds.objoid = a.attrelid AND ds.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ds.objsubid = a.attnum
LEFT JOIN LATERAL (
    SELECT
        pg_catalog.format_type(s.seqtypid, NULL) AS seq_type,
        s.seqstart AS seq_start,
        s.seqincrement AS seq_increment,
        s.seqmin AS seq_min,
        s.seqmax AS seq_max,
        s.seqcache AS seq_cache,
        s.seqcycle AS seq_cycle
    FROM pg_catalog.pg_depend sd
    JOIN pg_catalog.pg_sequence s ON s.seqrelid = sd.objid
    WHERE a.attidentity <> ''
      AND sd.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND sd.refobjid = a.attrelid
      AND sd.refobjsubid = a.attnum AND sd.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND sd.deptype = 'i'
) idseq ON true
WHERE n.nspname = ANY ($1::text[])
  AND c.relkind IN ('r', 'p', 'v', 'm', 'c')
  AND a.attnum > 0
  AND NOT a.attisdropped
