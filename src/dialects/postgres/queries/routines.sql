-- Functions, procedures, aggregates and window functions (prokind f, p, a, w), extension members
-- skipped. input_types is the call signature (proargtypes); all_types/modes/names describe every
-- argument in declaration order. Aggregates have no pg_get_functiondef: their pg_aggregate row is
-- returned instead and a CREATE AGGREGATE statement is built from it.
-- $1: the requested schema names.
SELECT
    n.nspname::text AS schema,
    p.proname::text AS name,
    pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(p.proname) AS qualified_name,
    p.prokind::text AS kind,
    ARRAY(
        SELECT pg_catalog.format_type(x.typ, NULL)
        FROM pg_catalog.unnest(p.proargtypes::oid[]) WITH ORDINALITY AS x(typ, ord)
        ORDER BY x.ord
    )::text[] AS input_types,
    ARRAY(
        SELECT pg_catalog.format_type(x.typ, NULL)
        FROM pg_catalog.unnest(COALESCE(p.proallargtypes, p.proargtypes::oid[])) WITH ORDINALITY AS x(typ, ord)
        ORDER BY x.ord
    )::text[] AS all_types,
    p.proargmodes::text[] AS modes,
    p.proargnames AS names,
    p.pronargs::integer AS nargs,
    p.pronargdefaults::integer AS nargdefaults,
    pg_catalog.pg_get_function_arguments(p.oid) AS arguments_text,
    CASE WHEN p.prokind <> 'p' THEN pg_catalog.pg_get_function_result(p.oid) END AS result,
    l.lanname::text AS language,
    CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END AS definition,
    p.proparallel::text AS parallel,
    ag.aggkind::text AS agg_kind,
    ag.aggtransfn::text AS agg_sfunc,
    pg_catalog.format_type(ag.aggtranstype, NULL) AS agg_stype,
    ag.aggtransspace AS agg_sspace,
    NULLIF(ag.aggfinalfn::oid, 0)::regproc::text AS agg_finalfunc,
    ag.aggfinalextra AS agg_finalfunc_extra,
    ag.aggfinalmodify::text AS agg_finalfunc_modify,
    NULLIF(ag.aggcombinefn::oid, 0)::regproc::text AS agg_combinefunc,
    NULLIF(ag.aggserialfn::oid, 0)::regproc::text AS agg_serialfunc,
    NULLIF(ag.aggdeserialfn::oid, 0)::regproc::text AS agg_deserialfunc,
    ag.agginitval AS agg_initcond,
    NULLIF(ag.aggmtransfn::oid, 0)::regproc::text AS agg_msfunc,
    NULLIF(ag.aggminvtransfn::oid, 0)::regproc::text AS agg_minvfunc,
    CASE WHEN ag.aggmtranstype <> 0 THEN pg_catalog.format_type(ag.aggmtranstype, NULL) END AS agg_mstype,
    ag.aggmtransspace AS agg_msspace,
    NULLIF(ag.aggmfinalfn::oid, 0)::regproc::text AS agg_mfinalfunc,
    ag.aggmfinalextra AS agg_mfinalfunc_extra,
    ag.aggmfinalmodify::text AS agg_mfinalfunc_modify,
    ag.aggminitval AS agg_minitcond,
    NULLIF(ag.aggsortop, 0)::regoper::text AS agg_sortop,
    ds.description AS comment
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
JOIN pg_catalog.pg_language l ON l.oid = p.prolang
LEFT JOIN pg_catalog.pg_aggregate ag ON ag.aggfnoid = p.oid
LEFT JOIN pg_catalog.pg_description ds
    ON ds.objoid = p.oid AND ds.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND ds.objsubid = 0
WHERE n.nspname = ANY ($1::text[])
  AND NOT EXISTS (
      SELECT 1 FROM pg_catalog.pg_depend d
      WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = p.oid AND d.deptype = 'e'
  )
