/**
 * Oracle catalog rows of one table -> the model's `table` (oracle-assembler.ts groups the rows and
 * builds every object): columns with identity options, the primary key, unique, check and foreign
 * keys (NOT NULL checks become the columns' `nullable`), indexes (those a key created are the key's),
 * triggers and comments.
 */
import type { CheckConstraint, Column, ForeignKey, Index, PrimaryKey, ReferentialAction, Table, Trigger, UniqueConstraint } from '../../model/objects.js';
import { compareCodePoints, groupBy } from '../../model/order.js';
import { columnType, constraintExtras, normalizeDefault, normalizeExpression, parseIdentityOptions, qualifyTriggerDescription, sourceText, triggerEvents, triggerTiming } from './oracle-normalizer.js';
import type { CatalogRows, ColumnRow, ConstraintColumnRow, ConstraintRow, ForeignKeyColumnRow, IdentityColumnRow, IndexRow, TriggerRow } from './oracle-rows.js';

/** `owner\0name`: the key of an object's rows in the grouped catalog. */
export const relationKey = (owner: string, name: string): string => `${owner}\u0000${name}`;

export function sortByName<T extends { readonly name: string }>(items: T[]): T[] {
  return items.sort((a, b) => compareCodePoints(a.name, b.name));
}

export const comment = (text: string | null): { comment?: string } => (text === null || text === '' ? {} : { comment: text });

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

export interface TableParts {
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
export function indexes(rows: readonly IndexRow[], constraints: readonly ConstraintRow[]): Index[] {
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

export function trigger(row: TriggerRow): Trigger {
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

export function table(row: CatalogRows['tables'][number], parts: TableParts): Table {
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
