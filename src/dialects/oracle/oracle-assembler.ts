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
import type {
  CheckConstraint,
  Column,
  CompositeType,
  DatabaseModel,
  ForeignKey,
  Index,
  MaterializedView,
  ObjectRef,
  Package,
  PrimaryKey,
  ReferentialAction,
  Routine,
  RoutineArgument,
  SchemaObject,
  Sequence,
  Synonym,
  Table,
  Trigger,
  UniqueConstraint,
  View,
  ViewColumn,
} from '../../model/objects.js';
import { compareCodePoints, groupBy, sortObjects } from '../../model/order.js';
import {
  columnType,
  constraintExtras,
  normalizeDefault,
  normalizeExpression,
  parseIdentityOptions,
  qualifyHeader,
  qualifyTriggerDescription,
  sourceText,
  triggerEvents,
  triggerTiming,
} from './oracle-normalizer.js';
import type {
  ArgumentRow,
  CatalogRows,
  ColumnRow,
  ConstraintColumnRow,
  ConstraintRow,
  ForeignKeyColumnRow,
  IdentityColumnRow,
  IndexRow,
  SourceRow,
  TriggerRow,
} from './oracle-rows.js';

/** `owner\0name`: the key of an object's rows in the grouped catalog. */
const relationKey = (owner: string, name: string): string => `${owner}\u0000${name}`;

function sortByName<T extends { readonly name: string }>(items: T[]): T[] {
  return items.sort((a, b) => compareCodePoints(a.name, b.name));
}

const comment = (text: string | null): { comment?: string } => (text === null || text === '' ? {} : { comment: text });

function column(row: ColumnRow, identity: IdentityColumnRow | undefined): Column {
  const extras: Record<string, true> = {};
  if (row.HIDDEN_COLUMN === 'YES') extras['invisible'] = true;
  if (row.DEFAULT_ON_NULL === 'YES') extras['defaultOnNull'] = true;
  const virtual = row.VIRTUAL_COLUMN === 'YES';
  const defaultValue = virtual || identity !== undefined ? undefined : normalizeDefault(row.DATA_DEFAULT);
  return {
    name: row.COLUMN_NAME,
    type: columnType(row),
    nullable: row.NULLABLE === 'Y',
    ...(defaultValue !== undefined ? { default: defaultValue } : {}),
    ...(identity
      ? {
          identity: {
            generation: identity.GENERATION_TYPE === 'ALWAYS' ? ('always' as const) : ('by default' as const),
            sequence: parseIdentityOptions(identity.IDENTITY_OPTIONS),
          },
        }
      : {}),
    ...(virtual && row.DATA_DEFAULT !== null ? { generated: normalizeExpression(row.DATA_DEFAULT) } : {}),
    ...comment(row.COMMENTS),
    ...(Object.keys(extras).length > 0 ? { extras } : {}),
  };
}

function deferral(row: ConstraintRow): { deferrable?: true; initiallyDeferred?: true } {
  return {
    ...(row.DEFERRABLE === 'DEFERRABLE' ? { deferrable: true as const } : {}),
    ...(row.DEFERRED === 'DEFERRED' ? { initiallyDeferred: true as const } : {}),
  };
}

function deleteRule(rule: string | null): ReferentialAction {
  return rule === 'CASCADE' ? 'CASCADE' : rule === 'SET NULL' ? 'SET NULL' : 'NO ACTION';
}

/** A check that only says NOT NULL of a NOT NULL column: the column's `nullable` already says it. */
function isNotNullCheck(row: ConstraintRow, columns: readonly string[], notNull: ReadonlySet<string>): boolean {
  const match = /^"((?:[^"]|"")+)" IS NOT NULL$/.exec((row.SEARCH_CONDITION_VC ?? '').trim());
  return match !== null && columns.length === 1 && columns[0] === match[1] && notNull.has(match[1]!);
}

interface TableParts {
  readonly columns: readonly ColumnRow[];
  readonly identity: readonly IdentityColumnRow[];
  readonly constraints: readonly ConstraintRow[];
  readonly constraintColumns: ReadonlyMap<string, ConstraintColumnRow[]>;
  readonly references: ReadonlyMap<string, ForeignKeyColumnRow[]>;
  readonly indexes: readonly IndexRow[];
  readonly triggers: readonly TriggerRow[];
}

function keyColumns(parts: TableParts, name: string): string[] {
  return (parts.constraintColumns.get(name) ?? []).map((c) => c.COLUMN_NAME);
}

