/**
 * Configuration: flyway.toml files (or -configFiles), `${env.VAR}` substitution, FLYWAY_URL /
 * FLYWAY_USER / FLYWAY_PASSWORD for a `default` environment, and command-line overrides.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseToml, TomlError } from 'smol-toml';
import { ParityError } from '../errors.js';
import { fileErrorReason } from '../files.js';

export interface EnvironmentConfig {
  readonly name: string;
  readonly url?: string;
  readonly user?: string;
  readonly password?: string;
  readonly schemas: readonly string[];
  /** `clean` marks a build environment that parity may wipe and rebuild. */
  readonly provisioner?: string;
  /** Where this environment was defined, for messages: `flyway.toml` or `FLYWAY_URL`. */
  readonly definedIn: string;
}

export interface ParityConfig {
  readonly workingDirectory: string;
  readonly configFiles: readonly string[];
  readonly environments: ReadonlyMap<string, EnvironmentConfig>;
  /** `[flyway] environment`: the environment used when a command names none. */
  readonly defaultEnvironment?: string;
  readonly locations: readonly string[];
  readonly schemaModelLocation: string;
  readonly schemaModelSchemas: readonly string[];
  /**
   * `[flyway.diff] snapshotSchemas` (Flyway's form): the schemas a `snapshot:PATH` side of `diff` is
   * restricted to; absent (or an empty list): the whole snapshot. `definedIn` names file and setting.
   */
  readonly snapshotSchemas?: { readonly schemas: readonly string[]; readonly definedIn: string };
  /** Settings for reading and applying migrations (`[flyway]` keys of the same names). */
  readonly migrations: MigrationSettings;
  /** `[flyway] filterFile`: the filter file of diff, snapshot, generate, model and dataDiff (see src/filters). */
  readonly filterFile?: { readonly path: string; readonly definedIn: string };
  /** Root `databaseType` (Flyway Desktop's project setting): the dialect of schema models and migrations. */
  readonly databaseType?: { readonly value: string; readonly definedIn: string };
}

/** `[flyway]` settings that shape how migrations are read, validated and applied. */
export interface MigrationSettings {
  /** `[flyway.placeholders]`: `${name}` in scripts is replaced with the value. */
  readonly placeholders: Readonly<Record<string, string>>;
  readonly placeholderReplacement: boolean;
  /** Name of the schema history table (default `flyway_schema_history`). */
  readonly table: string;
  /** Schema of the history table; default: the environment's first schema. */
  readonly defaultSchema?: string;
  /** Schemas used when an environment names none (`[flyway] schemas`). */
  readonly schemas: readonly string[];
  /** Apply pending versions lower than the highest applied one instead of refusing. */
  readonly outOfOrder: boolean;
  /** Allow transactional and non-transactional statements in one script. */
  readonly mixed: boolean;
  /** Refuse to clean any environment, build environments included. */
  readonly cleanDisabled: boolean;
  /** False: `.sql` files in a location that are not migrations are skipped with a warning, not an error. */
  readonly validateMigrationNaming: boolean;
}

export const DEFAULT_HISTORY_TABLE = 'flyway_schema_history';

export interface ConfigOverrides {
  readonly url?: string;
  readonly user?: string;
  readonly password?: string;
  readonly schemas?: readonly string[];
  readonly environment?: string;
  /** `-locations=a,b` (`-flyway.locations=`): instead of `[flyway] locations`. */
  readonly locations?: readonly string[];
  /** `-placeholders.name=value`: added to (and winning over) `[flyway.placeholders]`. */
  readonly placeholders?: Readonly<Record<string, string>>;
}

export interface LoadConfigOptions {
  readonly workingDirectory: string;
  /** Explicit files (-configFiles); when absent, `flyway.toml` in the working directory if present. */
  readonly configFiles?: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly overrides?: ConfigOverrides;
}

const ENVIRONMENT_KEYS = new Set(['url', 'user', 'password', 'schemas', 'provisioner', 'displayName', 'driver', 'jdbcProperties', 'connectRetries', 'connectRetriesInterval', 'resolvers']);
const FLYWAY_KEYS = new Set([
  'environment',
  'diff',
  'filterFile',
  'locations',
  'schemaModelLocation',
  'schemaModelSchemas',
  'defaultSchema',
  'schemas',
  'placeholders',
  'placeholderReplacement',
  'validateMigrationNaming',
  'cleanDisabled',
  'mixed',
  'outOfOrder',
  'table',
]);

