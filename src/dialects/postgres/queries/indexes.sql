-- Indexes of tables, partitioned tables and materialized views that do not back a primary key,
-- unique or exclusion constraint of the same table. INCLUDE columns come from indkey positions
-- [indnkeyatts, indnatts). Version markers (see loadQuery) use newer catalog columns only where
-- they exist.
--
-- Key parts: pg_get_indexdef opens every index, which dominates the cost on a cold connection, so
-- the common case is rendered here from the catalog exactly as pg_get_indexdef prints it. A key part
-- is "plain" when it is a column (not an expression) whose index collation is the column's, whose
-- operator class has no options and is the one GetDefaultOpClass (indexcmds.c) picks for the
-- column's (domain base) type; a plain key prints as the quoted column name, plus DESC / NULLS FIRST
-- / NULLS LAST for access methods that can order. When every key part is plain, `simple_keys`
-- holds them; otherwise `definition` holds pg_get_indexdef(oid, 0, true) and the keys are parsed
-- from it.
-- $1: the requested schema names.
WITH idx AS MATERIALIZED (
    SELECT
        i.indexrelid, i.indrelid, i.indisunique, i.indnkeyatts, i.indnatts, i.indkey, i.indclass,
        i.indcollation, i.indoption, i.indpred,
        {{15: i.indnullsnotdistinct | false}} AS nulls_not_distinct,
        ic.relname, ic.relam, ic.reloptions,
        pg_catalog.pg_indexam_has_property(ic.relam, 'can_order') AS can_order
    FROM pg_catalog.pg_index i
    JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ANY ($1::text[])
      AND c.relkind IN ('r', 'p', 'm')
      -- A partition's index attached to an index of its parent is the parent's.
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h WHERE h.inhrelid = i.indexrelid)
      -- The index of a primary key, unique or exclusion constraint is always on the constraint's table.
      AND i.indexrelid NOT IN (
          SELECT con.conindid FROM pg_catalog.pg_constraint con WHERE con.contype IN ('p', 'u', 'x')
      )
),
keypart AS MATERIALIZED (
    SELECT
        idx.indexrelid,
        p.pos,
        idx.relam,
        idx.indclass[p.pos] AS opclass,
        col.base_type,
        idx.indkey[p.pos] <> 0
            AND (idx.indcollation[p.pos] = 0 OR idx.indcollation[p.pos] = col.attcollation)
            AND col.base_typtype <> 'd'
            AND NOT col.has_options AS plain,
        pg_catalog.quote_ident(col.attname) || CASE
            WHEN NOT idx.can_order THEN ''
            WHEN (idx.indoption[p.pos] & 1) <> 0
                THEN ' DESC' || CASE WHEN (idx.indoption[p.pos] & 2) = 0 THEN ' NULLS LAST' ELSE '' END
            WHEN (idx.indoption[p.pos] & 2) <> 0 THEN ' NULLS FIRST'
            ELSE ''
        END AS key
    FROM idx
    CROSS JOIN LATERAL pg_catalog.generate_series(0, idx.indnkeyatts - 1) AS p(pos)
    -- OFFSET 0 keeps these per-key lookups as index probes instead of hash joins over all of
    -- pg_attribute and pg_type.
    LEFT JOIN LATERAL (
        SELECT
            a.attname, a.attcollation, bt.oid AS base_type, bt.typtype AS base_typtype,
            EXISTS (
                SELECT 1 FROM pg_catalog.pg_attribute ia
                WHERE ia.attrelid = idx.indexrelid AND ia.attnum = p.pos + 1 AND ia.attoptions IS NOT NULL
            ) AS has_options
        FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_type kt ON kt.oid = a.atttypid
        JOIN pg_catalog.pg_type bt ON bt.oid = CASE WHEN kt.typtype = 'd' THEN kt.typbasetype ELSE kt.oid END
        WHERE a.attrelid = idx.indrelid AND a.attnum = idx.indkey[p.pos]
        OFFSET 0
    ) col ON true
),
-- GetDefaultOpClass for every (access method, type) pair in use: the one default operator class for
-- exactly the type; else among the default classes the type is binary-coercible to (IsBinaryCoercible:
-- polymorphic pseudo-types or an implicit binary pg_cast), the one preferred-type class, or the only
-- class; else none (0).
default_opclass AS (
    SELECT
        pair.relam,
        pair.base_type,
        CASE
            WHEN cand.exact = 1 THEN cand.exact_oid
            WHEN cand.exact > 1 THEN 0::oid
            WHEN cand.preferred = 1 THEN cand.preferred_oid
            WHEN cand.preferred = 0 AND cand.compatible = 1 THEN cand.any_oid
            ELSE 0::oid
        END AS opclass
    FROM (SELECT DISTINCT relam, base_type FROM keypart WHERE plain) pair
    JOIN pg_catalog.pg_type bt ON bt.oid = pair.base_type
    CROSS JOIN LATERAL (
        SELECT
            pg_catalog.count(*) FILTER (WHERE x.exact) AS exact,
            pg_catalog.max(x.oid) FILTER (WHERE x.exact) AS exact_oid,
            pg_catalog.count(*) FILTER (WHERE NOT x.exact AND x.preferred) AS preferred,
            pg_catalog.max(x.oid) FILTER (WHERE NOT x.exact AND x.preferred) AS preferred_oid,
            pg_catalog.count(*) FILTER (WHERE NOT x.exact) AS compatible,
            pg_catalog.max(x.oid) FILTER (WHERE NOT x.exact) AS any_oid
        FROM (
            SELECT
                oc.oid,
                oc.opcintype = bt.oid AS exact,
                ot.typispreferred AND (ot.typcategory = bt.typcategory OR bt.typcategory = 'X') AS preferred
            FROM pg_catalog.pg_opclass oc
            JOIN pg_catalog.pg_type ot ON ot.oid = oc.opcintype
            WHERE oc.opcmethod = pair.relam
              AND oc.opcdefault
              AND (
                  oc.opcintype = bt.oid
                  OR (ot.typnamespace = 'pg_catalog'::pg_catalog.regnamespace AND (
                      ot.typname IN ('any', 'anyelement', 'anycompatible')
                      OR (ot.typname IN ('anyarray', 'anycompatiblearray')
                          AND {{14: bt.typsubscript = 'pg_catalog.array_subscript_handler'::pg_catalog.regproc | bt.typlen = -1}}
                          AND bt.typelem <> 0)
                      OR (ot.typname IN ('anynonarray', 'anycompatiblenonarray')
                          AND NOT ({{14: bt.typsubscript = 'pg_catalog.array_subscript_handler'::pg_catalog.regproc | bt.typlen = -1}}
                                   AND bt.typelem <> 0))
                      OR (ot.typname = 'anyenum' AND bt.typtype = 'e')
                      OR (ot.typname IN ('anyrange', 'anycompatiblerange') AND bt.typtype = 'r')
                      OR (ot.typname IN ('anymultirange', 'anycompatiblemultirange') AND bt.typtype = 'm')
                      OR (ot.typname = 'record' AND bt.typrelid <> 0)
                  ))
                  OR EXISTS (
                      SELECT 1 FROM pg_catalog.pg_cast pc
                      WHERE pc.castsource = bt.oid AND pc.casttarget = oc.opcintype
                        AND pc.castmethod = 'b' AND pc.castcontext = 'i'
                  )
              )
        ) x
    ) cand
),
keys AS (
    SELECT
        kp.indexrelid,
        pg_catalog.bool_and(COALESCE(kp.plain AND kp.opclass = d.opclass, false)) AS all_simple,
        pg_catalog.array_agg(kp.key ORDER BY kp.pos)::text[] AS keys
    FROM keypart kp
    LEFT JOIN default_opclass d ON d.relam = kp.relam AND d.base_type = kp.base_type
    GROUP BY kp.indexrelid
)
SELECT
    idx.indrelid AS relid,
    idx.relname::text AS name,
    idx.indisunique AS is_unique,
    am.amname::text AS method,
    CASE WHEN k.all_simple THEN k.keys END AS simple_keys,
    CASE WHEN NOT COALESCE(k.all_simple, false)
        THEN pg_catalog.pg_get_indexdef(idx.indexrelid, 0, true) END AS definition,
    ARRAY(
        SELECT a.attname::text
        FROM pg_catalog.generate_series(idx.indnkeyatts, idx.indnatts - 1) AS p(pos)
        JOIN pg_catalog.pg_attribute a ON a.attrelid = idx.indrelid AND a.attnum = idx.indkey[p.pos]
        ORDER BY p.pos
    )::text[] AS include,
    pg_catalog.pg_get_expr(idx.indpred, idx.indrelid, true) AS predicate,
    idx.nulls_not_distinct,
    idx.reloptions AS options,
    ds.description AS comment
FROM idx
JOIN pg_catalog.pg_am am ON am.oid = idx.relam
LEFT JOIN keys k ON k.indexrelid = idx.indexrelid
LEFT JOIN pg_catalog.pg_description ds
    ON ds.objoid = idx.indexrelid AND ds.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ds.objsubid = 0
