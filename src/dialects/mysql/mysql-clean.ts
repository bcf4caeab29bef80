/**
 * `clean` for a MySQL/MariaDB build environment: every configured database is dropped and, unless a
 * migrator created it (listed in the schema-creation marker row), created again from its own
 * `SHOW CREATE DATABASE` (same default character set, collation and, on MariaDB, comment). Dropping
 * the database removes every kind of object in it (tables whatever their foreign keys, views,
 * routines, triggers, events, sequences) in one statement, where dropping object by object would need
 * a query per kind and miss the kinds nobody listed. Database-level grants live in `mysql.db` and
 * survive. MySQL DDL is not transactional: a clean that fails part-way leaves what it had not reached.
 * System databases are never cleaned.
 */
import { ParityError } from '../../errors.js';
import { SYSTEM_SCHEMAS } from './mysql-introspector.js';
import { quoteIdent } from './mysql-quoting.js';

type Query = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

export async function cleanDatabases(query: Query, schemas: readonly string[], dropSchemas: readonly string[]): Promise<void> {
  const system = schemas.find((s) => SYSTEM_SCHEMAS.has(s.toLowerCase()));
  if (system !== undefined) throw new ParityError('CONFIG_ERROR', `refusing to clean the system database "${system}"`);
  if (schemas.length === 0) return;
  const existing = await query('SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME IN (?) ORDER BY 1', [schemas]);
  for (const { name } of existing as Array<{ name: string }>) {
    const database = quoteIdent(name);
    const [created] = await query(`SHOW CREATE DATABASE ${database}`);
    await query(`DROP DATABASE ${database}`);
    if (!dropSchemas.includes(name)) await query(String(created!['Create Database']));
  }
}
