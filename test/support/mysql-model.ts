/** Model fixtures for MySQL tests that need no database: a table of `app` with only what is given. */
import type { Table } from '../../src/model/objects.ts';

/** An InnoDB utf8mb4 table `app`.`name` with an `id int NOT NULL` primary key and nothing else, then `parts`. */
export function mysqlTable(name: string, parts: Partial<Table> = {}): Table {
  const none = { uniqueConstraints: [], checkConstraints: [], foreignKeys: [], indexes: [], triggers: [] };
  return {
    kind: 'table',
    schema: 'app',
    name,
    extras: { engine: 'InnoDB', characterSet: 'utf8mb4', collation: 'utf8mb4_general_ci' },
    columns: [{ name: 'id', type: 'int', nullable: false }],
    primaryKey: { name: 'PRIMARY', columns: ['id'] },
    ...none,
    ...parts,
  };
}
