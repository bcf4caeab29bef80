/**
 * Oracle catalog rows -> parity's model: pure, linear in the number of rows. Every query's rows are
 * grouped once by owner and table (or object) name, then each object is built from its groups.
 *
 * What becomes what:
 * - a user (schema) -> `schema`; tables -> `table` with columns, keys, checks, foreign keys, indexes,
 *   triggers and comments; views -> `view` (WITH CHECK OPTION as `checkOption`, WITH READ ONLY as
 *   `extras.readOnly`); materialized views -> `materializedView` (refresh options in `extras`);
 *   sequences -> `sequence`; private synonyms -> `synonym`; standalone procedures and functions ->
 *   `procedure`/`function` (no overloads outside packages: the name is the bare name); packages ->
 *   `package` (spec and body); object and collection types -> `compositeType` (attributes, and the
 *   whole `CREATE TYPE` in `extras.definition`, its body in `extras.body`).
 * - NOT NULL constraints are the columns' `nullable`, not check constraints.
 * - Indexes that a primary key or unique constraint created under its own name are the constraint's.
 * - System-generated constraint names (SYS_C...) are kept and compared like any other name.
 */
import type { CompositeType, DatabaseModel, MaterializedView, ObjectRef, Package, Routine, RoutineArgument, SchemaObject, Sequence, Synonym, View, ViewColumn } from '../../model/objects.js';
import { compareCodePoints, groupBy, sortObjects } from '../../model/order.js';
import { columnType, qualifyHeader, sourceText } from './oracle-normalizer.js';
import type { ArgumentRow, CatalogRows, ColumnRow, SourceRow } from './oracle-rows.js';
import { comment, indexes, relationKey, sortByName, table, trigger } from './oracle-table-assembler.js';

function viewColumns(rows: readonly ColumnRow[]): ViewColumn[] {
  return rows.map((c) => ({ name: c.COLUMN_NAME, type: columnType(c), ...comment(c.COMMENTS) }));
}

/** A view's or materialized view's query: trailing whitespace of each line and of the text removed. */
function queryText(text: string): string {
  return sourceText([text]).replace(/;\s*$/, '');
}

const REF_KINDS: Readonly<Record<string, ObjectRef['kind']>> = { TABLE: 'table', VIEW: 'view', 'MATERIALIZED VIEW': 'materializedView' };

function dependsOn(rows: readonly CatalogRows['dependencies'][number][]): { dependsOn?: ObjectRef[] } {
  const refs = rows
    .filter((d) => !(d.TYPE === 'MATERIALIZED VIEW' && d.REFERENCED_TYPE === 'TABLE' && d.REFERENCED_NAME === d.NAME && d.REFERENCED_OWNER === d.OWNER))
    .map((d) => ({ kind: REF_KINDS[d.REFERENCED_TYPE] ?? 'table', schema: d.REFERENCED_OWNER, name: d.REFERENCED_NAME }))
    .sort((a, b) => compareCodePoints(a.schema, b.schema) || compareCodePoints(a.name, b.name));
  return refs.length > 0 ? { dependsOn: refs } : {};
}

function routineArguments(rows: readonly ArgumentRow[]): { arguments: RoutineArgument[]; returns?: string } {
  let returns: string | undefined;
  const args: RoutineArgument[] = [];
  for (const a of [...rows].sort((x, y) => x.POSITION - y.POSITION)) {
    if (a.POSITION === 0 && a.ARGUMENT_NAME === null) {
      if (a.DATA_TYPE !== null) returns = a.DATA_TYPE;
      continue;
    }
    // A procedure without arguments has one row with no name and no type.
    if (a.ARGUMENT_NAME === null && a.DATA_TYPE === null) continue;
    const mode = a.IN_OUT === 'OUT' ? 'OUT' : a.IN_OUT === 'IN/OUT' ? 'INOUT' : 'IN';
    args.push({ ...(a.ARGUMENT_NAME !== null ? { name: a.ARGUMENT_NAME } : {}), mode, type: a.DATA_TYPE ?? '' });
  }
  return { arguments: args, ...(returns !== undefined ? { returns } : {}) };
}

