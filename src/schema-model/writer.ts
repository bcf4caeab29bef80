/**
 * `model`: applies changes from a diff artifact to the schema-model folder, which plays the diff's
 * target: `Add` and `Edit` write the source object's canonical DDL to its file, `Delete` removes the
 * target object's file. An object's file is found by its canonical name (layout.ts) or, for folders
 * written by hand, by what the files contain (the dialect parses them); a file that also defines other
 * objects is never rewritten or deleted (that is an error naming it).
 *
 * All or nothing: every file is rendered first, then written to a temporary file next to its place;
 * only when all are written are the files being replaced or deleted moved aside and the new ones
 * renamed into place. If any step fails, everything done so far is undone and the folder is as before.
 * It all runs synchronously, so Ctrl-C (handled by src/interrupt.ts once a temporary file exists) takes
 * effect only after the folder is complete or restored.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ArtifactChange } from '../artifact/artifact.js';
import type { Dialect, SchemaModelSupport } from '../dialects/dialect.js';
import { ParityError } from '../errors.js';
import { fileErrorReason, makeDirectories, temporaryBeside, type TemporaryFile } from '../files.js';
import { OBJECT_TYPE_LABELS } from '../model/labels.js';
import type { ObjectKind, SchemaObject } from '../model/objects.js';
import { folderExists, listSqlFiles, readOne, type SchemaModelFolder } from './folder.js';
import { fileText, objectFilePath, resolveLayoutPath } from './layout.js';
import { shownName } from '../model/unqualify.js';

export type FileAction = 'added' | 'updated' | 'deleted' | 'unchanged';

export interface ModelFileChange {
  readonly action: FileAction;
  /** Relative to the schema-model folder, with `/` separators. */
  readonly file: string;
  readonly changeId: string;
  readonly objectKind: ObjectKind;
  readonly schema: string;
  readonly name: string;
}

export interface ModelPlan {
  /** Files to write (relative path → text). */
  readonly writes: ReadonlyMap<string, string>;
  /** Files to delete (relative paths). */
  readonly deletes: ReadonlySet<string>;
  readonly files: readonly ModelFileChange[];
}

/** The file operations the writer uses; tests substitute failing ones. */
export interface FileOps {
  writeFile(file: string, text: string): void;
  rename(from: string, to: string): void;
  remove(file: string): void;
  mkdir(directory: string): string | undefined;
  removeTree(directory: string): void;
}

export const NODE_FILE_OPS: FileOps = {
  writeFile: (file, text) => fs.writeFileSync(file, text, { encoding: 'utf8', flag: 'wx' }),
  rename: (from, to) => fs.renameSync(from, to),
  remove: (file) => fs.rmSync(file, { force: true }),
  mkdir: (directory) => makeDirectories(directory),
  removeTree: (directory) => fs.rmSync(directory, { recursive: true, force: true }),
};

function describe(object: SchemaObject): string {
  return `${OBJECT_TYPE_LABELS[object.kind]} ${object.kind === 'schema' ? object.name : shownName(object.schema, object.name)}`;
}

/** Which files define which objects: by canonical name, and by content for files named otherwise. */
class FileIndex {
  private constructor(
    private readonly existing: ReadonlySet<string>,
    private readonly owners: ReadonlyMap<string, readonly string[] | undefined>,
    private readonly support: SchemaModelSupport,
    private readonly folder: SchemaModelFolder,
  ) {}

  static async build(folder: SchemaModelFolder, support: SchemaModelSupport, needed: boolean): Promise<FileIndex> {
    const relative = folderExists(folder) ? listSqlFiles(folder) : [];
    const files = needed ? relative.map((r) => readOne(folder, r)) : [];
    const byShown = needed ? await support.fileObjects(files) : new Map<string, readonly string[] | undefined>();
    const owners = new Map<string, readonly string[] | undefined>();
    for (const r of relative) owners.set(r, byShown.get(`${folder.shown}${r}`));
    return new FileIndex(new Set(relative), owners, support, folder);
  }

  exists(relative: string): boolean {
    return this.existing.has(relative);
  }

  /** Files that hold `object` and nothing else; a file holding it with other objects is an error. */
  filesOf(object: SchemaObject): string[] {
    const key = this.support.objectKey(object);
    const canonical = objectFilePath(object);
    const out = new Set<string>();
    if (this.existing.has(canonical)) out.add(canonical);
    for (const [file, keys] of this.owners) {
      if (!keys || !keys.includes(key)) continue;
      if (keys.length > 1) {
        throw new ParityError(
          'SCHEMA_MODEL_ERROR',
          `${describe(object)} is defined in a file that also defines other objects; model rewrites whole files, so move it to a file of its own`,
          { where: `${this.folder.shown}${file}` },
        );
      }
      out.add(file);
    }
    return [...out];
  }
}

