/**
 * `clean` for a build environment: every configured schema is emptied, the history table included.
 * A schema that a migrator created (listed in the schema-creation marker row) is dropped; any other
 * is dropped with CASCADE and created again with the same owner, comment and privileges, which
 * removes every kind of object in it (and the extensions installed into it) in one statement, where
 * dropping object by object would need a query per kind and miss the kinds nobody listed.
 * Default privileges set with ALTER DEFAULT PRIVILEGES IN SCHEMA are lost with it.
 * Runs in one transaction: a clean that fails leaves the database as it was.
 */
import type pg from 'pg';
import { quoteIdent, quoteLiteral } from './postgres-quoting.js';

type Query = (sql: string, params?: unknown[]) => Promise<pg.QueryResult>;

interface SchemaState {
  readonly name: string;
  readonly owner: string;
  readonly comment: string | null;
  readonly grants: ReadonlyArray<{ grantee: string | null; privilege: string; grantable: boolean }>;
}

async function schemaState(query: Query, schemas: readonly string[]): Promise<SchemaState[]> {
  const result = await query(
    `SELECT n.nspname::text AS name, pg_catalog.pg_get_userbyid(n.nspowner)::text AS owner,
            pg_catalog.obj_description(n.oid, 'pg_namespace') AS comment,
            COALESCE((SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
                        'grantee', CASE WHEN a.grantee = 0 THEN NULL ELSE pg_catalog.pg_get_userbyid(a.grantee)::text END,
                        'privilege', a.privilege_type, 'grantable', a.is_grantable))
                      FROM pg_catalog.aclexplode(n.nspacl) a WHERE a.grantee <> n.nspowner), '[]') AS grants
     FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY ($1::text[]) ORDER BY 1`,
    [schemas],
  );
  return result.rows as SchemaState[];
}

export async function cleanSchemas(query: Query, schemas: readonly string[], dropSchemas: readonly string[]): Promise<void> {
  const states = await schemaState(query, schemas);
  await query('BEGIN');
  try {
    for (const state of states) {
      const schema = quoteIdent(state.name);
      await query(`DROP SCHEMA ${schema} CASCADE`);
      if (dropSchemas.includes(state.name)) continue;
      await query(`CREATE SCHEMA ${schema} AUTHORIZATION ${quoteIdent(state.owner)}`);
      if (state.comment !== null) await query(`COMMENT ON SCHEMA ${schema} IS ${quoteLiteral(state.comment)}`);
      for (const grant of state.grants) {
        const grantee = grant.grantee === null ? 'PUBLIC' : quoteIdent(grant.grantee);
        await query(`GRANT ${grant.privilege} ON SCHEMA ${schema} TO ${grantee}${grant.grantable ? ' WITH GRANT OPTION' : ''}`);
      }
    }
    await query('COMMIT');
  } catch (error) {
    await query('ROLLBACK').catch(() => {});
    throw error;
  }
}