/** `CREATE OR REPLACE <stored source with its header qualified>`. */
function createOrReplace(lines: readonly SourceRow[] | undefined, keyword: string, owner: string, name: string): string | undefined {
  if (lines === undefined || lines.length === 0) return undefined;
  const text = sourceText([...lines].sort((a, b) => a.LINE - b.LINE).map((l) => l.TEXT));
  return `CREATE OR REPLACE ${qualifyHeader(text, keyword, owner, name)}`;
}

/** Builds the model from every query's rows. `schemas`: the schemas asked for (the model's `schemas`). */
export function assembleModel(rows: CatalogRows, schemas: readonly string[]): DatabaseModel {
  const byTable = <R extends { OWNER: string; TABLE_NAME: string }>(list: readonly R[]) => groupBy(list, (r) => relationKey(r.OWNER, r.TABLE_NAME));
  const columns = byTable(rows.columns);
  const identity = byTable(rows.identity_columns);
  const constraints = byTable(rows.constraints);
  const constraintColumns = groupBy(rows.constraint_columns, (r) => relationKey(r.OWNER, r.TABLE_NAME));
  const references = byTable(rows.foreign_key_columns);
  const indexRows = groupBy(rows.indexes, (r) => relationKey(r.TABLE_OWNER, r.TABLE_NAME));
  const triggers = groupBy(rows.triggers, (r) => relationKey(r.TABLE_OWNER, r.TABLE_NAME));
  const dependencies = groupBy(rows.dependencies, (r) => relationKey(r.OWNER, r.NAME));
  const source = groupBy(rows.source, (r) => `${r.TYPE}\u0000${relationKey(r.OWNER, r.NAME)}`);
  const args = groupBy(rows.arguments, (r) => relationKey(r.OWNER, r.OBJECT_NAME));
  const attributes = groupBy(rows.type_attributes, (r) => relationKey(r.OWNER, r.TYPE_NAME));
  const sourceOf = (type: SourceRow['TYPE'], owner: string, name: string) => source.get(`${type}\u0000${relationKey(owner, name)}`);

  const objects: SchemaObject[] = [];
  for (const row of rows.schemas) objects.push({ kind: 'schema', schema: row.USERNAME, name: row.USERNAME });

  for (const row of rows.tables) {
    const key = relationKey(row.OWNER, row.TABLE_NAME);
    const tableConstraintColumns = groupBy(constraintColumns.get(key) ?? [], (c) => c.CONSTRAINT_NAME);
    const tableReferences = groupBy(references.get(key) ?? [], (c) => c.CONSTRAINT_NAME);
    objects.push(
      table(row, {
        columns: columns.get(key) ?? [],
        identity: identity.get(key) ?? [],
        constraints: constraints.get(key) ?? [],
        constraintColumns: tableConstraintColumns,
        references: tableReferences,
        indexes: indexRows.get(key) ?? [],
        triggers: triggers.get(key) ?? [],
      }),
    );
  }

  for (const row of rows.views) {
    const key = relationKey(row.OWNER, row.VIEW_NAME);
    const viewConstraints = constraints.get(key) ?? [];
    const readOnly = viewConstraints.some((c) => c.CONSTRAINT_TYPE === 'O');
    const checkOption = viewConstraints.some((c) => c.CONSTRAINT_TYPE === 'V');
    const viewTriggers = sortByName((triggers.get(key) ?? []).map(trigger));
    const view: View = {
      kind: 'view',
      schema: row.OWNER,
      name: row.VIEW_NAME,
      ...comment(row.COMMENTS),
      ...(readOnly ? { extras: { readOnly: true } } : {}),
      definition: queryText(row.TEXT),
      columns: viewColumns(columns.get(key) ?? []),
      ...(checkOption ? { checkOption: 'CASCADED' as const } : {}),
      ...(viewTriggers.length > 0 ? { triggers: viewTriggers } : {}),
      ...dependsOn(dependencies.get(key) ?? []),
    };
    objects.push(view);
  }

  for (const row of rows.materialized_views) {
    const key = relationKey(row.OWNER, row.MVIEW_NAME);
    const mview: MaterializedView = {
      kind: 'materializedView',
      schema: row.OWNER,
      name: row.MVIEW_NAME,
      ...comment(row.COMMENTS),
      extras: {
        refresh: `${row.REFRESH_METHOD} ON ${row.REFRESH_MODE}`,
        ...(row.REWRITE_ENABLED === 'Y' ? { queryRewrite: true } : {}),
      },
      definition: queryText(row.QUERY),
      columns: viewColumns(columns.get(key) ?? []),
      indexes: indexes(indexRows.get(key) ?? [], constraints.get(key) ?? []),
      ...(row.BUILD_MODE === 'DEFERRED' ? { withData: false } : {}),
      ...dependsOn(dependencies.get(key) ?? []),
    };
    objects.push(mview);
  }

  for (const row of rows.sequences) {
    const sequence: Sequence = {
      kind: 'sequence',
      schema: row.SEQUENCE_OWNER,
      name: row.SEQUENCE_NAME,
      ...(row.ORDER_FLAG === 'Y' ? { extras: { order: true } } : {}),
      increment: row.INCREMENT_BY,
      minValue: row.MIN_VALUE,
      maxValue: row.MAX_VALUE,
      ...(row.CACHE_SIZE > 0 ? { cache: String(row.CACHE_SIZE) } : {}),
      ...(row.CYCLE_FLAG === 'Y' ? { cycle: true } : {}),
    };
    objects.push(sequence);
  }

  for (const row of rows.synonyms) {
    const synonym: Synonym = {
      kind: 'synonym',
      schema: row.OWNER,
      name: row.SYNONYM_NAME,
      ...(row.TABLE_OWNER !== null ? { targetSchema: row.TABLE_OWNER } : {}),
      targetName: row.TABLE_NAME,
      ...(row.DB_LINK !== null ? { dbLink: row.DB_LINK } : {}),
    };
    objects.push(synonym);
  }

  const seen = new Set<string>();
  for (const row of rows.source) {
    const id = `${row.TYPE}\u0000${relationKey(row.OWNER, row.NAME)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (row.TYPE === 'PROCEDURE' || row.TYPE === 'FUNCTION') {
      const kind = row.TYPE === 'PROCEDURE' ? 'procedure' : 'function';
      const routine: Routine = {
        kind,
        schema: row.OWNER,
        name: row.NAME,
        baseName: row.NAME,
        ...routineArguments(args.get(relationKey(row.OWNER, row.NAME)) ?? []),
        language: 'PLSQL',
        definition: createOrReplace(sourceOf(row.TYPE, row.OWNER, row.NAME), row.TYPE, row.OWNER, row.NAME)!,
      };
      objects.push(routine);
    } else if (row.TYPE === 'PACKAGE') {
      const body = createOrReplace(sourceOf('PACKAGE BODY', row.OWNER, row.NAME), 'PACKAGE BODY', row.OWNER, row.NAME);
      const pkg: Package = {
        kind: 'package',
        schema: row.OWNER,
        name: row.NAME,
        definition: createOrReplace(sourceOf('PACKAGE', row.OWNER, row.NAME), 'PACKAGE', row.OWNER, row.NAME)!,
        ...(body !== undefined ? { body } : {}),
      };
      objects.push(pkg);
    }
  }

  for (const row of rows.types) {
    const definition = createOrReplace(sourceOf('TYPE', row.OWNER, row.TYPE_NAME), 'TYPE', row.OWNER, row.TYPE_NAME);
    const body = createOrReplace(sourceOf('TYPE BODY', row.OWNER, row.TYPE_NAME), 'TYPE BODY', row.OWNER, row.TYPE_NAME);
    const type: CompositeType = {
      kind: 'compositeType',
      schema: row.OWNER,
      name: row.TYPE_NAME,
      extras: {
        typecode: row.TYPECODE,
        ...(definition !== undefined ? { definition } : {}),
        ...(body !== undefined ? { body } : {}),
      },
      attributes: (attributes.get(relationKey(row.OWNER, row.TYPE_NAME)) ?? [])
        .sort((a, b) => a.ATTR_NO - b.ATTR_NO)
        .map((a) => ({
          name: a.ATTR_NAME,
          type: columnType({
            DATA_TYPE: a.ATTR_TYPE_NAME,
            DATA_TYPE_OWNER: a.ATTR_TYPE_OWNER,
            DATA_LENGTH: a.LENGTH,
            DATA_PRECISION: a.PRECISION,
            DATA_SCALE: a.SCALE,
            CHAR_LENGTH: a.LENGTH,
            CHAR_USED: null,
          }),
        })),
    };
    objects.push(type);
  }

  return { dialect: 'oracle', schemas: [...schemas], objects: sortObjects(objects) };
}
