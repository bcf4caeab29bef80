/**
 * The generate service: selected changes of an artifact -> a versioned migration (and its undo)
 * written into the migrations folder. The CLI command only parses arguments and reports.
 */
import path from 'node:path';
import type { Artifact } from '../artifact/artifact.js';
import { filterArtifactChanges, selectChanges } from '../artifact/select-changes.js';
import type { ObjectFilter } from '../filters/object-filter.js';
import { dialectByName } from '../dialects/registry.js';
import type { Change } from '../diff/changes.js';
import { ParityError } from '../errors.js';
import { writeFileAtomic } from '../files.js';
import { terminateStatement, type MigrationStep } from './migration-hooks.js';
import { objectKey, planMigration } from './plan.js';
import { renderScript } from './script.js';
import { invertChanges, invertDependentObjects } from './undo.js';
import { compareVersions, listMigrations, migrationFileName, nextVersion, parseVersion } from './versioning.js';

export type ScriptType = 'versioned' | 'undo';

export interface GenerateRequest {
  readonly artifact: Artifact;
  /** For messages about `-changes`. */
  readonly artifactFile: string;
  /** `-changes=ID1,ID2`; all changes when absent. */
  readonly changeIds?: string;
  /** `-filterFile`: of the selected changes, only those whose object it keeps. */
  readonly objectFilter?: ObjectFilter;
  /** The migrations folder (absolute). */
  readonly location: string;
  /** Already sanitized. */
  readonly description: string;
  readonly types: readonly ScriptType[];
  /** Explicit version; otherwise the next after the highest in the folder. */
  readonly version?: string;
}

export interface GeneratedFile {
  readonly type: ScriptType;
  readonly path: string;
}

export interface GenerateResult {
  readonly files: readonly GeneratedFile[];
  /** `V4__x.sql: drops table public.t and its data`, one per destructive statement. */
  readonly warnings: readonly string[];
  /** How many changes were selected (0: nothing was written). */
  readonly changeCount: number;
}

export interface MigrationScript {
  readonly type: ScriptType;
  readonly fileName: string;
  readonly steps: readonly MigrationStep[];
  readonly text: string;
}

export interface ScriptRequest {
  readonly artifact: Artifact;
  /** The selected changes, in the artifact's order. */
  readonly changes: readonly Change[];
  readonly types: readonly ScriptType[];
  readonly version: string;
  readonly description: string;
}

/**
 * The scripts' text, without touching the file system: the versioned script plans the changes, the
 * undo script plans the inverted changes with the same planner.
 */
export function renderMigrationScripts(request: ScriptRequest): MigrationScript[] {
  const { artifact, changes, version, description } = request;
  const migration = dialectByName(artifact.dialect).migration;
  const allChangeKeys = new Set(artifact.changes.map((c) => objectKey({ kind: c.objectKind, schema: c.schema, name: c.name })));
  const versionedName = migrationFileName('V', version, description);
  return request.types.map((type) => {
    const undo = type === 'undo';
    const planned = undo ? invertChanges(changes) : [...changes];
    const steps = planMigration(
      {
        changes: planned,
        dependentObjects: undo ? invertDependentObjects(artifact.dependentObjects) : artifact.dependentObjects,
        allChangeKeys,
      },
      migration,
    );
    const text = renderScript(steps, {
      terminate: (step) => terminateStatement(migration, step),
      preamble: migration.preamble(steps),
      header: {
        kind: type,
        from: undo ? artifact.source : artifact.target,
        to: undo ? artifact.target : artifact.source,
        changes: planned,
        transactionalDdl: migration.transactionalDdl,
        ...(undo ? { undoes: versionedName } : {}),
      },
    });
    return { type, fileName: migrationFileName(undo ? 'U' : 'V', version, description), steps, text };
  });
}

export function generateMigrations(request: GenerateRequest): GenerateResult {
  const { artifact } = request;
  const selected: Change[] = selectChanges(artifact, request.changeIds, request.artifactFile);
  const changes = request.objectFilter ? filterArtifactChanges(artifact, selected, request.objectFilter) : selected;
  if (changes.length === 0) return { files: [], warnings: [], changeCount: 0 };
  const version = chooseVersion(request);
  const scripts = renderMigrationScripts({ artifact, changes, types: request.types, version, description: request.description });
  const files: GeneratedFile[] = [];
  const warnings: string[] = [];
  for (const script of scripts) {
    const file = path.join(request.location, script.fileName);
    writeFileAtomic(file, script.text);
    files.push({ type: script.type, path: file });
    for (const step of script.steps) if (step.destructive !== undefined) warnings.push(`${script.fileName}: ${step.destructive}`);
  }
  return { files, warnings, changeCount: changes.length };
}

/**
 * The explicit version as given (when it is a version), or the next one after the highest V/U file in
 * the folder. Either way, a file with an equal version (`4` = `4.0` = `4_0`) must not exist already.
 */
function chooseVersion(request: GenerateRequest): string {
  const existing = listMigrations(request.location);
  let version: string;
  if (request.version !== undefined) {
    if (parseVersion(request.version) === undefined) {
      throw new ParityError('INVALID_ARGUMENT', `-generate.version must look like 5, 1.2 or 1_2, not "${request.version}"`, { where: 'parity generate' });
    }
    version = request.version;
  } else {
    version = nextVersion(existing.map((file) => file.version));
  }
  const wanted = parseVersion(version)!;
  const clash = existing.find((file) => compareVersions(file.version, wanted) === 0);
  if (clash) {
    throw new ParityError('INVALID_ARGUMENT', `migration version ${version} already exists: ${clash.fileName} (choose another -generate.version)`, {
      where: request.location,
    });
  }
  return version;
}
