import type { CodeAnalysis } from '../check/code-rules.js';
import type { ConnectionSettings } from '../config/connection.js';
import { ParityError } from '../errors.js';
import type { MigrationRenderer } from '../generate/migration-hooks.js';
import type { MigrateSupport } from '../migrations/schema-history.js';
import type { DatabaseModel, DialectName, SchemaObject } from '../model/objects.js';

export interface IntrospectOptions {
  /** Schemas to read; empty means the dialect's default (PostgreSQL: `public`). */
  readonly schemas: readonly string[];
  /** Called with short progress messages for long work (the CLI shows them on a terminal). */
  readonly onProgress?: (message: string) => void;
  /**
   * Read the one schema in `schemas` as the session's own: objects come back in schema `''` and the
   * server's texts (view bodies, column types, defaults, references) without that schema's qualifier,
   * so two copies of a schema under different names compare equal, and DDL rendered from the model
   * runs in whatever schema (MySQL: database) the session is in.
   */
  readonly unqualified?: boolean;
  /** Read the objects' privileges too (`-include=privileges`); default: left out. */
  readonly privileges?: boolean;
}

/**
 * Who a dialect is: its names, URLs, default schemas and whether `dataDiff` runs against it. Each
 * dialect's identity is a small module of its own (`<dialect>-identity.ts`, all of them in
 * identities.ts), so what only reads URLs and names (the environments of a `dataDiff`) does not
 * load the schema side (introspection, DDL, migrations) of every dialect.
 */
export interface DialectIdentity {
  readonly name: DialectName;
  /** Human name for messages and the README: `PostgreSQL`. */
  readonly displayName: string;
  /** URL schemes this dialect answers to, native and JDBC (`postgresql`, `postgres`). */
  readonly urlSchemes: readonly string[];
  readonly defaultPort: number;
  /**
   * Parses a URL of one of `urlSchemes`, as written (`jdbc:sqlserver://h;databaseName=d`, trimmed).
   * Default: the shared parser for `scheme://user:password@host:port/database?key=value`. Errors are
   * `INVALID_URL` ParityErrors at `where`, never showing the password (secrets.ts `redactUrls`).
   */
  parseUrl?(url: string, where: string): ConnectionSettings;
  /**
   * Whether `dataDiff` runs against this dialect: true when src/data-diff/sql has its data dialect
   * (the SQL of row hashes, bucket checksums and key ranges). False: `dataDiff` against it fails with
   * UNSUPPORTED (exit 8) before connecting.
   */
  readonly dataDiff: boolean;
  /** Schemas read when an environment names none. */
  readonly defaultSchemas: readonly string[];
  /**
   * The one schema a URL names, if the dialect's URLs can (MySQL: the database; PostgreSQL: the
   * `currentSchema` parameter). An environment with such a URL and no `schemas` setting reads that
   * schema, unqualified (sources/scope.ts).
   */
  schemaNamedByUrl?(connection: ConnectionSettings): string | undefined;
}

/**
 * A database dialect as a plug-in, registered in registry.ts (its identity, DialectIdentity, also in identities.ts). Shared code talks to dialects only
 * through this interface; capability differences are properties here, never `if (dialect === ...)`
 * elsewhere.
 *
 * Required: name, displayName, urlSchemes, defaultPort, defaultSchemas, introspect, renderCreate,
 * migration (these make schema diff and generate), and `dataDiff` (declared either way).
 * Optional hooks and their defaults:
 * - `parseUrl`: the shared parser (config/url.ts) for `scheme://user:password@host:port/db?k=v`.
 * - `schemaNamedByUrl`: none (an environment without `schemas` reads `defaultSchemas`).
 * - `comparesColumnOrder`: false.
 * - `schemaModel`: absent, no schema-model folders (`UNSUPPORTED`).
 * - `migrate`: absent, no `migrate`/`info`/`-source=migrations` (`UNSUPPORTED`).
 * - `migration.terminate`: `sql;` for every step (generate/script.ts).
 * - `migration.createdBefore`: nothing.
 */
export interface Dialect extends DialectIdentity {
  /**
   * Reads the schemas of a live database in one READ ONLY transaction, with set-based catalog
   * queries, and returns the normalized model.
   */
  introspect(connection: ConnectionSettings, options: IntrospectOptions): Promise<DatabaseModel>;
  /** Canonical DDL that creates `object` (all its parts included), used as the object's definition. */
  renderCreate(object: SchemaObject): string;
  /**
   * Whether the order of a table's columns is compared: the dialect can place a column (MySQL's
   * `MODIFY COLUMN ... AFTER`). Default false: column order is never a difference.
   */
  readonly comparesColumnOrder?: boolean;
  /** Migration statements per change (create, drop, alter with part-level ALTERs), for `generate`. */
  readonly migration: MigrationRenderer;
  /** Reading and locating objects in schema-model folders; absent: the dialect has no schema models. */
  readonly schemaModel?: SchemaModelSupport;
  /** Running migrations and keeping the schema history; absent: the dialect cannot be migrated. */
  readonly migrate?: MigrateSupport;
  /** The built-in rules of `check -code`; absent: only user rules check its scripts. */
  readonly codeAnalysis?: CodeAnalysis;
}