interface RawEnvironment {
  url?: string;
  user?: string;
  password?: string;
  schemas?: string[];
  provisioner?: string;
  definedIn: string;
}

export function loadConfig(options: LoadConfigOptions): ParityConfig {
  const workingDirectory = path.resolve(options.workingDirectory);
  const files = resolveConfigFiles(workingDirectory, options.configFiles);
  const environments = new Map<string, RawEnvironment>();
  let defaultEnvironment: string | undefined;
  let locations: string[] = ['filesystem:migrations'];
  let schemaModelLocation = 'schema-models';
  let schemaModelSchemas: string[] = [];
  let snapshotSchemas: ParityConfig['snapshotSchemas'];
  let filterFile: ParityConfig['filterFile'];
  let databaseType: { value: string; definedIn: string } | undefined;
  const migrations: { -readonly [K in keyof MigrationSettings]: MigrationSettings[K] } = {
    placeholders: {},
    placeholderReplacement: true,
    table: DEFAULT_HISTORY_TABLE,
    schemas: [],
    outOfOrder: false,
    mixed: false,
    cleanDisabled: false,
    validateMigrationNaming: true,
  };

  for (const file of files) {
    const document = readToml(file);
    const shown = path.relative(workingDirectory, file) || file;
    for (const [key, value] of Object.entries(document)) {
      if (key === 'environments') {
        for (const [name, envValue] of Object.entries(asTable(value, shown, 'environments'))) {
          const setting = `environments.${name}`;
          const table = asTable(envValue, shown, setting);
          const existing = environments.get(name) ?? { definedIn: shown };
          for (const [envKey, raw] of Object.entries(table)) {
            if (!ENVIRONMENT_KEYS.has(envKey)) {
              throw new ParityError('CONFIG_ERROR', `unknown setting "${setting}.${envKey}"`, { where: shown });
            }
            const where = `${setting}.${envKey}`;
            if (envKey === 'schemas') existing.schemas = asStringList(raw, shown, where, options.env);
            else if (envKey === 'url' || envKey === 'user' || envKey === 'password' || envKey === 'provisioner') {
              existing[envKey] = asString(raw, shown, where, options.env);
            }
          }
          environments.set(name, existing);
        }
      } else if (key === 'flyway') {
        for (const [flywayKey, raw] of Object.entries(asTable(value, shown, 'flyway'))) {
          const where = `flyway.${flywayKey}`;
          if (!FLYWAY_KEYS.has(flywayKey)) {
            const hint = flywayKey === 'snapshotSchemas' ? ' (Flyway reads it from [flyway.diff])' : '';
            throw new ParityError('CONFIG_ERROR', `unknown setting "${where}"${hint}`, { where: shown });
          }
          if (flywayKey === 'diff') {
            const schemas = readDiffTable(raw, shown, options.env);
            if (schemas !== undefined) snapshotSchemas = schemas.length > 0 ? { schemas, definedIn: `${shown}: flyway.diff.snapshotSchemas` } : undefined;
          } else if (flywayKey === 'environment') defaultEnvironment = asString(raw, shown, where, options.env);
          else if (flywayKey === 'locations') locations = asStringList(raw, shown, where, options.env);
          else if (flywayKey === 'schemaModelLocation') schemaModelLocation = asString(raw, shown, where, options.env);
          else if (flywayKey === 'filterFile') filterFile = { path: asString(raw, shown, where, options.env), definedIn: `${shown}: ${where}` };
          else if (flywayKey === 'schemaModelSchemas') schemaModelSchemas = asStringList(raw, shown, where, options.env);
          else if (flywayKey === 'placeholders') migrations.placeholders = asStringTable(raw, shown, where, options.env);
          else if (flywayKey === 'table') migrations.table = asString(raw, shown, where, options.env);
          else if (flywayKey === 'defaultSchema') migrations.defaultSchema = asString(raw, shown, where, options.env);
          else if (flywayKey === 'schemas') migrations.schemas = asStringList(raw, shown, where, options.env);
          else if (flywayKey === 'placeholderReplacement' || flywayKey === 'outOfOrder' || flywayKey === 'mixed' || flywayKey === 'cleanDisabled' || flywayKey === 'validateMigrationNaming') {
            migrations[flywayKey] = asBoolean(raw, shown, where);
          }
        }
      } else if (key === 'databaseType') {
        databaseType = { value: asString(value, shown, key, options.env), definedIn: shown };
      } else if (key !== 'id' && key !== 'name' && key !== 'redgateCompare') {
        throw new ParityError('CONFIG_ERROR', `unknown section or setting "${key}"`, { where: shown });
      }
    }
  }

  if (options.overrides?.placeholders) migrations.placeholders = { ...migrations.placeholders, ...options.overrides.placeholders };
  if (options.overrides?.locations !== undefined) locations = [...options.overrides.locations];
  applyEnvironmentVariables(environments, options.env);
  applyOverrides(environments, options.overrides, options.overrides?.environment ?? defaultEnvironment);

  const finished = new Map<string, EnvironmentConfig>();
  for (const [name, raw] of environments) {
    finished.set(name, {
      name,
      schemas: raw.schemas ?? [],
      definedIn: raw.definedIn,
      ...(raw.url !== undefined ? { url: raw.url } : {}),
      ...(raw.user !== undefined ? { user: raw.user } : {}),
      ...(raw.password !== undefined ? { password: raw.password } : {}),
      ...(raw.provisioner !== undefined ? { provisioner: raw.provisioner } : {}),
    });
  }
  const chosenDefault = options.overrides?.environment ?? defaultEnvironment;
  return {
    workingDirectory,
    configFiles: files,
    environments: finished,
    ...(chosenDefault !== undefined ? { defaultEnvironment: chosenDefault } : {}),
    locations,
    schemaModelLocation,
    schemaModelSchemas,
    ...(snapshotSchemas !== undefined ? { snapshotSchemas } : {}),
    ...(filterFile !== undefined ? { filterFile } : {}),
    migrations,
    ...(databaseType !== undefined ? { databaseType } : {}),
  };
}