/** Indexes of a table, without those a key constraint created under its own name. */
function indexes(rows: readonly IndexRow[], constraints: readonly ConstraintRow[]): Index[] {
  const owned = new Set(constraints.filter((c) => (c.CONSTRAINT_TYPE === 'P' || c.CONSTRAINT_TYPE === 'U') && c.INDEX_NAME === c.CONSTRAINT_NAME).map((c) => c.INDEX_NAME));
  const result: Index[] = [];
  for (const [, parts] of groupBy(rows, (r) => relationKey(r.OWNER, r.INDEX_NAME))) {
    const first = parts[0]!;
    if (first.OWNER === first.TABLE_OWNER && owned.has(first.INDEX_NAME)) continue;
    const keys = [...parts]
      .sort((a, b) => a.COLUMN_POSITION - b.COLUMN_POSITION)
      .map((p) => {
        const key = p.COLUMN_EXPRESSION !== null ? normalizeExpression(p.COLUMN_EXPRESSION) : `"${p.COLUMN_NAME}"`;
        return p.DESCEND === 'DESC' ? `${key} DESC` : key;
      });
    const extras: Record<string, true> = {};
    if (first.INDEX_TYPE.endsWith('/REV')) extras['reverse'] = true;
    if (first.VISIBILITY === 'INVISIBLE') extras['invisible'] = true;
    result.push({
      name: first.INDEX_NAME,
      unique: first.UNIQUENESS === 'UNIQUE',
      method: first.INDEX_TYPE.includes('BITMAP') ? 'BITMAP' : 'NORMAL',
      keys,
      ...(Object.keys(extras).length > 0 ? { extras } : {}),
    });
  }
  return sortByName(result);
}

function trigger(row: TriggerRow): Trigger {
  const { timing, level } = triggerTiming(row.TRIGGER_TYPE);
  const when = row.WHEN_CLAUSE === null ? undefined : normalizeExpression(row.WHEN_CLAUSE);
  const header = qualifyTriggerDescription(row.DESCRIPTION, row.OWNER, row.TRIGGER_NAME);
  const body = sourceText([row.TRIGGER_BODY]);
  return {
    name: row.TRIGGER_NAME,
    timing,
    events: triggerEvents(row.TRIGGERING_EVENT),
    level,
    ...(when !== undefined ? { when } : {}),
    definition: `CREATE OR REPLACE TRIGGER ${header}\n${when !== undefined ? `WHEN (${when})\n` : ''}${body}`,
    ...(row.STATUS === 'DISABLED' ? { enabled: false } : {}),
  };
}

function table(row: CatalogRows['tables'][number], parts: TableParts): Table {
  const identity = new Map(parts.identity.map((i) => [i.COLUMN_NAME, i]));
  const columns = parts.columns.map((c) => column(c, identity.get(c.COLUMN_NAME)));
  const notNull = new Set(columns.filter((c) => !c.nullable).map((c) => c.name));
  let primaryKey: PrimaryKey | undefined;
  const uniques: UniqueConstraint[] = [];
  const checks: CheckConstraint[] = [];
  const foreignKeys: ForeignKey[] = [];
  for (const c of parts.constraints) {
    const cols = keyColumns(parts, c.CONSTRAINT_NAME);
    const state = constraintExtras(c.STATUS, c.VALIDATED);
    switch (c.CONSTRAINT_TYPE) {
      case 'P':
        primaryKey = { name: c.CONSTRAINT_NAME, columns: cols, ...deferral(c), ...state };
        break;
      case 'U':
        uniques.push({ name: c.CONSTRAINT_NAME, columns: cols, ...deferral(c), ...state });
        break;
      case 'C':
        if (!isNotNullCheck(c, cols, notNull)) checks.push({ name: c.CONSTRAINT_NAME, expression: normalizeExpression(c.SEARCH_CONDITION_VC ?? ''), ...state });
        break;
      case 'R': {
        const refs = parts.references.get(c.CONSTRAINT_NAME) ?? [];
        const first = refs[0];
        foreignKeys.push({
          name: c.CONSTRAINT_NAME,
          columns: cols,
          referencedSchema: first?.R_OWNER ?? '',
          referencedTable: first?.R_TABLE_NAME ?? '',
          referencedColumns: refs.map((r) => r.R_COLUMN_NAME),
          onUpdate: 'NO ACTION',
          onDelete: deleteRule(c.DELETE_RULE),
          ...deferral(c),
          ...state,
        });
        break;
      }
      default:
        break;
    }
  }
  const extras: Record<string, string | true> = {};
  if (row.TEMPORARY === 'Y') extras['temporary'] = row.DURATION === 'SYS$SESSION' ? 'ON COMMIT PRESERVE ROWS' : 'ON COMMIT DELETE ROWS';
  if (row.IOT_TYPE === 'IOT') extras['organization'] = 'INDEX';
  if (row.PARTITIONED === 'YES') extras['partitioned'] = true;
  return {
    kind: 'table',
    schema: row.OWNER,
    name: row.TABLE_NAME,
    ...comment(row.COMMENTS),
    ...(Object.keys(extras).length > 0 ? { extras } : {}),
    columns,
    ...(primaryKey ? { primaryKey } : {}),
    uniqueConstraints: sortByName(uniques),
    checkConstraints: sortByName(checks),
    foreignKeys: sortByName(foreignKeys),
    indexes: indexes(parts.indexes, parts.constraints),
    triggers: sortByName(parts.triggers.map(trigger)),
  };
}

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