/** One SQL file of a schema-model folder. */
export interface SqlFile {
  /** Path shown in messages, relative to the working directory (`schema-models/Tables/public.t.sql`). */
  readonly path: string;
  readonly text: string;
  /** The object kind its folder stands for, if any: a hint for files that cannot be parsed. */
  readonly kindHint?: SchemaObject['kind'];
}

export interface SqlFilesOptions {
  /** Schemas to read back; empty: the schemas the files create objects in. */
  readonly schemas: readonly string[];
  /** Read the one schema back unqualified (see IntrospectOptions.unqualified). */
  readonly unqualified?: boolean;
  /** Read privileges back too (see IntrospectOptions.privileges). */
  readonly privileges?: boolean;
  readonly onProgress?: (message: string) => void;
  /**
   * The server of the build environment (`-buildEnvironment=NAME`), when one is named: the dialect
   * applies the files to a scratch database it creates there (and drops) instead of using a throwaway
   * server of its own. Only its host, port, user, password and parameters matter (and, for
   * PostgreSQL, its database, which the scratch database is created from a connection to).
   */
  readonly buildConnection?: ConnectionSettings;
  /** Where a throwaway server keeps its data (default: `os.tmpdir()`). */
  readonly tempDirectory?: string;
}

export interface SchemaModelSupport {
  /** The dialect's folders hold one schema, always read unqualified (IntrospectOptions.unqualified). */
  readonly unqualified?: boolean;
  /**
   * True: the dialect has no server of its own to read a folder with (no embedded server), so
   * reading a non-empty folder needs `SqlFilesOptions.buildConnection`; without one, the
   * `schemaModel` source fails with a CONFIG_ERROR saying what to configure. Default: false.
   */
  readonly needsBuildEnvironment?: boolean;
  /**
   * The model of a database holding what the files create, however the files are named or ordered.
   * A file the server rejects is a `SCHEMA_MODEL_ERROR` whose `where` is `path:line`.
   */
  readSqlFiles(files: readonly SqlFile[], options: SqlFilesOptions): Promise<DatabaseModel>;
  /**
   * For each file (by path), the keys (see `objectKey`) of the objects its statements create or alter;
   * `undefined` for a file that cannot be parsed. Lets `model` find an object's file by content.
   */
  fileObjects(files: readonly SqlFile[]): Promise<ReadonlyMap<string, readonly string[] | undefined>>;
  /** The key under which `fileObjects` reports `object`. */
  objectKey(object: SchemaObject): string;
}

/** What a dialect can do, as the README's support table and `requireCapability` name it. */
export type Capability = 'schemaDiff' | 'generate' | 'migrate' | 'schemaModel' | 'dataDiff';

const CAPABILITY_WORDS: Readonly<Record<Capability, string>> = {
  schemaDiff: 'schema comparison',
  generate: 'migration scripts',
  migrate: 'migrations (migrate, info, -source=migrations)',
  schemaModel: 'schema-model folders',
  dataDiff: 'data diff (dataDiff)',
};

/**
 * The dialect's capabilities, from what it declares: schema diff and generate always (their hooks are
 * required), migrate and schemaModel when those hooks are there, data diff as `dataDiff` says.
 */
export function capabilitiesOf(dialect: Dialect): Readonly<Record<Capability, boolean>> {
  return {
    schemaDiff: true,
    generate: true,
    migrate: dialect.migrate !== undefined,
    schemaModel: dialect.schemaModel !== undefined,
    dataDiff: dialect.dataDiff,
  };
}

/** Fails with UNSUPPORTED (exit 8), one line, when the dialect lacks `capability`. */
export function requireCapability(dialect: Dialect, capability: Capability, where: string): void {
  if (!capabilitiesOf(dialect)[capability]) throw unsupported(dialect, capability, where);
}

/** `requireCapability(dialect, 'dataDiff', where)` from the dialect's identity alone. */
export function requireDataDiff(dialect: DialectIdentity, where: string): void {
  if (!dialect.dataDiff) throw unsupported(dialect, 'dataDiff', where);
}

function unsupported(dialect: DialectIdentity, capability: Capability, where: string): ParityError {
  return new ParityError('UNSUPPORTED', `${dialect.displayName} has no ${CAPABILITY_WORDS[capability]} in this version of parity`, { where });
}