/**
 * `[flyway.diff]`: parity reads `snapshotSchemas` from it (undefined when the table does not set it);
 * Flyway's other diff settings are given on the command line, and naming them here is an error.
 */
function readDiffTable(value: unknown, file: string, env: LoadConfigOptions['env']): string[] | undefined {
  let schemas: string[] | undefined;
  for (const [key, raw] of Object.entries(asTable(value, file, 'flyway.diff'))) {
    if (key !== 'snapshotSchemas') {
      throw new ParityError('CONFIG_ERROR', `unknown setting "flyway.diff.${key}" (parity reads only snapshotSchemas from [flyway.diff]; give the other diff parameters on the command line)`, { where: file });
    }
    schemas = [...new Set(asStringList(raw, file, 'flyway.diff.snapshotSchemas', env))];
  }
  return schemas;
}

/** Looks an environment up by name, with an error that lists the ones that exist. */
export function getEnvironment(config: ParityConfig, name: string, setting: string): EnvironmentConfig {
  const environment = config.environments.get(name);
  if (!environment) {
    const known = [...config.environments.keys()].sort();
    const where = config.configFiles.length ? config.configFiles.map((f) => path.relative(config.workingDirectory, f) || f).join(', ') : 'no flyway.toml found';
    throw new ParityError(
      'UNKNOWN_ENVIRONMENT',
      `unknown environment "${name}" in ${setting}${known.length ? ` (configured: ${known.join(', ')})` : ' (no environments are configured)'}`,
      { where },
    );
  }
  if (!environment.url) {
    throw new ParityError('CONFIG_ERROR', `environment "${name}" has no url`, { where: `${environment.definedIn}: environments.${name}.url` });
  }
  return environment;
}

