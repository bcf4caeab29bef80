/**
 * A throwaway parity project for migration tests: a folder with flyway.toml (environments pointing
 * at databases of a test server) and a migrations folder the test writes scripts into.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { runCli, type CliResult } from './cli.ts';
import type { TestPostgres } from './pg-server.ts';

export interface ProjectEnvironment {
  readonly database: string;
  readonly schemas?: readonly string[];
  readonly provisioner?: string;
}

export interface MigrationProject {
  readonly dir: string;
  write(file: string, sql: string): void;
  remove(file: string): void;
  run(...args: string[]): Promise<CliResult>;
  dispose(): void;
}

export function migrationProject(pg: TestPostgres, environments: Readonly<Record<string, ProjectEnvironment>>, extraToml = ''): MigrationProject {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-migrations-'));
  const sections = Object.entries(environments).map(([name, e]) =>
    [
      `[environments.${name}]`,
      `url = "jdbc:postgresql://127.0.0.1:${pg.port}/${e.database}"`,
      `user = "${pg.user}"`,
      `password = "\${env.PGPASSWORD}"`,
      ...(e.schemas ? [`schemas = [${e.schemas.map((s) => `"${s}"`).join(', ')}]`] : []),
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
    run: (...args) => runCli(args, { cwd: dir, env: { PGPASSWORD: pg.password } }),
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
