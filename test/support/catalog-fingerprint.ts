/**
 * An independent fingerprint of a PostgreSQL database's schemas, written from the catalogs for the
 * tests: it shares no code (and no queries) with parity's introspector, so a round trip that
 * converges under parity's own eyes is also checked by something that sees what parity might not
 * (sequences, comments, index methods, trigger details, ...).
 *
 * The result is a sorted list of one-line strings, one per fact: `column public.t.id: type=...`.
 * Names are schema-qualified (the queries run with an empty search_path) and no OID or
 * order-dependent value appears: columns are keyed by name, so a column added with ALTER TABLE at
 * the end gives the same fingerprint as one declared in the middle. Identity sequences are part of
 * their column (their generated names are not compared); extension members are left out.
 * Partitions, partition bounds and keys, inheritance (pg_inherits, tables and indexes), row-level
 * security and its policies, and privileges (every ACL entry, the owner's included, with the built-in
 * default where an object has no ACL; column ACLs; default privileges) are facts like any other.
 */
import pg from 'pg';

/** One query per kind of fact; each returns a single text column `line`. $1 = the schema names. */
const QUERIES: Readonly<Record<string, string>> = {
  schemas: `
    SELECT 'schema ' || quote_ident(n.nspname) AS line
    FROM pg_catalog.pg_namespace n
    WHERE n.nspname = ANY ($1::text[])`,

  // Tables, partitioned tables, views, materialized views, foreign tables (partitions included).
  // Whether a materialized view has been populated (relispopulated) is data state, not schema: left out.
  relations: `
    SELECT format('relation %s.%s kind=%s persistence=%s options=%s partkey=%s partbound=%s rls=%s forcerls=%s',
        quote_ident(n.nspname), quote_ident(c.relname), c.relkind, c.relpersistence,
        COALESCE(c.reloptions::text, '-'),
        COALESCE(pg_catalog.pg_get_partkeydef(c.oid), '-'),
        COALESCE(pg_catalog.pg_get_expr(c.relpartbound, c.oid), '-'),
        c.relrowsecurity, c.relforcerowsecurity) AS line
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ANY ($1::text[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                      WHERE x.classid = 'pg_catalog.pg_class'::regclass AND x.objid = c.oid AND x.deptype = 'e')`,

  viewDefinitions: `
    SELECT format('viewdef %s.%s: %s', quote_ident(n.nspname), quote_ident(c.relname),
        pg_catalog.pg_get_viewdef(c.oid, true)) AS line
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ANY ($1::text[]) AND c.relkind IN ('v', 'm')
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                      WHERE x.classid = 'pg_catalog.pg_class'::regclass AND x.objid = c.oid AND x.deptype = 'e')`,

  // Columns of relations and attributes of composite types, keyed by name (not by position).
  columns: `
    SELECT format('column %s.%s.%s: type=%s notnull=%s default=%s identity=%s generated=%s collation=%s%s',
        quote_ident(n.nspname), quote_ident(c.relname), quote_ident(a.attname),
        pg_catalog.format_type(a.atttypid, a.atttypmod),
        a.attnotnull,
        COALESCE(CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END, '-'),
        COALESCE(NULLIF(a.attidentity::text, ''), '-'),
        COALESCE(NULLIF(a.attgenerated::text, '') || ' ' || pg_catalog.pg_get_expr(d.adbin, d.adrelid), '-'),
        COALESCE((SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
                  FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
                  WHERE co.oid = a.attcollation), '-'),
        COALESCE((SELECT format(' identity-sequence(type=%s start=%s increment=%s min=%s max=%s cache=%s cycle=%s)',
                      pg_catalog.format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle)
                  FROM pg_catalog.pg_depend sd
                  JOIN pg_catalog.pg_sequence s ON s.seqrelid = sd.objid
                  WHERE sd.classid = 'pg_catalog.pg_class'::regclass AND sd.refclassid = 'pg_catalog.pg_class'::regclass
                    AND sd.refobjid = a.attrelid AND sd.refobjsubid = a.attnum AND sd.deptype = 'i'), '')) AS line
    FROM pg_catalog.pg_attribute a
    JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE n.nspname = ANY ($1::text[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c')
      AND a.attnum > 0 AND NOT a.attisdropped
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                      WHERE x.classid = 'pg_catalog.pg_class'::regclass AND x.objid = c.oid AND x.deptype = 'e')
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x JOIN pg_catalog.pg_type ty ON ty.oid = x.objid
                      WHERE x.classid = 'pg_catalog.pg_type'::regclass AND ty.typrelid = c.oid AND x.deptype = 'e')`,

  // Constraints of tables and domains, except NOT NULL (a column's notnull above, a domain's below).
  constraints: `
    SELECT format('constraint %s.%s.%s: %s %s', quote_ident(n.nspname),
        COALESCE(quote_ident(c.relname), quote_ident(t.typname)), quote_ident(con.conname), con.contype,
        pg_catalog.pg_get_constraintdef(con.oid, true)) AS line
    FROM pg_catalog.pg_constraint con
    LEFT JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
    LEFT JOIN pg_catalog.pg_type t ON t.oid = con.contypid
    JOIN pg_catalog.pg_namespace n ON n.oid = COALESCE(c.relnamespace, t.typnamespace)
    WHERE n.nspname = ANY ($1::text[]) AND con.contype <> 'n'
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                      WHERE ((x.classid = 'pg_catalog.pg_class'::regclass AND x.objid = con.conrelid)
                          OR (x.classid = 'pg_catalog.pg_type'::regclass AND x.objid = con.contypid))
                        AND x.deptype = 'e')`,

  indexes: `
    SELECT format('index %s.%s: %s', quote_ident(n.nspname), quote_ident(ic.relname),
        pg_catalog.pg_get_indexdef(i.indexrelid)) AS line
    FROM pg_catalog.pg_index i
    JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_catalog.pg_class tc ON tc.oid = i.indrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace
    WHERE n.nspname = ANY ($1::text[])
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                      WHERE x.classid = 'pg_catalog.pg_class'::regclass AND x.objid = tc.oid AND x.deptype = 'e')`,

  // Sequences other than identity sequences (those are part of their column).
  sequences: `
    SELECT format('sequence %s.%s: type=%s start=%s increment=%s min=%s max=%s cache=%s cycle=%s owned-by=%s',
        quote_ident(n.nspname), quote_ident(c.relname), pg_catalog.format_type(s.seqtypid, NULL),
        s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
        COALESCE((SELECT quote_ident(tn.nspname) || '.' || quote_ident(tc.relname) || '.' || quote_ident(ta.attname)
                  FROM pg_catalog.pg_depend od
                  JOIN pg_catalog.pg_class tc ON tc.oid = od.refobjid
                  JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
                  JOIN pg_catalog.pg_attribute ta ON ta.attrelid = tc.oid AND ta.attnum = od.refobjsubid
                  WHERE od.classid = 'pg_catalog.pg_class'::regclass AND od.objid = c.oid
                    AND od.refclassid = 'pg_catalog.pg_class'::regclass AND od.deptype = 'a'), '-')) AS line
    FROM pg_catalog.pg_sequence s
    JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ANY ($1::text[])
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                      WHERE x.classid = 'pg_catalog.pg_class'::regclass AND x.objid = c.oid AND x.deptype IN ('i', 'e'))`,

  // Functions, procedures, window functions: the server's own CREATE statement.
  routines: `
    SELECT format('routine %s kind=%s: %s', p.oid::regprocedure::text, p.prokind,
        pg_catalog.pg_get_functiondef(p.oid)) AS line
    FROM pg_catalog.pg_proc p
    JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = ANY ($1::text[]) AND p.prokind <> 'a'
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                      WHERE x.classid = 'pg_catalog.pg_proc'::regclass AND x.objid = p.oid AND x.deptype = 'e')`,

  aggregates: `
    SELECT format('aggregate %s: kind=%s returns=%s sfunc=%s stype=%s final=%s combine=%s serial=%s deserial=%s init=%s msfunc=%s minvfunc=%s mstype=%s mfinal=%s minit=%s sortop=%s finalextra=%s finalmodify=%s strict=%s parallel=%s',
        p.oid::regprocedure::text, ag.aggkind, pg_catalog.format_type(p.prorettype, NULL),
        ag.aggtransfn::regprocedure::text, pg_catalog.format_type(ag.aggtranstype, NULL),
        NULLIF(ag.aggfinalfn::oid, 0)::regprocedure::text, NULLIF(ag.aggcombinefn::oid, 0)::regprocedure::text,
        NULLIF(ag.aggserialfn::oid, 0)::regprocedure::text, NULLIF(ag.aggdeserialfn::oid, 0)::regprocedure::text,
        COALESCE(ag.agginitval, '-'),
        NULLIF(ag.aggmtransfn::oid, 0)::regprocedure::text, NULLIF(ag.aggminvtransfn::oid, 0)::regprocedure::text,
        CASE WHEN ag.aggmtranstype <> 0 THEN pg_catalog.format_type(ag.aggmtranstype, NULL) END,
        NULLIF(ag.aggmfinalfn::oid, 0)::regprocedure::text, COALESCE(ag.aggminitval, '-'),
        NULLIF(ag.aggsortop, 0)::regoperator::text, ag.aggfinalextra, ag.aggfinalmodify,
        p.proisstrict, p.proparallel) AS line
    FROM pg_catalog.pg_aggregate ag
    JOIN pg_catalog.pg_proc p ON p.oid = ag.aggfnoid
    JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = ANY ($1::text[])
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                      WHERE x.classid = 'pg_catalog.pg_proc'::regclass AND x.objid = p.oid AND x.deptype = 'e')`,

  triggers: `
    SELECT format('trigger %s.%s.%s: %s enabled=%s', quote_ident(n.nspname), quote_ident(c.relname),
        quote_ident(tg.tgname), pg_catalog.pg_get_triggerdef(tg.oid, true), tg.tgenabled) AS line
    FROM pg_catalog.pg_trigger tg
    JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ANY ($1::text[]) AND NOT tg.tgisinternal`,

  // Enums (labels in order), domains, composite and other user types; not array or table row types.
  types: `
    SELECT format('type %s.%s: %s', quote_ident(n.nspname), quote_ident(t.typname),
        CASE t.typtype
          WHEN 'e' THEN 'enum ' || (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
                                    FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid)
          WHEN 'd' THEN format('domain base=%s notnull=%s default=%s collation=%s',
                          pg_catalog.format_type(t.typbasetype, t.typtypmod), t.typnotnull,
                          COALESCE(pg_catalog.pg_get_expr(t.typdefaultbin, 0), '-'),
                          COALESCE((SELECT quote_ident(co.collname) FROM pg_catalog.pg_collation co WHERE co.oid = t.typcollation), '-'))
          WHEN 'c' THEN 'composite'
          ELSE 'typtype=' || t.typtype::text
        END) AS line
    FROM pg_catalog.pg_type t
    JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
    LEFT JOIN pg_catalog.pg_class rc ON rc.oid = t.typrelid
    WHERE n.nspname = ANY ($1::text[])
      AND (t.typrelid = 0 OR rc.relkind = 'c')
      AND NOT (t.typelem <> 0 AND EXISTS (SELECT 1 FROM pg_catalog.pg_type el WHERE el.oid = t.typelem AND el.typarray = t.oid))
      AND t.typtype <> 'm'
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                      WHERE x.classid = 'pg_catalog.pg_type'::regclass AND x.objid = t.oid AND x.deptype = 'e')`,

  // Inheritance and partitioning, of tables and of indexes (a partition's index attached to its parent's).
  inherits: `
    SELECT format('inherits %s.%s -> %s.%s seq=%s', quote_ident(cn.nspname), quote_ident(c.relname),
        quote_ident(pn.nspname), quote_ident(p.relname), i.inhseqno) AS line
    FROM pg_catalog.pg_inherits i
    JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
    JOIN pg_catalog.pg_namespace cn ON cn.oid = c.relnamespace
    JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
    JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
    WHERE cn.nspname = ANY ($1::text[]) OR pn.nspname = ANY ($1::text[])`,

  policies: `
    SELECT format('policy %s.%s.%s: cmd=%s permissive=%s roles=%s using=%s check=%s', quote_ident(n.nspname), quote_ident(c.relname),
        quote_ident(pol.polname), pol.polcmd, pol.polpermissive,
        (SELECT string_agg(role, ',' ORDER BY role COLLATE "C")
         FROM (SELECT CASE WHEN r = 0 THEN 'public' ELSE quote_ident(a.rolname) END AS role
               FROM unnest(pol.polroles) AS r LEFT JOIN pg_catalog.pg_roles a ON a.oid = r) roles),
        COALESCE(pg_catalog.pg_get_expr(pol.polqual, pol.polrelid), '-'),
        COALESCE(pg_catalog.pg_get_expr(pol.polwithcheck, pol.polrelid), '-')) AS line
    FROM pg_catalog.pg_policy pol
    JOIN pg_catalog.pg_class c ON c.oid = pol.polrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ANY ($1::text[])`,

  // Every ACL entry of relations, columns, routines and schemas (the built-in default where there is no ACL).
  privileges: `
    WITH acls AS (
      SELECT 'relation ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS object,
             COALESCE(c.relacl, acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char", c.relowner)) AS acl
      FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY ($1::text[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
        -- Identity sequences are part of their column (their names are generated); extension members are left out.
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                        WHERE x.classid = 'pg_catalog.pg_class'::regclass AND x.objid = c.oid
                          AND (x.deptype = 'e' OR (x.deptype = 'i' AND c.relkind = 'S')))
      UNION ALL
      SELECT 'column ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || '.' || quote_ident(a.attname), a.attacl
      FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY ($1::text[]) AND a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped
      UNION ALL
      SELECT 'routine ' || p.oid::regprocedure::text, COALESCE(p.proacl, acldefault('f', p.proowner))
      FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = ANY ($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                        WHERE x.classid = 'pg_catalog.pg_proc'::regclass AND x.objid = p.oid AND x.deptype = 'e')
      UNION ALL
      SELECT 'schema ' || quote_ident(n.nspname), COALESCE(n.nspacl, acldefault('n', n.nspowner))
      FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY ($1::text[])
    )
    SELECT format('privilege on %s: %s %s grantable=%s', acls.object,
        CASE WHEN x.grantee = 0 THEN 'public' ELSE quote_ident(r.rolname) END, x.privilege_type, x.is_grantable) AS line
    FROM acls CROSS JOIN LATERAL aclexplode(acls.acl) AS x
    LEFT JOIN pg_catalog.pg_roles r ON r.oid = x.grantee`,

  defaultPrivileges: `
    SELECT format('default privilege for %s in %s on %s: %s %s grantable=%s', quote_ident(r.rolname),
        COALESCE(quote_ident(n.nspname), '(database)'), d.defaclobjtype,
        CASE WHEN x.grantee = 0 THEN 'public' ELSE quote_ident(g.rolname) END, x.privilege_type, x.is_grantable) AS line
    FROM pg_catalog.pg_default_acl d
    JOIN pg_catalog.pg_roles r ON r.oid = d.defaclrole
    LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.defaclnamespace
    CROSS JOIN LATERAL aclexplode(d.defaclacl) AS x
    LEFT JOIN pg_catalog.pg_roles g ON g.oid = x.grantee
    WHERE n.nspname = ANY ($1::text[]) OR d.defaclnamespace = 0`,

  extensions: `
    SELECT format('extension %s: version=%s schema=%s', quote_ident(e.extname), e.extversion, quote_ident(n.nspname)) AS line
    FROM pg_catalog.pg_extension e
    JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
    WHERE n.nspname = ANY ($1::text[])`,

  // Every comment on an object in scope, named by the server's own object identity.
  comments: `
    SELECT format('comment on %s %s: %s', o.type, o.identity, d.description) AS line
    FROM pg_catalog.pg_description d
    CROSS JOIN LATERAL pg_catalog.pg_identify_object(d.classoid, d.objoid, d.objsubid) o
    WHERE (o.schema = ANY ($1::text[])
           OR (d.classoid = 'pg_catalog.pg_namespace'::regclass AND o.name = ANY ($1::text[]))
           OR (d.classoid = 'pg_catalog.pg_extension'::regclass AND EXISTS (
                 SELECT 1 FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace en ON en.oid = e.extnamespace
                 WHERE e.oid = d.objoid AND en.nspname = ANY ($1::text[]))))
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                      WHERE x.classid = d.classoid AND x.objid = d.objoid AND x.deptype = 'e')`,
};

/** Compares strings by code point, so the order does not depend on a collation. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The fingerprint of `schemas` in the database at `url`: a sorted list of facts. */
export async function catalogFingerprint(url: string, schemas: readonly string[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET search_path = ''`);
    const lines: string[] = [];
    for (const sql of Object.values(QUERIES)) {
      const result = await client.query<{ line: string | null }>(sql, [schemas]);
      for (const row of result.rows) if (row.line !== null) lines.push(row.line);
    }
    return lines.sort(byCodePoint);
  } finally {
    await client.end();
  }
}