function resolveConfigFiles(workingDirectory: string, explicit: readonly string[] | undefined): string[] {
  if (explicit && explicit.length > 0) {
    return explicit.map((file) => {
      const full = path.resolve(workingDirectory, file);
      const stat = fs.statSync(full, { throwIfNoEntry: false });
      if (stat === undefined) throw new ParityError('FILE_NOT_FOUND', `configuration file not found`, { where: file });
      if (stat.isDirectory()) throw new ParityError('CONFIG_ERROR', `configuration file ${file} is a folder (-configFiles names files, such as ${path.join(file, 'flyway.toml')})`, { where: '-configFiles' });
      return full;
    });
  }
  const fallback = path.join(workingDirectory, 'flyway.toml');
  return fs.existsSync(fallback) ? [fallback] : [];
}

function readToml(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ParityError('CONFIG_ERROR', `cannot read configuration file: ${fileErrorReason(error)}`, { where: file, cause: error });
  }
  try {
    return parseToml(text) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TomlError) {
      const firstLine = error.message.split('\n')[0] ?? 'invalid TOML';
      throw new ParityError('CONFIG_ERROR', firstLine, { where: `${file}:${error.line}:${error.column}`, cause: error });
    }
    throw error;
  }
}

function asTable(value: unknown, file: string, setting: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ParityError('CONFIG_ERROR', `"${setting}" must be a table`, { where: file });
  }
  return value as Record<string, unknown>;
}

function asString(value: unknown, file: string, setting: string, env: LoadConfigOptions['env']): string {
  if (typeof value !== 'string') throw new ParityError('CONFIG_ERROR', `"${setting}" must be a string`, { where: file });
  return substituteEnv(value, `${file}: ${setting}`, env);
}

function asBoolean(value: unknown, file: string, setting: string): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new ParityError('CONFIG_ERROR', `"${setting}" must be true or false`, { where: file });
}

/** A table of string values (`[flyway.placeholders]`); numbers and booleans are taken as their text. */
function asStringTable(value: unknown, file: string, setting: string, env: LoadConfigOptions['env']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, raw] of Object.entries(asTable(value, file, setting))) {
    const text = typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : raw;
    out[key] = asString(text, file, `${setting}.${key}`, env);
  }
  return out;
}

function asStringList(value: unknown, file: string, setting: string, env: LoadConfigOptions['env']): string[] {
  const items = typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value;
  if (!Array.isArray(items) || items.some((item) => typeof item !== 'string')) {
    throw new ParityError('CONFIG_ERROR', `"${setting}" must be a list of strings`, { where: file });
  }
  return items.map((item: string) => substituteEnv(item, `${file}: ${setting}`, env));
}

/** Replaces `${env.NAME}`; an unset variable is an error naming the setting (never the value). */
export function substituteEnv(value: string, where: string, env: LoadConfigOptions['env']): string {
  return value.replace(/\$\{env\.([A-Za-z_][A-Za-z0-9_]*)\}/g, (_match, variable: string) => {
    const resolved = env[variable];
    if (resolved === undefined) {
      throw new ParityError('CONFIG_ERROR', `environment variable ${variable} is not set`, { where });
    }
    return resolved;
  });
}

function applyEnvironmentVariables(environments: Map<string, RawEnvironment>, env: LoadConfigOptions['env']): void {
  const url = env['FLYWAY_URL'];
  const user = env['FLYWAY_USER'];
  const password = env['FLYWAY_PASSWORD'];
  const schemas = env['FLYWAY_SCHEMAS'];
  if (url === undefined && user === undefined && password === undefined && schemas === undefined) return;
  const target = environments.get('default') ?? { definedIn: 'FLYWAY_URL' };
  if (url !== undefined) target.url = url;
  if (user !== undefined) target.user = user;
  if (password !== undefined) target.password = password;
  if (schemas !== undefined) target.schemas = schemas.split(',').map((s) => s.trim()).filter(Boolean);
  environments.set('default', target);
}

function applyOverrides(environments: Map<string, RawEnvironment>, overrides: ConfigOverrides | undefined, environmentName: string | undefined): void {
  if (!overrides) return;
  const { url, user, password, schemas } = overrides;
  if (url === undefined && user === undefined && password === undefined && schemas === undefined) return;
  const name = environmentName ?? 'default';
  const target = environments.get(name) ?? { definedIn: 'command line' };
  if (url !== undefined) target.url = url;
  if (user !== undefined) target.user = user;
  if (password !== undefined) target.password = password;
  if (schemas !== undefined) target.schemas = [...schemas];
  environments.set(name, target);
}
