/**
 * Comparison sources: what `-source=` and `-target=` name. Each resolves to a normalized model plus
 * a password-free description of where it came from.
 */
import type { SideInfo } from '../artifact/artifact.js';
import type { ParityConfig } from '../config/config.js';
import { ParityError } from '../errors.js';
import type { ObjectFilter } from '../filters/object-filter.js';
import type { DatabaseModel, DialectName } from '../model/objects.js';
import type { BuildOptions } from './build-source.js';

export type SourceSpec =
  | { readonly type: 'environment'; readonly name: string }
  | { readonly type: 'snapshot'; readonly path: string }
  | { readonly type: 'empty' }
  | { readonly type: 'schemaModel' }
  | { readonly type: 'migrations' };

export interface LoadedSource {
  readonly model: DatabaseModel;
  readonly side: SideInfo;
}

export interface SourceContext {
  readonly config: ParityConfig;
  readonly onProgress?: (message: string) => void;
  /** Warnings for the user (stderr), whatever the output type. */
  readonly onWarning?: (message: string) => void;
  /** How a `migrations` source is built (`-buildEnvironment`, `-buildVersion`, ...). */
  readonly build?: BuildOptions;
  /** Keep the schema history table in the models (`-includeFlywayObjects=true`). */
  readonly includeFlywayObjects?: boolean;
  /** Read and compare privileges (`-include=privileges`); left out of every side otherwise. */
  readonly includePrivileges?: boolean;
  /**
   * `-snapshotSchemas` (or `[flyway.diff] snapshotSchemas`): the schemas a `snapshot:PATH` side is
   * restricted to (for `snapshot`: whatever the source is; see sources/schema-selection.ts).
   */
  readonly snapshotSchemas?: SchemaSelection;
  /**
   * `-filterFile` (or `[flyway] filterFile`): the objects a side keeps; the others are dropped as the
   * side is read, before anything compares or writes it.
   */
  readonly objectFilter?: ObjectFilter;
  /** Read the side without schema qualifiers (decided for both sides by sources/scope.ts). */
  readonly unqualified?: boolean;
  /** Where a throwaway server keeps its data (the run's TMPDIR); default: `os.tmpdir()`. */
  readonly tempDirectory?: string;
}

/** Schemas to keep of a side, and the setting that named them (for messages). */
export interface SchemaSelection {
  readonly schemas: readonly string[];
  /** `-snapshotSchemas`, or `flyway.toml: flyway.diff.snapshotSchemas`. */
  readonly setting: string;
  /** Given on the command line (not a project-wide setting): worth a warning when no side uses it. */
  readonly fromCommandLine: boolean;
}

const KNOWN_PREFIXES = ['snapshot'];

/** Parses `dev`, `snapshot:path`, `empty`, `schemaModel`, `migrations`. */
export function parseSourceSpec(spec: string, setting: string): SourceSpec {
  const value = spec.trim();
  if (value === '') throw new ParityError('INVALID_ARGUMENT', `${setting} is empty`, { where: setting });
  if (value === 'empty') return { type: 'empty' };
  if (value === 'schemaModel') return { type: 'schemaModel' };
  if (value === 'migrations') return { type: 'migrations' };
  const prefixed = /^([A-Za-z]+):(.*)$/s.exec(value);
  if (prefixed && !/^[A-Za-z]:[\\/]/.test(value)) {
    const kind = prefixed[1]!;
    const rest = prefixed[2]!;
    if (kind === 'snapshot') {
      if (rest.trim() === '') throw new ParityError('INVALID_ARGUMENT', `${setting}=snapshot: needs a file path (snapshot:PATH)`, { where: setting });
      return { type: 'snapshot', path: rest };
    }
    throw new ParityError(
      'INVALID_ARGUMENT',
      `unknown comparison source kind "${kind}:" in ${setting} (expected an environment name, ${KNOWN_PREFIXES.map((p) => `${p}:PATH`).join(', ')}, empty, schemaModel or migrations)`,
      { where: setting },
    );
  }
  if (!/^[A-Za-z0-9_.-]+$/.test(value)) {
    throw new ParityError('INVALID_ARGUMENT', `"${value}" in ${setting} is not an environment name or a comparison source`, { where: setting });
  }
  return { type: 'environment', name: value };
}

/** An empty model of the given dialect: every object on the other side is an Add or a Delete. */
export function emptyModel(dialect: DialectName): DatabaseModel {
  return { dialect, schemas: [], objects: [] };
}