/** Works out every file to write and delete, without touching the folder. */
export async function planModelUpdate(folder: SchemaModelFolder, changes: readonly ArtifactChange[], dialect: Dialect): Promise<ModelPlan> {
  const support = dialect.schemaModel;
  if (!support) throw new ParityError('UNSUPPORTED', `schema models are not available for ${dialect.displayName}`);
  const index = await FileIndex.build(folder, support, changes.some((c) => c.target !== undefined));
  const writes = new Map<string, string>();
  const writers = new Map<string, ArtifactChange>();
  const deletes = new Map<string, ArtifactChange>();
  for (const change of changes) {
    if (change.differenceType === 'Delete') {
      const object = change.target!;
      const files = index.filesOf(object);
      if (files.length === 0) {
        throw new ParityError('SCHEMA_MODEL_ERROR', `no file defines ${describe(object)} any more (was the folder changed since the diff?)`, { where: folder.shown });
      }
      for (const file of files) deletes.set(file, change);
      continue;
    }
    const object = change.source!;
    const file = objectFilePath(object);
    const other = writers.get(file);
    if (other) {
      throw new ParityError('SCHEMA_MODEL_ERROR', `${describe(object)} and ${describe(other.source!)} would be written to the same file`, { where: `${folder.shown}${file}` });
    }
    writers.set(file, change);
    writes.set(file, fileText(dialect.renderCreate(object)));
    // An edited object that lived in a differently named file moves to its canonical file.
    if (change.target) for (const old of index.filesOf(change.target)) if (old !== file) deletes.set(old, change);
  }
  for (const file of writes.keys()) deletes.delete(file);

  const files: ModelFileChange[] = [];
  const entry = (action: FileAction, file: string, change: ArtifactChange): ModelFileChange => ({
    action,
    file,
    changeId: change.id,
    objectKind: change.objectKind,
    schema: change.schema,
    name: change.name,
  });
  for (const [file, text] of writes) {
    const change = writers.get(file)!;
    if (!index.exists(file)) files.push(entry('added', file, change));
    else files.push(entry(readIfFile(resolveLayoutPath(folder.absolute, file)) === text ? 'unchanged' : 'updated', file, change));
  }
  for (const [file, change] of deletes) files.push(entry('deleted', file, change));
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const unchanged = new Set(files.filter((f) => f.action === 'unchanged').map((f) => f.file));
  return { writes: new Map([...writes].filter(([file]) => !unchanged.has(file))), deletes: new Set(deletes.keys()), files };
}

function readIfFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Applies a plan all or nothing (see the module comment). */
export function applyModelPlan(folder: SchemaModelFolder, plan: ModelPlan, ops: FileOps = NODE_FILE_OPS): void {
  const token = `${process.pid}.${randomBytes(4).toString('hex')}`;
  const aside = (file: string, suffix: string) => path.join(path.dirname(file), `.${path.basename(file)}.${token}.${suffix}`);
  const createdDirs: string[] = [];
  const temps: Array<[temporary: TemporaryFile, final: string]> = [];
  const movedAside: Array<[final: string, backup: string]> = [];
  const placed: string[] = [];
  let current = folder.shown;
  try {
    for (const [relative, text] of plan.writes) {
      current = `${folder.shown}${relative}`;
      const final = resolveLayoutPath(folder.absolute, relative);
      const created = ops.mkdir(path.dirname(final));
      if (created !== undefined) createdDirs.push(created);
      if (fs.statSync(final, { throwIfNoEntry: false })?.isDirectory()) throw new Error('a folder is in the way');
      const temporary = temporaryBeside(final);
      temps.push([temporary, final]);
      ops.writeFile(temporary.path, text);
    }
    for (const relative of [...plan.writes.keys(), ...plan.deletes]) {
      current = `${folder.shown}${relative}`;
      const final = resolveLayoutPath(folder.absolute, relative);
      if (!fs.existsSync(final)) continue;
      const backup = aside(final, 'bak');
      ops.rename(final, backup);
      movedAside.push([final, backup]);
    }
    for (const [temporary, final] of temps) {
      current = `${folder.shown}${path.relative(folder.absolute, final).split(path.sep).join('/')}`;
      ops.rename(temporary.path, final);
      placed.push(final);
    }
  } catch (error) {
    for (const final of placed.reverse()) swallow(() => ops.remove(final));
    for (const [final, backup] of movedAside.reverse()) swallow(() => ops.rename(backup, final));
    for (const [temporary] of temps) swallow(() => ops.remove(temporary.path));
    for (const directory of createdDirs.reverse()) swallow(() => ops.removeTree(directory));
    throw new ParityError('WRITE_FAILED', `cannot update the schema model, nothing was changed: ${fileErrorReason(error)}`, { where: current, cause: error });
  } finally {
    for (const [temporary] of temps) temporary.release();
  }
  for (const [, backup] of movedAside) swallow(() => ops.remove(backup));
  // Folders emptied by deletions (a kind with no objects left) go too; the model folder itself stays.
  for (const relative of plan.deletes) {
    const directory = path.dirname(resolveLayoutPath(folder.absolute, relative));
    if (directory !== folder.absolute) swallow(() => fs.rmdirSync(directory));
  }
}

function swallow(fn: () => void): void {
  try {
    fn();
  } catch {
    /* best effort while undoing or tidying up */
  }
}

export interface ModelUpdateResult {
  readonly folder: SchemaModelFolder;
  readonly files: readonly ModelFileChange[];
}

/** Plans and applies the changes to the folder (created when missing). */
export async function updateSchemaModel(folder: SchemaModelFolder, changes: readonly ArtifactChange[], dialect: Dialect): Promise<ModelUpdateResult> {
  const plan = await planModelUpdate(folder, changes, dialect);
  if (plan.writes.size > 0 || plan.deletes.size > 0) applyModelPlan(folder, plan);
  return { folder, files: plan.files };
}
