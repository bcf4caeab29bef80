/**
 * Golden files for every dialect: test/golden/<dialect>/<dir>/<case>.sql (SQL a renderer or generate
 * writes). UPDATE_GOLDEN=1 rewrites them (review what it writes); otherwise a missing or different file
 * fails the test. Also the two-script layout of a generate golden file, and the check that no golden
 * file is left without its case.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as assert from 'uvu/assert';
import type { Artifact, SideInfo } from '../../src/artifact/artifact.ts';
import type { Dialect } from '../../src/dialects/dialect.ts';
import { dependentObjectsOf } from '../../src/diff/compare.ts';
import { diffModels } from '../../src/diff/differ.ts';
import { renderMigrationScripts, type MigrationScript } from '../../src/generate/generate.ts';
import type { DatabaseModel, DialectName, SchemaObject } from '../../src/model/objects.ts';

export const GOLDEN_ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'golden');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

/** test/golden/<dialect>/<dir>. */
export function goldenFolder(dialect: DialectName, dir: string): string {
  return path.join(GOLDEN_ROOT, dialect, dir);
}

/** Asserts `text` is the golden file <dialect>/<dir>/<name>.sql (UPDATE_GOLDEN=1: writes it). */
export function checkGolden(dialect: DialectName, dir: string, name: string, text: string): void {
  const file = path.join(goldenFolder(dialect, dir), `${name}.sql`);
  if (UPDATE) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
    return;
  }
  assert.ok(fs.existsSync(file), `missing golden file ${file}; run with UPDATE_GOLDEN=1 and review it`);
  assert.fixture(text, fs.readFileSync(file, 'utf8'), `golden ${dir}/${name}.sql differs (UPDATE_GOLDEN=1 rewrites it)`);
}

/** Golden files in <dialect>/<dir> without a case among `names`. */
export function staleGoldenFiles(dialect: DialectName, dir: string, names: Iterable<string>): string[] {
  const wanted = new Set([...names].map((name) => `${name}.sql`));
  const folder = goldenFolder(dialect, dir);
  return fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => !wanted.has(f)) : [];
}

/** The text of a generate golden file: the versioned script, a separator line, its undo. */
export function generateGoldenText(versioned: MigrationScript, undo: MigrationScript): string {
  return `${versioned.text}\n-- ================ ${undo.fileName} ================\n\n${undo.text}`;
}

const side = (spec: string): SideInfo => ({ spec, type: 'snapshot', description: `snapshot ${spec}.json`, preparationInfo: null });

/** A model of `objects` sorted as sources sort them. */
export function modelOf(dialect: DialectName, objects: readonly SchemaObject[]): DatabaseModel {
  const sorted = [...objects].sort((a, b) => `${a.kind}\0${a.schema}\0${a.name}`.localeCompare(`${b.kind}\0${b.schema}\0${b.name}`));
  return { dialect, schemas: [...new Set(objects.map((o) => o.schema))], objects: sorted };
}

/** The artifact `diff` writes for two sides of hand-built objects (definitions and dependent views included). */
export function artifactOf(dialect: Dialect, sourceObjects: readonly SchemaObject[], targetObjects: readonly SchemaObject[]): Artifact {
  const source = modelOf(dialect.name, sourceObjects);
  const target = modelOf(dialect.name, targetObjects);
  const changes = diffModels(source, target).map((change) => ({
    ...change,
    ...(change.source ? { sourceDefinition: dialect.renderCreate(change.source) } : {}),
    ...(change.target ? { targetDefinition: dialect.renderCreate(change.target) } : {}),
  }));
  return {
    format: 'parity-artifact',
    formatVersion: 1,
    dialect: dialect.name,
    source: side('source'),
    target: side('target'),
    changes,
    dependentObjects: { source: dependentObjectsOf(source, changes, dialect), target: dependentObjectsOf(target, changes, dialect) },
  };
}

/** The versioned script and its undo for an artifact (version 2, the case's name as description). */
export function scriptsOf(artifact: Artifact, name: string): [MigrationScript, MigrationScript] {
  const [v, u] = renderMigrationScripts({ artifact, changes: artifact.changes, types: ['versioned', 'undo'], version: '2', description: name });
  return [v!, u!];
}

/**
 * Index of the first step of `script` holding `fragment` (`...;` at the end: the whole statement);
 * fails when there is none.
 */
export function stepAt(script: MigrationScript, fragment: string): number {
  const matches = (sql: string) => (fragment.endsWith(';') ? sql === fragment.slice(0, -1) : sql.includes(fragment));
  const index = script.steps.findIndex((s) => matches(s.sql));
  assert.ok(index >= 0, `no statement with "${fragment}" in ${script.fileName}:\n${script.text}`);
  return index;
}

/** Asserts that the statement holding `first` comes before the one holding `second`. */
export function assertBefore(script: MigrationScript, first: string, second: string): void {
  assert.ok(stepAt(script, first) < stepAt(script, second), `"${first}" should come before "${second}" in ${script.fileName}:\n${script.text}`);
}
