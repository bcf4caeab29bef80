/** Schemas (with their events), views and stored routines from catalog rows. Pure functions. */
import type { ObjectKind, Routine, RoutineArgument, SchemaDef, ScheduledEvent, View } from '../../model/objects.js';
import { compareCodePoints, normalizeType, normalizeViewDefinition } from './mysql-normalizer.js';
import { routineDefinition } from './mysql-render-objects.js';
import type { EventRow, ParameterRow, RoutineRow, SchemaRow, ViewRow } from './mysql-rows.js';

const STATUS: Readonly<Record<string, ScheduledEvent['status']>> = {
  ENABLED: 'ENABLE',
  DISABLED: 'DISABLE',
  SLAVESIDE_DISABLED: 'DISABLE ON SLAVE',
};

/** `'2030-01-01 00:00:00'` from a DATETIME text (fractional zeros dropped). */
function timestamp(text: string): string {
  return `'${text.replace(/\.0+$/, '')}'`;
}

/**
 * `AT '...'` or `EVERY n UNIT [STARTS '...'] [ENDS '...']`. A STARTS equal to CREATED is the server's
 * default (the moment the event was created): left out, so two copies created at different times
 * compare equal.
 */
function schedule(row: EventRow): string {
  if (row.event_type.toUpperCase() === 'ONE TIME') return `AT ${timestamp(row.execute_at ?? '')}`;
  const value = row.interval_value ?? '1';
  const amount = /^\d+$/.test(value) ? value : `'${value.replace(/'/g, "''")}'`;
  const parts = [`EVERY ${amount} ${row.interval_field ?? 'DAY'}`];
  if (row.starts !== null && row.starts.slice(0, 19) !== row.created.slice(0, 19)) parts.push(`STARTS ${timestamp(row.starts)}`);
  if (row.ends !== null) parts.push(`ENDS ${timestamp(row.ends)}`);
  return parts.join(' ');
}

function event(row: EventRow): ScheduledEvent {
  return {
    name: row.event_name,
    schedule: schedule(row),
    onCompletion: row.on_completion.toUpperCase() === 'PRESERVE' ? 'PRESERVE' : 'NOT PRESERVE',
    status: STATUS[row.status.toUpperCase()] ?? 'ENABLE',
    body: row.body,
    ...(row.comment !== '' ? { comment: row.comment } : {}),
  };
}

export function schema(row: SchemaRow, events: readonly EventRow[]): SchemaDef {
  const list = events.map(event).sort((a, b) => compareCodePoints(a.name, b.name));
  return {
    kind: 'schema',
    schema: row.schema_name,
    name: row.schema_name,
    ...(row.comment ? { comment: row.comment } : {}),
    extras: { characterSet: row.charset, collation: row.collation },
    ...(list.length > 0 ? { events: list } : {}),
  };
}

/** `known`: `schema\0name` → kind of every table and view read, to find what a view reads. */
export function view(row: ViewRow, known: ReadonlyMap<string, ObjectKind>): View {
  const { definition, dependsOn } = normalizeViewDefinition(row.definition, row.table_schema, known);
  const check = row.check_option.toUpperCase();
  const algorithm = row.algorithm.toUpperCase();
  return {
    kind: 'view',
    schema: row.table_schema,
    name: row.table_name,
    definition,
    ...(check === 'LOCAL' || check === 'CASCADED' ? { checkOption: check } : {}),
    ...(row.security_type.toUpperCase() === 'INVOKER' ? { securityInvoker: true } : {}),
    ...(algorithm !== 'UNDEFINED' && algorithm !== '' ? { extras: { algorithm } } : {}),
    ...(dependsOn.length > 0 ? { dependsOn } : {}),
  };
}

function argument(row: ParameterRow): RoutineArgument {
  const mode = (row.mode ?? 'IN').toUpperCase();
  return {
    name: row.parameter_name ?? '',
    mode: mode === 'OUT' || mode === 'INOUT' ? mode : 'IN',
    type: normalizeType(row.type),
  };
}

export function routine(row: RoutineRow, parameters: readonly ParameterRow[]): Routine {
  const kind = row.routine_type === 'FUNCTION' ? 'function' : 'procedure';
  const args = parameters.map(argument);
  const returns = kind === 'function' && row.returns !== null ? normalizeType(row.returns) : undefined;
  const comment = row.comment !== '' ? row.comment : undefined;
  return {
    kind,
    schema: row.routine_schema,
    name: row.routine_name,
    baseName: row.routine_name,
    arguments: args,
    ...(returns !== undefined ? { returns } : {}),
    language: 'SQL',
    ...(comment !== undefined ? { comment } : {}),
    definition: routineDefinition({
      kind,
      schema: row.routine_schema,
      name: row.routine_name,
      arguments: args,
      ...(returns !== undefined ? { returns } : {}),
      deterministic: row.is_deterministic.toUpperCase() === 'YES',
      dataAccess: row.data_access.toUpperCase(),
      securityInvoker: row.security_type.toUpperCase() === 'INVOKER',
      ...(comment !== undefined ? { comment } : {}),
      body: row.body ?? '',
    }),
  };
}
