/**
 * SQL Server live introspection: one set-based query over sys.* per object kind (queries/*.sql), all
 * in one transaction that is rolled back (sqlserver-connection.ts), then the pure assembler. Schemas
 * are the database's schemas (`dbo` when none are named); the URL's database is the one read.
 */
import fs from 'node:fs';
import type { ConnectionSettings } from '../../config/connection.js';
import type { DatabaseModel } from '../../model/objects.js';
import { unqualifyModel } from '../../model/unqualify.js';
import type { IntrospectOptions } from '../dialect.js';
import { assembleModel } from './sqlserver-assembler.js';
import { toParityError, withRollbackTransaction, withSqlServerPool } from './sqlserver-connection.js';
import { quoteString } from './sqlserver-quoting.js';
import { DEFAULT_SCHEMAS } from './sqlserver-identity.js';
import { CATALOG_QUERIES, type CatalogRows } from './sqlserver-rows.js';

const queryFiles = new Map<string, string>();

/** The text of ./queries/NAME.sql with `/*schemas*\/` replaced by the schemas as N'...' literals. */
export function loadQuery(name: string, schemas: readonly string[]): string {
  let text = queryFiles.get(name);
  if (text === undefined) {
    text = fs.readFileSync(new URL(`./queries/${name}.sql`, import.meta.url), 'utf8');
    queryFiles.set(name, text);
  }
  return text.replace('/*schemas*/', schemas.map(quoteString).join(', '));
}

/** A source of query results: a live connection, or recorded rows in tests. */
export type QueryRunner = (sql: string) => Promise<readonly unknown[]>;

/** Runs every catalog query through `run` and assembles the model. */
export async function readSqlServerModel(run: QueryRunner, schemas: readonly string[], onProgress?: (message: string) => void): Promise<DatabaseModel> {
  const rows: Record<string, readonly unknown[]> = {};
  for (const name of CATALOG_QUERIES) {
    onProgress?.(`querying ${name}`);
    rows[name] = await run(loadQuery(name, schemas));
  }
  return assembleModel(rows as unknown as CatalogRows, schemas);
}

export async function introspectSqlServer(settings: ConnectionSettings, options: IntrospectOptions): Promise<DatabaseModel> {
  const schemas = options.schemas.length > 0 ? options.schemas : DEFAULT_SCHEMAS;
  const model = await withSqlServerPool(settings, (pool) =>
    withRollbackTransaction(pool, async (request) => {
      let current = '';
      try {
        return await readSqlServerModel(
          async (sql) => {
            current = /^--[^\n]*/.exec(sql)?.[0] ?? 'a catalog query';
            return (await request().query(sql)).recordset;
          },
          schemas,
          options.onProgress,
        );
      } catch (error) {
        throw toParityError(error, settings, { context: `reading the catalog (${current.replace(/^--\s*/, '')})` });
      }
    }),
  );
  options.onProgress?.(`read ${model.objects.length} objects from ${schemas.length} schema(s)`);
  return options.unqualified === true && schemas.length === 1 ? unqualifyModel(model, schemas[0]!, true) : model;
}
