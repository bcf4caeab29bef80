/**
 * A throwaway parity project for migration tests: a folder with flyway.toml (environments pointing
 * at databases of a test server, PostgreSQL or MariaDB) and a migrations folder the test writes
 * scripts into. The password reaches flyway.toml through `${env.VAR}`, never written in the file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import * as assert from 'uvu/assert';
import { runCli, type CliResult } from './cli.ts';
import type { TestMariadb } from './mariadb-server.ts';
import type { TestPostgres } from './pg-server.ts';

export interface ProjectEnvironment {
  readonly database: string;
  readonly schemas?: readonly string[];
  readonly provisioner?: string;
  /** The whole JDBC or native URL, when the default one for `database` will not do. */
  readonly url?: string;
}

export interface MigrationProject {
  readonly dir: string;
  write(file: string, sql: string): void;
  remove(file: string): void;
  run(...args: string[]): Promise<CliResult>;
  dispose(): void;
}

/**
 * How a project reaches its server: the URL of a database, the user, the password's variable, and the
 * real name of a schema the project names (on MariaDB a schema is a database of the test file's own).
 */
interface ProjectServer {
  readonly url: (database: string) => string;
  readonly schema: (name: string) => string;
  readonly user: string;
  readonly passwordVariable: string;
  readonly password: string;
}

export function migrationProject(pg: TestPostgres, environments: Readonly<Record<string, ProjectEnvironment>>, extraToml = ''): MigrationProject {
  const server = { url: (db: string) => pg.jdbcUrl(db), schema: (name: string) => name, user: pg.user, passwordVariable: 'PGPASSWORD', password: pg.password };
  return projectOn(server, environments, extraToml);
}

/** The same on a MariaDB test server, with `jdbc:mysql://` URLs unless an environment gives its own. */
export function mysqlMigrationProject(server: TestMariadb, environments: Readonly<Record<string, ProjectEnvironment>>, extraToml = ''): MigrationProject {
  const url = (db: string) => server.jdbcUrl(db);
  return projectOn({ url, schema: (name) => server.name(name), user: server.user, passwordVariable: 'MYSQL_TEST_PASSWORD', password: server.password }, environments, extraToml);
}

function projectOn(server: ProjectServer, environments: Readonly<Record<string, ProjectEnvironment>>, extraToml: string): MigrationProject {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-migrations-'));
  const sections = Object.entries(environments).map(([name, e]) =>
    [
      `[environments.${name}]`,
      `url = "${e.url ?? server.url(e.database)}"`,
      `user = "${server.user}"`,
      `password = "\${env.${server.passwordVariable}}"`,
      ...(e.schemas ? [`schemas = [${e.schemas.map((s) => `"${server.schema(s)}"`).join(', ')}]`] : []),
      ...(e.provisioner ? [`provisioner = "${e.provisioner}"`] : []),
      '',
    ].join('\n'),
  );
  fs.writeFileSync(path.join(dir, 'flyway.toml'), `${sections.join('\n')}\n[flyway]\nlocations = ["filesystem:migrations"]\n${extraToml}\n`);
  fs.mkdirSync(path.join(dir, 'migrations'));
  return {
    dir,
    write(file, sql) {
      const full = path.join(dir, 'migrations', file);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, sql);
    },
    remove(file) {
      fs.rmSync(path.join(dir, 'migrations', file));
    },
    run: (...args) => runCli(args, { cwd: dir, env: { [server.passwordVariable]: server.password } }),
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The checksum Flyway would record, computed without parity's code: CRC-32 from a gzip trailer
 * (zlib's deflate framing, not zlib.crc32) over the text with line breaks removed, as Flyway feeds
 * it line by line (test/unit/migration-checksum.test.ts checks that equivalence against a
 * line-by-line reference).
 */
export function expectedFlywayChecksum(text: string): number {
  const body = Buffer.from(text.replace(/^\uFEFF/, '').replace(/\r\n|\r|\n/g, ''), 'utf8');
  const gz = zlib.gzipSync(body);
  return gz.readInt32LE(gz.length - 8);
}

/** What `parity info -outputType=json` prints (the parts the tests read). */
export interface InfoJson {
  schemaVersion: string | null;
  schemaName: string;
  migrations: Array<{ version: string | null; description: string; state: string; category: string; checksum: number | null }>;
}

/** `parity info -environment=dev -outputType=json`, which must succeed. */
export async function info(p: MigrationProject): Promise<InfoJson> {
  const result = await p.run('info', '-environment=dev', '-outputType=json');
  assert.is(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as InfoJson;
}

/** Each migration as `version:State` (description for repeatables and the marker row). */
export const states = (json: InfoJson) => json.migrations.map((m) => `${m.version ?? m.description}:${m.state}`);
