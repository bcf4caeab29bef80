/**
 * Data diff's SQL against the shared live servers, for the SQL-level tests: a database on PostgreSQL
 * and on MariaDB with a data-diff connection to each, tables addressed as endpoints, and both sides'
 * segment specs of a table pair planned as data diff plans them (planPair per column pair; keys never NULL).
 */
import { planPair, type PlanOptions } from '../../src/data-diff/sql/column-plan.ts';
import type { DataConnection, DataDialect, PlannedColumn, SegmentSpec, TableDescription } from '../../src/data-diff/sql/data-dialect.ts';
import { describeTable, requireColumns } from '../../src/data-diff/sql/catalog.ts';
import { mysqlData } from '../../src/data-diff/sql/mysql-data.ts';
import { postgresData } from '../../src/data-diff/sql/postgres-data.ts';
import { startMariadb, type TestMariadb } from './mariadb-server.ts';
import { startPostgres, type TestPostgres } from './pg-server.ts';

export type Side = 'pg' | 'my';

export interface Endpoint {
  readonly side: Side;
  readonly dialect: DataDialect;
  readonly connection: DataConnection;
  readonly table: string;
}

export interface SqlServers {
  readonly pg: TestPostgres;
  readonly my: TestMariadb;
  readonly pgConnection: DataConnection;
  readonly myConnection: DataConnection;
  /** A table of the database on one server. */
  ep(side: Side, table: string): Endpoint;
  close(): Promise<void>;
}

/** Starts (or joins) both shared servers, creates `database` on each and opens a data-diff connection to each. */
export async function openSqlServers(database: string): Promise<SqlServers> {
  const [pg, my] = await Promise.all([startPostgres(), startMariadb()]);
  await pg.createDatabase(database);
  await my.createDatabase(database);
  const pgConnection = await postgresData.connect(pg.settings(database));
  const myConnection = await mysqlData.connect(my.settings(database));
  return {
    pg,
    my,
    pgConnection,
    myConnection,
    ep: (side, table) => (side === 'pg' ? { side, dialect: postgresData, connection: pgConnection, table } : { side, dialect: mysqlData, connection: myConnection, table }),
    async close() {
      await pgConnection.close();
      await myConnection.close();
      await Promise.all([pg.stop(), my.stop()]);
    },
  };
}

export async function describeEndpoint(e: Endpoint, keys: readonly string[] = ['id']): Promise<TableDescription> {
  return (await describeTable(e.dialect, e.connection, { schema: '', name: e.table }, keys)).description;
}

/** Both sides' segment specs for a pair: planned key (never NULL, as checked by data diff) and value columns. */
export async function pairSpecs(a: Endpoint, b: Endpoint, keys: readonly string[], columns: readonly string[], options: PlanOptions = {}): Promise<[SegmentSpec, SegmentSpec]> {
  const [da, db] = [await describeEndpoint(a, keys), await describeEndpoint(b, keys)];
  const plan = (names: readonly string[], key: boolean): [PlannedColumn[], PlannedColumn[]] => {
    const [ca, cb] = [requireColumns(da, names), requireColumns(db, names)];
    const left: PlannedColumn[] = [];
    const right: PlannedColumn[] = [];
    ca.forEach((column, i) => {
      const pair = planPair({ dialect: a.dialect, column }, { dialect: b.dialect, column: cb[i]! }, options);
      if ('refused' in pair) throw new Error(`${column.name}: ${pair.refused}`);
      const planned = key ? { ...pair.plan, neverNull: true } : pair.plan;
      left.push({ column, plan: planned });
      right.push({ column: cb[i]!, plan: planned });
    });
    return [left, right];
  };
  const [ka, kb] = plan(keys, true);
  const [va, vb] = plan(columns, false);
  return [
    { table: { schema: '', name: a.table }, keys: ka, columns: va, range: {} },
    { table: { schema: '', name: b.table }, keys: kb, columns: vb, range: {} },
  ];
}
